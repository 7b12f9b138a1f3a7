// The whole proof-search loop in WebAssembly SIMD, four nonces per iteration, for loopSearch.ts. Against
// sha256x4.ts (one compression per call, the nonce and the difficulty test in JS) it does less work per attempt:
// - the nonce's low digits live in two message words, `a` and `b` (the word holding the last digit and the one
//   before it); they are read from tables per lane, so the increment is two vector adds and a carry;
// - rounds before word `a`, and every schedule word that depends on neither, are computed once per batch in JS
//   (loopSearch.ts) and read here as K + W; schedule words that do depend on them get their constant terms
//   pre-summed. Blocks after the nonce's block have constant messages (the tutorial rule's 64-hex last_hash),
//   so their whole schedule is K + W too;
// - the last block computes only digest word 0 and leaves the loop when a lane has the difficulty's leading bits
//   or a new lowest word 0: JS finishes the hash for those few candidates.
// One module per layout (which words vary, how many blocks follow), compiled on first use and cached.
import { K } from './sha256Constants';
import { section, sleb, str, uleb } from './sha256x4';

/** Byte offsets in the kernel's memory, shared with loopSearch.ts. Vectors are 16 bytes, splatted constants. */
export const MEM = {
  laneB: 0, // i32 × 4: per-lane index into table B (the low digits in word b)
  laneA: 16, // i32 × 4: per-lane index into table A (the digits in word a)
  modB: 32, // splat 10^(digits in word b): table B's size
  best: 48, // splat: the lowest digest word 0 seen so far (unsigned); a lane at or below it leaves the loop
  mask: 64, // splat: the difficulty's bits of digest word 0
  out: 80, // i32 × 4: digest word 0 of each lane when the loop left early
  state0: 128, // 8 vectors: working variables after the rounds before word a
  chain: 256, // 8 vectors: chaining value into the nonce's block
  scratch: 384, // 8 vectors: chaining value into a following block
  partial: 512, // 64 vectors: constant terms of the schedule words that vary
  kw: 1536, // 64 vectors: K + W of the nonce's block, for the constant W
  kwAfter: 2560, // 2 × 64 vectors: K + W of the following blocks
  tableA: 4608, // i32 × (10^4 + 2)
  tableB: 4608 + 40016,
} as const;
export const KERNEL_PAGES = 2;

/** Which words vary in the nonce's block (a: -1 when none besides b) and how many constant blocks follow. */
export interface KernelShape {
  readonly a: number;
  readonly b: number;
  readonly after: number;
}

/** varies[t]: schedule word t of the nonce's block changes between nonces of one batch. */
export function varyingWords(shape: KernelShape): boolean[] {
  const v = Array.from({ length: 64 }, (_, t) => t === shape.a || t === shape.b);
  for (let t = 16; t < 64; t++) v[t] = v[t - 2]! || v[t - 7]! || v[t - 15]! || v[t - 16]!;
  return v;
}

// Opcodes (WebAssembly core spec; SIMD after the 0xfd prefix).
const OP = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: [0x0c],
  brIf: [0x0d],
  ret: [0x0f],
  get: 0x20,
  set: 0x21,
  i32Load: 0x28,
  i32Const: 0x41,
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Shl: [0x74],
  load: [0xfd, 0x00],
  store: [0xfd, 0x0b],
  splat: [0xfd, 0x11],
  extract: [0xfd, 0x1b],
  replace: [0xfd, 0x1c],
  eq: [0xfd, 0x37],
  leU: [0xfd, 0x3e],
  geU: [0xfd, 0x40],
  and: [0xfd, 0x4e],
  or: [0xfd, 0x50],
  xor: [0xfd, 0x51],
  bitselect: [0xfd, 0x52],
  anyTrue: [0xfd, 0x53],
  shl: [0xfd, 0xab, 0x01],
  shrU: [0xfd, 0xad, 0x01],
  add: [0xfd, 0xae, 0x01],
  sub: [0xfd, 0xb1, 0x01],
} as const;

