import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { ConnectionDrain } from "./connection-drain.ts";
import type { PostedDomainParser } from "./posted-domain-parser.ts";
import type { RequestTracker } from "./request-tracker.ts";
import type { RuntimeHolder } from "./runtime-holder.ts";
import type { LifecycleSettings } from "./settings.ts";

export interface LifecycleDeps {
  app: FastifyInstance;
  holder: RuntimeHolder;
  tracker: RequestTracker;
  /** The server's connections, attached before listen: closed without resetting a request. */
  connections: ConnectionDrain;
  /** The worker thread validating POSTed domains: stopped once no request can use it. */
  parser: Pick<PostedDomainParser, "close">;
  logger: Logger;
  settings: () => LifecycleSettings;
}

/**
 * The shutdown sequence of docs/deployment.md ("Shutdown"), built on Fastify's close: `preClose` runs the HTTP drain
 * (bounded by the shutdown timeout) until the listener is closed and every connection is gone
 * (ConnectionDrain: nothing the server could still answer is reset), `onClose` (which Fastify runs
 * once the HTTP server has closed) cleans up the runtimes. `shutdown()` adds what precedes `app.close()`: the announcement, waiting for a
 * listen in progress, and the pre-drain delay. Calling `app.close()` directly runs the same
 * sequence minus the delay; either way it runs once.
 */
export class Lifecycle {
  readonly #deps: LifecycleDeps;
  #announced = false;
  #closing = false;
  #failed = false;
  #drainTimedOut = false;
  #startup: Promise<unknown> = Promise.resolve();
  #sequence: Promise<number> | null = null;
  #drainTimer: NodeJS.Timeout | undefined;
  #resolveFinished!: (exitCode: number) => void;
  /** The exit code, once `Soni server shutdown completed` is logged. */
  readonly finished: Promise<number>;

  constructor(deps: LifecycleDeps) {
    this.#deps = deps;
    this.finished = new Promise((resolve) => {
      this.#resolveFinished = resolve;
    });
    deps.app.addHook("preClose", async () => {
      this.#closing = true;
      this.#announce("close");
      this.#beginDrain();
      const report = await deps.connections.drain(deps.app.server);
      deps.logger.info(
        {
          accepted_while_draining: report.acceptedWhileDraining,
          idle_closed: report.idleClosed,
        },
        "Listener closed; all connections ended",
      );
    });
    deps.app.addHook("onClose", async () => {
      await this.#afterDrain();
    });
  }

  get shuttingDown(): boolean {
    return this.#announced;
  }

  /** Shutdown waits for this (a listen in progress) before closing the server. */
  trackStartup(startup: Promise<unknown>): void {
    this.#startup = startup;
  }

  /** Something went wrong that must show in the exit code (listen or initialization failed). */
  fail(): void {
    this.#failed = true;
  }

  /** Runs the whole sequence once; every call resolves the same exit code. */
  shutdown(reason: string): Promise<number> {
    this.#sequence ??= this.#run(reason);
    return this.#sequence;
  }

  async #run(reason: string): Promise<number> {
    const { app, logger, settings } = this.#deps;
    this.#announce(reason);
    await this.#startup.catch(() => undefined);
    const { shutdownDelayMs } = settings();
    if (shutdownDelayMs > 0 && !this.#closing) {
      logger.info(
        { delay_ms: shutdownDelayMs },
        `Pre-drain delay: still serving for ${shutdownDelayMs} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, shutdownDelayMs));
    }
    if (!this.#closing) {
      this.#closing = true;
      await app.close();
    }
    return this.finished;
  }

  #announce(reason: string): void {
    if (this.#announced) return;
    this.#announced = true;
    this.#deps.logger.info({ reason }, "Soni server shutting down...");
    this.#deps.holder.beginShutdown();
  }

  #beginDrain(): void {
    const { app, tracker, connections, logger, settings } = this.#deps;
    tracker.beginDrain();
    const { shutdownTimeoutMs } = settings();
    logger.info(
      { in_flight: tracker.inFlight, timeout_ms: shutdownTimeoutMs },
      `Stopped accepting connections; draining ${tracker.inFlight} in-flight request(s)`,
    );
    this.#drainTimer = setTimeout(() => {
      this.#drainTimedOut = true;
      const abandoned = tracker.abandon();
      // Also idle or half-read sockets: nothing may keep the server from closing now.
      connections.closeAll(app.server);
      logger.error(
        { abandoned, timeout_ms: shutdownTimeoutMs },
        `Shutdown timeout of ${shutdownTimeoutMs} ms expired: ${abandoned} request(s) abandoned`,
      );
    }, shutdownTimeoutMs);
  }

  async #afterDrain(): Promise<void> {
    const { holder, parser, logger } = this.#deps;
    clearTimeout(this.#drainTimer);
    let clean = false;
    try {
      logger.info("HTTP drain completed");
      await parser.close().catch((error: unknown) => {
        logger.warn({ err: error }, "Stopping the domain parser's worker failed");
      });
      clean = await holder.closeAll();
    } catch (error) {
      logger.error({ err: error }, `Error during runtime cleanup: ${String(error)}`);
    } finally {
      const exitCode = clean && !this.#drainTimedOut && !this.#failed ? 0 : 1;
      logger.info({ exit_code: exitCode }, "Soni server shutdown completed");
      this.#resolveFinished(exitCode);
    }
  }
}
