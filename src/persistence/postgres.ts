import pg from "pg";
import type { Logger } from "pino";
import type { DialogueState, TurnRecord } from "../protocol/state.ts";
import type { Checkpointer, StoredConversation } from "./checkpointer.ts";
import { StoreUnavailableError, VersionConflictError } from "./errors.ts";
import { CheckpointerLifecycle, withTimeout } from "./lifecycle.ts";
import { errorCode, isNetworkError } from "./network-errors.ts";
import { describeTarget } from "./target.ts";
import { checkExpectedVersion, DEFAULT_TURN_LOG_RETENTION, turnLimit } from "./turn-log.ts";

export interface PostgresCheckpointerOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Schema holding Soni's tables (created if missing). Default "public". */
  schema?: string;
  /** Most connections the pool opens. Default 10. */
  poolSize?: number;
  /** How long to wait for a connection before the store counts as unavailable. Default 5000 ms. */
  connectionTimeoutMs?: number;
  /** Idle connections are closed after this long. Default 10,000 ms. */
  idleTimeoutMs?: number;
  /** Client-side bound on one query, so a hung server cannot hang a turn. Default 10,000 ms. */
  queryTimeoutMs?: number;
  /** Shown in pg_stat_activity. Default "soni". */
  applicationName?: string;
  /** Newest turns kept per conversation (0 keeps none). Default 1000. */
  turnLogRetention?: number;
  /** Bound on how long close() waits for operations in progress, then for pool.end(). */
  drainTimeoutMs?: number;
  logger?: Logger;
}

/** Each entry upgrades the schema from the previous version; append, never edit. */
const MIGRATIONS: readonly ((schema: string) => string)[] = [
  (s) => `
    CREATE TABLE ${s}.soni_conversations (
      id text PRIMARY KEY,
      version integer NOT NULL,
      state text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ${s}.soni_turns (
      conversation_id text NOT NULL,
      seq integer NOT NULL,
      record text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (conversation_id, seq)
    );`,
];

/** Server-side states meaning "unavailable": connection exceptions, shutdown, too many clients. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]|53300)/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended unexpectedly/i;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * PostgreSQL through a pg Pool. One statement per save (data-modifying CTEs), so the state,
 * its turn record and the turn-log trim commit together; the version check in the statement
 * itself (UPDATE ... WHERE version = expected / INSERT ... ON CONFLICT DO NOTHING) is the
 * optimistic concurrency, safe across any number of processes.
 */
export class PostgresCheckpointer implements Checkpointer {
  readonly backend = "postgres";
  /** host:port, for errors and logs (the URL may hold a password). */
  readonly target: string;
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #retention: number;
  readonly #drainTimeoutMs: number;
  readonly #logger: Logger | undefined;
  readonly #lifecycle = new CheckpointerLifecycle("postgres");
  #ready: Promise<void> | null = null;
  readonly #sql: ReturnType<typeof statements>;

