import { gunzipSync, gzipSync } from 'node:zlib';

/** A stored client's whole answer (finalDecision null), gzipped, with what the audit line needs. */
export interface StoredAnswer {
  readonly gzip: Buffer;
  readonly modelVersion: number;
  readonly decision: string;
  readonly probability: number;
}

const NO_FINAL = '"finalDecision":null}';

/**
 * Every stored client's answer for one champion, database and set of population statistics,
 * made in the background when they are loaded. An answer is ~38 kB of JSON (the explanation),
 * ~9 kB gzipped: kept gzipped, sent as is to clients that accept gzip (browsers do), unzipped
 * (~0.1 ms) for the others. Past `maxBytes` the remaining clients are scored on request.
 */
export class PrecomputedScores {
  private readonly answers = new Map<number, StoredAnswer>();
  private bytes = 0;

  constructor(
    /** What the answers were computed with; they answer only while it is still what is served. */
    readonly basis: string,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.answers.size;
  }

  get full(): boolean {
    return this.bytes >= this.maxBytes;
  }

  /** Stores the answer's JSON (which ends with "finalDecision":null}). */
  add(id: number, json: string, facts: Omit<StoredAnswer, 'gzip'>): void {
    const gzip = gzipSync(json, { level: 1 });
    this.answers.set(id, { ...facts, gzip });
    this.bytes += gzip.length;
  }

  get(id: number): StoredAnswer | undefined {
    return this.answers.get(id);
  }
}

/** The answer's JSON with the advisor's final decision (when there is one) in place of null. */
export function answerJson(answer: StoredAnswer, finalDecision: unknown): string {
  const json = gunzipSync(answer.gzip).toString('utf8');
  if (finalDecision === null) return json;
  return `${json.slice(0, -NO_FINAL.length)}"finalDecision":${JSON.stringify(finalDecision)}}`;
}
