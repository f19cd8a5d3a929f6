import type { DialogueState, TurnRecord } from "../protocol/state.ts";

export interface StoredConversation {
  state: DialogueState;
  /** Incremented by every save; the token for optimistic concurrency. */
  version: number;
}

export interface LoadOptions {
  /**
   * The caller replaces the state's `history`, `last_turn` and `data` and never changes them in
   * place (the runtime: the DM appends to history in a new array, handlers work on copies of
   * `data`). A store keeping objects (memory) may then share those three between loads instead
   * of copying them each time; the rest of the state is still the caller's own copy.
   */
  replacesLogs?: boolean;
}

export interface SaveOptions {
  /**
   * Fencing token of the conversation's lease (see lease.ts): the save succeeds only while this
   * lease is still held, else it throws LeaseLostError and changes nothing.
   */
  leaseToken?: number;
  /**
   * The caller hands `state` and `turn` over: it will not change them after the call (the
   * runtime's own per-turn objects). A store that keeps objects in memory may then keep these
   * instead of copies; stores that serialize ignore it.
   */
  handOver?: boolean;
  /**
   * With `leaseToken`: give the lease up in the same write when the save succeeds (one write
   * per turn instead of two). Only honoured by a store whose `releasesLeaseOnSave` is true; on a
   * failed save the lease stays held.
   */
  releaseLease?: boolean;
}

/**
 * What one attempt to take a lease got: the lease's token, or how long its holder keeps it.
 * `loaded` is the conversation as stored, read under the new lease, when the attempt asked for it
 * from a store that `loadsWithLease`.
 */
export type LeaseAttempt =
  | { token: number; loaded?: StoredConversation | null }
  | { heldForMs: number };

export interface LeaseAttemptOptions {
  /** Also read the conversation in the same transaction (only a store that `loadsWithLease`). */
  load?: boolean;
}

/**
 * One contract for every backend (docs/persistence.md). `save` is conditional: it succeeds only
 * when the stored version still equals `expectedVersion` (0 = the conversation must not
 * exist yet), otherwise it throws VersionConflictError. The turn record, when given, is
 * appended to the conversation's turn log in the same write.
 *
 * The lease methods (all four built-in stores have them) let one turn of a conversation run
 * at a time across processes sharing the store. A store without them relies on the version
 * check alone.
 */
export interface Checkpointer {
  readonly backend: "memory" | "sqlite" | "postgres" | "redis" | (string & {});
  load(conversationId: string, options?: LoadOptions): Promise<StoredConversation | null>;
  save(
    conversationId: string,
    state: DialogueState,
    expectedVersion: number,
    turn?: TurnRecord,
    options?: SaveOptions,
  ): Promise<number>;
  /** Removes the conversation and its turn log; resolves whether it existed. */
  delete(conversationId: string): Promise<boolean>;
  /** The audit trail, oldest first; `limit` keeps the newest N. */
  listTurns(conversationId: string, options?: { limit?: number }): Promise<TurnRecord[]>;
  /** Waits for writes in progress, releases everything; idempotent; later calls reject. */
  close(): Promise<void>;
  /**
   * Takes the conversation's lease for `ttlMs` when it is free or expired, with a new fencing
   * token (greater than any token handed out before for it); never waits.
   */
  tryAcquireLease?(
    conversationId: string,
    ttlMs: number,
    options?: LeaseAttemptOptions,
  ): Promise<LeaseAttempt>;
  /** Extends a lease still held with `token` to `ttlMs` from now; false when it was lost. */
  renewLease?(conversationId: string, token: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `token` still holds it; otherwise does nothing. */
  releaseLease?(conversationId: string, token: number): Promise<void>;
  /** The store gives the lease up in the save itself when asked (`SaveOptions.releaseLease`). */
  readonly releasesLeaseOnSave?: boolean;
  /**
   * `tryAcquireLease` with `load: true` also returns the conversation, read in the lease's own
   * transaction (one transaction per turn fewer than a separate load).
   */
  readonly loadsWithLease?: boolean;
}
