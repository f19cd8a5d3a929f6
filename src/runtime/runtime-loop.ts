import { randomUUID } from "node:crypto";
import pino, { type Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { DEFAULT_LEASE_TTL_MS, DEFAULT_LEASE_WAIT_MS } from "../config/schema.ts";
import type { Effect } from "../dm/effects.ts";
import { TurnMachine } from "../dm/engine.ts";
import { type ConversationSnapshot, flowStateOf, snapshotOf } from "../dm/snapshot.ts";
import { createUnderstanding } from "../du/create.ts";
import { llmEndpoint } from "../du/llm/llm-endpoint.ts";
import { LlmRephraser } from "../du/llm/rephraser.ts";
import type { DialogueUnderstanding } from "../du/understanding.ts";
import type { Checkpointer } from "../persistence/checkpointer.ts";
import { createCheckpointer } from "../persistence/create.ts";
import { LeaseLostError, VersionConflictError } from "../persistence/errors.ts";
import { copyJson } from "../persistence/json-copy.ts";
import { acquireLease, type HeldLease, supportsLeases } from "../persistence/lease.ts";
import { observeCheckpointer } from "../persistence/observed-checkpointer.ts";
import { type Command, parseCommands } from "../protocol/commands.ts";
import {
  type DialogueState,
  emptyState,
  type FlowState,
  migrateState,
  type TurnRecord,
} from "../protocol/state.ts";
import {
  checkHandlers,
  HandlerLoadError,
  handlersFromSet,
  loadHandlers,
} from "./handler-loader.ts";
import type { HandlerSet } from "./handlers.ts";
import { effectHandlerName, performEffect } from "./perform-effect.ts";
import { activeTraceId, inSpan } from "./tracing.ts";
import type { TurnObserver, TurnOutcome } from "./turn-observer.ts";

export const MAX_MESSAGE_LENGTH = 10_000;
/** Conversation ids end up in logs, keys and URLs: keep them short and plain. */
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;
const MAX_TURN_ATTEMPTS = 25;
/** Leases lost between taking one and saving, in one turn, before it is given up. */
const MAX_LEASE_LOSSES = 3;
const MAX_RETRY_DELAY_MS = 250;
const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;

/** The caller sent something processMessage cannot take; nothing was changed. */
export class InvalidInputError extends Error {
  override readonly name = "InvalidInputError";
  constructor(
    readonly field: "message" | "user_id",
    message: string,
  ) {
    super(message);
  }
}

/** cleanup() ran (or is running): this runtime takes no more work. */
export class RuntimeClosedError extends Error {
  override readonly name = "RuntimeClosedError";
  constructor(detail = "the runtime has been shut down; create a new RuntimeLoop") {
    super(detail);
  }
}

/** Other processes kept saving the same conversation; the turn was given up, not saved. */
export class TurnConflictError extends Error {
  override readonly name = "TurnConflictError";
  constructor(
    readonly conversationId: string,
    attempts: number,
  ) {
    super(
      `conversation '${conversationId}' kept being changed by another process; gave up after ${attempts} attempts — retry the message`,
    );
  }
}

export interface RuntimeLoopOptions {
  checkpointer?: Checkpointer;
  du?: DialogueUnderstanding;
  /** Handlers given in code; without it, the modules named by settings.handlers are loaded. */
  handlers?: HandlerSet;
  /** Handler module paths loaded instead of settings.handlers (`--handlers`), when no `handlers`. */
  handlerModules?: string[];
  logger?: Logger;
  /**
   * The conversation's clock (default: the real one), read once a turn: the dialogue manager
   * and the handlers (`ctx.now`) see that reading, and an understanding made by the runtime
   * (no `du` given) reads relative dates against this clock.
   */
  clock?: () => Date;
  newId?: () => string;
  /** Store used when no checkpointer is given and settings name no backend. Default memory. */
  defaultBackend?: "memory" | "sqlite";
  /** Bound for each resource's close (and for waiting on turns in flight) in cleanup. */
  resourceCloseTimeoutMs?: number;
  /** Conversation lease timing; defaults: settings.persistence.lease_ttl_ms / lease_wait_ms. */
  lease?: { ttlMs?: number; waitMs?: number };
  /** Told about turns, DU reads, handler calls and store calls (metrics); see turn-observer.ts. */
  observer?: TurnObserver;
}

/** Per-call context of one turn, for the logs. */
export interface TurnOptions {
  /** The request that carried the message (HTTP `x-request-id`); logged with the turn. */
  requestId?: string;
}

export interface TurnResult {
  /** The messages joined with "\n". */
  response: string;
  messages: string[];
  flowState: FlowState;
  activeFlow: string | null;
  turnCount: number;
  commands: Command[];
}

export interface CleanupReport {
  ok: boolean;
  problems: string[];
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown } | { timedOut: true };

/**
 * The library API (docs/library.md): one message in, the assistant's answer out, the
 * conversation loaded and saved around the pure dialogue manager. Turns of one user run one
 * after the other; different users never wait for each other.
 */
export class RuntimeLoop {
  readonly domain: LoadedDomain;
  readonly #options: RuntimeLoopOptions;
  readonly #logger: Logger;
  readonly #clock: () => Date;
  readonly #newId: () => string;
  readonly #closeTimeoutMs: number;
  readonly #shutdown = new AbortController();
  readonly #queues = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();
  #checkpointer: Checkpointer | undefined;
  #du: DialogueUnderstanding | undefined;
  #rephraser: LlmRephraser | undefined;
  #handlers: Required<HandlerSet> | undefined;
  #initializing: Promise<void> | undefined;
  #initialized = false;
  #cleanup: Promise<CleanupReport> | undefined;

  constructor(domain: LoadedDomain, options: RuntimeLoopOptions = {}) {
    this.domain = domain;
    this.#options = options;
    this.#logger = options.logger ?? pino({ level: domain.domain.settings.logging.level });
    this.#clock = options.clock ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#closeTimeoutMs = options.resourceCloseTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
  }

  get initialized(): boolean {
    return this.#initialized;
  }

  /** Loads handlers, creates the checkpointer and the DU. Idempotent; a failure can be retried. */
  initialize(): Promise<void> {
    if (this.#cleanup) return Promise.reject(new RuntimeClosedError());
    if (this.#initialized) return Promise.resolve();
    this.#initializing ??= this.#initialize().catch((error: unknown) => {
      this.#initializing = undefined;
      throw error;
    });
    return this.#initializing;
  }

  async #initialize(): Promise<void> {
    const { domain } = this;
    let handlers: Required<HandlerSet>;
    if (this.#options.handlers) {
      const loaded = handlersFromSet(this.#options.handlers);
      const problems = checkHandlers(domain, loaded);
      if (problems.length > 0) throw new HandlerLoadError(problems);
      handlers = loaded.handlers;
    } else {
      const modules = this.#options.handlerModules;
      handlers = (await loadHandlers(domain, modules?.length ? { modules } : {})).handlers;
    }
    const checkpointer = observeCheckpointer(
      this.#options.checkpointer ??
        (await createCheckpointer(domain.domain.settings.persistence, {
          baseDir: domain.baseDir,
          logger: this.#logger,
          defaultBackend: this.#options.defaultBackend ?? "memory",
        })),
      this.#options.observer,
    );
    // The understanding made here reads relative dates ("tomorrow") on the turns' clock.
    const du =
      this.#options.du ?? createUnderstanding(domain, { logger: this.#logger, now: this.#clock });
    if (this.#cleanup) {
      // cleanup() started while we were loading: it will close what we hand over now.
      this.#checkpointer = checkpointer;
      this.#du = du;
      throw new RuntimeClosedError();
    }
    this.#handlers = handlers;
    this.#checkpointer = checkpointer;
    this.#du = du;
    this.#rephraser = this.#createRephraser();
    this.#initialized = true;
    this.#logger.debug(
      { backend: checkpointer.backend, flows: Object.keys(domain.domain.flows).length },
      "RuntimeLoop initialized",
    );
  }

  /** The rephraser settings.rephrase asks for, when a model can be reached; else none, said once. */
  #createRephraser(): LlmRephraser | undefined {
    const { rephrase, du } = this.domain.domain.settings;
    if (!rephrase.enabled) return undefined;
    const endpoint = llmEndpoint(du, process.env);
    if (!endpoint.usable || !endpoint.model) {
      this.#logger.info(
        { reason: endpoint.reason },
        `Rephrasing off: ${endpoint.reason}; messages are said as written`,
      );
      return undefined;
    }
    this.#logger.info({ model: endpoint.model, tone: rephrase.tone }, "Rephrasing on");
    return new LlmRephraser({
      model: endpoint.model,
      baseUrl: endpoint.baseUrl,
      apiKey: endpoint.apiKey,
      tone: rephrase.tone,
      timeoutMs: rephrase.timeout_ms,
      temperature: du.temperature,
      logger: this.#logger,
    });
  }

  /** Processes one user message: understand, run the dialogue manager, save. */
  async processMessage(
    message: string,
    userId: string,
    options: TurnOptions = {},
  ): Promise<TurnResult> {
    this.#assertOpen();
    if (typeof message !== "string" || message.trim() === "") {
      throw new InvalidInputError("message", "message must be a non-empty string");
    }
    if (message.length > MAX_MESSAGE_LENGTH) {
      throw new InvalidInputError(
        "message",
        `message is ${message.length} characters long; the limit is ${MAX_MESSAGE_LENGTH}`,
      );
    }
    assertUserId(userId);
    // Queued before anything is awaited, so turns of a user run in arrival order.
    return this.#enqueue(userId, async () => {
      if (!this.#initialized) await this.initialize();
      return this.#observeTurn(message, userId, options);
    });
  }

  /** The public view of a conversation; an unknown user is an idle conversation at turn 0. */
  async getState(userId: string): Promise<ConversationSnapshot> {
    this.#assertOpen();
    assertUserId(userId);
    await this.initialize();
    const stored = await this.#store().load(userId);
    const state = stored ? migrateState(stored.state) : emptyState(userId);
    return snapshotOf(userId, state, this.domain);
  }

  /** Forgets a conversation (state and turn log); resolves whether it existed. */
  async resetState(userId: string): Promise<boolean> {
    this.#assertOpen();
    assertUserId(userId);
    return this.#enqueue(userId, async () => {
      await this.initialize();
      const store = this.#store();
      const lease = await this.#acquireLease(store, userId, () => this.#logger);
      try {
        return await store.delete(userId);
      } finally {
        await lease?.release();
      }
    });
  }

  /** The conversation's turn log, oldest first; `limit` keeps the newest N. */
  async getTurns(userId: string, limit?: number): Promise<TurnRecord[]> {
    this.#assertOpen();
    assertUserId(userId);
    await this.initialize();
    return this.#store().listTurns(userId, limit === undefined ? undefined : { limit });
  }

  /**
   * Stops the runtime: aborts running handlers and DU calls, waits (bounded) for turns in
   * flight, closes the checkpointer and the DU, each with its own time bound. Idempotent
   * (later calls return the first report) and safe before initialize().
   */
  cleanup(): Promise<CleanupReport> {
    this.#cleanup ??= this.#runCleanup();
    return this.#cleanup;
  }

  async #runCleanup(): Promise<CleanupReport> {
    const log = this.#logger;
    const problems: string[] = [];
    log.info("RuntimeLoop cleanup starting...");
    this.#shutdown.abort(new RuntimeClosedError());
    if (this.#inFlight.size > 0) {
      const count = this.#inFlight.size;
      const drained = await settleWithin(
        Promise.allSettled([...this.#inFlight]),
        this.#closeTimeoutMs,
      );
      if ("timedOut" in drained) {
        const problem = `${count} turn(s) still running after ${this.#closeTimeoutMs} ms; abandoned`;
        log.warn(problem);
        problems.push(problem);
      }
    }
    if (this.#initializing) {
      // Let an initialization in progress finish so its resources are closed below.
      await settleWithin(this.#initializing, this.#closeTimeoutMs);
    }
    const checkpointer = this.#checkpointer;
    if (checkpointer) await this.#closeCheckpointer(checkpointer, problems);
    const du = this.#du;
    if (du?.close) {
      const closed = await settleWithin(
        callClose(() => du.close?.()),
        this.#closeTimeoutMs,
      );
      if ("timedOut" in closed) {
        const problem = `DU close did not finish within ${this.#closeTimeoutMs} ms; gave up`;
        log.warn(problem);
        problems.push(problem);
      } else if (!closed.ok) {
        const problem = `Error closing DU: ${describe(closed.error)}`;
        log.warn(problem);
        problems.push(problem);
      } else {
        log.info("DU closed");
      }
    }
    const rephraser = this.#rephraser;
    if (rephraser) {
      const closed = await settleWithin(
        callClose(() => rephraser.close()),
        this.#closeTimeoutMs,
      );
      if ("timedOut" in closed || !closed.ok) {
        const problem = "Rephraser close failed or did not finish in time";
        log.warn(problem);
        problems.push(problem);
      }
    }
    this.#rephraser = undefined;
    this.#checkpointer = undefined;
    this.#du = undefined;
    this.#handlers = undefined;
    this.#queues.clear();
    this.#initialized = false;
    log.info({ ok: problems.length === 0 }, "RuntimeLoop cleanup completed");
    return { ok: problems.length === 0, problems };
  }

  /** A checkpointer's close may return a promise (async) or nothing (sync); both are handled. */
  async #closeCheckpointer(checkpointer: Checkpointer, problems: string[]): Promise<void> {
    const log = this.#logger;
    let returned: unknown;
    try {
      returned = (checkpointer.close as () => unknown).call(checkpointer);
    } catch (error) {
      const problem = `Error closing checkpointer: ${describe(error)}`;
      log.warn(problem);
      problems.push(problem);
      return;
    }
    if (!isThenable(returned)) {
      log.info("Checkpointer closed (sync)");
      return;
    }
    const closed = await settleWithin(Promise.resolve(returned), this.#closeTimeoutMs);
    if ("timedOut" in closed) {
      const problem = `Checkpointer close did not finish within ${this.#closeTimeoutMs} ms; gave up`;
      log.warn(problem);
      problems.push(problem);
    } else if (!closed.ok) {
      const problem = `Error closing checkpointer: ${describe(closed.error)}`;
      log.warn(problem);
      problems.push(problem);
    } else {
      log.info("Checkpointer closed (async)");
    }
  }

  #assertOpen(): void {
    if (this.#cleanup) throw new RuntimeClosedError();
  }

  #store(): Checkpointer {
    if (!this.#checkpointer) throw new RuntimeClosedError();
    return this.#checkpointer;
  }

  /** Chains the task after the user's previous one; the queue entry goes away when idle. */
  #enqueue<T>(userId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(userId) ?? Promise.resolve();
    const result = previous.then(() => {
      this.#assertOpen();
      return task();
    });
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(userId, settled);
    this.#inFlight.add(settled);
    void settled.then(() => {
      this.#inFlight.delete(settled);
      if (this.#queues.get(userId) === settled) this.#queues.delete(userId);
    });
    return result;
  }

  /** The turn in its `soni.turn` span, timed and reported to the observer. */
  #observeTurn(message: string, userId: string, options: TurnOptions): Promise<TurnResult> {
    const observer = this.#options.observer;
    const started = performance.now();
    const progress: TurnProgress = { flow: null, duSource: null };
    observer?.turnStarted?.();
    return inSpan("soni.turn", { "soni.conversation_id": userId }, async (span) => {
      let outcome: TurnOutcome = "error";
      try {
        const result = await this.#runTurn(message, userId, options, progress);
        outcome = "ok";
        if (span.isRecording()) {
          span.setAttributes({
            "soni.turn": result.turnCount,
            "soni.flow": result.activeFlow ?? "",
            "soni.du.source": progress.duSource ?? "",
          });
        }
        return result;
      } catch (error) {
        if (error instanceof TurnConflictError) outcome = "conflict";
        else if (error instanceof RuntimeClosedError) outcome = "aborted";
        throw error;
      } finally {
        observer?.turnFinished?.({
          flow: progress.flow,
          duSource: progress.duSource,
          outcome,
          seconds: (performance.now() - started) / 1000,
        });
      }
    });
  }

  async #runTurn(
    message: string,
    userId: string,
    options: TurnOptions,
    progress: TurnProgress,
  ): Promise<TurnResult> {
    const logger = lazyTurnLogger(this.#logger, userId, options);
    const store = this.#store();
    const observer = this.#options.observer;
    // One turn of a conversation at a time across every process sharing the store; the
    // version check on save stays as the last line of defence.
    const held = { lease: await this.#acquireLease(store, userId, logger, true), losses: 0 };
    try {
      // Idempotency keys handed out in earlier attempts of this message, by call: a re-run
      // that makes the same call again passes the same key (see callKey).
      const journal = new Map<string, string>();
      for (let attempt = 1; ; attempt++) {
        // The DM and the handlers replace history, last_turn and data, never change them in
        // place: the memory store need not copy them on every turn.
        // The first attempt's conversation came with the lease where the store reads both in
        // one transaction (SQLite); a re-run after a conflict reads it again.
        const withLease = attempt === 1 ? held.lease?.loaded : undefined;
        const stored =
          withLease !== undefined ? withLease : await store.load(userId, { replacesLogs: true });
        const state = stored ? migrateState(stored.state) : emptyState(userId);
        progress.flow = state.flow_stack.at(-1)?.flow ?? null;
        const { commands, du } = await this.#understand(message, state, logger, progress);
        const started = Date.now();
        const turn = state.turn_count + 1;
        const data = { current: state.data ?? {} };
        const calls = new Map<string, number>();
        // One reading per turn: the DM and every handler of the turn see the same instant.
        const now = this.#clock();
        const machine = new TurnMachine({
          domain: this.domain,
          state,
          commands,
          userMessage: message,
          now,
          newId: this.#newId,
          // Parsed from the store for this attempt alone (a retry loads again): no copy needed.
          ownsState: true,
        });
        const output = await inSpan("soni.dm", {}, async () => {
          let step = machine.start();
          while (!step.done) {
            const effect = step.effect;
            const handler = effectHandlerName(effect);
            const handlerStarted = performance.now();
            const idempotencyKey = callKey(effect, userId, turn, calls, journal);
            const result = await inSpan("soni.handler", { "soni.handler": handler }, () =>
              performEffect(effect, {
                handlers: this.#handlers!,
                conversationId: userId,
                logger,
                shutdown: this.#shutdown.signal,
                timeoutMs: this.domain.domain.settings.dm.handler_timeout_ms,
                turn,
                idempotencyKey,
                now,
                data,
              }),
            );
            observer?.handlerFinished?.({
              handler,
              outcome: result.ok ? "ok" : result.timedOut ? "timeout" : "error",
              seconds: (performance.now() - handlerStarted) / 1000,
            });
            // A turn cut short by shutdown is not saved: the caller never got an answer.
            this.#assertOpen();
            step = machine.resume(result);
          }
          return step.output;
        });
        // The flow the turn was about: still active, else the last one that ran a step (one
        // that finished this turn), else the one it started in.
        progress.flow =
          output.state.flow_stack.at(-1)?.flow ?? output.steps.at(-1)?.flow ?? progress.flow;
        if (output.state.data !== undefined || Object.keys(data.current).length > 0) {
          output.state.data = data.current;
        }
        for (const entry of output.logs) {
          if (this.#logger.isLevelEnabled(entry.level))
            logger()[entry.level](entry.data ?? {}, entry.msg);
        }
        const dmMs = Date.now() - started;
        // The turn log's copy also says where the commands came from and what the state became.
        const { user_id: _userId, ...stateAfter } = snapshotOf(userId, output.state, this.domain);
        const record = { ...output.record, du, dm_ms: dmMs, state_after: stateAfter };
        const saved = await this.#save(
          store,
          userId,
          { state: output.state, record },
          stored?.version ?? 0,
          held,
          logger,
        );
        if (saved === "lease_lost_too_often") throw new TurnConflictError(userId, attempt);
        if (saved === "conflict") {
          observer?.saveConflict?.();
          if (attempt >= MAX_TURN_ATTEMPTS) throw new TurnConflictError(userId, attempt);
          logger().warn(
            { attempt },
            "Conversation saved concurrently elsewhere; re-running the turn",
          );
          await sleep(retryDelayMs(attempt));
          continue;
        }
        if (this.#logger.isLevelEnabled("info")) {
          logger().info(
            {
              turn: output.state.turn_count,
              commands: commands.map((c) => c.type),
              steps: output.steps.length,
              flow: output.state.flow_stack.at(-1)?.flow ?? null,
              dm_ms: dmMs,
            },
            "Turn processed",
          );
        }
        const messages = await this.#rephrase(output.messages, output.rephrasable);
        return toTurnResult(output.state, messages, commands);
      }
    } finally {
      await held.lease?.release();
    }
  }

  /**
   * Saves a turn's output under the lease. A lease lost before the save (the process stalled
   * past its expiry) is taken again and the same save retried: if nobody saved meanwhile the
   * version still matches and the output stands, else the save reports a conflict.
   */
  async #save(
    store: Checkpointer,
    userId: string,
    output: { state: DialogueState; record: TurnRecord },
    version: number,
    held: { lease: HeldLease | undefined; losses: number },
    logger: () => Logger,
  ): Promise<"saved" | "conflict" | "lease_lost_too_often"> {
    for (;;) {
      try {
        const lease = held.lease;
        // The turn's own objects, never touched after the save: the memory store keeps them
        // without a copy. The lease goes in the same write where the store can do that.
        const releaseLease = lease !== undefined && store.releasesLeaseOnSave === true;
        await store.save(
          userId,
          output.state,
          version,
          output.record,
          lease === undefined
            ? { handOver: true }
            : { handOver: true, leaseToken: lease.token, releaseLease },
        );
        if (releaseLease) await lease.releasedByStore();
        return "saved";
      } catch (error) {
        if (error instanceof VersionConflictError) return "conflict";
        if (!(error instanceof LeaseLostError) || !held.lease) throw error;
        if (++held.losses > MAX_LEASE_LOSSES) return "lease_lost_too_often";
        logger().warn("Conversation lease lost before saving; taking it again");
        await held.lease.release();
        held.lease = undefined;
        held.lease = await this.#acquireLease(store, userId, logger);
      }
    }
  }

  /** The turn's messages with the rephrasable ones reworded (each unchanged if that fails). */
  async #rephrase(messages: string[], rephrasable: readonly number[]): Promise<string[]> {
    const rephraser = this.#rephraser;
    if (!rephraser || rephrasable.length === 0) return messages;
    const out = [...messages];
    await Promise.all(
      rephrasable.map(async (i) => {
        out[i] = await rephraser.rephrase(messages[i]!);
      }),
    );
    return out;
  }

  /**
   * The conversation's lease, waited for (bounded); undefined when the store has none. With
   * `load`, the lease carries the conversation where the store reads both in one transaction.
   */
  async #acquireLease(
    store: Checkpointer,
    userId: string,
    logger: () => Logger,
    load = false,
  ): Promise<HeldLease | undefined> {
    if (!supportsLeases(store)) return undefined;
    const settings = this.domain.domain.settings.persistence;
    return acquireLease(store, userId, {
      ttlMs: this.#options.lease?.ttlMs ?? settings.lease_ttl_ms ?? DEFAULT_LEASE_TTL_MS,
      waitMs: this.#options.lease?.waitMs ?? settings.lease_wait_ms ?? DEFAULT_LEASE_WAIT_MS,
      signal: this.#shutdown.signal,
      logger,
      load: load && store.loadsWithLease === true,
    });
  }

  /** The DU's commands, re-validated; a DU that throws counts as "nothing understood". */
  async #understand(
    message: string,
    state: DialogueState,
    logger: () => Logger,
    progress: TurnProgress,
  ): Promise<{ commands: Command[]; du: NonNullable<TurnRecord["du"]> }> {
    const du = this.#du;
    if (!du) throw new RuntimeClosedError();
    const started = performance.now();
    try {
      const result = await inSpan("soni.du", {}, async (span) => {
        const read = await du.understand(message, {
          domain: this.domain,
          state,
          signal: this.#shutdown.signal,
        });
        if (span.isRecording()) {
          span.setAttribute("soni.du.source", read.source);
          if (read.usage) {
            span.setAttributes({
              "gen_ai.usage.input_tokens": read.usage.prompt_tokens,
              "gen_ai.usage.output_tokens": read.usage.completion_tokens,
            });
          }
        }
        return read;
      });
      progress.duSource = result.source;
      this.#options.observer?.understood?.({
        source: result.source,
        seconds: (performance.now() - started) / 1000,
        usage: result.usage,
      });
      if (this.#logger.isLevelEnabled("debug")) {
        logger().debug(
          { source: result.source, latency_ms: result.latency_ms },
          "Message understood",
        );
      }
      const commands = parseCommands(result.commands as unknown[], {
        warn(data, msg) {
          logger().warn(data, msg);
        },
      });
      // A tenth of a millisecond is finer than a turn log reader needs.
      const latencyMs = Math.round(result.latency_ms * 10) / 10;
      return { commands, du: { source: result.source, latency_ms: latencyMs } };
    } catch (error) {
      this.#assertOpen();
      logger().error(
        { error: describe(error) },
        "Dialogue understanding failed; treating the message as not understood",
      );
      return {
        commands: [],
        du: { source: "failed", latency_ms: Math.round((performance.now() - started) * 10) / 10 },
      };
    }
  }
}

