import type { Logger } from "pino";
import type { DialogueState, TurnRecord } from "../protocol/state.ts";
import type {
  Checkpointer,
  LeaseAttempt,
  LoadOptions,
  SaveOptions,
  StoredConversation,
} from "./checkpointer.ts";
import { LeaseLostError, VersionConflictError } from "./errors.ts";
import { keepHandedOverState, keepHandedOverTurn } from "./handed-over.ts";
import { copyJson } from "./json-copy.ts";
import { CheckpointerLifecycle } from "./lifecycle.ts";
import { checkExpectedVersion, DEFAULT_TURN_LOG_RETENTION, turnLimit } from "./turn-log.ts";

export interface MemoryCheckpointerOptions {
  /** Most conversations kept; saving one more evicts the least recently used. Default 10,000. */
  maxConversations?: number;
  /** Conversations untouched this long are evicted. Default 3600 (one hour). */
  idleTtlSeconds?: number;
  /** Newest turns kept per conversation (0 keeps none). Default 1000. */
  turnLogRetention?: number;
  logger?: Logger;
}

interface Entry {
  /** Copies owned by the store alone (see the class). */
  state: DialogueState;
  version: number;
  turns: TurnRecord[];
  lastAccess: number;
}

/** Longest pause between two sweeps for idle conversations. */
const MAX_SWEEP_INTERVAL_MS = 60_000;

/**
 * Keeps conversations in this process only (tests, development, the library default).
 * Bounded so a long-running process cannot grow without limit. Stores copies, made on save and
 * on load, so neither the caller's later mutations nor mutations of a loaded state change what
 * is stored; the copies are of JSON data (`copyJson`), so a state round-trips as it would through
 * the SQLite or PostgreSQL store, and something a durable store could not keep is refused here too.
 * A save that hands its objects over (`SaveOptions.handOver`, the runtime's) is checked the same
 * way but kept without a copy: one copy per turn (on load) instead of three. What it shares with
 * the state kept before (history entries, `data`) was checked then and is not walked again.
 */
export class MemoryCheckpointer implements Checkpointer {
  readonly backend = "memory";
  readonly releasesLeaseOnSave = true;
  readonly #entries = new Map<string, Entry>();
  readonly #lifecycle = new CheckpointerLifecycle("memory");
  readonly #maxConversations: number;
  readonly #idleTtlMs: number;
  readonly #retention: number;
  readonly #logger: Logger | undefined;
  readonly #sweepTimer: NodeJS.Timeout;
  /** Leases of this process's RuntimeLoops sharing this store (several loops in one process). */
  readonly #leases = new Map<string, { token: number; expiresAt: number }>();
  #lastLeaseToken = 0;

