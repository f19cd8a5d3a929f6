import type { DialogueState, TurnRecord } from "../protocol/state.ts";

export interface StoredConversation {
  state: DialogueState;
  /** Incremented by every save; the token for optimistic concurrency. */
  version: number;
}

/**
 * One contract for every backend (docs/persistence.md). `save` is conditional: it succeeds only
 * when the stored version still equals `expectedVersion` (0 = the conversation must not
 * exist yet), otherwise it throws VersionConflictError. The turn record, when given, is
 * appended to the conversation's turn log in the same write.
 */
export interface Checkpointer {
  readonly backend: "memory" | "sqlite" | "postgres" | "redis" | (string & {});
  load(conversationId: string): Promise<StoredConversation | null>;
  save(
    conversationId: string,
    state: DialogueState,
    expectedVersion: number,
    turn?: TurnRecord,
  ): Promise<number>;
  /** Removes the conversation and its turn log; resolves whether it existed. */
  delete(conversationId: string): Promise<boolean>;
  /** The audit trail, oldest first; `limit` keeps the newest N. */
  listTurns(conversationId: string, options?: { limit?: number }): Promise<TurnRecord[]>;
  /** Waits for writes in progress, releases everything; idempotent; later calls reject. */
  close(): Promise<void>;
}
