// Prints the body of `compress` in src/worker/sha256Block.ts: 64 SHA-256 rounds (FIPS 180-4 §6.2.2) with the
// message schedule kept in sixteen locals. Run `npx tsx bench/genCompress.ts` and paste; the fuzz test in
// test/worker/fastSearch.test.ts checks the result against @noble/hashes.
export {};

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

const hex = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');
const rotr = (x: string, a: number, b: number, c: number, last: 'shr' | 'rotr'): string =>
  `(${x} >>> ${a} | ${x} << ${32 - a}) ^ (${x} >>> ${b} | ${x} << ${32 - b}) ^ ` +
  (last === 'shr' ? `${x} >>> ${c}` : `(${x} >>> ${c} | ${x} << ${32 - c})`);

const lines: string[] = [];
const vars = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
lines.push(
  `  let ${vars
    .slice(0, 7)
    .map((v, k) => `${v} = st[i${k ? ` + ${k}` : ''}]!`)
    .join(', ')};`,
);
lines.push('  let h = st[i + 7]!, t: number;');
for (let k = 0; k < 16; k += 4) {
  lines.push('  ' + [0, 1, 2, 3].map((j) => `let w${k + j} = x[xo + ${k + j}]!;`).join(' '));
}
for (let r = 0; r < 64; r++) {
  // Rename instead of shifting the eight variables: round r's "a" is vars[(0 - r) mod 8], and so on.
  const [A, B, C, D, E, F, G, H] = vars.map((_, i) => vars[(i - (r % 8) + 8) % 8] as string);
  const W = `w${r % 16}`;
  if (r >= 16) {
    const p = `w${(r - 2) % 16}`;
    const q = `w${(r - 15) % 16}`;
    lines.push(
      `  ${W} = (${W} + (${rotr(p, 17, 19, 10, 'shr')}) + w${(r - 7) % 16} + (${rotr(q, 7, 18, 3, 'shr')})) | 0;`,
    );
  }
  lines.push(
    `  t = (${H} + (${rotr(E as string, 6, 11, 25, 'rotr')}) + (${G} ^ (${E} & (${F} ^ ${G}))) + ${hex(K[r] as number)} + ${W}) | 0;`,
  );
  lines.push(
    `  ${D} = (${D} + t) | 0; ${H} = (t + (${rotr(A as string, 2, 13, 22, 'rotr')}) + ((${A} & ${B}) | (${C} & (${A} | ${B})))) | 0;`,
  );
}
for (let k = 0; k < 8; k += 4) {
  lines.push(
    '  ' + [0, 1, 2, 3].map((j) => `st[o + ${k + j}] = (st[i + ${k + j}]! + ${vars[k + j]}) | 0;`).join(' '),
  );
}
console.log(lines.join('\n'));
