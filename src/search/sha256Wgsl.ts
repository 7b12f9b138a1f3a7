// The proof search as a WebGPU compute shader (WGSL), for src/worker/gpuSearch.ts: invocation `gid` of a
// dispatch hashes the nonce whose last L decimal digits are `lowBase + gid` (the host keeps a dispatch inside one
// run of those digits, so no carry reaches the digits before them), writes those digits into the message, runs
// the compressions from the block holding the first of them (FIPS 180-4 §6.2.2) and tests hash ≤ target − 1 on
// all eight words, so both rules and a retarget's exact target are one comparison. The smallest hitting `gid`
// wins through atomicMin, so the proof reported is the first in nonce order, as core's searchProof.
import { K } from './sha256Constants';

/** Word offsets in the job buffer (u32). */
export const JOB = {
  lowBase: 0,
  count: 1,
  digits: 2, // L, the varying digits (at most 9: 10^9 < 2^32)
  firstDigit: 3, // byte position of the first varying digit, counted after the midstate
  firstBlock: 4, // the block holding it
  blocks: 5,
  chain: 8, // 8 words: chaining value into firstBlock
  limit: 16, // 8 words: target − 1, most significant first (hash ≤ limit is a proof)
  message: 24, // blocks × 16 big-endian words, the digits of lowBase's nonce included
} as const;

/** Word offsets in the result buffer: the first hit, and a low digest word 0 with its gid (for progress). */
export const RESULT = { found: 0, bestH0: 1, bestGid: 2, size: 4 } as const;
export const NO_HIT = 0xffffffff;
export const WORKGROUP_SIZE = 64;

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}u`;

export const SEARCH_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> job: array<u32>;
@group(0) @binding(1) var<storage, read_write> result: array<atomic<u32>, ${RESULT.size}>;

var<private> K: array<u32, 64> = array<u32, 64>(${K.map(hex).join(', ')});

fn rotr(x: u32, n: u32) -> u32 { return (x >> n) | (x << (32u - n)); }

@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let gid = id.x;
  if (gid >= job[${JOB.count}]) { return; }
  let blocks = job[${JOB.blocks}];
  let first = job[${JOB.firstBlock}];
  var m: array<u32, 64>;
  for (var i = first * 16u; i < blocks * 16u; i++) { m[i] = job[${JOB.message}u + i]; }
  // The varying digits, last first: ASCII '0' + digit at byte firstDigit + i.
  var v = job[${JOB.lowBase}] + gid;
  let n = job[${JOB.digits}];
  for (var i = n; i > 0u; i--) {
    let pos = job[${JOB.firstDigit}] + i - 1u;
    let sh = 24u - 8u * (pos & 3u);
    m[pos >> 2u] = (m[pos >> 2u] & ~(0xffu << sh)) | ((48u + v % 10u) << sh);
    v = v / 10u;
  }
  var st: array<u32, 8>;
  for (var k = 0u; k < 8u; k++) { st[k] = job[${JOB.chain}u + k]; }
  var w: array<u32, 64>;
  for (var blk = first; blk < blocks; blk++) {
    for (var t = 0u; t < 16u; t++) { w[t] = m[blk * 16u + t]; }
    for (var t = 16u; t < 64u; t++) {
      let x = w[t - 2u];
      let y = w[t - 15u];
      w[t] = w[t - 16u] + (rotr(x, 17u) ^ rotr(x, 19u) ^ (x >> 10u)) + w[t - 7u]
        + (rotr(y, 7u) ^ rotr(y, 18u) ^ (y >> 3u));
    }
    var a = st[0]; var b = st[1]; var c = st[2]; var d = st[3];
    var e = st[4]; var f = st[5]; var g = st[6]; var h = st[7];
    for (var t = 0u; t < 64u; t++) {
      let t1 = h + (rotr(e, 6u) ^ rotr(e, 11u) ^ rotr(e, 25u)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
      let t2 = (rotr(a, 2u) ^ rotr(a, 13u) ^ rotr(a, 22u)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h;
  }
  // hash ≤ target − 1, word by word from the most significant.
  var ok = true;
  for (var k = 0u; k < 8u; k++) {
    let lim = job[${JOB.limit}u + k];
    if (st[k] != lim) { ok = st[k] < lim; break; }
  }
  if (ok) { atomicMin(&result[${RESULT.found}], gid); }
  // A low word 0 for the progress display; which gid wins among near-simultaneous lows is not exact.
  if (st[0] < atomicLoad(&result[${RESULT.bestH0}])) {
    atomicMin(&result[${RESULT.bestH0}], st[0]);
    if (atomicLoad(&result[${RESULT.bestH0}]) == st[0]) { atomicStore(&result[${RESULT.bestGid}], gid); }
  }
}
`;
