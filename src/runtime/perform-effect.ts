import type { Logger } from "pino";
import type { Effect, EffectResult } from "../dm/effects.ts";
import type { HandlerContext, HandlerSet } from "./handlers.ts";

export interface PerformContext {
  handlers: Required<HandlerSet>;
  conversationId: string;
  /** Child logger carrying the conversation id. */
  logger: Logger;
  /** Fires on runtime shutdown; every handler's own signal follows it. */
  shutdown: AbortSignal;
  timeoutMs: number;
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
  const handler = (context.handlers[kind] as Record<string, unknown>)[name];
  if (typeof handler !== "function") {
    return { ok: false, error: `no handler is registered for ${kind}.${name}` };
  }
  const controller = new AbortController();
  const ctx: HandlerContext = {
    conversationId: context.conversationId,
    slots: Object.freeze({ ...effect.slots }),
    logger: context.logger.child({ handler: `${kind}.${name}` }),
    signal: controller.signal,
  };
  let timer: NodeJS.Timeout | undefined;
  let onShutdown: (() => void) | undefined;
  const interrupted = new Promise<EffectResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`${kind}.${name} timed out after ${context.timeoutMs} ms`));
      resolve({
        ok: false,
        error: `${kind}.${name} timed out after ${context.timeoutMs} ms`,
        timedOut: true,
      });
    }, context.timeoutMs);
    onShutdown = () => {
      controller.abort(new Error("the runtime is shutting down"));
      resolve({ ok: false, error: `${kind}.${name} was aborted: the runtime is shutting down` });
    };
    if (context.shutdown.aborted) onShutdown();
    else context.shutdown.addEventListener("abort", onShutdown, { once: true });
  });
  const run = (async (): Promise<EffectResult> => {
    try {
      const value =
        effect.kind === "action"
          ? await (handler as (i: unknown, c: HandlerContext) => unknown)(effect.inputs, ctx)
          : await (handler as (v: unknown, c: HandlerContext) => unknown)(effect.value, ctx);
      return { ok: true, value };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof Error ? error.message || error.name : String(error),
      };
    }
  })();
  try {
    return await Promise.race([run, interrupted]);
  } finally {
    clearTimeout(timer);
    if (onShutdown) context.shutdown.removeEventListener("abort", onShutdown);
  }
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
