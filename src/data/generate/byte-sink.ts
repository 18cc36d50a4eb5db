/**
 * A growable byte buffer that CSV lines are encoded into as soon as they are made: row
 * strings then die young (cheap to collect) instead of surviving until the end of a chunk.
 */
export class ByteSink {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  /** Lines added so far. */
  rows = 0;
  private static readonly encoder = new TextEncoder();

  /** Appends lines, each followed by a newline. */
  add(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.rows += lines.length;
    this.encode(lines.length === 1 ? `${lines[0]}\n` : `${lines.join('\n')}\n`);
  }

  /** Appends one line followed by a newline. */
  addLine(line: string): void {
    this.rows++;
    this.encode(`${line}\n`);
  }

  /** The bytes written, in a buffer of their own (transferable to another thread). */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private encode(text: string): void {
    let offset = 0;
    for (;;) {
      if (this.buffer.length - this.length < text.length - offset + 16) this.grow(text.length - offset + 16);
      const { read, written } = ByteSink.encoder.encodeInto(
        offset === 0 ? text : text.slice(offset),
        this.buffer.subarray(this.length),
      );
      this.length += written;
      offset += read;
      if (offset >= text.length) return;
    }
  }

  private grow(needed: number): void {
    let size = this.buffer.length * 2;
    while (size - this.length < needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
