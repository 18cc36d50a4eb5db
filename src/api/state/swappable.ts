/** A value in use by some requests; disposed once it was replaced and the last one let it go. */
interface Slot<T> {
  readonly value: T;
  users: number;
  retired: boolean;
  disposed: boolean;
}

/** A borrowed value; call release() exactly once when the request is done with it. */
export interface Lease<T> {
  readonly value: T;
  release(): void;
}

/**
 * Holds the current value of something the service reloads while it runs (the champion
 * model, the database): requests borrow the current one; a swap makes new requests see the
 * new one while requests in flight finish with the old, which is disposed after the last.
 * Counting users (rather than a delay) is what makes a switch safe under load.
 */
export class Swappable<T> {
  private slot: Slot<T> | undefined;

  constructor(private readonly dispose: (value: T) => void) {}

  get current(): T | undefined {
    return this.slot?.value;
  }

  /** Borrows the current value; undefined when none is loaded. */
  acquire(): Lease<T> | undefined {
    const slot = this.slot;
    if (!slot) return undefined;
    slot.users++;
    let released = false;
    return {
      value: slot.value,
      release: () => {
        if (released) return;
        released = true;
        slot.users--;
        this.disposeIfIdle(slot);
      },
    };
  }

  /** Runs `work` with the current value borrowed for its whole duration. */
  async use<R>(missing: () => Error, work: (value: T) => Promise<R> | R): Promise<R> {
    const lease = this.acquire();
    if (!lease) throw missing();
    try {
      return await work(lease.value);
    } finally {
      lease.release();
    }
  }

  /** Makes `value` current; the previous one is disposed when its last user releases it. */
  swap(value: T | undefined): void {
    const previous = this.slot;
    this.slot = value === undefined ? undefined : { value, users: 0, retired: false, disposed: false };
    if (previous) {
      previous.retired = true;
      this.disposeIfIdle(previous);
    }
  }

  /** Disposes the current value (at shutdown, after requests are done). */
  close(): void {
    this.swap(undefined);
  }

  private disposeIfIdle(slot: Slot<T>): void {
    if (slot.retired && slot.users === 0 && !slot.disposed) {
      slot.disposed = true;
      this.dispose(slot.value);
    }
  }
}
