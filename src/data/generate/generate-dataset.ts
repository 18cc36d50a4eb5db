import { createWriteStream, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

import { isClairscoreError } from '../../core/index.js';
import { createChunkPool } from './chunk-pool.js';
import { planChunks, type ChunkResult } from './chunk.js';
import { parseClients, parseSeed } from './options.js';
import { OUTPUT_FILES, OUTPUT_HEADERS, fileName, type OutputFile } from './output-files.js';
import { outputError, stageOutput } from './staging.js';

export interface GenerateOptions {
  readonly clients: number;
  readonly seed: number;
  readonly out: string;
  /** Worker threads; default: up to 2 for more than a few chunks, none for small sets. */
  readonly workers?: number;
  /** Called after each chunk is written, with clients done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting removes everything written so far. */
  readonly signal?: AbortSignal;
}

export interface GeneratedFile {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface GenerateSummary {
  readonly out: string;
  readonly clients: number;
  readonly seed: number;
  readonly files: readonly GeneratedFile[];
  readonly trainRows: number;
  readonly testRows: number;
  readonly defaults: number;
  readonly targetRate: number;
  readonly meanTruePd: number;
  readonly seconds: number;
  readonly workers: number;
  /** Peak resident memory of this process (workers included), in bytes. */
  readonly peakRssBytes: number;
}

/**
 * Writes a synthetic Home Credit data set: the eight Kaggle files plus truth.csv, streamed
 * chunk by chunk (in chunk order, whatever the worker timing) with bounded memory.
 * Same clients and seed give byte-identical files.
 */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const clients = parseClients(options.clients);
  const seed = parseSeed(options.seed);
  const started = process.hrtime.bigint();
  const chunks = planChunks(seed, clients);
  const workers = options.workers ?? (chunks.length > 4 ? Math.min(2, availableParallelism()) : 0);
  const staging = await stageOutput(options.out);
  const streams = new Map<OutputFile, WriteStream>();
  const rows = new Map<OutputFile, number>(OUTPUT_FILES.map((f) => [f, 0]));
  const bytes = new Map<OutputFile, number>(OUTPUT_FILES.map((f) => [f, 0]));
  const pool = createChunkPool(workers);
  let trainRows = 0;
  let defaults = 0;
  let pdSum = 0;
  try {
    for (const file of OUTPUT_FILES) {
      const stream = createWriteStream(path.join(staging.dir, fileName(file)));
      stream.on('error', () => undefined); // surfaced by write/close below
      streams.set(file, stream);
      await write(stream, Buffer.from(`${OUTPUT_HEADERS[file]}\n`));
      bytes.set(file, OUTPUT_HEADERS[file].length + 1);
    }
    // Keep a few chunks in flight so workers stay busy while earlier chunks are written.
    const ahead = workers > 0 ? workers * 2 : 1;
    const pending = new Map<number, Promise<ChunkResult>>();
    let dispatched = 0;
    for (let next = 0; next < chunks.length; next++) {
      while (dispatched < chunks.length && dispatched < next + ahead) {
        const promise = pool.run(chunks[dispatched]!);
        promise.catch(() => undefined); // awaited in order below
        pending.set(dispatched++, promise);
      }
      const result = await untilAborted(pending.get(next)!, options.signal);
      pending.delete(next);
      for (let f = 0; f < OUTPUT_FILES.length; f++) {
        const file = OUTPUT_FILES[f]!;
        const data = result.data[f]!;
        if (data.length > 0) await write(streams.get(file)!, data);
        rows.set(file, rows.get(file)! + result.rows[f]!);
        bytes.set(file, bytes.get(file)! + data.length);
      }
      trainRows += result.trainRows;
      defaults += result.defaults;
      pdSum += result.pdSum;
      options.onProgress?.(chunks[next]!.firstClient + chunks[next]!.clients, clients);
    }
    options.signal?.throwIfAborted();
    await Promise.all([...streams.values()].map(close));
    await staging.commit(OUTPUT_FILES.map(fileName));
  } catch (error) {
    for (const stream of streams.values()) stream.destroy();
    await staging.discard();
    if (isClairscoreError(error) || (error as Error).name === 'AbortError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code && /^E[A-Z]+$/.test(code)) {
      throw outputError(`Writing into ${staging.out} failed: ${(error as Error).message}. Nothing was kept.`);
    }
    throw error;
  } finally {
    await pool.close();
  }
  return {
    out: staging.out,
    clients,
    seed,
    files: OUTPUT_FILES.map((f) => ({ file: fileName(f), rows: rows.get(f)!, bytes: bytes.get(f)! })),
    trainRows,
    testRows: clients - trainRows,
    defaults,
    targetRate: trainRows > 0 ? defaults / trainRows : 0,
    meanTruePd: pdSum / clients,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    workers,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/** The promise's value, or an AbortError as soon as the signal fires (workers are stopped after). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/** Writes with backpressure: waits for the stream to drain when its buffer is full (once rejects on error). */
async function write(stream: WriteStream, data: Uint8Array): Promise<void> {
  if (stream.errored) throw stream.errored;
  if (!stream.write(data)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  if (stream.errored) throw stream.errored;
  stream.end();
  await once(stream, 'finish');
}
