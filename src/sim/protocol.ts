// The tutorial's HTTP endpoints as plain request/response data (docs/protocol.md "Endpoints").
// `POST /nodes/announce` is our extension for the on-announce resolve policy; the tutorial has no broadcast.
import type { Link } from '../core/chain';
import type { Block } from '../core/types';

export type Request =
  | { readonly method: 'GET'; readonly path: '/chain' }
  | { readonly method: 'GET'; readonly path: '/mine' }
  | { readonly method: 'GET'; readonly path: '/nodes/resolve' }
  | { readonly method: 'POST'; readonly path: '/transactions/new'; readonly body: unknown }
  | { readonly method: 'POST'; readonly path: '/nodes/register'; readonly body: unknown }
  | {
      readonly method: 'POST';
      readonly path: '/nodes/announce';
      /** The relay policy carries the block itself. */
      readonly body: { index: number; hash: string; block?: Block };
    };

/**
 * A GET /chain body inside the engine shares the sender's persistent chain: nothing is copied per peer. It
 * becomes the tutorial's JSON list only where it leaves the world (an HTTP answer, a file).
 */
export interface ChainBody {
  readonly chain: Link;
  readonly length: number;
}

export interface Response {
  readonly status: number;
  readonly body: { readonly message?: string; readonly [key: string]: unknown };
}

export function requestLabel(req: Request): string {
  return `${req.method} ${req.path}`;
}

export const MESSAGES = {
  forged: 'New Block Forged',
  replaced: 'Our chain was replaced',
  authoritative: 'Our chain is authoritative',
  missing: 'Missing values',
  nodesAdded: 'New nodes have been added',
  badNodes: 'Error: Please supply a valid list of nodes',
} as const;

/** The tutorial's register_node: keep urlparse(url).netloc, or the bare "host:port" when there is no scheme. */
export function netlocOf(url: string): string | null {
  const m = /^(?:https?:\/\/)?([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?)\/?$/i.exec(url.trim());
  return m ? (m[1] as string).toLowerCase() : null;
}
