import { Redis } from "ioredis";
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
import { isNetworkError } from "./network-errors.ts";
import { describeTarget } from "./target.ts";
import { checkExpectedVersion, DEFAULT_TURN_LOG_RETENTION, turnLimit } from "./turn-log.ts";

export interface RedisCheckpointerOptions {
  /** redis://[user:password@]host:port[/db] (rediss:// for TLS) */
  url: string;
  /** Prepended to every key. Default "soni:". */
  keyPrefix?: string;
  /** Conversations (and their turn logs) expire this long after their last save. Default: never. */
  ttlSeconds?: number;
  /** Newest turns kept per conversation (0 keeps none). Default 1000. */
  turnLogRetention?: number;
  /** Bound on connecting and on each command, so a dead server fails fast. Default 5000 ms. */
  timeoutMs?: number;
  /** Bound on how long close() waits for operations in progress, then for QUIT. */
  drainTimeoutMs?: number;
  logger?: Logger;
}

/**
 * The optimistic save, atomic on the server: check the version, write the state, append the
 * turn to a capped list and refresh the TTL, or change nothing and report the stored version.
 * With a lease token, the lease key must still hold it (fencing: a holder whose lease expired
 * cannot save). KEYS: conversation hash, turn list, lease. ARGV: expected version, state, turn
 * ("" = none), retention, ttl seconds (0 = none), lease token ("" = none). Returns
 * {1, new version}, {0, stored version or ""} on a version conflict, or {2, ""} for a lost lease.
 */
const SAVE_SCRIPT = `
if ARGV[6] ~= '' and redis.call('GET', KEYS[3]) ~= ARGV[6] then
  return {2, ''}
end
local current = redis.call('HGET', KEYS[1], 'version')
local version = tonumber(current) or 0
if version ~= tonumber(ARGV[1]) then
  return {0, current or ''}
end
version = version + 1
redis.call('HSET', KEYS[1], 'version', version, 'state', ARGV[2])
local retention = tonumber(ARGV[4])
if ARGV[3] ~= '' and retention > 0 then
  redis.call('RPUSH', KEYS[2], ARGV[3])
  redis.call('LTRIM', KEYS[2], -retention, -1)
end
local ttl = tonumber(ARGV[5])
if ttl > 0 then
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('EXPIRE', KEYS[2], ttl)
end
return {1, version}
`;

/**
 * The lease is a key holding its fencing token, set only if absent (SET NX PX semantics); the
 * token comes from a per-conversation counter that outlives the lease, so tokens only grow.
 * KEYS: lease, counter. ARGV: ttl ms, counter lifetime ms. Returns {1, token} or {0, ms left}.
 */
