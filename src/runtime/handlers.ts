import type { Logger } from "pino";
import type { SlotValue } from "../protocol/commands.ts";

/**
 * Conversation-scoped handler data: a JSON object saved with the conversation, in the same write
 * as the turn's state, so later turns and other server instances see it (docs/handlers.md).
 */
export type HandlerData = Record<string, unknown>;

/** What every handler receives besides its inputs. */
export interface HandlerContext {
  conversationId: string;
  /** The number of the turn this call runs in (1 for the conversation's first message). */
  turn: number;
  /**
   * Names this call: `conversation/turn/handler` (`/2`, `/3`, ... when the handler runs again in
   * the same turn). A turn that was not saved and runs again (after losing a concurrent save,
   * or a message sent again when its turn was cut short) calls the handler with the same key:
   * key external side effects on it.
   */
  idempotencyKey: string;
  /**
   * The conversation's handler data (a copy for this call): changes are kept when the call
   * succeeds and saved with the turn; a throw, a timeout or a lost save discards them.
   */
  data: HandlerData;
  /** The current flow's slots (a copy: mutating it changes nothing). */
  slots: Readonly<Record<string, SlotValue>>;
  /**
   * The turn's clock reading: the instant the dialogue manager uses for this turn, from the
   * runtime's clock (pinned by conversation tests and evaluation sets). Judge dates against it
   * ("that date has already passed") rather than `new Date()`, so "today" is the conversation's
   * and tests give the same results on every day. A copy: changing it changes nothing.
   */
  now: Date;
  logger: Logger;
  /** Fires on shutdown or when the handler's timeout expires. */
  signal: AbortSignal;
}

/** Returns the action's outputs, or nothing (`void`, so a handler with no outputs needs no `return`). */
export type ActionHandler = (
  inputs: Record<string, SlotValue>,
  ctx: HandlerContext,
) => ActionOutputs | Promise<ActionOutputs>;

// biome-ignore lint/suspicious/noConfusingVoidType: a handler without a return statement returns void
type ActionOutputs = Record<string, unknown> | undefined | void;

/** true = valid; false = invalid (slot's validation_error_message); string = invalid, with this message. */
export type Validator = (
  value: SlotValue,
  ctx: HandlerContext,
) => boolean | string | Promise<boolean | string>;

export type Normalizer = (value: SlotValue, ctx: HandlerContext) => SlotValue | Promise<SlotValue>;

/** What a handler module exports (docs/handlers.md): plain objects, no framework import needed. */
export interface HandlerSet {
  actions?: Record<string, ActionHandler>;
  validators?: Record<string, Validator>;
  normalizers?: Record<string, Normalizer>;
}

/** Marks UserFacingErrors across copies of this package (a handler's "soni" may not be ours). */
const USER_FACING = Symbol.for("soni.UserFacingError");

/**
 * An action failure the user should hear about ("You only have 120.00 EUR in savings"): the
 * DM says `userMessage` instead of the generic action_error pattern. Handlers that import
 * nothing may throw any Error with a string `userMessage` property instead.
 *
 * Recognised by a brand, not by prototype: `instanceof UserFacingError` and
 * `isUserFacingError` hold for one thrown by another copy of the package too.
 */
export class UserFacingError extends Error {
  readonly userMessage: string;
  readonly [USER_FACING] = true;
  constructor(userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = "UserFacingError";
    this.userMessage = userMessage;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype check.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was asked about
    if (this !== UserFacingError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return isUserFacingError(value);
  }
}

/** Whether `error` is a UserFacingError, from this copy of the package or any other. */
export function isUserFacingError(error: unknown): error is UserFacingError {
  return typeof error === "object" && error !== null && USER_FACING in error;
}

/** The user-facing words of a thrown error, when it has any (see UserFacingError). */
export function userMessageOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("userMessage" in error)) return undefined;
  const message = (error as { userMessage: unknown }).userMessage;
  return typeof message === "string" && message.trim() !== "" ? message : undefined;
}

/** Typed identity helper for handler modules that want editor help. */
export function defineHandlers<T extends HandlerSet>(handlers: T): T {
  return handlers;
}
