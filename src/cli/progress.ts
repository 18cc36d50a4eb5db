import cliProgress from 'cli-progress';

/** A progress bar on stderr, shown only on a terminal so logs and --json output stay clean. */
export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

export function startProgress(title: string, total: number): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${title.padEnd(24)} {bar} {percentage}% | {value}/{total} | {label} | eta {eta_formatted}`,
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, label) => bar.update(done, { label: label ?? '' }),
    stop: () => bar.stop(),
  };
}
