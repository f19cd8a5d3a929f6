import { resolve } from "node:path";
import type { Logger } from "pino";
import type { Settings } from "../config/schema.ts";
import { importUserModule } from "../config/user-module.ts";
import type { Checkpointer } from "./checkpointer.ts";
import { MemoryCheckpointer } from "./memory.ts";
import { PostgresCheckpointer } from "./postgres.ts";
import { RedisCheckpointer } from "./redis.ts";
import { DEFAULT_SQLITE_SYNCHRONOUS, SqliteCheckpointer } from "./sqlite.ts";

export type PersistenceSettings = Settings["persistence"];

/** What a `persistence.module` file default-exports: a factory for a custom store. */
export type CheckpointerFactory = (
  settings: PersistenceSettings,
  context: { logger: Logger },
) => Checkpointer | Promise<Checkpointer>;

export interface CreateCheckpointerOptions {
  /** Directory `persistence.module` is resolved against (the domain's directory). */
  baseDir: string;
  logger: Logger;
  /** Where `persistence.url_env` is looked up. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Backend when settings name none: the library uses memory, the server sqlite. */
  defaultBackend?: "memory" | "sqlite";
  /** Directory a relative SQLite `path` (and the default `soni.db`) resolves against. */
  cwd?: string;
}

/** The SQLite file used when `persistence.path` is not set. */
export const DEFAULT_SQLITE_FILE = "soni.db";

/**
 * Builds the checkpointer `settings.persistence` describes and checks the store is reachable,
 * so a wrong URL or a stopped database fails at startup (StoreUnavailableError naming the
 * backend, host and port) rather than on the first user message.
 */
export async function createCheckpointer(
  settings: PersistenceSettings,
  options: CreateCheckpointerOptions,
): Promise<Checkpointer> {
  const logger = options.logger.child({ component: "checkpointer" });
  if (settings.module !== undefined) return loadCustom(settings, options, logger);

  const backend = settings.backend ?? options.defaultBackend ?? "memory";
  const retention = settings.turn_log_retention;
  switch (backend) {
    case "memory":
      return new MemoryCheckpointer({
        maxConversations: settings.max_conversations,
        idleTtlSeconds: settings.idle_ttl_seconds,
        turnLogRetention: retention,
        logger,
      });
    case "sqlite": {
      const file = settings.path ?? DEFAULT_SQLITE_FILE;
      const path = file === ":memory:" ? file : resolve(options.cwd ?? process.cwd(), file);
      const synchronous = settings.synchronous ?? DEFAULT_SQLITE_SYNCHRONOUS;
      const checkpointer = new SqliteCheckpointer({
        path,
        turnLogRetention: retention,
        synchronous,
        logger,
      });
      logger.info({ backend, path, synchronous }, "checkpointer ready");
      return checkpointer;
    }
    case "postgres":
      return connect(
        new PostgresCheckpointer({
          url: connectionUrl(settings, backend, options.env ?? process.env),
          schema: settings.schema,
          poolSize: settings.pool_size,
          turnLogRetention: retention,
          logger,
        }),
        logger,
      );
    case "redis":
      return connect(
        new RedisCheckpointer({
          url: connectionUrl(settings, backend, options.env ?? process.env),
          keyPrefix: settings.key_prefix,
          ttlSeconds: settings.ttl_seconds,
          turnLogRetention: retention,
          logger,
        }),
        logger,
      );
  }
}

/** `url_env` (the name of the variable holding the URL, so secrets stay out of YAML) or `url`. */
function connectionUrl(
  settings: PersistenceSettings,
  backend: "postgres" | "redis",
  env: NodeJS.ProcessEnv,
): string {
  if (settings.url_env !== undefined) {
    const url = env[settings.url_env];
    if (!url) {
      throw new Error(
        `persistence.url_env names the environment variable ${settings.url_env}, which is not set; export it with the ${backend} connection URL`,
      );
    }
    return url;
  }
  if (settings.url !== undefined) return settings.url;
  throw new Error(
    `persistence.backend '${backend}' needs a connection URL: set persistence.url_env to the name of an environment variable holding it (or persistence.url)`,
  );
}

/** Checks a network store is reachable; on failure closes it so nothing is left open. */
async function connect(
  checkpointer: PostgresCheckpointer | RedisCheckpointer,
  logger: Logger,
): Promise<Checkpointer> {
  try {
    await checkpointer.init();
  } catch (error) {
    // Release the pool / client so a failed startup leaves nothing open behind it.
    await checkpointer.close().catch(() => undefined);
    throw error;
  }
  logger.info({ backend: checkpointer.backend, target: checkpointer.target }, "checkpointer ready");
  return checkpointer;
}

const CHECKPOINTER_METHODS = ["load", "save", "delete", "listTurns", "close"] as const;

async function loadCustom(
  settings: PersistenceSettings,
  options: CreateCheckpointerOptions,
  logger: Logger,
): Promise<Checkpointer> {
  const file = resolve(options.baseDir, settings.module!);
  const where = `persistence.module '${settings.module}' (${file})`;
  let exported: unknown;
  try {
    exported = (await importUserModule(file)).default;
  } catch (error) {
    throw new Error(`${where} could not be loaded: ${(error as Error).message}`, { cause: error });
  }
  if (typeof exported !== "function") {
    throw new Error(
      `${where} must default-export a function (settings, { logger }) => Checkpointer; found ${typeof exported}`,
    );
  }
  const checkpointer = (await (exported as CheckpointerFactory)(settings, { logger })) as unknown;
  const missing = CHECKPOINTER_METHODS.filter(
    (method) => typeof (checkpointer as Record<string, unknown> | null)?.[method] !== "function",
  );
  if (missing.length > 0) {
    throw new Error(
      `${where} returned an object without ${missing.join(", ")}; see docs/persistence.md`,
    );
  }
  logger.info(
    { backend: (checkpointer as Checkpointer).backend, module: file },
    "checkpointer ready",
  );
  return checkpointer as Checkpointer;
}
