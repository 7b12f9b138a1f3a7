// The one check of a simulation's settings, used by the engine (set-params), the share-link and run-file readers
// and the command-line tools, so a setting the engine refuses can never arrive by another door. Every range is
// wide enough for any lesson or experiment and narrow enough that time always advances (an interval of 1e-300
// added to a clock of 10⁶ s would not move it) and nothing overflows to Infinity.
import { fail, failure, ok, type Result } from '../core/errors';
import { DIFFICULTY_RANGE, isValidDifficulty } from '../core/pow';
import { RETARGET_ALGORITHMS } from '../core/retarget';
import type { SimParams } from './params';

interface Range {
  readonly min: number;
  readonly max: number;
  readonly what: string;
  readonly integer?: boolean;
  /** The lower bound itself is not allowed (e.g. a hash rate must be above 0). */
  readonly above?: boolean;
}

/** Virtual seconds: 10⁻³ s is far below any latency shown in class, yet still moves a clock of 10⁹ s. */
const SECONDS_MIN = 1e-3;
const SECONDS_MAX = 1e6;

export const RANGES = {
  seed: {
    min: 0,
    max: 2 ** 32 - 1,
    integer: true,
    what: 'The seed must be a whole number from 0 to 4294967295.',
  },
  hashRate: {
    min: 0,
    max: 1e12,
    above: true,
    what: 'The hash rate must be a number above 0 (at most 10¹² attempts per second).',
  },
  resolveInterval: {
    min: SECONDS_MIN,
    max: SECONDS_MAX,
    what: `The resolve interval must be a number of seconds from ${SECONDS_MIN} to ${SECONDS_MAX}.`,
  },
  timeout: {
    min: 0,
    max: SECONDS_MAX,
    what: `The timeout must be a number of seconds from 0 to ${SECONDS_MAX}.`,
  },
  latency: { min: 0, max: 3600, what: 'Latency must be a number of seconds from 0 to 3600.' },
  jitter: { min: 0, max: 3600, what: 'Jitter must be a number of seconds from 0 to 3600.' },
  loss: { min: 0, max: 1, what: 'Loss must be between 0 and 1.' },
  maxPeers: {
    min: 1,
    max: 1000,
    integer: true,
    what: 'The peer limit must be a whole number from 1 to 1000.',
  },
  // Python's time() of any date from 1970 to about 2286: far from where a float timestamp loses microseconds.
  genesisTimestamp: {
    min: 0,
    max: 1e10,
    what: 'The genesis timestamp must be Unix seconds from 0 to 10000000000.',
  },
  targetInterval: {
    min: SECONDS_MIN,
    max: SECONDS_MAX,
    what: `The target block time must be a number of seconds from ${SECONDS_MIN} to ${SECONDS_MAX}.`,
  },
  // Bitcoin times window − 1 intervals, so a period needs two blocks at least.
  retargetWindow: {
    min: 2,
    max: 100_000,
    integer: true,
    what: 'The blocks a retarget rule looks back over must be a whole number from 2 to 100000.',
  },
  halfLife: {
    min: SECONDS_MIN,
    max: 1e9,
    what: `The half-life must be a number of seconds from ${SECONDS_MIN} to 1000000000.`,
  },
  stepAt: {
    min: 0,
    max: 1e9,
    integer: true,
    what: 'The hash-rate step must start at a whole number of blocks from 0 to 1000000000.',
  },
  stepFactor: {
    min: 1e-6,
    max: 1e6,
    what: 'The hash-rate step must multiply by a number from 0.000001 to 1000000.',
  },
} satisfies Record<string, Range>;

const ALGORITHMS: readonly string[] = ['none', ...RETARGET_ALGORITHMS];

function inRange(x: unknown, r: Range): boolean {
  if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  if (r.integer && !Number.isInteger(x)) return false;
  return (r.above ? x > r.min : x >= r.min) && x <= r.max;
}

const bad = (message: string) => fail(failure('E_BAD_PARAM', message));

export function checkParams(p: SimParams): Result<SimParams> {
  if (!Object.hasOwn(DIFFICULTY_RANGE, p.pow.rule))
    return bad('The proof rule must be tutorial, tutorial-original or header.');
  if (!isValidDifficulty(p.pow)) {
    const r = DIFFICULTY_RANGE[p.pow.rule];
    return bad(`Difficulty must be a whole number from ${r.min} to ${r.max} for the ${p.pow.rule} rule.`);
  }
  const values: [unknown, Range][] = [
    [p.seed, RANGES.seed],
    [p.hashRate, RANGES.hashRate],
    [p.resolveInterval, RANGES.resolveInterval],
    [p.timeout, RANGES.timeout],
    [p.net.latency, RANGES.latency],
    [p.net.jitter, RANGES.jitter],
    [p.net.loss, RANGES.loss],
    [p.maxPeers, RANGES.maxPeers],
    [p.genesisTimestamp, RANGES.genesisTimestamp],
    [p.retarget.interval, RANGES.targetInterval],
    [p.retarget.windowBlocks, RANGES.retargetWindow],
    [p.retarget.halfLife, RANGES.halfLife],
    [p.hashRateStep.at, RANGES.stepAt],
    [p.hashRateStep.factor, RANGES.stepFactor],
  ];
  for (const [x, r] of values) if (!inRange(x, r)) return bad(r.what);
  if (!ALGORITHMS.includes(p.retarget.algorithm))
    return bad('The retarget rule must be none, bitcoin, lwma or asert.');
  // docs/architecture.md "Retargeting": a tutorial rule's difficulty is whole hex zeros, so it moves only ×16.
  if (p.retarget.algorithm !== 'none' && p.pow.rule !== 'header')
    return bad(
      'Retargeting needs the header rule: the tutorial rules count whole hex zeros, so their difficulty could ' +
        'only move by factors of 16.',
    );
  return ok(p);
}
