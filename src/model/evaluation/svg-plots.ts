import type { CostCurve } from './cost.js';
import type { Curve, PrPoint, RocPoint } from './curves.js';
import type { ReliabilityBin } from './reliability.js';
import { formatNumber, lineChartSvg, PALETTE } from './svg-chart.js';

/** The four tracking plots, each a complete SVG document as a string. */

export interface PlotOptions {
  /** Replaces the default title (e.g. to name the model or the fold). */
  readonly title?: string;
}

const fixed = (v: number, digits = 3): string => (Number.isNaN(v) ? 'n/a' : v.toFixed(digits));

/** ROC curve with the chance diagonal. */
export function rocSvg(curve: Curve<RocPoint>, options: PlotOptions = {}): string {
  return lineChartSvg({
    title: options.title ?? `ROC curve (AUC ${fixed(curve.area)})`,
    description: `True positive rate against false positive rate over ${curve.totalPoints} thresholds; area ${fixed(curve.area, 4)}.`,
    xLabel: 'False positive rate (good clients refused)',
    yLabel: 'True positive rate (defaulters refused)',
    xDomain: [0, 1],
    yDomain: [0, 1],
    legend: 'bottom-right',
    emptyMessage: 'ROC undefined: one class only',
    series: [
      { name: 'model', points: curve.points.map((p) => [p.fpr, p.tpr]), color: PALETTE.blue },
      {
        name: 'chance',
        points: [
          [0, 0],
          [1, 1],
        ],
        color: PALETTE.grey,
        dashed: true,
      },
    ],
  });
}

/** Precision-recall curve with the prevalence (a random model's precision) as baseline. */
export function prSvg(curve: Curve<PrPoint>, prevalence: number, options: PlotOptions = {}): string {
  return lineChartSvg({
    title: options.title ?? `Precision-recall (AP ${fixed(curve.area)})`,
    description: `Precision against recall over ${curve.totalPoints} thresholds; average precision ${fixed(curve.area, 4)}, prevalence ${fixed(prevalence, 4)}.`,
    xLabel: 'Recall (share of defaulters refused)',
    yLabel: 'Precision (defaulters among refused)',
    xDomain: [0, 1],
    yDomain: [0, 1],
    emptyMessage: 'Precision-recall undefined: no defaulter',
    series: [
      { name: 'model', points: curve.points.map((p) => [p.recall, p.precision]), color: PALETTE.blue },
      {
        name: `prevalence ${formatNumber(prevalence)}`,
        points: [
          [0, prevalence],
          [1, prevalence],
        ],
        color: PALETTE.grey,
        dashed: true,
      },
    ],
  });
}

/** Reliability diagram: observed default rate against mean predicted probability per bin. */
export function reliabilitySvg(table: readonly ReliabilityBin[], options: PlotOptions = {}): string {
  const filled = table.filter((b) => b.count > 0);
  return lineChartSvg({
    title: options.title ?? 'Calibration (reliability)',
    description: `Observed default rate against mean predicted probability in ${filled.length} non-empty bins of ${table.length}.`,
    xLabel: 'Mean predicted probability of default',
    yLabel: 'Observed default rate',
    xDomain: [0, 1],
    yDomain: [0, 1],
    legend: 'bottom-right',
    emptyMessage: 'No predictions',
    series: [
      {
        name: 'model',
        points: filled.map((b) => [b.meanPredicted, b.observedRate]),
        color: PALETTE.vermillion,
        dots: true,
      },
      {
        name: 'perfectly calibrated',
        points: [
          [0, 0],
          [1, 1],
        ],
        color: PALETTE.grey,
        dashed: true,
      },
    ],
  });
}

/** Cost per application against threshold, the chosen threshold marked (default: the best). */
export function costSvg(
  curve: CostCurve,
  threshold = curve.best.threshold,
  options: PlotOptions = {},
): string {
  const yMax = Math.max(...curve.points.map((p) => p.costPerApplication), 0) || 1;
  const { fnCost, fpCost } = curve.costs;
  return lineChartSvg({
    title: options.title ?? `Business cost (FN ${formatNumber(fnCost)}, FP ${formatNumber(fpCost)})`,
    description: `Cost per application against the refusal threshold; chosen threshold ${formatNumber(threshold)}, minimum cost per application ${fixed(curve.best.costPerApplication, 4)}.`,
    xLabel: 'Threshold (refuse when probability ≥ threshold)',
    yLabel: 'Cost per application',
    xDomain: [0, 1],
    yDomain: [0, yMax * 1.05],
    legend: 'bottom-right',
    emptyMessage: 'No predictions',
    series: [
      {
        name: 'cost',
        points: costPoints(curve),
        color: PALETTE.blue,
      },
    ],
    markers: [{ x: threshold, label: `threshold ${formatNumber(threshold)}`, color: PALETTE.vermillion }],
  });
}

/** Points of the cost curve, carried flat to threshold 1 (above the top probability nobody is refused). */
function costPoints(curve: CostCurve): [number, number][] {
  const points = curve.points.map((p): [number, number] => [Math.min(1, p.threshold), p.costPerApplication]);
  const top = points[0];
  if (top !== undefined && top[0] < 1) points.unshift([1, top[1]]);
  return points;
}
