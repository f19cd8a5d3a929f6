import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { Checkpointer } from "../../src/persistence/checkpointer.ts";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { MemoryCheckpointer } from "../../src/persistence/memory.ts";
import { SqliteCheckpointer } from "../../src/persistence/sqlite.ts";
import { received } from "./fixtures/custom-store.ts";

const logger = pino({ level: "silent" });
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), "soni-create-"));
const opened: Checkpointer[] = [];
afterAll(async () => {
  await Promise.all(opened.map((checkpointer) => checkpointer.close()));
  rmSync(cwd, { recursive: true, force: true });
});

async function create(...args: Parameters<typeof createCheckpointer>) {
  const checkpointer = await createCheckpointer(...args);
  opened.push(checkpointer);
  return checkpointer;
}

describe("createCheckpointer", () => {
  it("uses the caller's default backend when settings name none", async () => {
    expect(await create({}, { baseDir: cwd, logger })).toBeInstanceOf(MemoryCheckpointer);
    const sqlite = await create({}, { baseDir: cwd, logger, cwd, defaultBackend: "sqlite" });
    expect(sqlite).toBeInstanceOf(SqliteCheckpointer);
    expect((sqlite as SqliteCheckpointer).path).toBe(join(cwd, "soni.db"));
  });

  it("resolves a relative sqlite path against the working directory", async () => {
    const store = await create(
      { backend: "sqlite", path: "data/state.db", turn_log_retention: 2 },
      { baseDir: "/elsewhere", logger, cwd },
    );
    expect((store as SqliteCheckpointer).path).toBe(join(cwd, "data", "state.db"));
  });

  it("opens sqlite with synchronous=normal by default and full when settings ask", async () => {
    const byDefault = await create(
      { backend: "sqlite", path: "sync-default.db" },
      { baseDir: cwd, logger, cwd },
    );
    expect((byDefault as SqliteCheckpointer).synchronous).toBe("normal");
    const full = await create(
      { backend: "sqlite", path: "sync-full.db", synchronous: "full" },
      { baseDir: cwd, logger, cwd },
    );
    expect((full as SqliteCheckpointer).synchronous).toBe("full");
  });

  it("passes memory bounds through", async () => {
    const store = await create(
      { backend: "memory", max_conversations: 1 },
      { baseDir: cwd, logger },
    );
    const state = { conversation_id: "x" } as never;
    await store.save("a", state, 0);
    await store.save("b", state, 0);
    expect(await store.load("a")).toBeNull();
  });

  it("loads a custom store from persistence.module, relative to the domain", async () => {
    const settings = { module: "./custom-store.ts", key_prefix: "x:" };
    const store = await create(settings, { baseDir: fixtures, logger });
    expect(store).toBeInstanceOf(MemoryCheckpointer);
    expect(received.settings).toEqual(settings);
    expect(received.logger).toBeDefined();
  });

  it("explains a persistence.module that cannot be used", async () => {
    const options = { baseDir: fixtures, logger };
    await expect(createCheckpointer({ module: "./missing.ts" }, options)).rejects.toThrow(
      /persistence.module '.\/missing.ts' \(.*missing.ts\) could not be loaded/,
    );
    await expect(createCheckpointer({ module: "./open-store.ts" }, options)).rejects.toThrow(
      /must default-export a function \(settings, \{ logger \}\) => Checkpointer; found undefined/,
    );
    await expect(createCheckpointer({ module: "./not-a-store.ts" }, options)).rejects.toThrow(
      /returned an object without save, delete, listTurns, close/,
    );
  });

  it("requires a connection URL for postgres and redis, preferring url_env", async () => {
    const options = { baseDir: cwd, logger, env: {} };
    await expect(createCheckpointer({ backend: "postgres" }, options)).rejects.toThrow(
      /persistence.backend 'postgres' needs a connection URL: set persistence.url_env/,
    );
    await expect(
      createCheckpointer({ backend: "redis", url_env: "SONI_REDIS_URL" }, options),
    ).rejects.toThrow(/SONI_REDIS_URL, which is not set/);
    await expect(
      createCheckpointer(
        { backend: "redis", url: "redis://[bad" },
        { ...options, env: { SONI_REDIS_URL: "" } },
      ),
    ).rejects.toThrow(/redis connection URL is not a valid URL; expected redis:\/\//);
  });
});
