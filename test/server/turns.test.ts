/**
 * GET /conversations/:user_id/turns against the real RuntimeLoop on every backend (real SQLite,
 * PostgreSQL and Redis): what a turn record holds after a round trip through each store.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type { PersistenceSettings } from "../../src/persistence/create.ts";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AccessSettings } from "../../src/server/auth.ts";
import { dropRunData, POSTGRES_URL, probeService, REDIS_URL } from "../helpers/services.ts";

const BANKING = fileURLToPath(new URL("../../examples/banking", import.meta.url));
const banking: LoadedDomain = await loadDomain(BANKING);
const run = randomUUID().slice(0, 8);
const schema = `soni_turns_${run}`;
const keyPrefix = `soni-test-turns:${run}:`;
const sqliteDir = mkdtempSync(path.join(tmpdir(), "soni-turns-"));
const logger = pino({ level: "silent" });

const postgres = await probeService("PostgreSQL", POSTGRES_URL);
const redis = await probeService("Redis", REDIS_URL);

afterAll(async () => {
  rmSync(sqliteDir, { recursive: true, force: true });
  await dropRunData({ postgres, redis, schema, keyPrefix });
});

const backends: { name: string; available: boolean; settings: PersistenceSettings }[] = [
  { name: "memory", available: true, settings: { backend: "memory" } },
  {
    name: "sqlite",
    available: true,
    settings: { backend: "sqlite", path: path.join(sqliteDir, "turns.db") },
  },
  {
    name: "postgres",
    available: postgres.available,
    settings: { backend: "postgres", url: POSTGRES_URL, schema },
  },
  {
    name: "redis",
    available: redis.available,
    settings: { backend: "redis", url: REDIS_URL, key_prefix: keyPrefix },
  },
];

/** An in-process server on the banking example and `settings`' store; close() cleans up all. */
async function appOn(settings: PersistenceSettings, access: AccessSettings = {}) {
  const checkpointer = await createCheckpointer(settings, { baseDir: BANKING, logger });
  const soni = buildApp({
    logger,
    createRuntime: (domain) => new RuntimeLoop(domain, { checkpointer, logger }),
    domain: banking,
    configBaseDir: BANKING,
    access,
  });
  await soni.install(banking);
  return {
    app: soni.app,
    close: async () => {
      await soni.app.close();
      soni.holder.beginShutdown();
      await soni.holder.closeAll();
    },
  };
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(
    `GET /conversations/:user_id/turns on ${backend.name}`,
    () => {
      it("returns every turn, newest last, with commands, DU source and times, steps and state", async () => {
        const soni = await appOn(backend.settings);
        try {
          const user = `turns-${backend.name}-${run}`;
          for (const message of ["hello", "send 50 euros to Maria"]) {
            const reply = await soni.app.inject({
              method: "POST",
              url: "/message",
              payload: { user_id: user, message },
            });
            expect(reply.statusCode).toBe(200);
          }
          const reply = await soni.app.inject(`/conversations/${user}/turns`);
          expect(reply.statusCode).toBe(200);
          const body = reply.json();
          expect(body.user_id).toBe(user);
          expect(body.turns.map((t: { user_message: string }) => t.user_message)).toEqual([
            "hello",
            "send 50 euros to Maria",
          ]);
          const transfer = body.turns[1];
          expect(transfer.turn).toBe(2);
          expect(Date.parse(transfer.at)).not.toBeNaN();
          expect(transfer.commands).toContainEqual({
            type: "start_flow",
            flow: "transfer_funds",
          });
          expect(transfer.commands).toContainEqual({
            type: "set_slot",
            slot: "beneficiary_name",
            value: "Maria",
          });
          expect(transfer.du.source).toBe("heuristic");
          expect(transfer.du.latency_ms).toBeGreaterThanOrEqual(0);
          expect(transfer.dm_ms).toBeGreaterThanOrEqual(0);
          expect(transfer.steps.map((s: { flow: string }) => s.flow)).toContain("transfer_funds");
          expect(transfer.messages.join(" ")).toMatch(/IBAN/);
          expect(transfer.state_after).toMatchObject({
            flow_state: "waiting_input",
            active_flow: "transfer_funds",
            waiting_for_slot: "iban",
            turn_count: 2,
            slots: { beneficiary_name: "Maria", amount: 50 },
          });
          expect(body.turns[0].state_after.turn_count).toBe(1);

          const newest = await soni.app.inject(`/conversations/${user}/turns?limit=1`);
          expect(newest.json().turns.map((t: { turn: number }) => t.turn)).toEqual([2]);
        } finally {
          await soni.close();
        }
      });
    },
  );
}

describe("what a turn record says about the understanding", () => {
  it("records source 'failed' when the understanding throws, and the turn still runs", async () => {
    const checkpointer = await createCheckpointer(
      { backend: "memory" },
      { baseDir: BANKING, logger },
    );
    const runtime = new RuntimeLoop(banking, {
      checkpointer,
      logger,
      du: {
        understand: async () => {
          throw new Error("model unreachable");
        },
      },
    });
    try {
      const result = await runtime.processMessage("hello", "u-failed-du");
      expect(result.commands).toEqual([]);
      const [turn] = await runtime.getTurns("u-failed-du");
      expect(turn!.du).toMatchObject({ source: "failed" });
      expect(turn!.commands).toEqual([]);
      expect(turn!.messages).toEqual(result.messages);
      expect(turn!.state_after).toMatchObject({ turn_count: 1, flow_state: "idle" });
      const stored = await checkpointer.load("u-failed-du");
      // The state's own last_turn stays lean: the extras are in the log only.
      expect(stored!.state.last_turn).not.toHaveProperty("state_after");
    } finally {
      await runtime.cleanup();
    }
  });
});

describe("GET /conversations/:user_id/turns input", () => {
  it("answers 400 naming the field for a bad limit or user id, and [] for a new user", async () => {
    const soni = await appOn({ backend: "memory" });
    try {
      for (const limit of ["0", "-1", "abc", "1001", "2.5", ""]) {
        const reply = await soni.app.inject(`/conversations/u1/turns?limit=${limit}`);
        expect(reply.statusCode, limit).toBe(400);
        expect(reply.json().error.message).toMatch(/^limit: must be a whole number from 1 to 1000/);
      }
      const twice = await soni.app.inject("/conversations/u1/turns?limit=1&limit=2");
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.message).toMatch(/^limit: .*given once/);
      const unknown = await soni.app.inject("/conversations/u1/turns?since=3");
      expect(unknown.json().error.message).toMatch(/unknown field\(s\) 'since'; allowed: limit/);
      const badUser = await soni.app.inject("/conversations/bad%20user/turns");
      expect(badUser.statusCode).toBe(400);
      expect(badUser.json().error.message).toMatch(/^user_id: /);
      const fresh = await soni.app.inject("/conversations/nobody/turns");
      expect(fresh.json()).toEqual({ user_id: "nobody", turns: [] });
    } finally {
      await soni.close();
    }
  });

  it("needs the API key when one is set, like GET /state", async () => {
    const soni = await appOn({ backend: "memory" }, { apiKey: "secret-key" });
    try {
      const denied = await soni.app.inject("/conversations/u1/turns");
      expect(denied.statusCode).toBe(401);
      const allowed = await soni.app.inject({
        url: "/conversations/u1/turns",
        headers: { authorization: "Bearer secret-key" },
      });
      expect(allowed.statusCode).toBe(200);
    } finally {
      await soni.close();
    }
  });
});
