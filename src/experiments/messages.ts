// Messages between the page and the experiments worker: a versioned union keyed by `type`
// (docs/development.md "Conventions").
import type { ExperimentResult, ExperimentSpec, Progress } from './types';

export const EXPERIMENT_PROTOCOL_VERSION = 1;

export type PageToExperiments =
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'run';
      readonly runId: number;
      readonly name: string;
      readonly spec: ExperimentSpec;
    }
  | { readonly v: typeof EXPERIMENT_PROTOCOL_VERSION; readonly type: 'cancel'; readonly runId: number };

export type ExperimentsToPage =
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'progress';
      readonly runId: number;
      readonly progress: Progress;
    }
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'result';
      readonly runId: number;
      readonly result: ExperimentResult;
    }
  | { readonly v: typeof EXPERIMENT_PROTOCOL_VERSION; readonly type: 'cancelled'; readonly runId: number }
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'error';
      readonly runId: number;
      readonly message: string;
    };
