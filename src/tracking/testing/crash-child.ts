/**
 * Child process of crash.test.ts: records a run and keeps logging until it is killed.
 * argv: <mlruns folder> <"loop" | "throw">. Prints the run id once 50 steps are durable.
 */
import { FileTracker } from '../file-tracker.js';

const [root, mode = 'loop'] = process.argv.slice(2);
if (!root) throw new Error('usage: crash-child <mlruns> [loop|throw]');

const tracker = new FileTracker(root, { context: { user: 'crash', sourceName: 'crash-child' } });
const run = await tracker.startRun({ experimentName: 'crash', runName: 'killed half way' });
await run.logParams({ learning_rate: 0.05, num_leaves: 31 });
for (let step = 0; ; step += 1) {
  await run.logMetrics([
    { key: 'train/loss', value: 1 / (step + 1), step },
    { key: 'valid/auc', value: 0.5 + step / 1e6, step },
  ]);
  await run.setTags({ progress: String(step) });
  await run.logArtifact('progress.json', JSON.stringify({ step, padding: 'x'.repeat(4096) }));
  if (step === 50) {
    process.stdout.write(`${run.runId}\n`);
    if (mode === 'throw') throw new Error('training blew up');
  }
}
