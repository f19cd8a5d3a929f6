import type { Logger } from "pino";
import type { Effect, EffectResult } from "../dm/effects.ts";
import { copyJson } from "../persistence/json-copy.ts";
import { checkedHandlerData } from "./handler-data.ts";
import {
  type HandlerContext,
  type HandlerData,
  type HandlerSet,
  userMessageOf,
} from "./handlers.ts";

export interface PerformContext {
  handlers: Required<HandlerSet>;
  conversationId: string;
  /** Child logger carrying the conversation id; called only when a handler uses its logger. */
  logger: () => Logger;
  /** Fires on runtime shutdown; every handler's own signal follows it. */
  shutdown: AbortSignal;
  timeoutMs: number;
  turn: number;
  idempotencyKey: string;
  /** The turn's clock reading (the dialogue manager's `now` for this turn). */
  now: Date;
  /** The conversation's handler data; replaced by the handler's copy when the call succeeds. */
  data: { current: HandlerData };
}

/**
 * Runs the handler an effect names, bounded by `timeoutMs`. Never throws: a missing handler,
 * a throw, a timeout or a shutdown comes back as `{ ok: false, error }`. On timeout or
 * shutdown the handler's signal aborts so cooperative handlers stop their work.
 */
export async function performEffect(
  effect: Effect,
  context: PerformContext,
): Promise<EffectResult> {
  const [kind, name] = describeEffect(effect);
  const handlerName = `${kind}.${name}`;
  const handler = (context.handlers[kind] as Record<string, unknown>)[name];
  if (typeof handler !== "function") {
    return { ok: false, error: `no handler is registered for ${handlerName}` };
  }
  // The logger and the AbortController are made on first use: most handlers touch neither, and
  // both cost more than the handler itself on the hot path. (No named closures here: under tsx
  // each costs a defineProperty per call.)
  const aborter = new LazyAbort();
  let logger: Logger | undefined;
  // The handler's own copy, made on first use: a handler still running after its timeout can
  // change nothing that is saved.
  let data: HandlerData | undefined;
  const ctx: HandlerContext = {
    conversationId: context.conversationId,
    turn: context.turn,
    idempotencyKey: context.idempotencyKey,
    get data() {
      data ??= copyJson(context.data.current);
      return data;
    },
    slots: Object.freeze({ ...effect.slots }),
    get now() {
      return new Date(context.now.getTime());
    },
    get logger() {
      const parent = context.logger();
      // A logger that writes nothing (level silent) needs no child to write nothing.
      logger ??= parent.isLevelEnabled("fatal") ? parent.child({ handler: handlerName }) : parent;
      return logger;
    },
    get signal() {
      return aborter.signal;
    },
  };
  if (context.shutdown.aborted) {
    aborter.abort(new Error("the runtime is shutting down"));
    return shutdownResult(handlerName);
  }
  let returned: unknown;
  try {
    returned =
      effect.kind === "action"
        ? (handler as (i: unknown, c: HandlerContext) => unknown)(effect.inputs, ctx)
        : (handler as (v: unknown, c: HandlerContext) => unknown)(effect.value, ctx);
  } catch (error) {
    return thrown(error, context, handlerName);
  }
  // A synchronous handler (most validators and normalizers) has already finished: no timer and
  // no race to set up, which would cost more than the handler itself.
  if (!isThenable(returned))
    return settle({ ok: true, value: returned }, data, context, handlerName);
  let timer: NodeJS.Timeout | undefined;
  let onShutdown: (() => void) | undefined;
  const interrupted = new Promise<EffectResult>((resolve) => {
    timer = setTimeout(() => {
      aborter.abort(new Error(`${handlerName} timed out after ${context.timeoutMs} ms`));
      resolve({
        ok: false,
        error: `${handlerName} timed out after ${context.timeoutMs} ms`,
        timedOut: true,
      });
    }, context.timeoutMs);
    onShutdown = () => {
      aborter.abort(new Error("the runtime is shutting down"));
      resolve(shutdownResult(handlerName));
    };
    context.shutdown.addEventListener("abort", onShutdown, { once: true });
  });
  const run = Promise.resolve(returned).then(
    (value): EffectResult => ({ ok: true, value }),
    (error: unknown) => thrown(error, context, handlerName),
  );
  try {
    const result = await Promise.race([run, interrupted]);
    return settle(result, data, context, handlerName);
  } finally {
    clearTimeout(timer);
    if (onShutdown) context.shutdown.removeEventListener("abort", onShutdown);
  }
}

/** The handler's abort signal, its controller made only when the handler asks for it. */
class LazyAbort {
  #controller: AbortController | undefined;
  #reason: Error | undefined;

  abort(reason: Error): void {
    this.#reason = reason;
    this.#controller?.abort(reason);
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#reason) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }
}

function shutdownResult(handlerName: string): EffectResult {
  return { ok: false, error: `${handlerName} was aborted: the runtime is shutting down` };
}

/**
 * A throw, logged with its stack: at error level, or info for a UserFacingError (an expected
 * refusal such as "not enough money", which the user is told).
 */
function thrown(error: unknown, context: PerformContext, handlerName: string): EffectResult {
  const result = failure(error);
  const level = !result.ok && result.userMessage ? "info" : "error";
  context.logger()[level]({ handler: handlerName, err: error }, "Handler threw");
  return result;
}

/** Keeps the handler's data changes (`data`, its copy if it used one) when it succeeded. */
function settle(
  result: EffectResult,
  data: HandlerData | undefined,
  context: PerformContext,
  handlerName: string,
): EffectResult {
  if (!result.ok || data === undefined) return result;
  const kept = checkedHandlerData(data);
  if (kept instanceof Error) return { ok: false, error: `${handlerName}: ${kept.message}` };
  context.data.current = kept;
  return result;
}

/**
 * A handler's throw as a result. An error carrying a `userMessage` is the handler declining on
 * purpose: the user is told that message.
 */
function failure(error: unknown): EffectResult {
  const userMessage = userMessageOf(error);
  return {
    ok: false,
    error: error instanceof Error ? error.message || error.name : String(error),
    ...(userMessage ? { userMessage } : {}),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** `kind.name` of the handler an effect calls (`actions.<name>`, `validators.<name>`, ...). */
export function effectHandlerName(effect: Effect): string {
  const [kind, name] = describeEffect(effect);
  return `${kind}.${name}`;
}

function describeEffect(effect: Effect): [keyof HandlerSet, string] {
  switch (effect.kind) {
    case "action":
      return ["actions", effect.action];
    case "validate":
      return ["validators", effect.validator];
    case "normalize":
      return ["normalizers", effect.normalizer];
  }
}
