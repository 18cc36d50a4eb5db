/** One candidate: its row and squared distance. */
export interface Hit {
  readonly row: number;
  readonly squared: number;
}

/**
 * The k rows of `matrix` (n x d, row-major) closest to `point` in Euclidean distance, nearest
 * first, ties by smaller id. A max-heap holds the k best so far; a row stops accumulating as
 * soon as its partial sum exceeds the current k-th distance.
 */
export function nearest(
  matrix: Float32Array,
  d: number,
  point: Float32Array,
  k: number,
  exclude: number,
  ids: Float64Array,
): Hit[] {
  const n = matrix.length / d;
  const heapRows = new Int32Array(k);
  const heapDist = new Float64Array(k);
  let size = 0;
  // a after b in the heap order: farther, or as far with a larger id
  const worse = (da: number, ra: number, db: number, rb: number): boolean =>
    da > db || (da === db && ids[ra]! > ids[rb]!);
  const siftDown = (from: number): void => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size && worse(heapDist[l]!, heapRows[l]!, heapDist[top]!, heapRows[top]!)) top = l;
      if (r < size && worse(heapDist[r]!, heapRows[r]!, heapDist[top]!, heapRows[top]!)) top = r;
      if (top === i) return;
      [heapDist[i], heapDist[top]] = [heapDist[top]!, heapDist[i]!];
      [heapRows[i], heapRows[top]] = [heapRows[top]!, heapRows[i]!];
      i = top;
    }
  };
  const siftUp = (from: number): void => {
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heapDist[i]!, heapRows[i]!, heapDist[parent]!, heapRows[parent]!)) return;
      [heapDist[i], heapDist[parent]] = [heapDist[parent]!, heapDist[i]!];
      [heapRows[i], heapRows[parent]] = [heapRows[parent]!, heapRows[i]!];
      i = parent;
    }
  };
  let bound = Number.POSITIVE_INFINITY;
  for (let row = 0, base = 0; row < n; row++, base += d) {
    if (row === exclude) continue;
    let sum = 0;
    for (let j = 0; j < d && sum <= bound; j++) {
      const diff = matrix[base + j]! - point[j]!;
      sum += diff * diff;
    }
    if (size < k) {
      heapDist[size] = sum;
      heapRows[size] = row;
      siftUp(size++);
      if (size === k) bound = heapDist[0]!;
    } else if (!worse(sum, row, heapDist[0]!, heapRows[0]!)) {
      heapDist[0] = sum;
      heapRows[0] = row;
      siftDown(0);
      bound = heapDist[0]!;
    }
  }
  const hits: Hit[] = [];
  for (let i = 0; i < size; i++) hits.push({ row: heapRows[i]!, squared: heapDist[i]! });
  return hits.sort((a, b) => a.squared - b.squared || ids[a.row]! - ids[b.row]!);
}
