/** Test helper: a small training matrix with a signal only trees with interactions can find. */
import { Rng } from '../../core/index.js';
import type { FeatureMatrix } from '../../features/index.js';

/**
 * 600 rows, 5 columns: the label is an XOR of the signs of columns 0 and 1 (with 10% noise),
 * the rest is noise. Trees with several leaves find it; stumps (num_leaves 2) cannot, since an
 * additive model of single splits has no interaction: their AUC stays near 0.5.
 */
export function xorMatrix(seed = 7): FeatureMatrix {
  const rng = new Rng(seed);
  const nrow = 600;
  const ncol = 5;
  const data = new Float32Array(nrow * ncol);
  const labels = new Float32Array(nrow);
  for (let row = 0; row < nrow; row++) {
    for (let col = 0; col < ncol; col++) data[row * ncol + col] = rng.normal();
    const xor = data[row * ncol]! > 0 !== data[row * ncol + 1]! > 0;
    labels[row] = (rng.chance(0.1) ? !xor : xor) ? 1 : 0;
  }
  return {
    version: 'test',
    columns: ['a', 'b', 'c', 'd', 'e'],
    categorical: [],
    nrow,
    ncol,
    data,
    labels,
    ids: Float64Array.from({ length: nrow }, (_, i) => i + 1),
  };
}
