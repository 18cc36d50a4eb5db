import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

import { ClairscoreError } from '../../core/errors.js';
import {
  checkBinaryInput,
  checkProbabilities,
  checkProbability,
  requireBothClasses,
  type Labels,
  type Scores,
} from './input.js';
import { fitIsotonic, predictIsotonic, type IsotonicFit } from './isotonic.js';
import { fitPlatt, predictPlatt, type PlattFit } from './platt.js';

const Probability = Type.Number({ minimum: 0, maximum: 1 });

const IdentityJson = Type.Object({ kind: Type.Literal('identity') }, { additionalProperties: false });
const PlattJson = Type.Object(
  {
    kind: Type.Literal('platt'),
    a: Type.Number({ description: 'slope on logit(p)' }),
    b: Type.Number({ description: 'intercept' }),
  },
  { additionalProperties: false },
);
const IsotonicJson = Type.Object(
  {
    kind: Type.Literal('isotonic'),
    x: Type.Array(Probability, { minItems: 1, description: 'raw probabilities, strictly increasing' }),
    y: Type.Array(Probability, { minItems: 1, description: 'calibrated values, non-decreasing' }),
  },
  { additionalProperties: false },
);

/** The stored form of a calibrator (model card, registry): plain JSON, validated on load. */
export const CalibratorJsonSchema = Type.Union([IdentityJson, PlattJson, IsotonicJson]);
export type CalibratorJson = Static<typeof CalibratorJsonSchema>;
export type CalibrationKind = CalibratorJson['kind'];

/** Maps a raw probability of default to a calibrated one. */
export interface Calibrator {
  readonly kind: CalibrationKind;
  /** The calibrated probability; throws CS_ERR_EVALUATION_INPUT for NaN or a value outside [0, 1]. */
  apply(p: number): number;
  toJSON(): CalibratorJson;
}

export function identityCalibrator(): Calibrator {
  return {
    kind: 'identity',
    apply: (p) => {
      checkProbability('calibrate', p);
      return p;
    },
    toJSON: () => ({ kind: 'identity' }),
  };
}

export function plattCalibrator(fit: PlattFit): Calibrator {
  const { a, b } = fit;
  return {
    kind: 'platt',
    apply: (p) => {
      checkProbability('calibrate', p);
      return predictPlatt({ a, b }, p);
    },
    toJSON: () => ({ kind: 'platt', a, b }),
  };
}

export function isotonicCalibrator(fit: IsotonicFit): Calibrator {
  const x = [...fit.x];
  const y = [...fit.y];
  return {
    kind: 'isotonic',
    apply: (p) => {
      checkProbability('calibrate', p);
      return predictIsotonic({ x, y }, p);
    },
    toJSON: () => ({ kind: 'isotonic', x: [...x], y: [...y] }),
  };
}

/** Isotonic calibration of raw probabilities (labels 0/1 as targets; both classes needed). */
export function fitIsotonicCalibrator(labels: Labels, probabilities: Scores): Calibrator {
  const positives = checkBinaryInput('fitIsotonicCalibrator', labels, probabilities);
  requireBothClasses('fitIsotonicCalibrator', positives, labels.length);
  return isotonicCalibrator(fitIsotonic(probabilities, labels));
}

/** Platt calibration of raw probabilities (both classes needed). */
export function fitPlattCalibrator(labels: Labels, probabilities: Scores): Calibrator {
  return plattCalibrator(fitPlatt(labels, probabilities));
}

/** Calibrates many probabilities at once. */
export function applyCalibrator(calibrator: Calibrator, probabilities: Scores): Float64Array {
  checkProbabilities('applyCalibrator', probabilities);
  const out = new Float64Array(probabilities.length);
  for (let i = 0; i < out.length; i++) out[i] = calibrator.apply(probabilities[i]!);
  return out;
}

// One compiled check per kind, so an error names the field rather than "expected union value".
const byKind = {
  identity: TypeCompiler.Compile(IdentityJson),
  platt: TypeCompiler.Compile(PlattJson),
  isotonic: TypeCompiler.Compile(IsotonicJson),
};

/**
 * Rebuilds a calibrator from its JSON (an object or a JSON string). Throws CS_ERR_CALIBRATION
 * naming the first problem: an unknown kind, a missing or extra field, a non-finite number,
 * isotonic x not strictly increasing or y decreasing, or x and y of different lengths.
 */
export function calibratorFromJson(json: unknown): Calibrator {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      throw calibrationError(`not valid JSON (${(error as Error).message})`);
    }
  }
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind !== 'identity' && kind !== 'platt' && kind !== 'isotonic') {
    throw calibrationError(`kind is ${JSON.stringify(kind)}; expected "identity", "platt" or "isotonic"`);
  }
  const check = byKind[kind];
  if (!check.Check(value)) {
    const first = [...check.Errors(value)][0];
    throw calibrationError(`${first?.path || '/'}: ${first?.message ?? 'invalid'}`);
  }
  const stored = value as CalibratorJson; // checked against its kind's schema just above
  switch (stored.kind) {
    case 'identity':
      return identityCalibrator();
    case 'platt':
      if (!Number.isFinite(stored.a) || !Number.isFinite(stored.b)) {
        throw calibrationError('platt a and b must be finite numbers');
      }
      return plattCalibrator(stored);
    case 'isotonic': {
      const { x, y } = stored;
      if (x.length !== y.length)
        throw calibrationError(`isotonic x has ${x.length} values but y ${y.length}`);
      for (let i = 1; i < x.length; i++) {
        if (!(x[i]! > x[i - 1]!))
          throw calibrationError(`isotonic x is not strictly increasing at index ${i}`);
        if (y[i]! < y[i - 1]!) throw calibrationError(`isotonic y decreases at index ${i}`);
      }
      return isotonicCalibrator(stored);
    }
  }
}

function calibrationError(problem: string): ClairscoreError {
  return new ClairscoreError(
    'CS_ERR_CALIBRATION',
    `Stored calibration is invalid: ${problem}. Retrain the model to store a new one.`,
  );
}
