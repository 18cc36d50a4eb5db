/**
 * Where reports go: workspace/drift/latest.json (what the API serves; replaced atomically so
 * a reader never sees half a file) and the HTML page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Value } from '@sinclair/typebox/value';

import { ClairscoreError, writeFileAtomic, type Workspace } from '../core/index.js';
import { renderHtmlReport } from './html/html-report.js';
import { DriftReportSchema, type DriftReport } from './report-schema.js';

export function latestReportPath(workspace: Workspace): string {
  return path.join(workspace.drift, 'latest.json');
}

export function defaultHtmlPath(workspace: Workspace): string {
  return path.join(workspace.drift, 'latest.html');
}

function writeAtomically(file: string, text: string): void {
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    throw new ClairscoreError('CS_ERR_OUTPUT', `Cannot write ${file}: ${(error as Error).message}`, {
      path: file,
    });
  }
}

/** Writes latest.json and the HTML page; returns their paths. */
export function writeDriftReport(
  workspace: Workspace,
  report: DriftReport,
  htmlFile = defaultHtmlPath(workspace),
): { json: string; html: string } {
  const json = latestReportPath(workspace);
  writeAtomically(json, `${JSON.stringify(report, null, 2)}\n`);
  const html = path.resolve(htmlFile);
  writeAtomically(html, renderHtmlReport(report));
  return { json, html };
}

/** The last report written, checked against the schema; undefined when none was. */
export function readLatestReport(workspace: Workspace): DriftReport | undefined {
  const file = latestReportPath(workspace);
  if (!existsSync(file)) return undefined;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Value.Check(DriftReportSchema, value)) {
    throw new ClairscoreError(
      'CS_ERR_WORKSPACE',
      `${file} is not a drift report of this version: run \`clairscore drift\` again.`,
    );
  }
  return value;
}
