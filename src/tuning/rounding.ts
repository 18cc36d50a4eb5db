/** Rounding helpers shared by the samplers (Optuna 4.x `_transform` semantics). */

/** numpy.round: round half to even, so 0.5 -> 0 and 1.5 -> 2 (Optuna 4.x int rounding). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends halves up; pull exact halves with an odd result back to the even neighbour.
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** low + k·step nearest to x (half to even), clipped to [low, high]. */
export function snapToStep(x: number, low: number, high: number, step: number): number {
  const value = low + roundHalfEven((x - low) / step) * step;
  return Math.min(Math.max(value, low), high);
}

/** The largest double below x (numpy.nextafter(x, −∞)). */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits - 1n : bits + 1n);
  return view.getFloat64(0);
}
