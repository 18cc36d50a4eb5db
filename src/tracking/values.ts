import { ClairscoreError } from '../core/errors.js';
import { checkValue, LIMITS } from './keys.js';
import type { MetricPoint, ParamValue } from './types.js';

/** A param's stored text; refuses values no MLflow backend keeps. */
export function paramText(key: string, value: ParamValue): string {
  const text = String(value);
  checkValue('param', key, text, LIMITS.paramValueBytes);
  return text;
}

/** Step and timestamp of a point, checked: both are int64 in MLflow. */
export function pointStepAndTime(point: MetricPoint, now: number): { step: number; timestamp: number } {
  const step = point.step ?? 0;
  const timestamp = point.timestamp ?? now;
  if (typeof point.value !== 'number' || !Number.isSafeInteger(step) || !Number.isSafeInteger(timestamp)) {
    throw new ClairscoreError(
      'CS_ERR_TRACKING_INPUT',
      `Metric "${point.key}": the value must be a number, the step and timestamp whole numbers (got ${point.value}, ${step}, ${timestamp}).`,
      { key: point.key },
    );
  }
  return { step, timestamp };
}

/** "<timestamp> <value> <step>\n" as FileStore appends it; String(NaN|Infinity) is readable by Python's float(). */
export function metricLine(point: MetricPoint, now: number): string {
  const { step, timestamp } = pointStepAndTime(point, now);
  return `${timestamp} ${String(point.value)} ${step}\n`;
}
