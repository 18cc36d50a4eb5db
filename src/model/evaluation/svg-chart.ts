/**
 * A small, dependency-free SVG line chart for tracking artifacts: axes with ticks, axis labels,
 * a title, a legend, optional vertical markers. Self-contained (no CSS, no scripts, no external
 * fonts) so it renders the same in a browser, MLflow's UI or a file viewer.
 */

/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  orange: '#E69F00',
  purple: '#CC79A7',
  grey: '#666666',
} as const;

export interface ChartSeries {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  readonly dashed?: boolean;
  /** Draw a dot at each point (for binned values). */
  readonly dots?: boolean;
}

export interface ChartMarker {
  readonly x: number;
  readonly label: string;
  readonly color: string;
}

export interface ChartSpec {
  readonly title: string;
  /** One sentence for screen readers (the SVG's <desc>). */
  readonly description: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly series: readonly ChartSeries[];
  readonly markers?: readonly ChartMarker[];
  readonly legend?: 'top-right' | 'bottom-right';
  /** Shown in the plot area when the first series (the data; others are references) is empty. */
  readonly emptyMessage?: string;
}

const WIDTH = 480;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 20, top: 44, bottom: 52 };
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Up to about `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** A tick or marker label: at most 4 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(1);
  return String(Number(value.toPrecision(4)));
}

const round = (v: number): string => String(Math.round(v * 100) / 100);

export function lineChartSvg(spec: ChartSpec): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [x0, x1] = spec.xDomain;
  const [y0, y1] = spec.yDomain;
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  const sx = (x: number): number => MARGIN.left + ((clamp(x, x0, x1) - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (y: number): number => MARGIN.top + plotH - ((clamp(y, y0, y1) - y0) / (y1 - y0 || 1)) * plotH;
  const bottom = MARGIN.top + plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(spec.title)}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<desc>${escapeXml(spec.description)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold" ${FONT} fill="#000000">${escapeXml(spec.title)}</text>`,
  );
  // Grid, ticks and tick labels.
  for (const t of niceTicks(x0, x1)) {
    const x = round(sx(t));
    parts.push(
      `<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${bottom}" stroke="#e5e5e5"/>`,
      `<text x="${x}" y="${bottom + 16}" text-anchor="middle" font-size="11" ${FONT} fill="#333333">${formatNumber(t)}</text>`,
    );
  }
  for (const t of niceTicks(y0, y1)) {
    const y = round(sy(t));
    parts.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotW}" y2="${y}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 6}" y="${y}" dy="4" text-anchor="end" font-size="11" ${FONT} fill="#333333">${formatNumber(t)}</text>`,
    );
  }
  parts.push(
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${MARGIN.left + plotW}" y2="${bottom}" stroke="#000000"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#000000"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle" font-size="12" ${FONT} fill="#000000">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12" ${FONT} fill="#000000">${escapeXml(spec.yLabel)}</text>`,
  );
  for (const s of spec.series) {
    if (s.points.length === 0) continue;
    const coordinates = s.points.map(([x, y]) => `${round(sx(x))},${round(sy(y))}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline points="${coordinates}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    if (s.dots) {
      for (const [x, y] of s.points) {
        parts.push(`<circle cx="${round(sx(x))}" cy="${round(sy(y))}" r="3.5" fill="${s.color}"/>`);
      }
    }
  }
  for (const m of spec.markers ?? []) {
    const x = round(sx(m.x));
    parts.push(
      `<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${bottom}" stroke="${m.color}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      `<text x="${x}" y="${MARGIN.top + 12}" dx="4" font-size="11" ${FONT} fill="${m.color}">${escapeXml(m.label)}</text>`,
    );
  }
  if ((spec.series[0]?.points.length ?? 0) === 0 && spec.emptyMessage) {
    parts.push(
      `<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH / 2}" text-anchor="middle" font-size="13" ${FONT} fill="#333333">${escapeXml(spec.emptyMessage)}</text>`,
    );
  }
  parts.push(legend(spec, plotW, plotH));
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function legend(spec: ChartSpec, plotW: number, plotH: number): string {
  const rows = spec.series.filter((s) => s.name !== '');
  if (rows.length === 0) return '';
  const width = 12 + 7 * Math.max(...rows.map((s) => s.name.length)) + 30;
  const height = 18 * rows.length + 8;
  const left = MARGIN.left + plotW - width - 8;
  const top = spec.legend === 'bottom-right' ? MARGIN.top + plotH - height - 8 : MARGIN.top + 8;
  const lines = [
    `<g>`,
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="#ffffff" fill-opacity="0.9" stroke="#cccccc"/>`,
  ];
  rows.forEach((s, i) => {
    const y = top + 16 + 18 * i;
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    lines.push(
      `<line x1="${left + 8}" y1="${y - 4}" x2="${left + 30}" y2="${y - 4}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${left + 36}" y="${y}" font-size="11" ${FONT} fill="#000000">${escapeXml(s.name)}</text>`,
    );
  });
  lines.push('</g>');
  return lines.join('\n');
}
