import { Worker } from 'node:worker_threads';

import { generateChunk, type ChunkResult, type ChunkSpec } from './chunk.js';

/** Runs chunks on worker threads (or in this thread when there are none). */
export interface ChunkPool {
  run(spec: ChunkSpec): Promise<ChunkResult>;
  close(): Promise<void>;
}

interface Task {
  readonly spec: ChunkSpec;
  resolve(result: ChunkResult): void;
  reject(error: Error): void;
}

/** Workers need the compiled worker file; under a TypeScript test runner chunks run in-thread. */
export const WORKERS_AVAILABLE = import.meta.url.endsWith('.js');

export function createChunkPool(workers: number): ChunkPool {
  if (workers <= 0 || !WORKERS_AVAILABLE) {
    return { run: async (spec) => generateChunk(spec), close: async () => undefined };
  }
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  let failure: Error | undefined;
  let closing = false;

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.postMessage(task.spec);
    }
  };
  const fail = (error: Error): void => {
    failure ??= error;
    for (const task of [...busy.values(), ...queue.splice(0)]) task.reject(failure);
    busy.clear();
  };
  const all: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    // Caps keep each worker's heap (and so the run's peak memory) bounded; a larger young
    // generation cuts the garbage-collection cost of millions of short-lived row strings.
    const worker = new Worker(new URL('./chunk-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 48 },
    });
    worker.on('message', (result: ChunkResult) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      task?.resolve(result);
      pump();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && !closing) fail(new Error(`a generator worker stopped with exit code ${code}`));
    });
    all.push(worker);
    idle.push(worker);
  }
  return {
    run: (spec) =>
      failure
        ? Promise.reject(failure)
        : new Promise((resolve, reject) => {
            queue.push({ spec, resolve, reject });
            pump();
          }),
    close: async () => {
      closing = true;
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
