import pg from "pg";
import type { Logger } from "pino";
import type { DialogueState, TurnRecord } from "../protocol/state.ts";
import type {
  Checkpointer,
  LeaseAttempt,
  SaveOptions,
  StoredConversation,
} from "./checkpointer.ts";
import { LeaseLostError, StoreUnavailableError, VersionConflictError } from "./errors.ts";
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
  // A lease row per conversation being served; tokens come from one sequence, so they only grow
  // even when rows are deleted.
  (s) => `
    CREATE SEQUENCE ${s}.soni_lease_tokens;
    CREATE TABLE ${s}.soni_leases (
      conversation_id text PRIMARY KEY,
      token bigint NOT NULL,
      expires_at timestamptz NOT NULL
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
 *
 * Leases are rows of soni_leases, each taken or renewed by one autocommitted statement: no
 * transaction or session stays open while a turn runs (its LLM call included).
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
    options?: SaveOptions,
  ): Promise<number> {
    return this.#run(async () => {
      checkExpectedVersion(expectedVersion);
      const turnJson = turn && this.#retention > 0 ? JSON.stringify(turn) : null;
      const token = options?.leaseToken ?? null;
      const params = [conversationId, JSON.stringify(state), turnJson, this.#retention, token];
      const result =
        expectedVersion === 0
          ? await this.#pool.query<{ version: number }>(this.#sql.insert, params)
          : await this.#pool.query<{ version: number }>(this.#sql.update, [
              ...params,
              expectedVersion,
            ]);
      const saved = result.rows[0];
      if (saved) return saved.version;
      const current = await this.#pool.query<{ version: number | null; leased: boolean }>(
        this.#sql.versionAndLease,
        [conversationId, token],
      );
      const row = current.rows[0];
      if (token !== null && !row?.leased) throw new LeaseLostError(conversationId, token);
      throw new VersionConflictError(conversationId, expectedVersion, row?.version ?? null);
    });
  }

  tryAcquireLease(conversationId: string, ttlMs: number): Promise<LeaseAttempt> {
    return this.#run(async () => {
      const result = await this.#pool.query<{ token: string | null; held_for_ms: number | null }>(
        this.#sql.acquireLease,
        [conversationId, Math.ceil(ttlMs)],
      );
      const row = result.rows[0];
      if (row?.token != null) return { token: Number(row.token) };
      return { heldForMs: Math.max(1, row?.held_for_ms ?? 1) };
    });
  }

  renewLease(conversationId: string, token: number, ttlMs: number): Promise<boolean> {
    return this.#run(async () => {
      const result = await this.#pool.query(this.#sql.renewLease, [
        conversationId,
        token,
        Math.ceil(ttlMs),
      ]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  releaseLease(conversationId: string, token: number): Promise<void> {
    return this.#run(async () => {
      await this.#pool.query(this.#sql.releaseLease, [conversationId, token]);
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
  const leases = `${s}.soni_leases`;
  // $5: the save's lease token or null; with a token the lease must still be live and ours.
  const leaseHeld = `($5::bigint IS NULL OR EXISTS (
      SELECT 1 FROM ${leases}
      WHERE conversation_id = $1 AND token = $5::bigint AND expires_at > clock_timestamp()
    ))`;
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
    versionAndLease: `SELECT
        (SELECT version FROM ${conversations} WHERE id = $1) AS version,
        EXISTS (
          SELECT 1 FROM ${leases}
          WHERE conversation_id = $1 AND token = $2::bigint AND expires_at > clock_timestamp()
        ) AS leased`,
    insert: `WITH saved AS (
        INSERT INTO ${conversations} (id, version, state) SELECT $1, 1, $2 WHERE ${leaseHeld}
        ON CONFLICT (id) DO NOTHING RETURNING version
      )${appendAndTrim}`,
    update: `WITH saved AS (
        UPDATE ${conversations} SET version = version + 1, state = $2, updated_at = now()
        WHERE id = $1 AND version = $6 AND ${leaseHeld} RETURNING version
      )${appendAndTrim}`,
    // $1 id, $2 ttl ms. Takes a free or expired lease with a new token; otherwise reports how
    // long the current holder keeps it (the outer SELECT sees the row as it was before).
    acquireLease: `WITH taken AS (
        INSERT INTO ${leases} (conversation_id, token, expires_at)
        VALUES ($1, nextval('${s}.soni_lease_tokens'), clock_timestamp() + $2 * interval '1 millisecond')
        ON CONFLICT (conversation_id) DO UPDATE
          SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at
          WHERE ${leases}.expires_at <= clock_timestamp()
        RETURNING token
      )
      SELECT (SELECT token FROM taken) AS token,
        (SELECT ceil(extract(epoch FROM expires_at - clock_timestamp()) * 1000)::integer
           FROM ${leases} WHERE conversation_id = $1) AS held_for_ms`,
    renewLease: `UPDATE ${leases} SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
      WHERE conversation_id = $1 AND token = $2 AND expires_at > clock_timestamp()`,
    releaseLease: `DELETE FROM ${leases} WHERE conversation_id = $1 AND token = $2`,
    delete: `WITH removed_turns AS (DELETE FROM ${turns} WHERE conversation_id = $1)
      DELETE FROM ${conversations} WHERE id = $1`,
    listTurns: `SELECT record FROM (
        SELECT record, seq FROM ${turns} WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2
      ) newest ORDER BY seq ASC`,
  };
}
