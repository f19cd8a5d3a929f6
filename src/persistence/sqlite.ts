import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "pino";
import type { DialogueState, TurnRecord } from "../protocol/state.ts";
import type {
  Checkpointer,
  LeaseAttempt,
  LeaseAttemptOptions,
  SaveOptions,
  StoredConversation,
} from "./checkpointer.ts";
import { LeaseLostError, StoreUnavailableError, VersionConflictError } from "./errors.ts";
import { CheckpointerLifecycle } from "./lifecycle.ts";
import { checkExpectedVersion, DEFAULT_TURN_LOG_RETENTION, turnLimit } from "./turn-log.ts";

/** SQLite `PRAGMA synchronous` modes offered (OFF is never: it can corrupt the file). */
export type SqliteSynchronous = "full" | "normal";
/** WAL + NORMAL: see docs/persistence.md, "SQLite durability", for why this is the default. */
export const DEFAULT_SQLITE_SYNCHRONOUS: SqliteSynchronous = "normal";

export interface SqliteCheckpointerOptions {
  /** Database file (created with its directory if missing), or ":memory:". */
  path: string;
  /** Newest turns kept per conversation (0 keeps none). Default 1000. */
  turnLogRetention?: number;
  /** How long a write waits for another process's lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /**
   * NORMAL (default) survives a crash or kill of the process; a power loss or OS crash may lose
   * the last commits (never the file's consistency). FULL also fsyncs every commit, which blocks
   * the event loop for the length of the fsync. Case-insensitive.
   */
  synchronous?: SqliteSynchronous | Uppercase<SqliteSynchronous>;
  /** Bound on how long close() waits for operations in progress. Default 10,000 ms. */
  drainTimeoutMs?: number;
  logger?: Logger;
}

/** Each entry upgrades the schema from the previous version; append, never edit. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     state TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE turns (
     conversation_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     record TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (conversation_id, seq)
   ) WITHOUT ROWID;`,
  // Leases of conversations being served, for processes sharing the file. The counter makes
  // tokens only grow, even when lease rows are deleted. Times are epoch milliseconds.
  `CREATE TABLE leases (
     conversation_id TEXT PRIMARY KEY,
     token INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE lease_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
   INSERT INTO lease_counter (id, value) VALUES (1, 0);`,
];

/** SQLite result codes meaning "the file cannot be used right now", not "a bug". */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|NOTADB|CORRUPT)/;

/**
 * A single file, WAL mode: the embedded default for the server. better-sqlite3 is synchronous,
 * so each operation completes before its promise settles; several processes may share the file
 * (writers take the lock up front with BEGIN IMMEDIATE and wait up to the busy timeout).
 */
