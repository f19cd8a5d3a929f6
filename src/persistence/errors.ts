// A custom store (persistence.module) may throw these from another copy of the package (its
// own "soni"): they are recognised by a brand, so `instanceof` holds across copies.
const CONFLICT = Symbol.for("soni.VersionConflictError");
const UNAVAILABLE = Symbol.for("soni.StoreUnavailableError");

/** `instanceof base` by brand; a subclass (`asked`) keeps the ordinary prototype check. */
function isInstance(asked: object, base: object, brand: symbol, value: unknown): boolean {
  if (asked !== base) return Function.prototype[Symbol.hasInstance].call(asked, value);
  return typeof value === "object" && value !== null && brand in value;
}

/** Another writer saved the conversation since it was loaded: reload and re-run the turn. */
export class VersionConflictError extends Error {
  override readonly name = "VersionConflictError";
  readonly [CONFLICT] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was asked about
    return isInstance(this, VersionConflictError, CONFLICT, value);
  }

  constructor(
    readonly conversationId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | null,
  ) {
    super(
      `conversation '${conversationId}' was saved concurrently (expected version ${expectedVersion}, found ${actualVersion ?? "none"})`,
    );
  }
}

/**
 * A save carried a lease token that no longer holds the conversation's lease (it expired and
 * another process may have taken it): the save changed nothing. Re-acquire and try again.
 */
export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
  constructor(
    readonly conversationId: string,
    readonly token: number,
  ) {
    super(
      `conversation '${conversationId}': lease ${token} is no longer held; the save was refused`,
    );
  }
}

/**
 * Another turn of the conversation held its lease for longer than the caller may wait. Nothing
 * was changed; the HTTP layer answers 409 with Retry-After.
 */
export class ConversationBusyError extends Error {
  override readonly name = "ConversationBusyError";
  constructor(
    readonly conversationId: string,
    readonly waitedMs: number,
    /** How long the current holder keeps the lease at most, as last reported by the store. */
    readonly retryAfterMs: number,
  ) {
    super(
      `conversation '${conversationId}' is busy with another turn (waited ${waitedMs} ms); retry the message`,
    );
  }
}

/** The store cannot be reached; the HTTP layer answers 503 with Retry-After. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  readonly [UNAVAILABLE] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class instanceof was asked about
    return isInstance(this, StoreUnavailableError, UNAVAILABLE, value);
  }

  constructor(
    readonly backend: string,
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${backend} store at ${target} is unavailable: ${describeCause(options?.cause)}`,
      options,
    );
  }
}

/** The checkpointer was closed; nothing can be read or written through it any more. */
export class CheckpointerClosedError extends Error {
  override readonly name = "CheckpointerClosedError";
  constructor(readonly backend: string) {
    super(`${backend} checkpointer is closed; create a new one to read or write conversations`);
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message || cause.name;
  return cause === undefined ? "unknown error" : String(cause);
}
