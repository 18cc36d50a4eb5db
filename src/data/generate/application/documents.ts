import type { Rng } from '../../../core/index.js';
import { factMean } from '../stats/quantile-curve.js';
import type { AppColumn, SetField } from './columns.js';

/**
 * Documents: most clients give exactly one main document (3, else 6, 8, 5, ...), some add
 * one of the extra ones (13-21). Shares are the real means.
 */
const document = (d: number) => ({
  column: `FLAG_DOCUMENT_${d}` as AppColumn,
  share: factMean(`FLAG_DOCUMENT_${d}`),
});
const MAIN_DOCUMENTS = [3, 6, 8, 5, 9, 11, 2, 4, 7, 10, 12].map(document);
const EXTRA_DOCUMENTS = [13, 14, 15, 16, 17, 18, 19, 20, 21].map(document);
const ALL_DOCUMENTS = [...MAIN_DOCUMENTS, ...EXTRA_DOCUMENTS].map((d) => d.column);

export function drawDocuments(rng: Rng, set: SetField): void {
  for (const column of ALL_DOCUMENTS) set(column, 0);
  let u = rng.next();
  for (const d of MAIN_DOCUMENTS) {
    u -= d.share;
    if (u < 0) {
      set(d.column, 1);
      break;
    }
  }
  for (const d of EXTRA_DOCUMENTS) if (rng.chance(d.share)) set(d.column, 1);
}
