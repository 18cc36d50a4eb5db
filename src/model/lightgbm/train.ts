import { Booster, type EvalResult } from './booster.js';
import type { Dataset } from './dataset.js';
import { LightGbmError } from './errors.js';
import type { LightGbmParams } from './params.js';

/** Metrics after one iteration: `valid[i]` is validation set i, in the order given. */
export interface IterationEvent {
  /** Iterations trained so far (1-based). */
  readonly iteration: number;
  /** Training-set metrics; empty unless params set is_provide_training_metric. */
  readonly training: readonly EvalResult[];
  readonly valid: readonly (readonly EvalResult[])[];
}

export interface TrainOptions {
  /** Validation sets, each built with the training set as reference. */
  readonly valid?: readonly Dataset[];
  /** Maximum iterations (default 100). */
  readonly numBoostRound?: number;
  /** Stop when the first metric of the first validation set has not improved for this many iterations. */
  readonly earlyStoppingRounds?: number;
  /** Called after every iteration, e.g. to log metrics; throwing aborts training. */
  readonly onIteration?: (event: IterationEvent) => void;
}

export interface TrainResult {
  /** The trained model; its bestIteration is set when early stopping was on. Free it when done. */
  readonly booster: Booster;
  /** Iteration with the best first validation metric (the last one without validation sets). */
  readonly bestIteration: number;
  /** Metrics of the first validation set at bestIteration. */
  readonly bestScore: readonly EvalResult[] | undefined;
  /** True when early stopping ended training before numBoostRound. */
  readonly stoppedEarly: boolean;
  /** Every iteration's metrics. */
  readonly history: readonly IterationEvent[];
}

function improves(candidate: EvalResult, best: EvalResult | undefined): boolean {
  if (Number.isNaN(candidate.value)) return false;
  if (best === undefined) return true;
  return candidate.higherIsBetter ? candidate.value > best.value : candidate.value < best.value;
}

/** Trains a booster iteration by iteration with optional early stopping, like Python's lightgbm.train. */
export function train(params: LightGbmParams, trainSet: Dataset, options: TrainOptions = {}): TrainResult {
  const steps = trainingSteps(params, trainSet, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same, giving the event loop a turn after every iteration: a long training then still
 * answers signals (Ctrl-C marks its tracked run KILLED) and timers.
 */
export async function trainAsync(
  params: LightGbmParams,
  trainSet: Dataset,
  options: TrainOptions = {},
): Promise<TrainResult> {
  const steps = trainingSteps(params, trainSet, options);
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

/** The training loop, pausing (yield) after each iteration. */
function* trainingSteps(
  params: LightGbmParams,
  trainSet: Dataset,
  options: TrainOptions,
): Generator<void, TrainResult> {
  const valid = options.valid ?? [];
  const numBoostRound = options.numBoostRound ?? 100;
  const patience = options.earlyStoppingRounds;
  if (!Number.isInteger(numBoostRound) || numBoostRound < 1) {
    throw new LightGbmError('train', `numBoostRound must be a positive integer, got ${numBoostRound}`);
  }
  if (patience !== undefined && (!Number.isInteger(patience) || patience < 1 || valid.length === 0)) {
    throw new LightGbmError(
      'train',
      'earlyStoppingRounds needs a positive integer and at least one validation set',
    );
  }
  const trainingMetrics = params.is_provide_training_metric === true;
  const booster = Booster.create(params, trainSet);
  try {
    valid.forEach((dataset) => booster.addValidData(dataset));
    if (patience !== undefined && booster.evalNames().length === 0) {
      throw new LightGbmError('train', 'earlyStoppingRounds needs a metric (set params.metric)');
    }
    const history: IterationEvent[] = [];
    let best: { iteration: number; scores: readonly EvalResult[] } | undefined;
    let stoppedEarly = false;
    for (let iteration = 1; iteration <= numBoostRound; iteration++) {
      // Finished means no tree could be added: the model is unchanged, so nothing to evaluate.
      if (booster.updateOneIter()) break;
      const event: IterationEvent = {
        iteration,
        training: trainingMetrics ? booster.evaluate(0) : [],
        valid: valid.map((_, index) => booster.evaluate(index + 1)),
      };
      history.push(event);
      options.onIteration?.(event);
      yield;
      const first = event.valid[0];
      if (first?.[0] !== undefined && improves(first[0], best?.scores[0]))
        best = { iteration, scores: first };
      if (patience !== undefined && iteration - (best?.iteration ?? 0) >= patience) {
        stoppedEarly = iteration < numBoostRound;
        break;
      }
    }
    const trained = booster.currentIteration;
    if (patience !== undefined && best !== undefined) booster.bestIteration = best.iteration;
    return {
      booster,
      bestIteration: best?.iteration ?? trained,
      bestScore: best?.scores,
      stoppedEarly,
      history,
    };
  } catch (error) {
    booster.free();
    throw error;
  }
}
