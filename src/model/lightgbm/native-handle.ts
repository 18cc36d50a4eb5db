import { LightGbmError } from './errors.js';

// Safety net only: a handle dropped without free() is released when its owner is collected.
// Deterministic free() remains the rule, since GC may run late or never for native memory.
const registry = new FinalizationRegistry<() => void>((release) => {
  try {
    release();
  } catch {
    // A finalizer has nobody to report to.
  }
});

/** A LightGBM handle that is freed exactly once and refuses use afterwards. */
export class NativeHandle<H extends bigint> {
  #value: H | undefined;
  readonly #kind: string;
  readonly #release: (value: H) => void;

  constructor(kind: string, value: H, release: (value: H) => void) {
    this.#value = value;
    this.#kind = kind;
    this.#release = release;
    // The held closure must not reference `this`, or the handle could never be collected.
    registry.register(this, () => release(value), this);
  }

  /** The live handle; throws instead of passing a dangling pointer to C. */
  get value(): H {
    if (this.#value === undefined) {
      throw new LightGbmError(this.#kind, `this ${this.#kind} has been freed and can no longer be used`);
    }
    return this.#value;
  }

  get freed(): boolean {
    return this.#value === undefined;
  }

  /** Releases the native object; later calls do nothing. */
  free(): void {
    const value = this.#value;
    if (value === undefined) return;
    this.#value = undefined;
    registry.unregister(this);
    this.#release(value);
  }
}