  constructor(options: MemoryCheckpointerOptions = {}) {
    this.#maxConversations = options.maxConversations ?? 10_000;
    this.#idleTtlMs = (options.idleTtlSeconds ?? 3600) * 1000;
    this.#retention = options.turnLogRetention ?? DEFAULT_TURN_LOG_RETENTION;
    this.#logger = options.logger;
    if (!(this.#maxConversations >= 1)) throw new RangeError("maxConversations must be >= 1");
    if (!(this.#idleTtlMs > 0)) throw new RangeError("idleTtlSeconds must be > 0");
    const interval = Math.min(Math.max(this.#idleTtlMs / 2, 1000), MAX_SWEEP_INTERVAL_MS);
    this.#sweepTimer = setInterval(() => this.#sweep(), interval);
    // A store in memory must never be the reason a process stays alive.
    this.#sweepTimer.unref();
  }

  /** Conversations currently held (after evicting expired ones). */
  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  load(conversationId: string, options?: LoadOptions): Promise<StoredConversation | null> {
    return this.#lifecycle.runSync(() => {
      const entry = this.#touch(conversationId);
      if (!entry) return null;
      return {
        state: options?.replacesLogs ? copyExceptLogs(entry.state) : copyJson(entry.state),
        version: entry.version,
      };
    });
  }

  save(
    conversationId: string,
    state: DialogueState,
    expectedVersion: number,
    turn?: TurnRecord,
    options?: SaveOptions,
  ): Promise<number> {
    return this.#lifecycle.runSync(() => {
      checkExpectedVersion(expectedVersion);
      const token = options?.leaseToken;
      if (token !== undefined && !this.#holds(conversationId, token)) {
        throw new LeaseLostError(conversationId, token);
      }
      const entry = this.#touch(conversationId);
      const current = entry?.version ?? 0;
      if (current !== expectedVersion) {
        throw new VersionConflictError(conversationId, expectedVersion, entry ? current : null);
      }
      // Checked (and copied unless handed over) before touching the map, so a state that is not
      // JSON data changes nothing. The store never mutates what it holds and hands out copies.
      const handOver = options?.handOver === true;
      const kept = handOver ? keepHandedOverState(state, entry?.state) : copyJson(state);
      // The DM's turn record is usually the state's last_turn: one copy serves both.
      const keptTurn =
        turn && this.#retention > 0
          ? turn === state.last_turn && kept.last_turn
            ? kept.last_turn
            : handOver
              ? keepHandedOverTurn(turn, kept)
              : copyJson(turn)
          : undefined;
      const turns = entry?.turns ?? [];
      if (keptTurn) {
        turns.push(keptTurn);
        if (turns.length > this.#retention) turns.splice(0, turns.length - this.#retention);
      }
      const version = current + 1;
      this.#entries.delete(conversationId);
      this.#entries.set(conversationId, { state: kept, version, turns, lastAccess: Date.now() });
      this.#evictOverflow();
      if (token !== undefined && options?.releaseLease) this.#leases.delete(conversationId);
      return version;
    });
  }

  delete(conversationId: string): Promise<boolean> {
    return this.#lifecycle.runSync(() => {
      const existed = this.#touch(conversationId) !== undefined;
      this.#entries.delete(conversationId);
      return existed;
    });
  }

  listTurns(conversationId: string, options?: { limit?: number }): Promise<TurnRecord[]> {
    return this.#lifecycle.runSync(() => {
      const limit = turnLimit(options);
      const turns = this.#touch(conversationId)?.turns ?? [];
      const newest = limit === undefined ? turns : turns.slice(Math.max(turns.length - limit, 0));
      return copyJson(newest);
    });
  }

  tryAcquireLease(conversationId: string, ttlMs: number): Promise<LeaseAttempt> {
    return this.#lifecycle.runSync(() => {
      const now = Date.now();
      const lease = this.#leases.get(conversationId);
      if (lease && lease.expiresAt > now) return { heldForMs: lease.expiresAt - now };
      const token = ++this.#lastLeaseToken;
      this.#leases.set(conversationId, { token, expiresAt: now + ttlMs });
      return { token };
    });
  }

  renewLease(conversationId: string, token: number, ttlMs: number): Promise<boolean> {
    return this.#lifecycle.runSync(() => {
      if (!this.#holds(conversationId, token)) return false;
      this.#leases.set(conversationId, { token, expiresAt: Date.now() + ttlMs });
      return true;
    });
  }

  releaseLease(conversationId: string, token: number): Promise<void> {
    return this.#lifecycle.runSync(() => {
      if (this.#leases.get(conversationId)?.token === token) this.#leases.delete(conversationId);
    });
  }

  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      clearInterval(this.#sweepTimer);
      this.#entries.clear();
      this.#leases.clear();
    });
  }

  #holds(conversationId: string, token: number): boolean {
    const lease = this.#leases.get(conversationId);
    return lease !== undefined && lease.token === token && lease.expiresAt > Date.now();
  }

  /** The live entry, moved to most-recently-used; expired entries are dropped on the way. */
  #touch(conversationId: string): Entry | undefined {
    const entry = this.#entries.get(conversationId);
    if (!entry) return undefined;
    const now = Date.now();
    this.#entries.delete(conversationId);
    if (now - entry.lastAccess >= this.#idleTtlMs) return undefined;
    entry.lastAccess = now;
    this.#entries.set(conversationId, entry);
    return entry;
  }

  #evictOverflow(): void {
    // Map iteration order is insertion order, and #touch re-inserts: the first key is the LRU.
    while (this.#entries.size > this.#maxConversations) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
      this.#logger?.debug(
        { conversationId: oldest },
        "memory checkpointer evicted LRU conversation",
      );
    }
  }

  #sweep(): void {
    const now = Date.now();
    let evicted = 0;
    for (const [id, entry] of this.#entries) {
      // Oldest first: the first entry still fresh means every later one is fresh too.
      if (now - entry.lastAccess < this.#idleTtlMs) break;
      this.#entries.delete(id);
      evicted++;
    }
    // A lease left behind by a turn that never released it (abandoned at shutdown).
    for (const [id, lease] of this.#leases) if (lease.expiresAt <= now) this.#leases.delete(id);
    if (evicted > 0) {
      this.#logger?.debug({ evicted }, "memory checkpointer evicted idle conversations");
    }
  }
}

/**
 * A copy of the state but for `history`, `last_turn` and `data`, shared (see
 * `LoadOptions.replacesLogs`): they are most of a state's size and the store never changes
 * what it holds.
 */
function copyExceptLogs(state: DialogueState): DialogueState {
  const { history, last_turn, data, ...rest } = state;
  const copy = copyJson(rest) as DialogueState;
  copy.history = history;
  copy.last_turn = last_turn;
  if (data !== undefined) copy.data = data;
  return copy;
}
