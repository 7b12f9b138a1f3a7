// `npm run -s sim` given what a new user types by mistake: unknown or misspelled options, numbers in forms
// Number() would accept (1e1, 0x3, " 3 ", ""), switches given a value, --out into a folder that is not there,
// --import of a device, a folder or a named pipe, a file that is not UTF-8. Each gets one JSON line with a
// code, the documented exit status and no stack trace, at once (never after a whole run, never blocking).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainResponseText } from '../../src/core/chainJson';
import { runHeadless } from '../../src/sim/headless';
import { ROOT, type Ran } from '../support/runCli';

const dir = mkdtempSync(join(tmpdir(), 'chainlab-hostile-'));
const file = (name: string) => join(dir, name);

/** Like runCli, with a deadline: a command that blocks (a FIFO read) fails the test instead of hanging it. */
function cli(args: readonly string[]): Promise<Ran & { ms: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', ...args],
      { cwd: ROOT, timeout: 20_000, killSignal: 'SIGKILL', maxBuffer: 16 << 20 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? -1) : 0, stdout, stderr, ms: Date.now() - start }),
    );
  });
}

const lastJson = (r: Ran) =>
  JSON.parse(r.stdout.trimEnd().split('\n').at(-1) as string) as Record<string, unknown>;

const TINY = ['--blocks', '2', '--difficulty', '0', '--seed', '3'];
// A run long enough (minutes) that an --out problem found only after it would be noticed.
const LONG = ['--blocks', '100000', '--difficulty', '6', '--nodes', '10'];
const EMPTY_CHAIN = '{"chain": [], "length": 0}';
const chainText = chainResponseText(
  runHeadless({
    nodes: 1,
    blocks: 3,
    seed: 2,
    difficulty: 1,
    rule: 'tutorial',
    latencyMs: 0,
    record: false,
  }).sim.bestChain(),
);

/** [what a user typed, argv, code, exit status, the message]. */
const HOSTILE: readonly (readonly [string, readonly string[], string, number, RegExp])[] = [
  ['an unknown option', ['--bogus', '1'], 'E_USAGE', 2, /^There is no option --bogus\. Try --help\.$/],
  ['a misspelled option', ['--node', '5'], 'E_USAGE', 2, /no option --node\. Did you mean --nodes\?/],
  ['an unknown short option', ['-n', '3'], 'E_USAGE', 2, /no option -n\./],
  ['an unknown option with =', ['--colour=red'], 'E_USAGE', 2, /no option --colour/],
  ['1e1 nodes', ['--nodes', '1e1'], 'E_USAGE', 2, /--nodes must be a whole number from 1 to 10, not "1e1"/],
  ['0x3 nodes', ['--nodes', '0x3'], 'E_USAGE', 2, /not "0x3"/],
  ['" 3 " nodes', ['--nodes', ' 3 '], 'E_USAGE', 2, /not " 3 "/],
  ['an empty number', ['--nodes', ''], 'E_USAGE', 2, /not ""/],
  ['an empty number with =', ['--blocks='], 'E_USAGE', 2, /--blocks must be a whole number .* not ""/],
  ['3.5 nodes', ['--nodes', '3.5'], 'E_USAGE', 2, /not "3.5"/],
  ['Infinity as a seed', ['--seed', 'Infinity'], 'E_USAGE', 2, /--seed must be a whole number/],
  ['a seed past 2^32', ['--seed', '99999999999999999999'], 'E_USAGE', 2, /--seed must be .* 4294967295\.$/],
  ['a negative latency', ['--latency=-5'], 'E_USAGE', 2, /--latency must be a whole number from 0/],
  [
    'a switch given false',
    ['--import', file('empty.json'), '--strict', 'false'],
    'E_USAGE',
    2,
    /--strict takes no value/,
  ],
  [
    'a switch given =false',
    ['--strict=false', '--import', file('empty.json')],
    'E_USAGE',
    2,
    /"false" is not/,
  ],
  ['--event given a value', ['--event', '1'], 'E_USAGE', 2, /--event takes no value/],
  ['an option without its value', ['--nodes'], 'E_USAGE', 2, /--nodes needs a value: --nodes N/],
  ['an option eating the next one', ['--out', '--nodes', '3'], 'E_USAGE', 2, /--out needs a value/],
  ['a negative number without =', ['--seed', '-1'], 'E_USAGE', 2, /write --seed=-1/],
  ['a stray word', ['run', '--nodes', '3'], 'E_USAGE', 2, /Unexpected argument "run"/],
  ['words after --', ['--', '--nodes', '3'], 'E_USAGE', 2, /Unexpected argument "--nodes"/],
  [
    'an unknown rule',
    ['--rule', 'Tutorial'],
    'E_USAGE',
    2,
    /--rule must be tutorial, tutorial-original or header/,
  ],
  [
    '--out into a missing folder',
    [...LONG, '--out', file('nope/run.json')],
    'E_USAGE',
    2,
    /folder ".*nope" does not exist/,
  ],
  ['--out naming a folder', [...LONG, '--out', dir], 'E_USAGE', 2, /is a folder; give a file name/],
  ['--out under a file', [...LONG, '--out', file('empty.json/run.json')], 'E_USAGE', 2, /is not a folder/],
  ['--out empty', [...LONG, '--out='], 'E_USAGE', 2, /--out needs a file name/],
  ['--import /dev/zero', ['--import', '/dev/zero'], 'E_USAGE', 2, /"\/dev\/zero" is a character device/],
  [
    '--import a folder',
    ['--import', dir],
    'E_USAGE',
    2,
    /is a folder; --import reads a GET \/chain JSON file/,
  ],
  ['--import a named pipe', ['--import', file('pipe')], 'E_USAGE', 2, /is a named pipe \(FIFO\)/],
  ['--import a missing file', ['--import', file('none.json')], 'E_USAGE', 2, /Cannot read the file .*ENOENT/],
  [
    '--import Latin-1 text',
    ['--import', file('latin1.json')],
    'E_UTF8',
    1,
    /offset 36: .* starts with 0xe9 is cut short by 0x22 \(invalid continuation byte\)/,
  ],
  [
    '--import a cut-off character',
    ['--import', file('cut.json')],
    'E_UTF8',
    1,
    /offset 25: the text ends inside a character \(0xe2 0x82\)/,
  ],
  ['--import UTF-16', ['--import', file('utf16.json')], 'E_UTF8', 1, /offset 0: 0xff cannot start/],
];

