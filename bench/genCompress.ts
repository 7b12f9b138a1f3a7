// Prints the body of `compress` in src/worker/sha256Block.ts: 64 SHA-256 rounds (FIPS 180-4 §6.2.2) with the
// message schedule kept in sixteen locals. Run `npx tsx bench/genCompress.ts` and paste; the fuzz test in
// test/worker/fastSearch.test.ts checks the result against @noble/hashes.
import { K } from '../src/search/sha256Constants';

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