export class SqliteCheckpointer implements Checkpointer {
  readonly backend = "sqlite";
  readonly releasesLeaseOnSave = true;
  readonly loadsWithLease = true;
  readonly path: string;
  readonly #db: Database.Database;
  readonly #lifecycle = new CheckpointerLifecycle("sqlite");
  readonly #retention: number;
  readonly #drainTimeoutMs: number | undefined;
  readonly #logger: Logger | undefined;
  readonly #statements: ReturnType<typeof prepareStatements>;
  readonly #saveTransaction: (
    id: string,
    state: string,
    expected: number,
    turn: string | null,
    leaseToken: number | null,
    releaseLease: boolean,
  ) => number;
  readonly #acquireTransaction: (id: string, ttlMs: number, load: boolean) => LeaseAttempt;
  readonly #deleteTransaction: (id: string) => boolean;

  constructor(options: SqliteCheckpointerOptions) {
    this.path = options.path === ":memory:" ? options.path : resolve(options.path);
    this.#retention = options.turnLogRetention ?? DEFAULT_TURN_LOG_RETENTION;
    this.#drainTimeoutMs = options.drainTimeoutMs;
    this.#logger = options.logger;
    try {
      if (this.path !== ":memory:") mkdirSync(dirname(this.path), { recursive: true });
      this.#db = new Database(this.path, { timeout: options.busyTimeoutMs ?? 5000 });
    } catch (error) {
      throw new StoreUnavailableError("sqlite", this.path, { cause: error });
    }
    try {
      this.#db.pragma("journal_mode = WAL");
      this.#db.pragma(`synchronous = ${synchronousPragma(options.synchronous)}`);
      this.#migrate();
      this.#statements = prepareStatements(this.#db);
    } catch (error) {
      this.#db.close();
      throw this.#translate(error);
    }
    const statements = this.#statements;
    const retention = this.#retention;
    // The lease check, the state, the turn log and (at the end of a turn) the lease's release:
    // one write transaction per turn besides taking the lease.
    this.#saveTransaction = this.#db.transaction(
      (
        id: string,
        state: string,
        expected: number,
        turn: string | null,
        token: number | null,
        release: boolean,
      ) => {
        if (token !== null && !holds(statements, id, token)) throw new LeaseLostError(id, token);
        const row = statements.version.get(id) as { version: number } | undefined;
        const current = row?.version ?? 0;
        if (current !== expected)
          throw new VersionConflictError(id, expected, row ? current : null);
        const version = current + 1;
        const now = new Date().toISOString();
        statements.upsert.run(id, version, state, now);
        if (turn !== null && retention > 0) statements.appendTurn.run(id, version, turn, now);
        // Turn numbers start at 1: nothing to trim before the log outgrows the retention.
        if (version > retention) statements.trimTurns.run(id, version - retention);
        if (token !== null && release) statements.releaseLease.run(id, token);
        return version;
      },
    ).immediate;
    // Taking the lease and, at the start of a turn, reading the conversation under it.
    this.#acquireTransaction = this.#db.transaction(
      (id: string, ttlMs: number, load: boolean): LeaseAttempt => {
        const now = Date.now();
        const lease = statements.lease.get(id) as { expires_at: number } | undefined;
        if (lease && lease.expires_at > now) return { heldForMs: lease.expires_at - now };
        const { value: token } = statements.nextLeaseToken.get() as { value: number };
        statements.putLease.run(id, token, now + ttlMs);
        return load ? { token, loaded: loadRow(statements, id) } : { token };
      },
    ).immediate;
    this.#deleteTransaction = this.#db.transaction((id: string) => {
      statements.deleteTurns.run(id);
      return statements.deleteConversation.run(id).changes > 0;
    }).immediate;
  }

  /** The sync mode in effect, as SQLite reports it (for checks and startup logs). */
  get synchronous(): SqliteSynchronous {
    const level = this.#db.pragma("synchronous", { simple: true });
    return level === 2 || level === 3 ? "full" : "normal";
  }

  load(conversationId: string): Promise<StoredConversation | null> {
    return this.#run(() => loadRow(this.#statements, conversationId));
  }

  save(
    conversationId: string,
    state: DialogueState,
    expectedVersion: number,
    turn?: TurnRecord,
    options?: SaveOptions,
  ): Promise<number> {
    return this.#run(() => {
      checkExpectedVersion(expectedVersion);
      const json = JSON.stringify(state);
      const turnJson = turn ? JSON.stringify(turn) : null;
      const token = options?.leaseToken ?? null;
      const release = options?.releaseLease === true;
      return this.#saveTransaction(conversationId, json, expectedVersion, turnJson, token, release);
    });
  }

  tryAcquireLease(
    conversationId: string,
    ttlMs: number,
    options?: LeaseAttemptOptions,
  ): Promise<LeaseAttempt> {
    return this.#run(() =>
      this.#acquireTransaction(conversationId, Math.ceil(ttlMs), options?.load === true),
    );
  }

  renewLease(conversationId: string, token: number, ttlMs: number): Promise<boolean> {
    return this.#run(() => {
      const now = Date.now();
      return (
        this.#statements.renewLease.run(now + Math.ceil(ttlMs), conversationId, token, now)
          .changes > 0
      );
    });
  }

  releaseLease(conversationId: string, token: number): Promise<void> {
    return this.#run(() => {
      this.#statements.releaseLease.run(conversationId, token);
    });
  }

  delete(conversationId: string): Promise<boolean> {
    return this.#run(() => {
      return this.#deleteTransaction(conversationId);
    });
  }

  listTurns(conversationId: string, options?: { limit?: number }): Promise<TurnRecord[]> {
    return this.#run(() => {
      const limit = turnLimit(options) ?? -1; // SQLite: a negative LIMIT means no limit
      const rows = this.#statements.listTurns.all(conversationId, limit) as { record: string }[];
      return rows.map((row) => JSON.parse(row.record) as TurnRecord);
    });
  }

  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      if (this.path !== ":memory:") {
        try {
          // Fold the WAL back into the main file so the file alone is the whole database.
          this.#db.pragma("wal_checkpoint(TRUNCATE)");
        } catch (error) {
          this.#logger?.warn({ err: error, path: this.path }, "sqlite WAL checkpoint failed");
        }
      }
      this.#db.close();
    }, this.#drainTimeoutMs);
  }

  #run<T>(operation: () => T): Promise<T> {
    return this.#lifecycle.runSync(() => {
      try {
        return operation();
      } catch (error) {
        throw this.#translate(error);
      }
    });
  }

  #translate(error: unknown): unknown {
    if (error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code)) {
      return new StoreUnavailableError("sqlite", this.path, { cause: error });
    }
    return error;
  }

  #migrate(): void {
    this.#db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const migrate = this.#db.transaction(() => {
      const row = this.#db.prepare("SELECT max(version) AS version FROM schema_version").get() as {
        version: number | null;
      };
      const current = row.version ?? 0;
      if (current > MIGRATIONS.length) {
        throw new Error(
          `sqlite store ${this.path} has schema version ${current}, newer than this Soni (${MIGRATIONS.length}); upgrade Soni or use another file`,
        );
      }
      for (let version = current + 1; version <= MIGRATIONS.length; version++) {
        this.#db.exec(MIGRATIONS[version - 1]!);
        this.#db.prepare("INSERT INTO schema_version (version) VALUES (?)").run(version);
        this.#logger?.info({ path: this.path, version }, "sqlite store migrated");
      }
    });
    // IMMEDIATE: two processes opening a new file at once migrate one after the other.
    migrate.immediate();
  }
}

