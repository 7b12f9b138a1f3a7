// Four SHA-256 compressions at once with WebAssembly SIMD (one i32x4 lane per nonce), for simdSearch.ts.
// The module is written here as bytes (no wasm toolchain can be installed): one exported function
// compress4(inOff, outOff, wOff) with the 64 rounds of FIPS 180-4 §6.2.2 unrolled like sha256Block.ts.
// Measured: 12–13 M hashes/s of CPU time in Node 20 against 4.9 M/s for sha256Block.ts; in a Chromium worker the
// header rule runs at 10.8 against 4.7 M/s (bench/miner.ts). Eight lanes (two interleaved vectors per word) ran
// slower, 7.5 M/s: 50 live vectors spill out of the 16 XMM registers.
// Memory layout, all byte offsets 16-aligned: a state is 8 vectors (word k of lanes 0..3 at +16k); a message
// block is 16 vectors (word t of lanes 0..3 at +16t).
import { K } from './sha256Constants';

// Opcodes from the WebAssembly core spec (SIMD: prefix 0xfd, then the LEB128 sub-opcode).
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const END = 0x0b;
const SIMD = {
  load: [0xfd, 0x00],
  store: [0xfd, 0x0b],
  splat: [0xfd, 0x11],
  xor: [0xfd, 0x51],
  or: [0xfd, 0x50],
  bitselect: [0xfd, 0x52],
  shl: [0xfd, 0xab, 0x01],
  shrU: [0xfd, 0xad, 0x01],
  add: [0xfd, 0xae, 0x01],
} as const;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

export const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** The body of compress4: locals 0..2 are the i32 params, 3..10 are a..h, 11..26 are w0..w15, 27 is t. */
function compressBody(): number[] {
  const get = (l: number) => [LOCAL_GET, ...uleb(l)];
  const set = (l: number) => [LOCAL_SET, ...uleb(l)];
  const i32 = (n: number) => [I32_CONST, ...sleb(n | 0)];
  const memarg = (offset: number) => [4, ...uleb(offset)]; // alignment hint 2^4 = 16 bytes
  const shr = (l: number, n: number) => [...get(l), ...i32(n), ...SIMD.shrU];
  const rotr = (l: number, n: number) => [...shr(l, n), ...get(l), ...i32(32 - n), ...SIMD.shl, ...SIMD.or];
  // Σ0, Σ1 (three rotations) and σ0, σ1 (the last term a shift).
  const sigma = (l: number, x: number, y: number, z: number, last: typeof rotr) => [
    ...rotr(l, x),
    ...rotr(l, y),
    ...SIMD.xor,
    ...last(l, z),
    ...SIMD.xor,
  ];
  const T = 27;
  const W = (i: number) => 11 + (i % 16);
  const code: number[] = [];
  for (let k = 0; k < 8; k++) code.push(...get(0), ...SIMD.load, ...memarg(16 * k), ...set(3 + k));
  for (let t = 0; t < 16; t++) code.push(...get(2), ...SIMD.load, ...memarg(16 * t), ...set(W(t)));
  for (let r = 0; r < 64; r++) {
    // Round r's a..h are locals 3 + ((i - r) mod 8): renaming instead of moving eight vectors.
    const v = (i: number) => 3 + ((i - (r % 8) + 8) % 8);
    const [a, b, c, d, e, f, g, h] = [v(0), v(1), v(2), v(3), v(4), v(5), v(6), v(7)];
    if (r >= 16) {
      // W[r] = W[r-16] + σ1(W[r-2]) + W[r-7] + σ0(W[r-15])
      code.push(
        ...get(W(r)),
        ...sigma(W(r - 2), 17, 19, 10, shr),
        ...SIMD.add,
        ...get(W(r - 7)),
        ...SIMD.add,
      );
      code.push(...sigma(W(r - 15), 7, 18, 3, shr), ...SIMD.add, ...set(W(r)));
    }
    // t = h + Σ1(e) + Ch(e, f, g) + K[r] + W[r], with Ch = bitselect(f, g, e)
    code.push(...get(h), ...sigma(e, 6, 11, 25, rotr), ...SIMD.add);
    code.push(...get(f), ...get(g), ...get(e), ...SIMD.bitselect, ...SIMD.add);
    code.push(...i32(K[r]!), ...SIMD.splat, ...SIMD.add, ...get(W(r)), ...SIMD.add, ...set(T));
    code.push(...get(d), ...get(T), ...SIMD.add, ...set(d));
    // h = t + Σ0(a) + Maj(a, b, c), with Maj = bitselect(b, a, a ^ c)
    code.push(...get(T), ...sigma(a, 2, 13, 22, rotr), ...SIMD.add);
    code.push(
      ...get(b),
      ...get(a),
      ...get(a),
      ...get(c),
      ...SIMD.xor,
      ...SIMD.bitselect,
      ...SIMD.add,
      ...set(h),
    );
  }
  for (let k = 0; k < 8; k++) {
    code.push(...get(1), ...get(0), ...SIMD.load, ...memarg(16 * k), ...get(3 + k), ...SIMD.add);
    code.push(...SIMD.store, ...memarg(16 * k));
  }
  code.push(END);
  return code;
}

/** The complete module: exports `memory` (one 64 KiB page to start) and `compress4(inOff, outOff, wOff)`. */
export function sha256x4Module(): Uint8Array<ArrayBuffer> {
  const I32 = 0x7f;
  const V128 = 0x7b;
  const body = [...uleb(1), ...uleb(25), V128, ...compressBody()]; // one run of 25 v128 locals
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 3, I32, I32, I32, 0]), // type: (i32, i32, i32) -> ()
    ...section(3, [1, 0]), // one function of type 0
    ...section(5, [1, 0x00, 1]), // one memory of one page, no maximum
    ...section(7, [2, ...str('memory'), 0x02, 0, ...str('compress4'), 0x00, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

export interface Sha256x4 {
  readonly memory: WebAssembly.Memory;
  compress4(inOff: number, outOff: number, wOff: number): void;
}

// Compiled once per thread and shared: the bytes never change, and each search gets its own instance and memory.
let compiled: WebAssembly.Module | null | undefined;

/**
 * A fresh instance with its own memory, or null when the engine has no WebAssembly SIMD or refuses to compile
 * synchronously (older Chromium refused modules over 4 KB on the main thread); callers then use the JS search.
 */
export function loadSha256x4(): Sha256x4 | null {
  try {
    if (compiled === undefined) {
      const bytes = sha256x4Module();
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    }
    return compiled && (new WebAssembly.Instance(compiled, {}).exports as unknown as Sha256x4);
  } catch {
    compiled = null;
    return null;
  }
}
