import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EFFECT_ACTIONS, readExecutions } from "../../bench/lib/counting-handlers.ts";
import { createTempDomain, type SettingsOverrides } from "../../bench/lib/temp-domain.ts";
import { transferScript } from "../../bench/lib/transfer-script.ts";
import { dropRunData, POSTGRES_URL, probeService, REDIS_URL } from "../helpers/services.ts";
import { postMessage, type SpawnedServer, useSpawnedServers } from "./helpers/spawned-server.ts";

/*
 * Two `soni server` processes on one shared store, as replicas behind a load balancer: a
 * conversation's messages land on either, and a double-submitted confirmation goes to both.
 */

const COUNTING_HANDLERS = path.join(import.meta.dirname, "../../bench/lib/counting-handlers.ts");
const YES_COUNT = 10;
const postgres = await probeService("PostgreSQL", POSTGRES_URL);
const redis = await probeService("Redis", REDIS_URL);
const run = randomUUID().slice(0, 8);
const schema = `soni_replicas_${run}`;
const keyPrefix = `soni-replicas:${run}:`;
const removals: (() => void)[] = [];

afterAll(async () => {
  for (const remove of removals) remove();
  await dropRunData({ postgres, redis, schema, keyPrefix });
});

const start = useSpawnedServers();

/** Two replicas of the banking example with counted actions; the log file they append to. */
async function replicas(
  persistence: SettingsOverrides["persistence"],
  env: Record<string, string> = {},
): Promise<{ servers: SpawnedServer[]; log: string }> {
  const domain = createTempDomain({
    persistence,
    handlers: COUNTING_HANDLERS,
    logging: { level: "warn" },
  });
  removals.push(domain.remove);
  const log = path.join(domain.workDir, "actions.log");
  writeFileSync(log, "");
  const options = {
    config: domain.dir,
    env: { SONI_ACTION_LOG: log, ...env },
    waitForListening: false,
  };
  const servers = await Promise.all([start(options), start(options)]);
  // Generous: two processes compiling TypeScript handlers at once on a loaded machine.
  for (const server of servers) {
    await server.waitForLog((line) => line.msg.startsWith("Server listening at"), 60_000);
    await server.waitForLog("Runtime initialized and serving", 60_000);
  }
  return { servers, log };
}

/** Plays a transfer up to its confirmation, alternating replicas. */
async function toConfirmation(servers: SpawnedServer[], user: string, variant: number) {
  const script = transferScript(variant);
  const confirm = script.pop()!;
  for (const [i, step] of script.entries()) {
    const reply = await postMessage(servers[i % 2]!.url, user, step.user);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(String(reply.body.response)).toMatch(step.expect);
  }
  return confirm.user;
}

const stores = [
  ["redis", redis.available, { backend: "redis", url: REDIS_URL, key_prefix: keyPrefix }],
  ["postgres", postgres.available, { backend: "postgres", url: POSTGRES_URL, schema }],
] as const;

describe("two server processes on one store", () => {
  for (const [backend, available, persistence] of stores) {
    it.skipIf(!available)(
      `${backend}: ten concurrent "yes" over HTTP run the transfer once per acknowledged transfer`,
      async () => {
        const { servers, log } = await replicas(persistence);
        const user = `replicas-${backend}-${run}`;
        const yes = await toConfirmation(servers, user, 0);
        const replies = await Promise.all(
          Array.from({ length: YES_COUNT }, (_, i) => postMessage(servers[i % 2]!.url, user, yes)),
        );
        expect(replies.map((r) => r.status)).toEqual(Array(YES_COUNT).fill(200));
        const acknowledged = replies.filter((r) =>
          /Transaction id: TX-/.test(String(r.body.response)),
        );
        const executed = readExecutions(readFileSync(log, "utf8")).filter((e) =>
          EFFECT_ACTIONS.includes(e.action),
        );
        console.info(
          `${backend}: ${YES_COUNT} concurrent "yes" on 2 server processes: ${acknowledged.length} acknowledged, ${executed.length} executed`,
        );
        expect(acknowledged).toHaveLength(1);
        expect(executed).toHaveLength(1);
      },
      90_000,
    );
  }

  it.skipIf(!redis.available)(
    "answers 409 conversation_busy with Retry-After when the lease is held past the wait bound",
    async () => {
      const { servers, log } = await replicas(
        { backend: "redis", url: REDIS_URL, key_prefix: `${keyPrefix}busy:`, lease_wait_ms: 100 },
        { SONI_ACTION_DELAY_MS: "1500" },
      );
      const user = `busy-${run}`;
      const yes = await toConfirmation(servers, user, 0);
      const first = postMessage(servers[0]!.url, user, yes);
      // The first "yes" holds the lease once its transfer has started.
      const deadline = Date.now() + 15_000;
      while (!readFileSync(log, "utf8").includes("execute_transfer")) {
        if (Date.now() > deadline) throw new Error("the transfer never started");
        await new Promise((r) => setTimeout(r, 10));
      }
      const second = await postMessage(servers[1]!.url, user, yes);
      expect(second.status).toBe(409);
      expect((second.body.error as { code: string }).code).toBe("conversation_busy");
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const answered = await first;
      expect(answered.status).toBe(200);
      expect(String(answered.body.response)).toMatch(/Transaction id: TX-/);
      // The refused message changed nothing: the conversation holds the turns answered.
      const state = await fetch(`${servers[1]!.url}/state/${user}`).then((r) => r.json());
      expect((state as { turn_count: number }).turn_count).toBe(answered.body.turn_count);
      const executed = readExecutions(readFileSync(log, "utf8")).filter((e) =>
        EFFECT_ACTIONS.includes(e.action),
      );
      expect(executed).toHaveLength(1);
    },
    90_000,
  );
});
