/**
 * Lower weighted median by radix selection on the Float32 bit patterns: the smallest value v
 * whose cumulative weight (values <= v) reaches half the total. Two histogram passes (high 16
 * bits, then the low 16 bits inside the chosen bucket), so linear time with no data movement.
 * Sorting 700 columns of 300k values was ruled out (seconds per fit), and quickselect measured
 * 5x slower than this. With integer weights it equals the median of the rows duplicated as
 * many times, which makes weights exactly equivalent to duplication.
 */

const BINS = 65_536;
const histogram = new Float64Array(BINS);

/** Unsigned key ordered like the float: flip all bits of negatives, the sign bit of the rest. */
function key(bits: number): number {
  return (bits & 0x80000000 ? ~bits : bits ^ 0x80000000) >>> 0;
}

/** Lower weighted median of values[0, count) (finite; weights null = all 1). */
export function weightedLowerMedian(
  values: Float32Array,
  weights: Float64Array | null,
  count: number,
): number {
  if (count <= 0) return Number.NaN;
  const bits = new Uint32Array(values.buffer, values.byteOffset, count);
  let total = 0;
  histogram.fill(0);
  for (let i = 0; i < count; i++) {
    const w = weights ? weights[i]! : 1;
    histogram[key(bits[i]!) >>> 16] += w;
    total += w;
  }
  const target = total / 2;
  let below = 0;
  let high = 0;
  while (below + histogram[high]! < target && high < BINS - 1) below += histogram[high++]!;
  histogram.fill(0);
  for (let i = 0; i < count; i++) {
    const k = key(bits[i]!);
    if (k >>> 16 === high) histogram[k & 0xffff] += weights ? weights[i]! : 1;
  }
  let low = 0;
  while (below + histogram[low]! < target && low < BINS - 1) below += histogram[low++]!;
  const k = ((high << 16) | low) >>> 0;
  const out = new Uint32Array(1);
  out[0] = k & 0x80000000 ? k ^ 0x80000000 : ~k;
  return new Float32Array(out.buffer)[0]!;
}
