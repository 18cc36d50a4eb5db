import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Workspace } from '../../core/index.js';

type FieldValue = string | number | null;

/**
 * Applications scored through the API, for drift on production traffic:
 * workspace/scored/YYYY-MM-DD.jsonl (UTC day), one {scoredAt, modelVersion, probability,
 * application} a line — the shape `clairscore drift --current scored` reads (modelVersion is
 * a string there). One append per line, so a killed process leaves at most a torn last line.
 */
export class ScoredLog {
  constructor(readonly folder: string) {
    mkdirSync(folder, { recursive: true });
  }

  static open(workspace: Workspace): ScoredLog {
    return new ScoredLog(workspace.scored);
  }

  append(modelVersion: number, probability: number, application: Readonly<Record<string, FieldValue>>): void {
    const scoredAt = new Date().toISOString();
    const line = JSON.stringify({ scoredAt, modelVersion: String(modelVersion), probability, application });
    appendFileSync(path.join(this.folder, `${scoredAt.slice(0, 10)}.jsonl`), `${line}\n`);
  }
}
