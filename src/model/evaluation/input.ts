import { ClairscoreError } from '../../core/errors.js';

/** Labels and scores as every metric takes them: labels 0/1, one score per label. */
export type Labels = ArrayLike<number>;
export type Scores = ArrayLike<number>;

/** The error every evaluation function throws for input it cannot use. */
export function evaluationError(
  what: string,
  message: string,
  details: Record<string, unknown> = {},
): ClairscoreError {
  return new ClairscoreError('CS_ERR_EVALUATION_INPUT', `${what}: ${message}`, details);
}

/** Checks labels are 0 or 1 and returns the number of positives (label 1). */
export function countPositives(what: string, labels: Labels): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y === 1) positives++;
    else if (y !== 0) {
      throw evaluationError(what, `label at row ${i} is ${String(y)}; labels must be 0 or 1`, { row: i });
    }
  }
  return positives;
}

/**
 * Checks one label per score, at least one row, labels 0/1, and finite scores (or probabilities in
 * [0, 1] when `probabilities` is set). Returns the number of positives.
 */
export function checkBinaryInput(
  what: string,
  labels: Labels,
  scores: Scores,
  kind: 'scores' | 'probabilities' = 'probabilities',
): number {
  if (labels.length !== scores.length) {
    throw evaluationError(what, `${labels.length} labels but ${scores.length} ${kind}; give one per row`, {
      labels: labels.length,
      scores: scores.length,
    });
  }
  if (labels.length === 0) throw evaluationError(what, 'no rows; give at least one labelled prediction');
  if (kind === 'probabilities') checkProbabilities(what, scores);
  else checkFinite(what, scores);
  return countPositives(what, labels);
}

/** Checks every value is a finite number. */
export function checkFinite(what: string, scores: Scores): void {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw evaluationError(what, `score at row ${i} is ${String(scores[i])}; scores must be finite`, {
        row: i,
      });
    }
  }
}

/** Checks every value is a probability in [0, 1] (NaN is refused, not skipped). */
export function checkProbabilities(what: string, probabilities: Scores): void {
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    // Written so that NaN fails too.
    if (!(p >= 0 && p <= 1)) {
      throw evaluationError(
        what,
        `probability at row ${i} is ${String(p)}; probabilities must be in [0, 1]`,
        {
          row: i,
        },
      );
    }
  }
}

/** Checks one probability (NaN refused). */
export function checkProbability(what: string, p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw evaluationError(what, `probability ${String(p)} is not in [0, 1]`);
  }
}

/** Checks both classes are present, for what cannot be fitted on one class. */
export function requireBothClasses(what: string, positives: number, n: number): void {
  if (positives === 0 || positives === n) {
    throw evaluationError(
      what,
      `all ${n} labels are ${positives === 0 ? 0 : 1}; both classes (0 and 1) are needed`,
      { positives, n },
    );
  }
}