const ACQUIRE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0, redis.call('PTTL', KEYS[1])}
end
local token = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('SET', KEYS[1], token, 'PX', ARGV[1])
return {1, token}
`;

/** KEYS: lease. ARGV: token, ttl ms. Extends the lease only if the token still holds it. */
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/** KEYS: lease. ARGV: token. Deletes the lease only if the token still holds it. */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/**
 * How long a lease counter survives its last use. Tokens restart from 1 after it expires, which
 * is safe unless a holder stalls for longer than this and then saves at the very moment a new
 * holder got the same number again.
 */
const LEASE_COUNTER_LIFETIME_MS = 7 * 86_400_000;

interface SoniRedis extends Redis {
  soniSave(
    conversationKey: string,
    turnsKey: string,
    leaseKey: string,
    expected: number,
    state: string,
    turn: string,
    retention: number,
    ttl: number,
    leaseToken: string,
  ): Promise<[0 | 1 | 2, number | string]>;
  soniAcquire(
    leaseKey: string,
    counterKey: string,
    ttlMs: number,
    counterLifetimeMs: number,
  ): Promise<[0 | 1, number]>;
  soniRenew(leaseKey: string, token: number, ttlMs: number): Promise<number>;
  soniRelease(leaseKey: string, token: number): Promise<number>;
}

const UNAVAILABLE_MESSAGE =
  /Connection is closed|Stream isn't writeable|Command timed out|connect ETIMEDOUT|Reached the max retries|^(LOADING|MASTERDOWN|TRYAGAIN|CLUSTERDOWN)\b/;

/**
 * Redis through ioredis. The client never queues commands while disconnected, so a dead server
 * fails a turn at once (StoreUnavailableError) instead of hanging it, and it reconnects in the
 * background so turns work again as soon as the server is back.
 */
export class RedisCheckpointer implements Checkpointer {
  readonly backend = "redis";
  /** host:port, for errors and logs (the URL may hold a password). */
  readonly target: string;
  readonly #redis: SoniRedis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;
  readonly #retention: number;
  readonly #drainTimeoutMs: number;
  readonly #logger: Logger | undefined;
  readonly #lifecycle = new CheckpointerLifecycle("redis");
  #connected = false;

  constructor(options: RedisCheckpointerOptions) {
    this.target = describeTarget(options.url, "redis");
    this.#prefix = options.keyPrefix ?? "soni:";
    this.#ttlSeconds = options.ttlSeconds ?? 0;
    this.#retention = options.turnLogRetention ?? DEFAULT_TURN_LOG_RETENTION;
    this.#drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
    this.#logger = options.logger;
    const timeout = options.timeoutMs ?? 5000;
    this.#redis = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: timeout,
      commandTimeout: timeout,
      // Keep trying in the background, at most a second apart, until close() (null = stop).
      retryStrategy: (attempt) => (this.#lifecycle.closed ? null : Math.min(attempt * 100, 1000)),
    }) as SoniRedis;
    this.#redis.defineCommand("soniSave", { numberOfKeys: 3, lua: SAVE_SCRIPT });
    this.#redis.defineCommand("soniAcquire", { numberOfKeys: 2, lua: ACQUIRE_SCRIPT });
    this.#redis.defineCommand("soniRenew", { numberOfKeys: 1, lua: RENEW_SCRIPT });
    this.#redis.defineCommand("soniRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    this.#redis.on("ready", () => {
      // A reconnect that completes while closing: nothing will use it.
      if (this.#lifecycle.closed) return this.#redis.disconnect();
      if (this.#connected) return;
      this.#connected = true;
      this.#logger?.info({ target: this.target }, "redis store connected");
    });
    this.#redis.on("error", (error: Error) => {
      // Every failed reconnect attempt emits; log the outage once, not once per attempt.
      if (this.#connected) {
        this.#connected = false;
        this.#logger?.warn({ err: error, target: this.target }, "redis store connection lost");
      } else {
        this.#logger?.debug({ err: error, target: this.target }, "redis store unreachable");
      }
    });
    this.#redis.on("close", () => {
      this.#connected = false;
    });
  }

  /** The ioredis connection state ("ready", "reconnecting", "end", ...). */
  get status(): string {
    return this.#redis.status;
  }

  /** Connects; rejects with StoreUnavailableError when the server cannot be reached. */
  init(): Promise<void> {
    return this.#run(async () => {
      await this.#redis.ping();
    });
  }

  load(conversationId: string): Promise<StoredConversation | null> {
    return this.#run(async () => {
      const [version, state] = await this.#redis.hmget(
        this.#conversationKey(conversationId),
        "version",
        "state",
      );
      if (version == null || state == null) return null;
      return { state: JSON.parse(state) as DialogueState, version: Number(version) };
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
      const token = options?.leaseToken;
      const [saved, version] = await this.#redis.soniSave(
        this.#conversationKey(conversationId),
        this.#turnsKey(conversationId),
        this.#leaseKey(conversationId),
        expectedVersion,
        JSON.stringify(state),
        turn ? JSON.stringify(turn) : "",
        this.#retention,
        this.#ttlSeconds,
        token === undefined ? "" : String(token),
      );
      if (saved === 1) return Number(version);
      if (saved === 2) throw new LeaseLostError(conversationId, token ?? 0);
      throw new VersionConflictError(
        conversationId,
        expectedVersion,
        version === "" ? null : Number(version),
      );
    });
  }

  delete(conversationId: string): Promise<boolean> {
    return this.#run(async () => {
      const results = await this.#redis
        .multi()
        .del(this.#conversationKey(conversationId))
        .del(this.#turnsKey(conversationId))
        .exec();
      const [error, removed] = results?.[0] ?? [new Error("transaction aborted"), 0];
      if (error) throw error;
      return Number(removed) > 0;
    });
  }

  listTurns(conversationId: string, options?: { limit?: number }): Promise<TurnRecord[]> {
    return this.#run(async () => {
      const limit = turnLimit(options);
      if (limit === 0) return [];
      const records = await this.#redis.lrange(
        this.#turnsKey(conversationId),
        limit === undefined ? 0 : -limit,
        -1,
      );
      return records.map((record) => JSON.parse(record) as TurnRecord);
    });
  }

  tryAcquireLease(conversationId: string, ttlMs: number): Promise<LeaseAttempt> {
    return this.#run(async () => {
      const [taken, value] = await this.#redis.soniAcquire(
        this.#leaseKey(conversationId),
        this.#leaseCounterKey(conversationId),
        Math.ceil(ttlMs),
        LEASE_COUNTER_LIFETIME_MS,
      );
      // PTTL is -1 only for a key without expiry, which this store never writes; count it as 1 ms.
      return taken === 1 ? { token: Number(value) } : { heldForMs: Math.max(1, Number(value)) };
    });
  }

  renewLease(conversationId: string, token: number, ttlMs: number): Promise<boolean> {
    return this.#run(async () => {
      const renewed = await this.#redis.soniRenew(
        this.#leaseKey(conversationId),
        token,
        Math.ceil(ttlMs),
      );
      return renewed === 1;
    });
  }

  releaseLease(conversationId: string, token: number): Promise<void> {
    return this.#run(async () => {
      await this.#redis.soniRelease(this.#leaseKey(conversationId), token);
    });
  }

  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      const redis = this.#redis;
      if (redis.status === "end") return;
      if (redis.status === "wait") return redis.disconnect(); // never connected
      // Not events.once: that would reject on the "error" events a reconnecting client emits.
      const ended = new Promise<boolean>((resolve) => redis.once("end", () => resolve(true)));
      if (redis.status === "ready") {
        // QUIT lets the server finish replying; a hung server gets a hard disconnect.
        const quit = await withTimeout(
          redis.quit().then(
            () => true,
            () => false,
          ),
          Math.min(this.#drainTimeoutMs, 2000),
          () => false,
        );
        if (!quit) redis.disconnect();
      } else if (redis.status !== "reconnecting") {
        redis.disconnect();
      }
      // While reconnecting, disconnect() would cancel the retry timer but leave the client
      // "reconnecting" forever; instead the pending attempt sees the closed lifecycle
      // (retryStrategy returns null) and ends the client, within a second.
      await withTimeout(ended, 3000, () => {
        redis.disconnect();
        return false;
      });
    }, this.#drainTimeoutMs);
  }

  #conversationKey(conversationId: string): string {
    // The {hash tag} keeps both keys of a conversation in one Redis Cluster slot.
    return `${this.#prefix}conv:{${conversationId}}`;
  }

  #turnsKey(conversationId: string): string {
    return `${this.#prefix}turns:{${conversationId}}`;
  }

  #leaseKey(conversationId: string): string {
    return `${this.#prefix}lease:{${conversationId}}`;
  }

  #leaseCounterKey(conversationId: string): string {
    return `${this.#prefix}lease-token:{${conversationId}}`;
  }

  #run<T>(operation: () => Promise<T>): Promise<T> {
    return this.#lifecycle.run(async () => {
      try {
        // Connect on first use; afterwards ioredis reconnects on its own.
        if (this.#redis.status === "wait") await this.#redis.connect();
        return await operation();
      } catch (error) {
        if (isConnectionError(error)) {
          throw new StoreUnavailableError("redis", this.target, { cause: error });
        }
        throw error;
      }
    });
  }
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isNetworkError(error)) return true;
  if (error.name === "MaxRetriesPerRequestError") return true;
  return UNAVAILABLE_MESSAGE.test(error.message);
}
