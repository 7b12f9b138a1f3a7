// The tutorial's HTTP endpoints as plain request/response data (docs/protocol.md "Endpoints").
// `POST /nodes/announce` is our extension for the on-announce resolve policy; the tutorial has no broadcast.
import type { Link } from '../core/chain';
import { fail, failure, ok, type Result } from '../core/errors';
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
      /**
       * The relay policy carries the block itself, and the sender's chain by reference: it stands in for the
       * blocks a receiver has already seen (each reached it in an earlier relay), so a node on another branch
       * switches in one hop, as a node with a block store does, instead of pulling GET /chain (two more hops).
       */
      readonly body: { index: number; hash: string; block?: Block; chain?: Link };
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

/** The most characters read as an address: "https://" + a 253-character host + ":65535" + "/", with room. */
const MAX_ADDRESS = 300;
/** RFC 1035 §2.3.4 and RFC 1123 §2.1: a name has at most 253 characters, a label at most 63. */
const MAX_HOST = 253;
const MAX_LABEL = 63;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * The tutorial's register_node: keep urlparse(url).netloc, or the bare "host:port" when there is no scheme.
 * Stricter than urlparse, which keeps any text: a host that DNS could resolve (labels of letters, digits and
 * inner hyphens, RFC 1123) and a port from 1 to 65535, each refused with its own sentence.
 */
export function netlocOf(url: string): Result<string> {
  const bad = (why: string) => fail(failure('E_BAD_URL', why));
  if (url.length > MAX_ADDRESS)
    return bad(
      `An address of ${url.length} characters is too long to be a node address like http://bob:5000.`,
    );
  const m = /^(?:https?:\/\/)?([a-z0-9.-]+)(?::(\d{1,5}))?\/?$/i.exec(url.trim());
  if (!m) return bad(`"${url.slice(0, 80)}" is not a node address like http://bob:5000.`);
  const host = (m[1] as string).toLowerCase();
  const port = m[2];
  if (host.length > MAX_HOST)
    return bad(`The host name has ${host.length} characters; a host name has at most ${MAX_HOST}.`);
  for (const label of host.split('.')) {
    if (label.length > MAX_LABEL)
      return bad(
        `"${label.slice(0, 20)}…" has ${label.length} characters; each part of a host name has at most ${MAX_LABEL}.`,
      );
    if (!LABEL.test(label))
      return bad(
        `"${host.slice(0, 80)}" is not a host name: its parts are letters, digits and inner hyphens.`,
      );
  }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return bad(`Port ${port} does not exist: ports go from 1 to 65535.`);
  return ok(port === undefined ? host : `${host}:${port}`);
}
