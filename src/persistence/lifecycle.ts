import { CheckpointerClosedError } from "./errors.ts";

/** Default bound on how long close() waits for operations in progress before releasing. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/**
 * The close() semantics every backend shares: operations started before close() are waited
 * for (bounded), operations started after it reject with CheckpointerClosedError, and close()
 * runs its release step once however often it is called.
 */
export class CheckpointerLifecycle {
  readonly #backend: string;
  readonly #inFlight = new Set<Promise<unknown>>();
  #closing: Promise<void> | null = null;

  constructor(backend: string) {
    this.#backend = backend;
  }

  get closed(): boolean {
    return this.#closing !== null;
  }

  /** Runs one operation, tracked so close() can wait for it. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#closing) return Promise.reject(new CheckpointerClosedError(this.#backend));
    const promise = operation();
    this.#inFlight.add(promise);
    const forget = () => this.#inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /**
   * Runs a synchronous operation (an in-memory map, better-sqlite3): it is over when it returns,
   * so close() has nothing to wait for and no tracking is needed. Errors become rejections.
   */
  runSync<T>(operation: () => T): Promise<T> {
    if (this.#closing) return Promise.reject(new CheckpointerClosedError(this.#backend));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Waits for operations in progress (at most `drainTimeoutMs`), then `release()`. Returns the
   * same promise on every call.
   */
  close(release: () => Promise<void>, drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS): Promise<void> {
    if (!this.#closing) {
      this.#closing = (async () => {
        await this.#drain(drainTimeoutMs);
        await release();
      })();
    }
    return this.#closing;
  }

  async #drain(timeoutMs: number): Promise<void> {
    if (this.#inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([Promise.allSettled([...this.#inFlight]), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Resolves `promise`, or `onTimeout()`'s result once `ms` pass; the timer never holds the process. */
export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
