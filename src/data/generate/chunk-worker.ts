import { parentPort } from 'node:worker_threads';

import { generateChunk, type ChunkSpec } from './chunk.js';

/** Worker thread: generates the chunks it is sent and transfers the encoded files back. */
parentPort?.on('message', (spec: ChunkSpec) => {
  const result = generateChunk(spec);
  parentPort!.postMessage(
    result,
    result.data.map((d) => d.buffer as ArrayBuffer),
  );
});
