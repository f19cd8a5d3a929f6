import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { dropRunData, POSTGRES_URL, probeService, REDIS_URL } from "../helpers/services.ts";
import {
  endlessRuntime,
  type PersistenceSpec,
  sendConcurrently,
} from "./fixtures/endless-conversation.ts";

/*
 * No lost update through the whole runtime (docs/persistence.md, "Concurrency model"): two RuntimeLoops, each with its own
 * checkpointer on one shared store, send 100 messages each to the same conversation at the same
 * time. Turns of one RuntimeLoop queue in-process; across them the conversation lease keeps
 * turns apart, so none has to be re-run. A store without leases falls back on the version
 * check: RuntimeLoop re-runs a turn that lost the race.
 */

const MESSAGES_EACH = 100;
const TOTAL = 2 * MESSAGES_EACH;
const postgres = await probeService("PostgreSQL", POSTGRES_URL);
const redis = await probeService("Redis", REDIS_URL);
const run = randomUUID().slice(0, 8);
/** This run's own schema and key prefix, dropped afterwards, so parallel runs never meet. */
const schema = `soni_concurrency_${run}`;
const keyPrefix = `soni-concurrency:${run}:`;
const sender = fileURLToPath(new URL("./fixtures/concurrent-sender.ts", import.meta.url));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-concurrency-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await dropRunData({ postgres, redis, schema, keyPrefix });
});

/** A warn-level logger counting RuntimeLoop's "re-running the turn" retries. */
function retryCountingLogger() {
  const counter = { retries: 0 };
  const sink = new Writable({
    write(chunk, _encoding, done) {
      counter.retries += String(chunk).split("re-running the turn").length - 1;
      done();
    },
  });
  return { logger: pino({ level: "warn" }, sink), counter };
}

const stores: [string, boolean, () => PersistenceSpec][] = [
  ["sqlite", true, () => ({ backend: "sqlite", path: path.join(tmp, "shared.db") })],
  ["postgres", postgres.available, () => ({ backend: "postgres", url: POSTGRES_URL, schema })],
  ["redis", redis.available, () => ({ backend: "redis", url: REDIS_URL, key_prefix: keyPrefix })],
];

/** The conversation holds exactly the 200 turns sent, each once. */
async function expectEveryTurnOnce(reader: RuntimeLoop, conversationId: string): Promise<void> {
  const state = await reader.getState(conversationId);
  expect(state.turn_count).toBe(TOTAL);
  expect(state.active_flow).toBe("notes");
  const turns = await reader.getTurns(conversationId);
  expect(turns).toHaveLength(TOTAL);
  expect(turns.map((t) => t.turn)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
  const sent = ["A", "B"].flatMap((tag) =>
    Array.from({ length: MESSAGES_EACH }, (_, i) => `${tag}-${i + 1}`),
  );
  expect(turns.map((t) => t.user_message).sort()).toEqual(sent.sort());
  // Each RuntimeLoop keeps its own arrival order.
  for (const tag of ["A", "B"]) {
    const own = turns.map((t) => t.user_message).filter((m) => m.startsWith(`${tag}-`));
    expect(own).toEqual(sent.filter((m) => m.startsWith(`${tag}-`)).sort(byNumber));
  }
}

const byNumber = (a: string, b: string) => Number(a.split("-")[1]) - Number(b.split("-")[1]);

describe("two RuntimeLoops in one process on one store", () => {
  for (const [backend, available, spec] of stores) {
    for (const leases of [true, false]) {
      it.skipIf(!available)(
        `${backend}${leases ? "" : " without leases"}: 2 x ${MESSAGES_EACH} concurrent messages -> ${TOTAL} turns, none lost`,
        async () => {
          const conversationId = `in-process-${backend}-${leases}`;
          const a = retryCountingLogger();
          const b = retryCountingLogger();
          const loops = [
            await endlessRuntime(spec(), a.logger, { leases }),
            await endlessRuntime(spec(), b.logger, { leases }),
          ];
          try {
            await Promise.all([
              sendConcurrently(loops[0]!, conversationId, "A", MESSAGES_EACH),
              sendConcurrently(loops[1]!, conversationId, "B", MESSAGES_EACH),
            ]);
            await expectEveryTurnOnce(loops[0]!, conversationId);
            const retries = a.counter.retries + b.counter.retries;
            // With leases no turn ran concurrently with another; without, the race really
            // happened and the version check caught it.
            if (leases) expect(retries).toBe(0);
            else expect(retries).toBeGreaterThan(0);
          } finally {
            for (const loop of loops) expect((await loop.cleanup()).ok).toBe(true);
          }
        },
        60_000,
      );
    }
  }
});

/** Runs one sender child per tag, released together once all have opened the store. */
function sendFromProcesses(
  spec: PersistenceSpec,
  conversationId: string,
  tags: string[],
): Promise<number[]> {
  const children = tags.map((tag) =>
    spawn(
      process.execPath,
      ["--import", "tsx", sender, JSON.stringify(spec), conversationId, tag, String(MESSAGES_EACH)],
      { stdio: ["pipe", "pipe", "pipe"] },
    ),
  );
  let ready = 0;
  return Promise.all(
    children.map(
      (child) =>
        new Promise<number>((resolve, reject) => {
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (chunk: Buffer) => {
            const wasReady = stdout.includes("ready\n");
            stdout += chunk.toString();
            if (!wasReady && stdout.includes("ready\n") && ++ready === children.length) {
              for (const each of children) each.stdin.end("go\n");
            }
          });
          child.stderr.on("data", (chunk: Buffer) => {
            stderr += chunk.toString();
          });
          child.on("error", reject);
          child.on("exit", (code) => {
            const done = /done (\d+)/.exec(stdout);
            if (code === 0 && done) resolve(Number(done[1]));
            else reject(new Error(`sender exited with code ${code}: ${stderr || stdout}`));
          });
        }),
    ),
  );
}

describe("two processes on one store", () => {
  for (const [backend, available, spec] of stores) {
    it.skipIf(!available)(
      `${backend}: 2 processes x ${MESSAGES_EACH} concurrent messages -> ${TOTAL} turns, none lost`,
      async () => {
        const conversationId = `processes-${backend}`;
        const retries = await sendFromProcesses(spec(), conversationId, ["A", "B"]);
        const reader = await endlessRuntime(spec(), pino({ level: "silent" }));
        try {
          await expectEveryTurnOnce(reader, conversationId);
        } finally {
          await reader.cleanup();
        }
        // The lease kept the two processes' turns apart: none had to be re-run.
        expect(retries.reduce((sum, n) => sum + n, 0)).toBe(0);
      },
      120_000,
    );
  }
});
