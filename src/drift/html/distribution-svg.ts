/**
 * One column's reference and current distributions as an inline SVG: overlaid translucent
 * bars on the same bins, or paired bars per category. No script, no external resource.
 */
import type { Distribution } from '../report-schema.js';
import { escapeHtml } from './escape.js';

export const REFERENCE_COLOUR = '#0072B2';
export const CURRENT_COLOUR = '#E69F00';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 60;
const TOP = 10;

const tickLabel = (value: number): string => {
  const abs = Math.abs(value);
  if (abs >= 1e6 || (abs > 0 && abs < 1e-3)) return value.toExponential(1);
  return Number(value.toPrecision(3)).toLocaleString('en-US');
};

function bar(
  x: number,
  y: number,
  width: number,
  bottom: number,
  colour: string,
  opacity: number,
  tip: string,
): string {
  return (
    `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(width, 0.5).toFixed(1)}" ` +
    `height="${(bottom - y).toFixed(1)}" fill="${colour}" fill-opacity="${opacity}"><title>${escapeHtml(tip)}</title></rect>`
  );
}

export function distributionSvg(distribution: Distribution, title: string): string {
  const n = distribution.reference.length;
  const top = Math.max(...distribution.reference, ...distribution.current, 1e-9);
  const plotWidth = WIDTH - LEFT - 10;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const bottom = TOP + plotHeight;
  const slot = plotWidth / Math.max(n, 1);
  const y = (share: number): number => TOP + plotHeight * (1 - share / top);
  const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
  const parts: string[] = [
    `<line x1="${LEFT}" y1="${bottom}" x2="${WIDTH - 10}" y2="${bottom}" stroke="#555"/>`,
    `<text x="${LEFT - 4}" y="${TOP + 8}" text-anchor="end" font-size="10">${(top * 100).toFixed(0)}%</text>`,
    `<text x="${LEFT - 4}" y="${bottom}" text-anchor="end" font-size="10">0%</text>`,
  ];
  for (let i = 0; i < n; i++) {
    const x = LEFT + i * slot;
    const ref = distribution.reference[i]!;
    const cur = distribution.current[i]!;
    if (distribution.kind === 'histogram') {
      parts.push(
        bar(x, y(ref), slot - 1, bottom, REFERENCE_COLOUR, 0.45, `reference ${pct(ref)}`),
        bar(x, y(cur), slot - 1, bottom, CURRENT_COLOUR, 0.45, `current ${pct(cur)}`),
      );
      continue;
    }
    const half = (slot - 4) / 2;
    const text = distribution.labels[i]!;
    parts.push(
      bar(x + 1, y(ref), half, bottom, REFERENCE_COLOUR, 0.9, `${text}: reference ${pct(ref)}`),
      bar(x + 1 + half, y(cur), half, bottom, CURRENT_COLOUR, 0.9, `${text}: current ${pct(cur)}`),
    );
    const short = text.length > 14 ? `${text.slice(0, 13)}…` : text;
    const cx = (x + slot / 2).toFixed(1);
    parts.push(
      `<text x="${cx}" y="${bottom + 12}" transform="rotate(35 ${cx} ${bottom + 12})" font-size="10">${escapeHtml(short)}</text>`,
    );
  }
  if (distribution.kind === 'histogram') {
    distribution.edges.forEach((edge, i) => {
      if (i % 2 !== 0 && i !== distribution.edges.length - 1) return;
      parts.push(
        `<text x="${(LEFT + i * slot).toFixed(1)}" y="${bottom + 14}" text-anchor="middle" font-size="10">${escapeHtml(tickLabel(edge))}</text>`,
      );
    });
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ` +
    `role="img" aria-label="${escapeHtml(title)}">${parts.join('')}</svg>`
  );
}
