import { Rng } from '../../core/index.js';
import { drawApplication } from './application/application.js';
import { COL } from './application/columns.js';
import { formatApplicationRow } from './application/format-row.js';
import { ByteSink } from './byte-sink.js';
import { formatFloat } from './csv-format.js';
import { generateHistory } from './history/index.js';
import { OUTPUT_FILES } from './output-files.js';
import { truePd } from './true-pd.js';
import type { Applicant, GenerateHistory, IdCounters } from './types.js';

/** First SK_ID_CURR, as in the real application_train. */
export const FIRST_SK_ID_CURR = 100002;
/** Clients per chunk: the unit of work handed to a worker and written in order. */
export const CLIENTS_PER_CHUNK = 2000;
/**
 * Ids reserved per client in a chunk's SK_ID_BUREAU and SK_ID_PREV ranges. Chunks are
 * generated in parallel, so each owns a fixed range; clients average about 5 of each
 * (real data), so 12 leaves a wide margin. Ranges start where the real ids start.
 */
export const IDS_PER_CLIENT = 12;
const FIRST_BUREAU_ID = 5_000_000;
const FIRST_PREV_ID = 1_000_000;

/** A slice of consecutive clients; everything in it follows from (seed, client index). */
export interface ChunkSpec {
  readonly seed: number;
  readonly index: number;
  readonly firstClient: number;
  readonly clients: number;
}

export interface ChunkResult {
  readonly index: number;
  /** Encoded CSV lines (with trailing newlines, no header) per OUTPUT_FILES entry. */
  readonly data: Uint8Array[];
  readonly rows: number[];
  readonly trainRows: number;
  readonly defaults: number;
  readonly pdSum: number;
}

/**
 * Per-client rng streams: application values, history rows and the TARGET draw each have
 * their own, so output does not depend on chunking and one part can change without
 * shifting the others.
 */
const stream = (client: number, part: 0 | 1 | 2): number => 3 * client + part;

export function generateChunk(spec: ChunkSpec, history: GenerateHistory = generateHistory): ChunkResult {
  const sinks = OUTPUT_FILES.map(() => new ByteSink());
  const [train, test, bureau, balance, previous, pos, installments, card, truth] = sinks as [
    ByteSink,
    ByteSink,
    ByteSink,
    ByteSink,
    ByteSink,
    ByteSink,
    ByteSink,
    ByteSink,
    ByteSink,
  ];
  const span = CLIENTS_PER_CHUNK * IDS_PER_CLIENT;
  const ids: IdCounters = {
    nextBureauId: FIRST_BUREAU_ID + spec.index * span,
    nextPrevId: FIRST_PREV_ID + spec.index * span,
  };
  const limits = { bureau: ids.nextBureauId + span, prev: ids.nextPrevId + span };
  let defaults = 0;
  let pdSum = 0;
  for (let c = 0; c < spec.clients; c++) {
    const client = spec.firstClient + c;
    const skIdCurr = FIRST_SK_ID_CURR + client;
    const { row, isTest, latent } = drawApplication(new Rng(spec.seed, stream(client, 0)), skIdCurr);
    const applicant: Applicant = {
      skIdCurr,
      daysBirth: row[COL.DAYS_BIRTH] as number,
      incomeTotal: row[COL.AMT_INCOME_TOTAL] as number,
      amtCredit: row[COL.AMT_CREDIT] as number,
      amtAnnuity: row[COL.AMT_ANNUITY] as number | null,
      contractType: row[COL.NAME_CONTRACT_TYPE] as Applicant['contractType'],
      latentRisk: latent.risk,
      creditAppetite: latent.appetite,
    };
    const { rows, signals } = history(new Rng(spec.seed, stream(client, 1)), applicant, ids);
    const pd = truePd(row, signals);
    pdSum += pd;
    if (isTest) {
      test.addLine(formatApplicationRow(row, false));
    } else {
      const target = new Rng(spec.seed, stream(client, 2)).next() < pd ? 1 : 0;
      defaults += target;
      row[COL.TARGET] = target;
      train.addLine(formatApplicationRow(row, true));
    }
    truth.addLine(`${skIdCurr},${formatFloat(pd)}`);
    bureau.add(rows.bureau);
    balance.add(rows.bureau_balance);
    previous.add(rows.previous_application);
    pos.add(rows.POS_CASH_balance);
    installments.add(rows.installments_payments);
    card.add(rows.credit_card_balance);
  }
  if (ids.nextBureauId > limits.bureau || ids.nextPrevId > limits.prev) {
    throw new Error(
      `chunk ${spec.index} used more ids than its reserved range (${IDS_PER_CLIENT} per client)`,
    );
  }
  return {
    index: spec.index,
    data: sinks.map((sink) => sink.bytes()),
    rows: sinks.map((sink) => sink.rows),
    trainRows: train.rows,
    defaults,
    pdSum,
  };
}

/** The chunks covering clients 0 .. clients-1. */
export function planChunks(seed: number, clients: number): ChunkSpec[] {
  const chunks: ChunkSpec[] = [];
  for (let first = 0, index = 0; first < clients; first += CLIENTS_PER_CHUNK, index++) {
    chunks.push({ seed, index, firstClient: first, clients: Math.min(CLIENTS_PER_CHUNK, clients - first) });
  }
  return chunks;
}