/**
 * `conversation/turn/handler`, with `/n` for the n-th call of a handler in one turn. An action
 * called again with the same inputs in a later attempt of the same message keeps the key its
 * first call got, even when the re-run ends up in another turn number (another process saved
 * a turn in between): its external effect is then recognised as already done.
 */
function callKey(
  effect: Effect,
  userId: string,
  turn: number,
  calls: Map<string, number>,
  journal: Map<string, string>,
): string {
  const name =
    effect.kind === "action"
      ? effect.action
      : effect.kind === "validate"
        ? `validator:${effect.validator}`
        : `normalizer:${effect.normalizer}`;
  const n = (calls.get(name) ?? 0) + 1;
  calls.set(name, n);
  const key = `${userId}/${turn}/${name}${n > 1 ? `/${n}` : ""}`;
  if (effect.kind !== "action") return key;
  const call = `${name}/${n}/${JSON.stringify(effect.inputs)}`;
  const earlier = journal.get(call);
  if (earlier !== undefined) return earlier;
  journal.set(call, key);
  return key;
}

/** What a turn has found so far, for its report when it ends (also when it fails). */
interface TurnProgress {
  flow: string | null;
  duSource: string | null;
}

/**
 * The turn's child logger, made on first use: a pino child per turn is a measurable part of a
 * turn, and a turn at the info level logs one line (or none when logging is off). (Returned, not
 * declared in the turn: a closure bound to a name costs a `defineProperty` per turn under tsx.)
 */
