import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { StoreUnavailableError } from "../../src/persistence/errors.ts";
import { RedisCheckpointer } from "../../src/persistence/redis.ts";
import { freePort, probeService, REDIS_URL } from "../helpers/services.ts";
import { describeCheckpointerContract, sampleState, sampleTurn } from "./contract.ts";
import { incrementFromProcesses, saveUntilKilled } from "./processes.ts";
import { OwnRedisServer } from "./redis-server.ts";

const probe = await probeService("Redis", REDIS_URL);
/** This run's own key prefix, so parallel runs never see each other's keys. */
const keyPrefix = `soni-test:${randomUUID().slice(0, 8)}:`;

describe.skipIf(!probe.available)("redis", () => {
  afterAll(async () => {
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${keyPrefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  describeCheckpointerContract("redis", {
    open: async (options) => {
      const store = new RedisCheckpointer({
        url: REDIS_URL,
        keyPrefix,
        turnLogRetention: options?.turnLogRetention,
      });
      await store.init();
      return store;
    },
    persistent: true,
  });

  describe("RedisCheckpointer", () => {
    it("keeps its keys under the prefix, with the TTL refreshed on each save", async () => {
      const prefix = `${keyPrefix}ttl:`;
      const store = new RedisCheckpointer({ url: REDIS_URL, keyPrefix: prefix, ttlSeconds: 60 });
      await store.save("c", sampleState("c"), 0, sampleTurn(1));
      const admin = new Redis(REDIS_URL);
      try {
        const keys = (await admin.keys(`${prefix}*`)).sort();
        expect(keys).toEqual([`${prefix}conv:{c}`, `${prefix}turns:{c}`]);
        for (const key of keys) {
          const ttl = await admin.ttl(key);
          expect(ttl).toBeGreaterThan(50);
          expect(ttl).toBeLessThanOrEqual(60);
        }
      } finally {
        await admin.quit();
        await store.close();
      }
    });

    it("ends its client on close (status end)", async () => {
      const store = new RedisCheckpointer({ url: REDIS_URL, keyPrefix });
      await store.load("anything");
      expect(store.status).toBe("ready");
      await store.close();
      expect(store.status).toBe("end");
    });

    it("fails at startup with the backend, host and port when unreachable", async () => {
      const port = await freePort();
      const startup = createCheckpointer(
        { backend: "redis", url: `redis://127.0.0.1:${port}` },
        { baseDir: ".", logger: pino({ level: "silent" }) },
      );
      await expect(startup).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(startup).rejects.toThrow(`redis store at 127.0.0.1:${port} is unavailable`);
    });

    it("fails turns with StoreUnavailableError while the server is down, then recovers", async () => {
      const server = new OwnRedisServer(await freePort());
      await server.start();
      const store = new RedisCheckpointer({ url: server.url, timeoutMs: 1000 });
      try {
        await store.save("c", sampleState("c", 1), 0, sampleTurn(1));

        await server.stop();
        const started = Date.now();
        const failed = store.save("c", sampleState("c", 2), 1, sampleTurn(2));
        await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(failed).rejects.toThrow(`redis store at 127.0.0.1:${server.port}`);
        await expect(store.load("c")).rejects.toBeInstanceOf(StoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(1000); // fails fast, no queueing

        await server.start();
        const loaded = await eventually(() => store.load("c"));
        expect(loaded).toEqual({ state: sampleState("c", 1), version: 1 }); // failed save left nothing
        expect(await store.save("c", sampleState("c", 2), 1, sampleTurn(2))).toBe(2);
        expect(await store.listTurns("c")).toEqual([sampleTurn(1), sampleTurn(2)]);

        await server.stop(); // close must not hang on a dead server
        await store.close();
        expect(store.status).toBe("end");
      } finally {
        await Promise.allSettled([store.close(), server.dispose()]);
      }
    });

    it("keeps every acknowledged turn when the writing process is killed with SIGKILL", async () => {
      const id = `durable-${randomUUID()}`;
      const acknowledged = await saveUntilKilled(
        { backend: "redis", url: REDIS_URL, keyPrefix },
        id,
        40,
      );
      const store = new RedisCheckpointer({ url: REDIS_URL, keyPrefix });
      const stored = await store.load(id);
      expect(stored!.version).toBeGreaterThanOrEqual(acknowledged);
      expect((await store.listTurns(id)).map((t) => t.turn)).toEqual(
        Array.from({ length: stored!.version }, (_, i) => i + 1),
      );
      await store.close();
    });

    it("serialises read-modify-write across two processes: 2 x 100 increments = 200", async () => {
      const id = `counter-${randomUUID()}`;
      await incrementFromProcesses({ backend: "redis", url: REDIS_URL, keyPrefix }, id, 2, 100);
      const store = new RedisCheckpointer({ url: REDIS_URL, keyPrefix });
      const stored = await store.load(id);
      expect(stored?.state.turn_count).toBe(200);
      expect(stored?.version).toBe(200);
      await store.close();
    }, 60_000);
  });
});

/** Retries `operation` while the store is still reconnecting (StoreUnavailableError), up to 10 s. */
async function eventually<T>(operation: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
