import type { Database } from '../data/index.js';
import type { OutOfFold } from '../registry/index.js';
import { AGE_BANDS, ageBandOf } from './group-filter.js';
import type { Text } from './types.js';

/** Rates at the threshold for one group of training clients (out-of-fold predictions). */
export interface FairnessRow {
  readonly group: string;
  readonly label: Text;
  readonly size: number;
  /** Share accepted (calibrated probability below the threshold). */
  readonly approvalRate: number;
  /** Observed share of defaulters. */
  readonly defaultRate: number;
  /** Defaulters refused / defaulters (NaN without defaulters). */
  readonly tpr: number;
  /** Good clients refused / good clients (NaN without good clients). */
  readonly fpr: number;
}

export interface FairnessView {
  readonly threshold: number;
  readonly byGender: readonly FairnessRow[];
  readonly byAgeBand: readonly FairnessRow[];
}

const GENDER_LABELS: Readonly<Record<string, Text>> = {
  F: { en: 'Women', fr: 'Femmes' },
  M: { en: 'Men', fr: 'Hommes' },
};

interface Tally {
  size: number;
  accepted: number;
  positives: number;
  negatives: number;
  truePositives: number;
  falsePositives: number;
}

const empty = (): Tally => ({
  size: 0,
  accepted: 0,
  positives: 0,
  negatives: 0,
  truePositives: 0,
  falsePositives: 0,
});

function row(group: string, label: Text, t: Tally): FairnessRow {
  return {
    group,
    label,
    size: t.size,
    approvalRate: t.size > 0 ? t.accepted / t.size : Number.NaN,
    defaultRate: t.size > 0 ? t.positives / t.size : Number.NaN,
    tpr: t.positives > 0 ? t.truePositives / t.positives : Number.NaN,
    fpr: t.negatives > 0 ? t.falsePositives / t.negatives : Number.NaN,
  };
}

/**
 * Approval rate, default rate, TPR and FPR at the threshold by gender and by age band, from the
 * out-of-fold predictions (refused = probability >= threshold, as the cost curve counts it),
 * joined by id to application_train's CODE_GENDER and DAYS_BIRTH.
 */
export async function fairnessView(db: Database, oof: OutOfFold, threshold: number): Promise<FairnessView> {
  const rows = await db.query(
    `SELECT "SK_ID_CURR" AS id, "CODE_GENDER" AS g, "DAYS_BIRTH" AS b FROM application_train`,
  );
  const people = new Map(
    rows.map((r) => [Number(r.id), { gender: String(r.g ?? 'XNA'), days: Number(r.b) }]),
  );
  const byGender = new Map<string, Tally>();
  const byAge = new Map<string, Tally>(AGE_BANDS.map((band) => [band, empty()]));
  for (let i = 0; i < oof.ids.length; i++) {
    const person = people.get(oof.ids[i]!);
    if (!person) continue;
    const refused = oof.calibrated[i]! >= threshold;
    const defaulted = oof.labels[i] === 1;
    const tallies = [byAge.get(ageBandOf(person.days))!];
    if (!byGender.has(person.gender)) byGender.set(person.gender, empty());
    tallies.push(byGender.get(person.gender)!);
    for (const t of tallies) {
      t.size++;
      if (!refused) t.accepted++;
      if (defaulted) {
        t.positives++;
        if (refused) t.truePositives++;
      } else {
        t.negatives++;
        if (refused) t.falsePositives++;
      }
    }
  }
  return {
    threshold,
    byGender: [...byGender.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([g, t]) => row(g, GENDER_LABELS[g] ?? { en: g, fr: g }, t)),
    byAgeBand: [...byAge.entries()]
      .filter(([, t]) => t.size > 0)
      .map(([band, t]) => row(band, { en: `${band} years`, fr: `${band} ans` }, t)),
  };
}