function prepareStatements(db: Database.Database) {
  return {
    load: db.prepare("SELECT state, version FROM conversations WHERE id = ?"),
    version: db.prepare("SELECT version FROM conversations WHERE id = ?"),
    upsert: db.prepare(
      `INSERT INTO conversations (id, version, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET
         version = excluded.version, state = excluded.state, updated_at = excluded.updated_at`,
    ),
    appendTurn: db.prepare(
      `INSERT OR REPLACE INTO turns (conversation_id, seq, record, created_at) VALUES (?, ?, ?, ?)`,
    ),
    trimTurns: db.prepare("DELETE FROM turns WHERE conversation_id = ? AND seq <= ?"),
    listTurns: db.prepare(
      `SELECT record FROM (
         SELECT record, seq FROM turns WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?
       ) ORDER BY seq ASC`,
    ),
    deleteTurns: db.prepare("DELETE FROM turns WHERE conversation_id = ?"),
    deleteConversation: db.prepare("DELETE FROM conversations WHERE id = ?"),
    lease: db.prepare("SELECT token, expires_at FROM leases WHERE conversation_id = ?"),
    nextLeaseToken: db.prepare(
      "UPDATE lease_counter SET value = value + 1 WHERE id = 1 RETURNING value",
    ),
    putLease: db.prepare(
      `INSERT INTO leases (conversation_id, token, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET
         token = excluded.token, expires_at = excluded.expires_at`,
    ),
    renewLease: db.prepare(
      "UPDATE leases SET expires_at = ? WHERE conversation_id = ? AND token = ? AND expires_at > ?",
    ),
    releaseLease: db.prepare("DELETE FROM leases WHERE conversation_id = ? AND token = ?"),
  };
}

function loadRow(
  statements: ReturnType<typeof prepareStatements>,
  id: string,
): StoredConversation | null {
  const row = statements.load.get(id) as { state: string; version: number } | undefined;
  return row ? { state: JSON.parse(row.state) as DialogueState, version: row.version } : null;
}

/** Whether `token` holds the conversation's lease and it has not expired. */
function holds(
  statements: ReturnType<typeof prepareStatements>,
  id: string,
  token: number,
): boolean {
  const lease = statements.lease.get(id) as { token: number; expires_at: number } | undefined;
  return lease !== undefined && lease.token === token && lease.expires_at > Date.now();
}

/** The pragma value for a mode; anything else is refused, as it would be interpolated into SQL. */
function synchronousPragma(mode: string | undefined): "FULL" | "NORMAL" {
  const value = (mode ?? DEFAULT_SQLITE_SYNCHRONOUS).toLowerCase();
  if (value === "full") return "FULL";
  if (value === "normal") return "NORMAL";
  throw new RangeError(
    `sqlite synchronous must be "full" or "normal", got ${JSON.stringify(mode)}`,
  );
}
