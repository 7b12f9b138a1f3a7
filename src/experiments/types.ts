// What every experiment is (the registry, the CLI, the worker and the panel speak only these types).

/** A number the user can set for an experiment (a CLI flag `--key`, a field in the panel). */
export interface NumberField {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

/** Several numbers, one row each (a CLI flag `--alpha 0.1,0.3`, a comma-separated field in the panel). */
export interface ListField {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** 1 for whole numbers; anything else allows fractions. */
  readonly step: number;
  readonly default: readonly number[];
  readonly maxItems: number;
}

export interface ExperimentSpec {
  readonly seed: number;
  /** Independent repetitions per row (runs, attack attempts…: each experiment says what a trial is). */
  readonly trials: number;
  readonly params: Readonly<Record<string, number>>;
  /** Values of the experiment's list fields (each falls back to its default). */
  readonly lists?: Readonly<Record<string, readonly number[]>>;
}

/**
 * A sentence as an id and the values that fill it, beside its English: the panel translates it by experiment name
 * and id (src/ui/experimentText.ts), the command line prints the English. A value may itself be a sentence
 * (retarget's rule names inside its progress label).
 */
export interface Said {
  readonly id: string;
  readonly values?: Readonly<Record<string, number | string | Said>>;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
  /** The label as a sentence to translate. */
  readonly said?: Said;
}

export type Cell = number | string | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** A curve for the panel's chart (retarget: mean block time against blocks since the hash-rate step). */
export interface Curve {
  readonly name: string;
  /** Curves that share a chart (retarget: the step, "×4" or "÷4"). */
  readonly group?: string;
  /** The name as a sentence to translate. */
  readonly said?: Said;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface ExperimentResult {
  readonly experiment: string;
  readonly rows: readonly Row[];
  readonly curves?: readonly Curve[];
}

export interface Column {
  readonly key: string;
  readonly label: string;
  /** Significant digits for numbers (default 4). */
  readonly digits?: number;
}

export interface Experiment {
  readonly name: string;
  readonly title: string;
  /** One paragraph: the question, the model and where the theory comes from. */
  readonly summary: string;
  /** What one trial is, for the --trials help and the panel ("runs of 2 500 blocks", "attack attempts"). */
  readonly trialUnit: string;
  readonly defaultTrials: number;
  /** Fewest trials that give a usable result (default 2, the least a standard error needs). */
  readonly minTrials?: number;
  readonly maxTrials: number;
  readonly fields: readonly NumberField[];
  readonly lists?: readonly ListField[];
  /** Columns of the printed table, in order. */
  readonly columns: readonly Column[];
  /**
   * What --check compares in each row (src/experiments/check.ts): the simulated column against the theory
   * column, using the row's `se` and `trials`. Rows without a number in either are not checked.
   */
  readonly check?: {
    readonly value: string;
    readonly theory: string;
    /** How many leading columns name a row in the report (default 1). */
    readonly labelColumns?: number;
    /** The SE is a proportion's over many Bernoulli trials: use the normal's 3, not a t-quantile. */
    readonly normal?: boolean;
  };
  /** Extra lines under the printed table (e.g. the selfish-mining thresholds). */
  readonly notes?: (result: ExperimentResult) => readonly string[];
  /** The notes as paragraphs to translate (the printed lines are wrapped for a terminal, mid-sentence). */
  readonly noteSaid?: (result: ExperimentResult) => readonly Said[];
  /** Yields progress between slices of work and returns the result; same spec ⇒ same result. */
  run(spec: ExperimentSpec): Generator<Progress, ExperimentResult>;
}
