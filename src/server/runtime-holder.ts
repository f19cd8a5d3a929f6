import type { Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { RuntimeUnavailableError } from "./errors.ts";
import type { ServerRuntime } from "./runtime.ts";

export type ServerStatus = "unconfigured" | "starting" | "healthy" | "shutting_down";

/** One runtime the server created: serving, being initialized, or retired and draining. */
interface RuntimeEntry {
  generation: number;
  runtime: ServerRuntime;
  domain: LoadedDomain;
  initializing: Promise<void>;
  inFlight: number;
  onIdle: Set<() => void>;
  cleanup: Promise<boolean> | null;
}

export interface HolderTimeouts {
  /** How long a retired runtime may keep serving requests it already accepted. */
  shutdownTimeoutMs: number;
  /** Bound on one runtime's cleanup(). */
  cleanupTimeoutMs: number;
}

const TIMED_OUT = Symbol("timed out");

/**
 * Resolves the promise's value, or TIMED_OUT after `ms`. The timer holds the process on purpose:
 * a close that hangs on a bare promise holds nothing, and the bound must still be reached.
 */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The runtime requests go to, swapped atomically by POST /config. Each request leases the runtime
 * current when it starts and finishes on it; a replaced runtime is cleaned up once its leases end.
 * Every runtime created is cleaned up exactly once, on retirement or on shutdown.
 */
export class RuntimeHolder {
  readonly #logger: Logger;
  readonly #timeouts: () => HolderTimeouts;
  readonly #entries = new Set<RuntimeEntry>();
  readonly #retirements = new Set<Promise<void>>();
  #current: RuntimeEntry | null = null;
  #status: ServerStatus = "unconfigured";
  #generation = 0;

  constructor(logger: Logger, timeouts: () => HolderTimeouts) {
    this.#logger = logger;
    this.#timeouts = timeouts;
  }

  get status(): ServerStatus {
    return this.#status;
  }

  get initialized(): boolean {
    return this.#current?.runtime.initialized ?? false;
  }

  /** The domain of the runtime serving now, if any. */
  get domain(): LoadedDomain | null {
    return this.#current?.domain ?? null;
  }

  /**
   * Creates a runtime (numbered, for the logs), initializes it and makes it the one new requests
   * go to; the previous one is retired.
   * On failure, or when shutdown began meanwhile, the new runtime is cleaned up and the error
   * rethrown; the serving runtime is untouched.
   */
  async install(
    domain: LoadedDomain,
    create: (generation: number) => ServerRuntime,
  ): Promise<void> {
    if (this.#status === "shutting_down") throw new RuntimeUnavailableError("shutting_down");
    const generation = ++this.#generation;
    const runtime = create(generation);
    const entry: RuntimeEntry = {
      generation,
      runtime,
      domain,
      initializing: runtime.initialize(),
      inFlight: 0,
      onIdle: new Set(),
      cleanup: null,
    };
    this.#entries.add(entry);
    if (!this.#current) this.#status = "starting";
    const log = this.#logger.child({ generation: entry.generation });
    try {
      await entry.initializing;
    } catch (error) {
      if (!this.#current && this.#status === "starting") this.#status = "unconfigured";
      await this.#cleanup(entry, log);
      throw error;
    }
    // Re-read: shutdown may have begun while initialize() ran.
    if (this.status === "shutting_down") {
      // Shutdown cleans every entry; wait for that instead of racing it.
      await this.#cleanup(entry, log);
      throw new RuntimeUnavailableError("shutting_down");
    }
    const previous = this.#current;
    this.#current = entry;
    this.#status = "healthy";
    log.info({ flows: Object.keys(domain.domain.flows).length }, "Runtime initialized and serving");
    if (previous) this.#retire(previous);
  }

  /** Runs `work` on the current runtime, holding it until the work settles. */
  async use<T>(work: (runtime: ServerRuntime) => Promise<T>): Promise<T> {
    const entry = this.#current;
    if (!entry) {
      throw new RuntimeUnavailableError(this.#status === "healthy" ? "unconfigured" : this.#status);
    }
    entry.inFlight += 1;
    try {
      return await work(entry.runtime);
    } finally {
      entry.inFlight -= 1;
      if (entry.inFlight === 0) for (const notify of entry.onIdle) notify();
    }
  }

  /** /health turns `shutting_down`; no runtime is installed any more. */
  beginShutdown(): void {
    this.#status = "shutting_down";
  }

  /**
   * Cleans up every runtime not cleaned yet (serving, retiring, initializing), in parallel,
   * each within the cleanup timeout. Resolves whether all of them closed cleanly.
   */
  async closeAll(): Promise<boolean> {
    this.beginShutdown();
    const results = await Promise.all(
      [...this.#entries].map((entry) =>
        this.#cleanup(entry, this.#logger.child({ generation: entry.generation })),
      ),
    );
    await Promise.all(this.#retirements);
    return results.every(Boolean);
  }

  #retire(entry: RuntimeEntry): void {
    const log = this.#logger.child({ generation: entry.generation });
    const retirement = (async () => {
      const { shutdownTimeoutMs } = this.#timeouts();
      log.info({ in_flight: entry.inFlight }, "Retiring previous runtime: draining its requests");
      const drained = await within(this.#idle(entry), shutdownTimeoutMs);
      if (drained === TIMED_OUT) {
        log.warn(
          { in_flight: entry.inFlight, timeout_ms: shutdownTimeoutMs },
          `Previous runtime still had ${entry.inFlight} request(s) after ${shutdownTimeoutMs} ms; cleaning it up anyway`,
        );
      }
      const clean = await this.#cleanup(entry, log);
      log.info({ clean }, "Previous runtime retired");
    })();
    this.#retirements.add(retirement);
    void retirement.finally(() => this.#retirements.delete(retirement));
  }

  #idle(entry: RuntimeEntry): Promise<void> {
    if (entry.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const notify = () => {
        entry.onIdle.delete(notify);
        resolve();
      };
      entry.onIdle.add(notify);
    });
  }

  /** runtime.cleanup() once per entry, bounded; problems are logged, never thrown. */
  #cleanup(entry: RuntimeEntry, log: Logger): Promise<boolean> {
    // A retirement still waiting for this runtime's requests has nothing left to wait for.
    for (const notify of entry.onIdle) notify();
    entry.cleanup ??= (async () => {
      const { cleanupTimeoutMs } = this.#timeouts();
      const run = async () => {
        // Cleaning up while initialize() still opens resources could leak them.
        await entry.initializing.catch(() => undefined);
        return entry.runtime.cleanup();
      };
      try {
        const result = await within(run(), cleanupTimeoutMs);
        if (result === TIMED_OUT) {
          log.error(
            { timeout_ms: cleanupTimeoutMs },
            `Runtime cleanup timed out after ${cleanupTimeoutMs} ms`,
          );
          return false;
        }
        if (!result.ok)
          log.warn({ problems: result.problems }, "Runtime cleanup reported problems");
        return result.ok;
      } catch (error) {
        log.error({ err: error }, `Error during runtime cleanup: ${describe(error)}`);
        return false;
      } finally {
        this.#entries.delete(entry);
        if (this.#current === entry) this.#current = null;
      }
    })();
    return entry.cleanup;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