// Locals: 0 = n (param), 1 = i; v128: 2..9 working variables, 10..25 schedule, then t, laneB, laneA, h0.
const N = 0;
const I = 1;
const WORK = 2;
const W = (t: number) => 10 + (t % 16);
const T = 26;
const LB = 27;
const LA = 28;
const H0 = 29;
const V128_LOCALS = 28;

const get = (l: number) => [OP.get, ...uleb(l)];
const set = (l: number) => [OP.set, ...uleb(l)];
const i32 = (n: number) => [OP.i32Const, ...sleb(n | 0)];
const load = (offset: number) => [...i32(0), ...OP.load, 4, ...uleb(offset)];
const store = (offset: number, local: number) => [...i32(0), ...get(local), ...OP.store, 4, ...uleb(offset)];
const shr = (l: number, n: number) => [...get(l), ...i32(n), ...OP.shrU];
const rotr = (l: number, n: number) => [...shr(l, n), ...get(l), ...i32(32 - n), ...OP.shl, ...OP.or];
const sigma = (l: number, x: number, y: number, z: number, last: typeof rotr) => [
  ...rotr(l, x),
  ...rotr(l, y),
  ...OP.xor,
  ...last(l, z),
  ...OP.xor,
];

/** Round r; `kw` pushes K[r] + W[r]. In the last block's last round only `a` is needed (`lastA`). */
function round(r: number, kw: number[], lastA = false): number[] {
  const v = (i: number) => WORK + ((i - (r % 8) + 8) % 8);
  const [a, b, c, d, e, f, g, h] = [v(0), v(1), v(2), v(3), v(4), v(5), v(6), v(7)];
  const code = [...get(h), ...sigma(e, 6, 11, 25, rotr), ...OP.add];
  code.push(...get(f), ...get(g), ...get(e), ...OP.bitselect, ...OP.add, ...kw, ...OP.add, ...set(T));
  if (!lastA) code.push(...get(d), ...get(T), ...OP.add, ...set(d));
  code.push(...get(T), ...sigma(a, 2, 13, 22, rotr), ...OP.add);
  code.push(...get(b), ...get(a), ...get(a), ...get(c), ...OP.xor, ...OP.bitselect, ...OP.add, ...set(h));
  return code;
}

/** W[t] = W[t-16] + σ1(W[t-2]) + W[t-7] + σ0(W[t-15]), with the constant terms pre-summed in memory. */
function varyingSchedule(t: number, varies: boolean[]): number[] {
  const code = load(MEM.partial + 16 * t);
  if (varies[t - 16]) code.push(...get(W(t - 16)), ...OP.add);
  if (varies[t - 2]) code.push(...sigma(W(t - 2), 17, 19, 10, shr), ...OP.add);
  if (varies[t - 7]) code.push(...get(W(t - 7)), ...OP.add);
  if (varies[t - 15]) code.push(...sigma(W(t - 15), 7, 18, 3, shr), ...OP.add);
  return [...code, ...set(W(t))];
}

/** Word `w` of every lane from a table indexed by that lane's counter. */
function fromTable(w: number, lanes: number, table: number): number[] {
  const code: number[] = [];
  for (let j = 0; j < 4; j++) {
    code.push(...get(W(w)), ...get(lanes), ...OP.extract, j, ...i32(2), ...OP.i32Shl);
    code.push(OP.i32Load, 2, ...uleb(table), ...OP.replace, j, ...set(W(w)));
  }
  return code;
}

