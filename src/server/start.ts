// One tutorial node on a real port: the engine (engine.ts), its HTTP face (http.ts), its miner thread and, with
// a data file, its memory across restarts. The command line (src/cli/node.ts) and the interop tests start it.
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Failure } from '../core/errors';
import type { PowParams } from '../core/pow';
import { DEFAULT_PARAMS, mergeParams, NO_FLAWS, type SimParams } from '../sim/params';
import { checkParams } from '../sim/settings';
import { saveData } from './dataFile';
import { readData, restoreNode } from '../http/nodeData';
import { createNodeEngine, type NodeEngine } from '../http/nodeEngine';
import { createHttpApp } from './http';
import { askPeer } from '../http/askPeer';
import { httpAnswer } from '../http/wire';
import { threadMiner } from './threadMiner';

export interface NodeOptions {
  readonly port: number;
  readonly host?: string;
  /** The reward's recipient, as the tutorial's node_identifier (default: a fresh uuid4 without dashes). */
  readonly name?: string;
  readonly pow?: PowParams;
  /** Peers to register at start ("http://127.0.0.1:5001"). */
  readonly peers?: readonly string[];
  /** Keep chain, mempool and peers in this file across restarts. */
  readonly data?: string;
  /** Refuse what the tutorial's node would take but the strict rules do not (any JSON in a transaction …). */
  readonly strict?: boolean;
  /** Seconds to wait for a peer (default 5). */
  readonly timeout?: number;
  readonly bodyLimit?: number;
  readonly onError?: (error: Failure) => void;
}

export interface RunningNode {
  readonly url: string;
  readonly name: string;
  readonly engine: NodeEngine;
  close(): Promise<void>;
}

/**
 * The tutorial's node, where it is fragile made sturdy: strictly longer valid chains win (the claimed length is
 * checked), a dead or slow peer is skipped with its reason, pending transactions are reconciled. What it takes
 * is the tutorial's: links and proofs only, any JSON in a transaction — unless `strict`.
 */
export function nodeParams(o: Pick<NodeOptions, 'pow' | 'strict' | 'timeout'>): SimParams {
  return mergeParams(DEFAULT_PARAMS, {
    pow: o.pow ?? { rule: 'tutorial', difficulty: 4 },
    strictness: o.strict ? 'strict' : 'tutorial',
    forkChoice: 'longest',
    resolvePolicy: 'manual',
    randomStart: false,
    timeout: o.timeout ?? 5,
    hashRate: 1,
    flaws: NO_FLAWS,
  });
}

export async function startNode(o: NodeOptions): Promise<RunningNode> {
  const host = o.host ?? '127.0.0.1';
  const name = o.name ?? randomUUID().replaceAll('-', '');
  const params = nodeParams(o);
  const checked = checkParams(params);
  if (!checked.ok) throw new Error(checked.error.message);
  const data = o.data;
  const saved = data && existsSync(data) ? readData(data, readFileSync(data, 'utf8')) : null;
  if (saved && !saved.ok) throw new Error(saved.error.message);
  const timeoutMs = params.timeout * 1000;
  let engine: NodeEngine | null = null;
  const app = createHttpApp(
    {
      answer: async (r) => httpAnswer(await (engine as NodeEngine).request(r)),
      peers: () => (engine as NodeEngine).node().peers,
    },
    o.bodyLimit ? { bodyLimit: o.bodyLimit } : {},
  );
  // Listen first: the node's address is where it really listens (port 0 asks for a free one).
  await app.listen({ port: o.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  engine = createNodeEngine({
    name,
    address: `${host}:${port}`,
    params,
    miner: threadMiner((e) => o.onError?.(e)),
    ask: (to, req) => askPeer(to, req, timeoutMs),
    ...(data ? { persist: (node) => saveData(data, node) } : {}),
    ...(o.onError ? { onError: o.onError } : {}),
  });
  if (saved?.ok) {
    const restored = await restoreNode(engine, saved.value);
    if (restored) {
      await app.close();
      engine.stop();
      throw new Error(`${data}: its chain does not validate here: ${restored.message}`);
    }
  }
  if (o.peers?.length)
    await engine.request({ method: 'POST', path: '/nodes/register', body: { nodes: o.peers } });
  const running = engine;
  return {
    url: `http://${host}:${port}`,
    name,
    engine: running,
    async close() {
      await app.close();
      running.stop();
    },
  };
}