function lazyTurnLogger(parent: Logger, userId: string, options: TurnOptions): () => Logger {
  let child: Logger | undefined;
  return () => {
    // A logger that writes nothing (level silent) needs no child to write nothing.
    child ??= parent.isLevelEnabled("fatal") ? parent.child(turnBindings(userId, options)) : parent;
    return child;
  };
}

/** The turn's log context: the conversation, the request and, when tracing, the trace. */
function turnBindings(userId: string, options: TurnOptions): Record<string, string> {
  const bindings: Record<string, string> = { conversation_id: userId };
  if (options.requestId) bindings.request_id = options.requestId;
  const traceId = activeTraceId();
  if (traceId) bindings.trace_id = traceId;
  return bindings;
}

/** The caller's own arrays: the turn's were handed over to the store with the turn record. */
function toTurnResult(state: DialogueState, messages: string[], commands: Command[]): TurnResult {
  return {
    response: messages.join("\n"),
    messages: messages.slice(),
    flowState: flowStateOf(state),
    activeFlow: state.flow_stack.at(-1)?.flow ?? null,
    turnCount: state.turn_count,
    commands: copyJson(commands),
  };
}

function assertUserId(userId: unknown): asserts userId is string {
  if (typeof userId !== "string" || !USER_ID_PATTERN.test(userId)) {
    throw new InvalidInputError(
      "user_id",
      "user_id must be 1-128 characters: letters, digits and _ . : @ - (starting with a letter or digit)",
    );
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function callClose(close: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(close());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Waits for `promise` at most `ms`; the timer never keeps the process alive. */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled<T> => ({ ok: true, value }),
        (error: unknown): Settled<T> => ({ ok: false, error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Backoff before re-running a turn that lost a save race: growing with jitter, capped. A writer
 * streaming turns into the same conversation wins most races (it reloads first after its own
 * save), so the loser mostly waits for that burst to end: the bound is ~4 s of losing, not a
 * handful of attempts.
 */
function retryDelayMs(attempt: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, (5 + Math.random() * 20) * attempt);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