/** search(n): up to n iterations of four nonces; the iteration a candidate left at, or -1 after all n. */
function searchBody(shape: KernelShape): number[] {
  const varies = varyingWords(shape);
  const first = shape.a >= 0 ? shape.a : shape.b;
  const lastBlock = shape.after === 0;
  const code: number[] = [...load(MEM.laneB), ...set(LB), ...load(MEM.laneA), ...set(LA)];
  code.push(...OP.block, ...OP.loop, ...get(I), ...get(N), ...OP.i32GeU, ...OP.brIf, 1);
  if (shape.a >= 0) code.push(...fromTable(shape.a, LA, MEM.tableA));
  code.push(...fromTable(shape.b, LB, MEM.tableB));
  // The working variables after round first - 1, named as round `first` expects them.
  for (let k = 0; k < 8; k++)
    code.push(...load(MEM.state0 + 16 * k), ...set(WORK + ((k - (first % 8) + 8) % 8)));
  for (let r = first; r < 64; r++) {
    if (r >= 16 && varies[r]) code.push(...varyingSchedule(r, varies));
    const kw = varies[r] ? [...i32(K[r]!), ...OP.splat, ...get(W(r)), ...OP.add] : load(MEM.kw + 16 * r);
    code.push(...round(r, kw, lastBlock && r === 63));
  }
  const feedForward = (from: number) => {
    for (let k = 0; k < 8; k++)
      code.push(...get(WORK + k), ...load(from + 16 * k), ...OP.add, ...set(WORK + k));
  };
  let into: number = MEM.chain;
  for (let blk = 0; blk < shape.after; blk++) {
    feedForward(into);
    for (let k = 0; k < 8; k++) code.push(...store(MEM.scratch + 16 * k, WORK + k));
    into = MEM.scratch;
    const last = blk === shape.after - 1;
    for (let r = 0; r < 64; r++)
      code.push(...round(r, load(MEM.kwAfter + 1024 * blk + 16 * r), last && r === 63));
  }
  code.push(...get(WORK), ...load(into), ...OP.add, ...set(H0));
  // Leave when a lane has the difficulty's bits zero or is at or below the lowest word 0 so far.
  code.push(...get(H0), ...load(MEM.mask), ...OP.and, ...i32(0), ...OP.splat, ...OP.eq);
  code.push(...get(H0), ...load(MEM.best), ...OP.leU, ...OP.or, ...OP.anyTrue, ...OP.if);
  code.push(...store(MEM.out, H0), ...store(MEM.laneB, LB), ...store(MEM.laneA, LA), ...get(I), ...OP.ret);
  code.push(...OP.end);
  // Every lane's nonce += 4: the low counter wraps at 10^(digits in b) and carries into the counter of word a.
  code.push(...get(LB), ...i32(4), ...OP.splat, ...OP.add, ...set(LB));
  code.push(...get(LB), ...load(MEM.modB), ...OP.geU, ...set(T));
  code.push(...get(LB), ...get(T), ...load(MEM.modB), ...OP.and, ...OP.sub, ...set(LB));
  code.push(...get(LA), ...get(T), ...OP.sub, ...set(LA));
  code.push(...get(I), ...i32(1), ...OP.i32Add, ...set(I), ...OP.br, 0, ...OP.end, ...OP.end);
  code.push(...store(MEM.laneB, LB), ...store(MEM.laneA, LA), ...i32(-1), ...OP.end);
  return code;
}

/** The module: exports `memory` (KERNEL_PAGES pages) and `search(n: i32) -> i32`. */
export function searchKernelModule(shape: KernelShape): Uint8Array<ArrayBuffer> {
  const I32 = 0x7f;
  const V128 = 0x7b;
  const body = [...uleb(2), 1, I32, ...uleb(V128_LOCALS), V128, ...searchBody(shape)];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, I32, 1, I32]), // type: (i32) -> i32
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, KERNEL_PAGES]),
    ...section(7, [2, ...str('memory'), 0x02, 0, ...str('search'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

export interface SearchKernel {
  readonly memory: WebAssembly.Memory;
  search(n: number): number;
}

const compiled = new Map<string, WebAssembly.Module | null>();

/** A fresh instance for `shape`, or null where WebAssembly SIMD (or a synchronous compile) is unavailable. */
export function loadSearchKernel(shape: KernelShape): SearchKernel | null {
  const key = `${shape.a},${shape.b},${shape.after}`;
  try {
    let mod = compiled.get(key);
    if (mod === undefined) {
      const bytes = searchKernelModule(shape);
      mod = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
      compiled.set(key, mod);
    }
    return mod && (new WebAssembly.Instance(mod, {}).exports as unknown as SearchKernel);
  } catch {
    compiled.set(key, null);
    return null;
  }
}
