/**
 * The sampler comparison as one self-contained SVG (no script, no CSS, no external font): best
 * CV AUC reached against trials (left) and against elapsed time (right), one line per sampler
 * (the median over seeds), so the dashboard and MLflow's artifact viewer show the same picture.
 */
import type { SamplerComparison, SamplerSummary } from '../compare-samplers.js';

const PANEL_W = 420;
const PANEL_H = 300;
const M = { left: 60, right: 16, top: 40, bottom: 46 };
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
/** Okabe-Ito colours, readable with the common colour-vision deficiencies. */
const COLORS: Readonly<Record<string, string>> = { grid: '#E69F00', random: '#0072B2', tpe: '#D55E00' };
const FALLBACK = ['#009E73', '#CC79A7', '#666666'];

type Point = readonly [number, number];
interface Line {
  readonly name: string;
  readonly color: string;
  readonly points: readonly Point[];
}

/** Escapes text for SVG content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Round tick values covering [min, max]. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    out.push(Number(v.toPrecision(12)));
  }
  return out;
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));
const r2 = (v: number): string => String(Math.round(v * 100) / 100);

/** Median best-so-far after each trial, as [trials, best] points (trials before any completion left out). */
export function byTrialPoints(summary: SamplerSummary): Point[] {
  return summary.byTrial.flatMap((q, i): Point[] => (Number.isNaN(q.median) ? [] : [[i + 1, q.median]]));
}

/** Median best-so-far by elapsed seconds. */
export function byTimePoints(summary: SamplerSummary): Point[] {
  return summary.byTime.flatMap((p): Point[] =>
    Number.isNaN(p.best.median) ? [] : [[p.elapsedMs / 1000, p.best.median]],
  );
}

/** The two-panel chart of a comparison. */
export function comparisonSvg(comparison: SamplerComparison): string {
  const color = (name: string, i: number): string => COLORS[name] ?? FALLBACK[i % FALLBACK.length]!;
  const lines = (pick: (s: SamplerSummary) => Point[]): Line[] =>
    comparison.summaries.map((s, i) => ({ name: s.sampler, color: color(s.sampler, i), points: pick(s) }));
  const trialLines = lines(byTrialPoints);
  const timeLines = lines(byTimePoints);
  const values = [...trialLines, ...timeLines].flatMap((l) => l.points.map((p) => p[1]));
  const low = values.length > 0 ? Math.min(...values) : 0.5;
  const high = values.length > 0 ? Math.max(...values) : 1;
  const pad = Math.max((high - low) * 0.08, 0.002);
  const yDomain: Point = [low - pad, high + pad];
  const maxTrials = Math.max(1, ...trialLines.flatMap((l) => l.points.map((p) => p[0])));
  const maxSeconds = Math.max(1e-3, ...timeLines.flatMap((l) => l.points.map((p) => p[0])));
  const width = PANEL_W * 2;
  const title = 'Best cross-validated AUC reached: grid vs random vs TPE on the same budget';
  const description = comparison.summaries
    .map(
      (s) =>
        `${s.sampler}: ${Number.isNaN(s.final.median) ? 'no complete trial' : s.final.median.toFixed(4)}`,
    )
    .join('; ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL_H}" viewBox="0 0 ${width} ${PANEL_H}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(`Final best CV AUC (median over seeds): ${description}.`)}</desc>`,
    `<rect width="${width}" height="${PANEL_H}" fill="#ffffff"/>`,
    panel(0, 'Best CV AUC vs trials', 'trials', [1, maxTrials], yDomain, trialLines, true),
    panel(PANEL_W, 'Best CV AUC vs elapsed time', 'seconds', [0, maxSeconds], yDomain, timeLines, false),
    '</svg>',
    '',
  ].join('\n');
}

/** Random is dashed: TPE starts with the same random draws, and the two lines overlap until it departs. */
const dash = (line: Line): string => (line.name === 'random' ? ' stroke-dasharray="6 4"' : '');

function panel(
  offset: number,
  title: string,
  xLabel: string,
  [x0, x1]: Point,
  [y0, y1]: Point,
  lines: readonly Line[],
  withLegend: boolean,
): string {
  const w = PANEL_W - M.left - M.right;
  const h = PANEL_H - M.top - M.bottom;
  const left = offset + M.left;
  const bottom = M.top + h;
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0 || 1)) * w;
  const sy = (y: number): number => bottom - ((y - y0) / (y1 - y0 || 1)) * h;
  const parts = [
    `<text x="${offset + PANEL_W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold" ${FONT}>${escapeXml(title)}</text>`,
  ];
  for (const t of ticks(x0, x1).filter((t) => xLabel !== 'trials' || Number.isInteger(t))) {
    parts.push(
      `<line x1="${r2(sx(t))}" y1="${M.top}" x2="${r2(sx(t))}" y2="${bottom}" stroke="#e5e5e5"/>`,
      `<text x="${r2(sx(t))}" y="${bottom + 16}" text-anchor="middle" font-size="11" ${FONT}>${fmt(t)}</text>`,
    );
  }
  for (const t of ticks(y0, y1)) {
    parts.push(
      `<line x1="${left}" y1="${r2(sy(t))}" x2="${left + w}" y2="${r2(sy(t))}" stroke="#e5e5e5"/>`,
      `<text x="${left - 6}" y="${r2(sy(t))}" dy="4" text-anchor="end" font-size="11" ${FONT}>${fmt(t)}</text>`,
    );
  }
  parts.push(
    `<line x1="${left}" y1="${bottom}" x2="${left + w}" y2="${bottom}" stroke="#000000"/>`,
    `<line x1="${left}" y1="${M.top}" x2="${left}" y2="${bottom}" stroke="#000000"/>`,
    `<text x="${left + w / 2}" y="${PANEL_H - 10}" text-anchor="middle" font-size="12" ${FONT}>${xLabel}</text>`,
    `<text transform="translate(${offset + 16} ${M.top + h / 2}) rotate(-90)" text-anchor="middle" font-size="12" ${FONT}>best CV AUC</text>`,
  );
  for (const line of lines) {
    if (line.points.length === 0) continue;
    // A best-so-far curve is a staircase: it holds its value until the next improvement.
    const steps = line.points.flatMap(([x, y], i): Point[] =>
      i === 0
        ? [[x, y]]
        : [
            [x, line.points[i - 1]![1]],
            [x, y],
          ],
    );
    const coordinates = steps.map(([x, y]) => `${r2(sx(x))},${r2(sy(y))}`).join(' ');
    parts.push(
      `<polyline points="${coordinates}" fill="none" stroke="${line.color}" stroke-width="2"${dash(line)}/>`,
    );
  }
  if (withLegend) {
    lines.forEach((line, i) => {
      const y = bottom - 12 - 16 * (lines.length - 1 - i);
      parts.push(
        `<line x1="${left + w - 90}" y1="${y - 4}" x2="${left + w - 66}" y2="${y - 4}" stroke="${line.color}" stroke-width="2"${dash(line)}/>`,
        `<text x="${left + w - 60}" y="${y}" font-size="11" ${FONT}>${escapeXml(line.name)}</text>`,
      );
    });
  }
  return parts.join('\n');
}
