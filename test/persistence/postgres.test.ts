import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { StoreUnavailableError } from "../../src/persistence/errors.ts";
import { PostgresCheckpointer } from "../../src/persistence/postgres.ts";
import { freePort, POSTGRES_URL, probeService } from "../helpers/services.ts";
import { describeCheckpointerContract, sampleState, sampleTurn } from "./contract.ts";
import { incrementFromProcesses, saveUntilKilled } from "./processes.ts";
import { TcpProxy } from "./tcp-proxy.ts";

const probe = await probeService("PostgreSQL", POSTGRES_URL);
const run = randomUUID().slice(0, 8);
/** This run's own schema and application name, so parallel runs never see each other. */
const schema = `soni_test_${run}`;
const applicationName = `soni-test-${run}`;
const schemas = new Set([schema]);

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function withUrlPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(port);
  return parsed.toString();
}

describe.skipIf(!probe.available)("postgres", () => {
  afterAll(async () => {
    for (const name of schemas) await query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  });

  describeCheckpointerContract("postgres", {
    open: async (options) => {
      const store = new PostgresCheckpointer({
        url: POSTGRES_URL,
        schema,
        applicationName,
        turnLogRetention: options?.turnLogRetention,
      });
      await store.init();
      return store;
    },
    persistent: true,
  });

  describe("PostgresCheckpointer", () => {
    it("leaves no connection from this process after close", async () => {
      const name = `${applicationName}-close`;
      const store = new PostgresCheckpointer({ url: POSTGRES_URL, schema, applicationName: name });
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => store.save(`close-${i}`, sampleState("c"), 0)),
      );
      const count = async () =>
        (
          await query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1",
            [name],
          )
        )[0]!.n;
      expect(await count()).toBeGreaterThan(0);
      await store.close();
      // A backend leaves pg_stat_activity a moment after its client disconnects.
      for (let i = 0; i < 50 && (await count()) > 0; i++) await sleep(100);
      expect(await count()).toBe(0);
    });

    it("lets a process exit while its pool holds idle connections", () => {
      const script = `import { PostgresCheckpointer } from "./src/persistence/postgres.ts";
        const store = new PostgresCheckpointer({ url: ${JSON.stringify(POSTGRES_URL)}, schema: "${schema}" });
        console.log(await store.save("exit-${run}", { turn_count: 1 }, 0));`;
      const output = execFileSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        { cwd: process.cwd(), timeout: 8000, encoding: "utf8" },
      );
      expect(output.trim()).toBe("1");
    });

    it("migrates once when two processes' checkpointers start on a new schema together", async () => {
      const fresh = `soni_test_${run}_mig`;
      schemas.add(fresh);
      const stores = [1, 2, 3].map(
        () => new PostgresCheckpointer({ url: POSTGRES_URL, schema: fresh, applicationName }),
      );
      await Promise.all(stores.map((store) => store.init()));
      const rows = await query(
        `SELECT version FROM "${fresh}".soni_schema_version ORDER BY version`,
      );
      expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
      await Promise.all(stores.map((store) => store.close()));
    });

    it("refuses a schema written by a newer Soni, naming it", async () => {
      const future = `soni_test_${run}_future`;
      schemas.add(future);
      await query(`CREATE SCHEMA "${future}"`);
      await query(`CREATE TABLE "${future}".soni_schema_version (version integer NOT NULL)`);
      await query(`INSERT INTO "${future}".soni_schema_version VALUES (99)`);
      const store = new PostgresCheckpointer({ url: POSTGRES_URL, schema: future });
      await expect(store.load("x")).rejects.toThrow(/schema version 99.*upgrade Soni/);
      await store.close();
    });

    it("rejects a schema name that is not a plain identifier", () => {
      expect(() => new PostgresCheckpointer({ url: POSTGRES_URL, schema: 'x"; DROP' })).toThrow(
        /plain identifier/,
      );
    });

    it("fails at startup with the backend, host and port when unreachable", async () => {
      const port = await freePort();
      const startup = createCheckpointer(
        { backend: "postgres", url: withUrlPort(POSTGRES_URL, port) },
        { baseDir: ".", logger: pino({ level: "silent" }) },
      );
      await expect(startup).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(startup).rejects.toThrow(`postgres store at 127.0.0.1:${port} is unavailable`);
    });

    it("fails turns with StoreUnavailableError while unreachable, then recovers", async () => {
      const proxy = new TcpProxy(await freePort(), "127.0.0.1", Number(new URL(POSTGRES_URL).port));
      await proxy.open();
      const store = new PostgresCheckpointer({
        url: withUrlPort(POSTGRES_URL, proxy.port),
        schema,
        applicationName,
        connectionTimeoutMs: 1000,
      });
      const direct = new PostgresCheckpointer({ url: POSTGRES_URL, schema, applicationName });
      try {
        const id = `outage-${randomUUID()}`;
        await store.save(id, sampleState(id, 1), 0, sampleTurn(1));

        await proxy.close();
        const failed = store.save(id, sampleState(id, 2), 1, sampleTurn(2));
        await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(failed).rejects.toThrow(`127.0.0.1:${proxy.port}`);
        await expect(store.load(id)).rejects.toBeInstanceOf(StoreUnavailableError);
        expect(await direct.load(id)).toEqual({ state: sampleState(id, 1), version: 1 });
        expect(await direct.listTurns(id)).toEqual([sampleTurn(1)]);

        await proxy.open();
        expect(await store.save(id, sampleState(id, 2), 1, sampleTurn(2))).toBe(2);
        expect(await store.listTurns(id)).toEqual([sampleTurn(1), sampleTurn(2)]);
      } finally {
        await Promise.allSettled([store.close(), direct.close(), proxy.close()]);
      }
    });

    it("keeps every acknowledged turn when the writing process is killed with SIGKILL", async () => {
      const id = `durable-${randomUUID()}`;
      const spec = { backend: "postgres" as const, url: POSTGRES_URL, schema };
      const acknowledged = await saveUntilKilled(spec, id, 40);
      const store = new PostgresCheckpointer({ url: POSTGRES_URL, schema, applicationName });
      const stored = await store.load(id);
      expect(stored!.version).toBeGreaterThanOrEqual(acknowledged);
      const turns = await store.listTurns(id);
      expect(turns.map((t) => t.turn)).toEqual(
        Array.from({ length: stored!.version }, (_, i) => i + 1),
      );
      await store.close();
    });

    it("serialises read-modify-write across two processes: 2 x 100 increments = 200", async () => {
      const id = `counter-${randomUUID()}`;
      const spec = { backend: "postgres" as const, url: POSTGRES_URL, schema };
      await incrementFromProcesses(spec, id, 2, 100);
      const store = new PostgresCheckpointer({ url: POSTGRES_URL, schema, applicationName });
      const stored = await store.load(id);
      expect(stored?.state.turn_count).toBe(200);
      expect(stored?.version).toBe(200);
      await store.close();
    }, 60_000);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
