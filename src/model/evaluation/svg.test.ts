import { describe, expect, it } from 'vitest';

import { costCurve } from './cost.js';
import { prCurve, rocCurve } from './curves.js';
import { reliabilityTable } from './reliability.js';
import { escapeXml, formatNumber, niceTicks, PALETTE } from './svg-chart.js';
import { costSvg, prSvg, reliabilitySvg, rocSvg } from './svg-plots.js';
import { randomScores } from './test-data.js';

/** Checks tags open and close in order (a small well-formedness check; no parser in the deps). */
function expectBalanced(svg: string): void {
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

const polylinePoints = (svg: string): number[] =>
  [...svg.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1]!.split(' ').length);

describe('SVG plots', () => {
  const { labels, scores } = randomScores(3000, 41, 0.1, 3);

  it('draws a ROC curve with a title, axis labels, the diagonal and one vertex per point', () => {
    const curve = rocCurve(labels, scores);
    const svg = rocSvg(curve);
    expectBalanced(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`<title>ROC curve (AUC ${curve.area.toFixed(3)})</title>`);
    expect(svg).toContain('False positive rate');
    expect(svg).toContain('True positive rate');
    expect(polylinePoints(svg)).toEqual([curve.points.length, 2]);
    expect(svg).toContain(PALETTE.blue);
  });

  it('draws PR with the prevalence baseline, and reliability with one dot per non-empty bin', () => {
    const pr = prSvg(prCurve(labels, scores), 0.1);
    expectBalanced(pr);
    expect(pr).toContain('prevalence 0.1');
    const table = reliabilityTable(labels, scores);
    const rel = reliabilitySvg(table);
    expectBalanced(rel);
    expect(rel.match(/<circle /g)).toHaveLength(table.filter((b) => b.count > 0).length);
  });

  it('marks the chosen threshold on the cost curve', () => {
    const curve = costCurve(labels, scores);
    const svg = costSvg(curve);
    expectBalanced(svg);
    expect(svg).toContain(`threshold ${formatNumber(curve.best.threshold)}`);
    expect(svg).toContain('refuse when probability ≥ threshold');
    expect(costSvg(curve, 0.5)).toContain('threshold 0.5<');
  });

  it('escapes text and says when a curve is undefined', () => {
    const svg = rocSvg(rocCurve([1, 1], [0.2, 0.3]), { title: 'model <A & B>' });
    expectBalanced(svg);
    expect(svg).toContain('<title>model &lt;A &amp; B&gt;</title>');
    expect(svg).toContain('ROC undefined: one class only');
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });

  it('picks round ticks and short labels', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 0.37)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(formatNumber(0.09090909)).toBe('0.09091');
    expect(formatNumber(1234567)).toBe('1.2e+6');
  });
});
