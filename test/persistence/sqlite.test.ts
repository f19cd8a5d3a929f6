import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/persistence/errors.ts";
import { SqliteCheckpointer } from "../../src/persistence/sqlite.ts";
import { describeCheckpointerContract, sampleState, sampleTurn } from "./contract.ts";
import { incrementFromProcesses, saveUntilKilled } from "./processes.ts";

const dir = mkdtempSync(join(tmpdir(), "soni-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeCheckpointerContract("sqlite", {
  open: async (options) =>
    new SqliteCheckpointer({
      path: join(dir, "contract.db"),
      turnLogRetention: options?.turnLogRetention,
    }),
  persistent: true,
});

describe("SqliteCheckpointer", () => {
  it("leaves a file that opens cleanly elsewhere, with no WAL content, after close", async () => {
    const path = join(dir, "closed.db");
    const store = new SqliteCheckpointer({ path });
    for (let turn = 1; turn <= 20; turn++) {
      await store.save("c", sampleState("c", turn), turn - 1, sampleTurn(turn));
    }
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0); // WAL mode: writes went there
    await store.close();
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);

    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT version FROM conversations WHERE id = 'c'").get()).toEqual({
        version: 20,
      });
      expect(db.prepare("SELECT max(version) AS v FROM schema_version").get()).toEqual({ v: 2 });
    } finally {
      db.close();
    }
  });

  it("takes the sync mode in either case and refuses any other", async () => {
    const store = new SqliteCheckpointer({ path: join(dir, "sync.db"), synchronous: "FULL" });
    expect(store.synchronous).toBe("full");
    await store.close();
    expect(
      () => new SqliteCheckpointer({ path: join(dir, "sync.db"), synchronous: "off" as "full" }),
    ).toThrow(/synchronous must be "full" or "normal"/);
  });

  it("migrates a file once and reopens it without migrating again", async () => {
    const path = join(dir, "reopen.db");
    await new SqliteCheckpointer({ path }).close();
    const store = new SqliteCheckpointer({ path });
    await store.save("c", sampleState("c"), 0);
    await store.close();
    const db = new Database(path, { readonly: true });
    // One row per migration, each applied once.
    expect(db.prepare("SELECT count(*) AS n FROM schema_version").get()).toEqual({ n: 2 });
    db.close();
  });

  it("refuses a file written by a newer schema version, naming it", () => {
    const path = join(dir, "future.db");
    const db = new Database(path);
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    db.prepare("INSERT INTO schema_version (version) VALUES (99)").run();
    db.close();
    expect(() => new SqliteCheckpointer({ path })).toThrow(/schema version 99.*upgrade Soni/);
  });

  it("reports a path it cannot open as StoreUnavailableError naming the file", () => {
    const blocker = join(dir, "not-a-dir");
    writeFileSync(blocker, "");
    const path = join(blocker, "soni.db");
    expect(() => new SqliteCheckpointer({ path })).toThrow(StoreUnavailableError);
    expect(() => new SqliteCheckpointer({ path })).toThrow(path);
  });

  it("keeps every acknowledged turn when the writing process is killed with SIGKILL", async () => {
    const path = join(dir, "durable.db");
    const acknowledged = await saveUntilKilled({ backend: "sqlite", path }, "durable", 40);
    expect(acknowledged).toBeGreaterThanOrEqual(40);
    const store = new SqliteCheckpointer({ path });
    const stored = await store.load("durable");
    expect(stored!.version).toBeGreaterThanOrEqual(acknowledged);
    const turns = await store.listTurns("durable");
    expect(turns.map((t) => t.turn)).toEqual(
      Array.from({ length: stored!.version }, (_, i) => i + 1),
    );
    await store.close();
  });

  it("serialises read-modify-write across two processes: 2 x 100 increments = 200", async () => {
    const path = join(dir, "counter.db");
    await incrementFromProcesses({ backend: "sqlite", path }, "counter", 2, 100);
    const store = new SqliteCheckpointer({ path });
    const stored = await store.load("counter");
    expect(stored?.state.turn_count).toBe(200);
    expect(stored?.version).toBe(200);
    await store.close();
  }, 60_000);
});
