// Reading a run from outside (a link, a file, localStorage): the same safe parser as the core (size and depth
// limits, no __proto__, no duplicate keys), then a strict check of every field. Anything unexpected is an
// E_SHARE_DECODE naming the field; nothing here runs the simulation.
import { ERROR_CODES, fail, failure, ok, type ErrorCode, type Failure, type Result } from '../core/errors';
import { isValidNonce } from '../core/pow';
import { parseJson } from '../core/parse';
import {
  Bad,
  bad,
  describe,
  int,
  list,
  MAX_LIST,
  MAX_LOG,
  num,
  obj,
  onlyKeys,
  readParams,
  text,
  type Obj,
} from './fields';
import { chainFromJson } from '../core/chainJson';
import type { PyJson } from '../core/encoding';
import { SHARE_VERSION, type AnswerEntry, type Head, type LogEntry, type SharePayload } from './payload';

/** A real node's error message, as recorded: long enough for a URL and a reason. */
const MAX_MESSAGE = 600;
import { readCommand } from './readCommand';

function readEntry(v: unknown, path: string, last: { n: number; at: number }): LogEntry {
  const o = obj(v, path);
  // Each input comes after the one before it: one moment later at least, and never earlier in time.
  const n = int(o.n, `${path}.n`, last.n);
  const at = num(o.at, `${path}.at`, last.at, 1e9);
  last.n = n + 1;
  last.at = at;
  if (o.kind === 'command') {
    onlyKeys(o, ['kind', 'n', 'at', 'cmd'], path);
    return { kind: 'command', n, at, cmd: readCommand(o.cmd, `${path}.cmd`) };
  }
  if (o.kind === 'answer') return readAnswer(o, path, n, at);
  if (o.kind !== 'found') bad(`${path}.kind`, 'must be "command", "found" or "answer"');
  onlyKeys(o, ['kind', 'n', 'at', 'node', 'job', 'proof', 'attempts'], path);
  const proof = int(o.proof, `${path}.proof`, 0, Number.MAX_SAFE_INTEGER);
  if (!isValidNonce(proof)) bad(`${path}.proof`, 'is not a valid proof');
  return {
    kind: 'found',
    n,
    at,
    node: text(o.node, `${path}.node`),
    job: int(o.job, `${path}.job`, 1),
    proof,
    attempts: int(o.attempts, `${path}.attempts`, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** A real node's recorded answer (payload.ts AnswerEntry): a chain the core's importer takes, or a named error. */
function readAnswer(o: Obj, path: string, n: number, at: number): LogEntry {
  onlyKeys(o, ['kind', 'n', 'at', 'from', 'to', 'chain', 'length', 'error'], path);
  const from = text(o.from, `${path}.from`);
  const t = obj(o.to, `${path}.to`);
  let to: AnswerEntry['to'];
  if (t.kind === 'host') {
    onlyKeys(t, ['kind', 'address'], `${path}.to`);
    to = { kind: 'host', address: text(t.address, `${path}.to.address`) };
  } else if (t.kind === 'resolve') {
    onlyKeys(t, ['kind', 'node', 'resolveId', 'slot'], `${path}.to`);
    to = {
      kind: 'resolve',
      node: text(t.node, `${path}.to.node`),
      resolveId: int(t.resolveId, `${path}.to.resolveId`, 1),
      slot: int(t.slot, `${path}.to.slot`, 0, MAX_LIST),
    };
  } else return bad(`${path}.to.kind`, 'must be "host" or "resolve"');
  const base = { kind: 'answer' as const, n, at, from, to };
  if ('error' in o) {
    if ('chain' in o || 'length' in o) bad(path, 'has an error and a chain');
    const e = obj(o.error, `${path}.error`);
    onlyKeys(e, ['code', 'message'], `${path}.error`);
    const code = text(e.code, `${path}.error.code`);
    if (!Object.hasOwn(ERROR_CODES, code))
      bad(`${path}.error.code`, `is not an error code (${describe(code)})`);
    if (typeof e.message !== 'string' || e.message.length > MAX_MESSAGE)
      bad(`${path}.error.message`, `must be text of at most ${MAX_MESSAGE} characters`);
    return { ...base, error: { code: code as ErrorCode, message: e.message } };
  }
  const chain = chainFromJson(list(o.chain, `${path}.chain`, MAX_LOG) as PyJson);
  if (!chain.ok)
    bad(`${path}.chain`, `is not a chain the tutorial's node would take: ${chain.error.message}`);
  return { ...base, chain: chain.value, length: int(o.length, `${path}.length`, 0, Number.MAX_SAFE_INTEGER) };
}

function readHead(v: unknown, path: string): Head {
  const o = obj(v, path);
  onlyKeys(o, ['id', 'length', 'tip', 'pending'], path);
  if (typeof o.tip !== 'string' || !/^[0-9a-f]{64}$/.test(o.tip)) bad(`${path}.tip`, 'must be a hex hash');
  return {
    id: text(o.id, `${path}.id`),
    length: int(o.length, `${path}.length`, 1),
    tip: o.tip as string,
    pending: int(o.pending, `${path}.pending`),
  };
}

/** A decoded JSON value → a payload, or E_SHARE_DECODE naming the first bad field. */
export function readPayload(value: unknown): Result<SharePayload> {
  try {
    const o = obj(value, 'The run');
    if (o.v !== SHARE_VERSION)
      bad('The run', `was saved by another version of Chainlab (format ${describe(o.v)}).`);
    onlyKeys(o, ['v', 'params', 'miner', 'log', 'check'], 'The run');
    const params = readParams(o.params);
    if (o.miner !== 'hash' && o.miner !== 'external') bad('miner', 'must be "hash" or "external"');
    const last = { n: 0, at: 0 };
    const log = list(o.log, 'log', MAX_LOG).map((e, i) => readEntry(e, `log[${i}]`, last));
    const c = obj(o.check, 'check');
    onlyKeys(c, ['n', 'at', 'heads'], 'check');
    const check = {
      n: int(c.n, 'check.n', last.n),
      at: num(c.at, 'check.at', last.at, 1e9),
      heads: list(c.heads, 'check.heads', MAX_LIST).map((h, i) => readHead(h, `check.heads[${i}]`)),
    };
    return ok({ v: SHARE_VERSION, params, miner: o.miner, log, check });
  } catch (e) {
    if (!(e instanceof Bad)) throw e;
    return fail(failure('E_SHARE_DECODE', `This run cannot be read: ${e.message}`));
  }
}

/** The text of a run (file, autosave, inflated link) → a payload. */
export function parsePayloadText(textIn: string, maxChars: number): Result<SharePayload> {
  const parsed = parseJson(textIn, { maxChars });
  if (!parsed.ok) return fail(decodeFailure(parsed.error));
  return readPayload(parsed.value);
}

function decodeFailure(e: Failure): Failure {
  return e.code === 'E_TOO_LARGE' ? e : failure('E_SHARE_DECODE', `This run cannot be read. ${e.message}`);
}