  constructor(options: PostgresCheckpointerOptions) {
    this.target = describeTarget(options.url, "postgres");
    const schema = options.schema ?? "public";
    if (!IDENTIFIER.test(schema)) {
      throw new Error(
        `postgres schema '${schema}' is not a plain identifier (lowercase letters, digits, underscore)`,
      );
    }
    this.#schema = `"${schema}"`;
    this.#sql = statements(this.#schema);
    this.#retention = options.turnLogRetention ?? DEFAULT_TURN_LOG_RETENTION;
    this.#drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
    this.#logger = options.logger;
    this.#pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
      idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
      query_timeout: options.queryTimeoutMs ?? 10_000,
      application_name: options.applicationName ?? "soni",
      // Idle pooled connections must not keep a finished process alive.
      allowExitOnIdle: true,
    });
    // An idle client losing its connection (server restart) emits here; without a listener
    // the process would crash. The pool drops that client and opens a new one when needed.
    this.#pool.on("error", (error) => {
      this.#logger?.warn({ err: error, target: this.target }, "postgres idle connection lost");
    });
  }

  /** Connects and creates or migrates the schema; rejects with StoreUnavailableError if unreachable. */
  init(): Promise<void> {
    return this.#lifecycle.run(() => this.#ensureReady());
  }

  load(conversationId: string): Promise<StoredConversation | null> {
    return this.#run(async () => {
      const result = await this.#pool.query<{ state: string; version: number }>(this.#sql.load, [
        conversationId,
      ]);
      const row = result.rows[0];
      return row ? { state: JSON.parse(row.state) as DialogueState, version: row.version } : null;
    });
  }

  save(
    conversationId: string,
    state: DialogueState,
    expectedVersion: number,
    turn?: TurnRecord,
  ): Promise<number> {
    return this.#run(async () => {
      checkExpectedVersion(expectedVersion);
      const turnJson = turn && this.#retention > 0 ? JSON.stringify(turn) : null;
      const params = [conversationId, JSON.stringify(state), turnJson, this.#retention];
      const result =
        expectedVersion === 0
          ? await this.#pool.query<{ version: number }>(this.#sql.insert, params)
          : await this.#pool.query<{ version: number }>(this.#sql.update, [
              ...params,
              expectedVersion,
            ]);
      const saved = result.rows[0];
      if (saved) return saved.version;
      const current = await this.#pool.query<{ version: number }>(this.#sql.version, [
        conversationId,
      ]);
      throw new VersionConflictError(
        conversationId,
        expectedVersion,
        current.rows[0]?.version ?? null,
      );
    });
  }

  delete(conversationId: string): Promise<boolean> {
    return this.#run(async () => {
      const result = await this.#pool.query(this.#sql.delete, [conversationId]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  listTurns(conversationId: string, options?: { limit?: number }): Promise<TurnRecord[]> {
    return this.#run(async () => {
      const limit = turnLimit(options) ?? null; // LIMIT NULL means no limit
      const result = await this.#pool.query<{ record: string }>(this.#sql.listTurns, [
        conversationId,
        limit,
      ]);
      return result.rows.map((row) => JSON.parse(row.record) as TurnRecord);
    });
  }

  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      const ended = await withTimeout(
        this.#pool.end().then(() => true),
        this.#drainTimeoutMs,
        () => false,
      );
      if (!ended) {
        this.#logger?.warn({ target: this.target }, "postgres pool did not end in time");
      }
    }, this.#drainTimeoutMs);
  }

  async #run<T>(operation: () => Promise<T>): Promise<T> {
    return this.#lifecycle.run(async () => {
      await this.#ensureReady();
      try {
        return await operation();
      } catch (error) {
        throw this.#translate(error);
      }
    });
  }

  /** Runs the migration once; a failed attempt (store down) is retried by the next call. */
  #ensureReady(): Promise<void> {
    if (!this.#ready) {
      this.#ready = this.#migrate().catch((error: unknown) => {
        this.#ready = null;
        throw this.#translate(error);
      });
    }
    return this.#ready;
  }

  async #migrate(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      // Two processes starting at once: the second waits here, then finds the work done.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [
        `soni-migrate:${this.#schema}`,
      ]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.#schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.#schema}.soni_schema_version (version integer NOT NULL)`,
      );
      const result = await client.query<{ version: number | null }>(
        `SELECT max(version) AS version FROM ${this.#schema}.soni_schema_version`,
      );
      const current = result.rows[0]?.version ?? 0;
      if (current > MIGRATIONS.length) {
        throw new Error(
          `postgres schema ${this.#schema} has Soni schema version ${current}, newer than this Soni (${MIGRATIONS.length}); upgrade Soni or use another schema`,
        );
      }
      for (let version = current + 1; version <= MIGRATIONS.length; version++) {
        await client.query(MIGRATIONS[version - 1]!(this.#schema));
        await client.query(
          `INSERT INTO ${this.#schema}.soni_schema_version (version) VALUES ($1)`,
          [version],
        );
        this.#logger?.info({ schema: this.#schema, version }, "postgres store migrated");
      }
      await client.query("COMMIT");
      client.release();
    } catch (error) {
      // A broken connection must not go back to the pool; ROLLBACK best-effort otherwise.
      await client.query("ROLLBACK").catch(() => undefined);
      client.release(true);
      throw error;
    }
  }

  #translate(error: unknown): unknown {
    if (error instanceof StoreUnavailableError) return error;
    if (isConnectionError(error)) {
      return new StoreUnavailableError("postgres", this.target, { cause: error });
    }
    return error;
  }
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isNetworkError(error) || UNAVAILABLE_SQLSTATE.test(errorCode(error) ?? "")) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  return UNAVAILABLE_MESSAGE.test(error.message);
}

function statements(s: string) {
  const conversations = `${s}.soni_conversations`;
  const turns = `${s}.soni_turns`;
  // $1 id, $2 state, $3 turn record or null, $4 retention; `saved` yields the new version.
  const appendAndTrim = `
    , appended AS (
      INSERT INTO ${turns} (conversation_id, seq, record)
      SELECT $1, version, $3 FROM saved WHERE $3::text IS NOT NULL
      ON CONFLICT (conversation_id, seq) DO UPDATE SET record = EXCLUDED.record
    ), trimmed AS (
      DELETE FROM ${turns}
      WHERE conversation_id = $1 AND seq <= (SELECT version FROM saved) - $4::integer
    )
    SELECT version FROM saved`;
  return {
    load: `SELECT state, version FROM ${conversations} WHERE id = $1`,
    version: `SELECT version FROM ${conversations} WHERE id = $1`,
    insert: `WITH saved AS (
        INSERT INTO ${conversations} (id, version, state) VALUES ($1, 1, $2)
        ON CONFLICT (id) DO NOTHING RETURNING version
      )${appendAndTrim}`,
    update: `WITH saved AS (
        UPDATE ${conversations} SET version = version + 1, state = $2, updated_at = now()
        WHERE id = $1 AND version = $5 RETURNING version
      )${appendAndTrim}`,
    delete: `WITH removed_turns AS (DELETE FROM ${turns} WHERE conversation_id = $1)
      DELETE FROM ${conversations} WHERE id = $1`,
    listTurns: `SELECT record FROM (
        SELECT record, seq FROM ${turns} WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2
      ) newest ORDER BY seq ASC`,
  };
}