const results = new Map<string, Ran & { ms: number }>();
let equalsForm: Ran;
let spaceForm: Ran;
let withBom: Ran;

beforeAll(async () => {
  writeFileSync(file('empty.json'), EMPTY_CHAIN);
  mkdirSync(file('sub'));
  // Python's json.loads(b) refuses these three: 'utf-8' codec can't decode byte 0xe9 in position 33, …
  writeFileSync(file('latin1.json'), Buffer.from('{"chain": [], "length": 0, "x": "caf\xe9"}', 'latin1'));
  writeFileSync(
    file('cut.json'),
    Buffer.concat([Buffer.from(EMPTY_CHAIN.slice(0, -1)), Buffer.from([0xe2, 0x82])]),
  );
  writeFileSync(file('utf16.json'), Buffer.from('\ufeff' + EMPTY_CHAIN, 'utf16le'));
  writeFileSync(file('bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chainText)]));
  await new Promise<void>((resolve, reject) =>
    execFile('mkfifo', [file('pipe')], (err) => (err ? reject(err) : resolve())),
  );
  const queue: [string, readonly string[]][] = HOSTILE.map(([what, argv]) => [what, argv]);
  queue.push(['=', ['--nodes=5', ...TINY]], ['space', ['--nodes', '5', ...TINY]]);
  queue.push(['bom', ['--import', file('bom.json'), '--difficulty', '1', '--strict']]);
  // Two at a time: the machine has two cores and each start costs ~0.4 s.
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) results.set(job[0], await cli(job[1]));
  };
  await Promise.all([worker(), worker()]);
  equalsForm = results.get('=') as Ran;
  spaceForm = results.get('space') as Ran;
  withBom = results.get('bom') as Ran;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`sim CLI: ${HOSTILE.length} hostile command lines`, () => {
  it.each(HOSTILE)('%s: a named error, exit status, no stack trace', (what, _argv, code, exit, message) => {
    const r = results.get(what) as Ran & { ms: number };
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(exit);
    const out = lastJson(r);
    const error = out.error as { code: string; message: string };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    if (exit === 1) expect(out).toMatchObject({ valid: false, length: 0, error: { index: 0 } });
    else expect(Object.keys(out)).toEqual(['error']);
    // At once: never after the run (LONG takes minutes), never waiting on a pipe.
    expect(r.ms).toBeLessThan(10_000);
  });
});

describe('sim CLI: what works', () => {
  it('--nodes=5 is the same as --nodes 5', () => {
    expect(equalsForm.code).toBe(0);
    expect(lastJson(equalsForm)).toMatchObject({ nodes: 5 });
    expect(equalsForm.stdout).toBe(spaceForm.stdout);
  });

  it('a chain file starting with a UTF-8 BOM is read, as json.loads(bytes) reads it', () => {
    expect(lastJson(withBom)).toEqual({ valid: true, length: 4 });
  });
});
