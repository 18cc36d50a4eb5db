/**
 * The drift report as one self-contained HTML page (inline CSS, script and SVG: it opens
 * offline, no CDN): a summary with the verdict, a table sortable by any column, and per
 * column the reference and current distributions overlaid.
 */
import type { ColumnDrift, DriftReport } from '../report-schema.js';
import { CURRENT_COLOUR, distributionSvg, REFERENCE_COLOUR } from './distribution-svg.js';
import { escapeHtml, formatScore } from './escape.js';

const STYLE = `
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
.verdict{padding:.8rem 1rem;border-radius:6px;font-weight:600}
.drift{background:#fde2e1;border:1px solid #b3261e}.stable{background:#e3f4e8;border:1px solid #1e6b34}
dl.summary{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dl.summary dt{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}
th{cursor:pointer;background:#f3f3f3;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.yes{color:#b3261e;font-weight:600}.muted{color:#666}
details{margin:.4rem 0;border:1px solid #ddd;border-radius:4px;padding:.4rem .8rem}summary{cursor:pointer}
.legend span{display:inline-block;width:12px;height:12px;margin:0 .3rem 0 1rem;vertical-align:middle}
`;

// Sorting by the data-sort value of each cell (numbers numerically, text alphabetically).
const SCRIPT = `
document.querySelectorAll('table.sortable th').forEach(function (th, index) {
  th.tabIndex = 0;
  function sort() {
    var table = th.closest('table'), body = table.tBodies[0];
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute('data-sort'), y = b.cells[index].getAttribute('data-sort');
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  th.addEventListener('click', sort);
  th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
});
`;

const TYPE_LABEL = { num: 'numerical', cat: 'categorical', text: 'text' } as const;

const anchor = (name: string): string => `col-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function cell(text: string, sort: string | number, className = ''): string {
  return `<td${className ? ` class="${className}"` : ''} data-sort="${escapeHtml(String(sort))}">${text}</td>`;
}

function tableRow(c: ColumnDrift): string {
  const drifted = c.status === 'tested' ? (c.driftDetected ? 'yes' : 'no') : 'not tested';
  return (
    '<tr>' +
    cell(`<a href="#${anchor(c.columnName)}">${escapeHtml(c.columnName)}</a>`, c.columnName) +
    cell(TYPE_LABEL[c.columnType], c.columnType) +
    cell(escapeHtml(c.stattestName ?? '—'), c.stattestName ?? '') +
    cell(formatScore(c.driftScore), c.driftScore ?? '', 'num') +
    cell(formatScore(c.stattestThreshold), c.stattestThreshold ?? '', 'num') +
    cell(
      drifted === 'yes' ? '<span class="yes">yes</span>' : escapeHtml(drifted),
      drifted === 'yes' ? 2 : drifted === 'no' ? 1 : 0,
    ) +
    cell(c.reference.missing.toLocaleString('en-US'), c.reference.missing, 'num') +
    cell(c.current.missing.toLocaleString('en-US'), c.current.missing, 'num') +
    cell(escapeHtml(c.reason ?? c.note ?? ''), c.reason ?? c.note ?? '', 'muted') +
    '</tr>'
  );
}

function columnDetails(c: ColumnDrift): string {
  const verdict =
    c.status === 'not_tested'
      ? `not tested: ${escapeHtml(c.reason ?? '')}`
      : `${escapeHtml(c.stattestName ?? '')} = ${formatScore(c.driftScore)} (threshold ${formatScore(c.stattestThreshold)}): ${c.driftDetected ? '<span class="yes">drift</span>' : 'no drift'}`;
  const rows = (side: 'reference' | 'current'): string =>
    `${side}: ${c[side].rows.toLocaleString('en-US')} values, ${c[side].missing.toLocaleString('en-US')} missing, ${c[side].distinct.toLocaleString('en-US')} distinct`;
  return (
    `<details id="${anchor(c.columnName)}"${c.driftDetected ? ' open' : ''}><summary><strong>${escapeHtml(c.columnName)}</strong> — ${verdict}</summary>` +
    `<p class="muted">${rows('reference')}; ${rows('current')}${c.note ? `; ${escapeHtml(c.note)}` : ''}</p>` +
    (c.distribution
      ? distributionSvg(c.distribution, `${c.columnName}: reference and current distributions`)
      : '') +
    '</details>'
  );
}

function list(title: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return `<h2>${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

export function renderHtmlReport(report: DriftReport): string {
  const d = report.dataset;
  const verdict = d.datasetDrift
    ? `Dataset drift detected: ${d.numberOfDriftedColumns} of ${d.numberOfColumns} columns drifted (${(d.shareOfDriftedColumns * 100).toFixed(1)}% ≥ ${(d.driftShare * 100).toFixed(0)}%).`
    : `No dataset drift: ${d.numberOfDriftedColumns} of ${d.numberOfColumns} columns drifted (${(d.shareOfDriftedColumns * 100).toFixed(1)}% < ${(d.driftShare * 100).toFixed(0)}%).`;
  const ordered = [...report.columns].sort(
    (a, b) => Number(b.driftDetected) - Number(a.driftDetected) || a.columnName.localeCompare(b.columnName),
  );
  const since = report.current.since ? ` since ${report.current.since}` : '';
  const headers = [
    'column',
    'type',
    'test',
    'score',
    'threshold',
    'drift',
    'missing (ref)',
    'missing (cur)',
    'note',
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Clairscore drift report</title><style>${STYLE}</style></head><body>
<h1>Data drift: ${escapeHtml(report.reference.name)} → ${escapeHtml(report.current.name)}</h1>
<p class="verdict ${d.datasetDrift ? 'drift' : 'stable'}">${verdict}</p>
<dl class="summary">
<dt>reference</dt><dd>${escapeHtml(report.reference.name)}, ${report.reference.rows.toLocaleString('en-US')} rows</dd>
<dt>current</dt><dd>${escapeHtml(report.current.name)}${escapeHtml(since)}, ${report.current.rows.toLocaleString('en-US')} rows</dd>
<dt>columns</dt><dd>${escapeHtml(report.columnSet)}: ${d.numberOfColumns} tested, ${report.columns.length - d.numberOfColumns} not tested</dd>
<dt>created</dt><dd>${escapeHtml(report.createdAt)}</dd>
<dt>method</dt><dd>Evidently DataDriftPreset defaults (drift share ${d.driftShare})</dd>
</dl>
${report.prediction ? `<h2>Prediction drift</h2>${columnDetails(report.prediction)}` : ''}
${list('Warnings', report.warnings)}
${list(
  'Excluded columns',
  report.excluded.map((e) => `${e.column}: ${e.reason}`),
)}
<h2>Columns</h2>
<p class="legend">Click a header to sort.<span style="background:${REFERENCE_COLOUR}"></span>reference<span style="background:${CURRENT_COLOUR}"></span>current</p>
<table class="sortable"><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${ordered.map(tableRow).join('\n')}</tbody></table>
<h2>Distributions</h2>
${ordered.map(columnDetails).join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}
