// The SHA-256 ceiling of this machine, measured in the same run as the miners: `openssl speed -evp sha256
// -bytes 16384` (SHA-NI where the CPU has it; the 64-byte row is overhead-bound), as compressions per second
// of one core. Null when openssl is not installed. openssl counts CPU time by default; with `elapsed` it counts
// wall time (`-elapsed`) like the miners' figures, which is the fair comparison while other jobs load the machine.
import { execFileSync } from 'node:child_process';

/** 64-byte compressions per second, from openssl's "sha256  1788876.51k" row (thousands of bytes/s). */
export function parseOpensslSpeed(output: string): number | null {
  const m = /^sha256\s+([\d.]+)k\s*$/m.exec(output);
  return m ? (Number(m[1]) * 1000) / 64 : null;
}

export function opensslSha256Cps(elapsed: boolean, seconds = 3): number | null {
  try {
    const out = execFileSync(
      'openssl',
      [
        'speed',
        ...(elapsed ? ['-elapsed'] : []),
        '-seconds',
        String(seconds),
        '-evp',
        'sha256',
        '-bytes',
        '16384',
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    return parseOpensslSpeed(out);
  } catch {
    return null;
  }
}
