import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { countActions, EFFECT_ACTIONS, readExecutions } from "../../bench/lib/counting-handlers.ts";
import { transferScript } from "../../bench/lib/transfer-script.ts";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { createCheckpointer } from "../../src/persistence/create.ts";
import type { HandlerSet } from "../../src/runtime/handlers.ts";
import { RuntimeLoop, type TurnResult } from "../../src/runtime/runtime-loop.ts";
import { dropRunData, POSTGRES_URL, probeService, REDIS_URL } from "../helpers/services.ts";

/*
 * The double-clicked "yes" (issue: action handlers ran twice): two RuntimeLoops, each with its
 * own checkpointer on one shared Redis or PostgreSQL store, get ten "yes" at once to one
 * transfer confirmation. The transfer handler must run exactly once per acknowledged transfer.
 */

const YES_COUNT = 10;
const ROUNDS = 3;
const postgres = await probeService("PostgreSQL", POSTGRES_URL);
const redis = await probeService("Redis", REDIS_URL);
const run = randomUUID().slice(0, 8);
const schema = `soni_double_yes_${run}`;
const keyPrefix = `soni-double-yes:${run}:`;
const dir = mkdtempSync(path.join(tmpdir(), "soni-double-yes-"));
const banking = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropRunData({ postgres, redis, schema, keyPrefix });
});

const stores = [
  ["redis", redis.available, { backend: "redis", url: REDIS_URL, key_prefix: keyPrefix }],
  ["postgres", postgres.available, { backend: "postgres", url: POSTGRES_URL, schema }],
] as const;

async function replica(persistence: (typeof stores)[number][2], log: string) {
  const logger = pino({ level: "silent" });
  const handlers = createBankingHandlers();
  const runtime = new RuntimeLoop(banking, {
    checkpointer: await createCheckpointer(persistence, { baseDir: dir, logger }),
    du: new HeuristicUnderstanding(),
    handlers: {
      ...handlers,
      actions: countActions(handlers.actions as never, () => log) as HandlerSet["actions"],
    },
    logger,
  });
  await runtime.initialize();
  return runtime;
}

describe("ten concurrent 'yes' to one transfer on two replicas", () => {
  for (const [backend, available, persistence] of stores) {
    it.skipIf(!available)(
      `${backend}: the transfer runs exactly once per acknowledged transfer`,
      async () => {
        const log = path.join(dir, `${backend}.log`);
        writeFileSync(log, "");
        const replicas = [await replica(persistence, log), await replica(persistence, log)];
        try {
          let acknowledged = 0;
          for (let round = 0; round < ROUNDS; round++) {
            const user = `double-yes-${backend}-${round}`;
            const script = transferScript(round * 3);
            const confirm = script.pop()!;
            // The conversation's messages land on either replica.
            for (const [i, step] of script.entries()) {
              const reply = await replicas[i % 2]!.processMessage(step.user, user);
              expect(reply.response, `after ${JSON.stringify(step.user)}`).toMatch(step.expect);
            }
            const replies = await Promise.allSettled(
              Array.from({ length: YES_COUNT }, (_, i) =>
                replicas[i % 2]!.processMessage(confirm.user, user),
              ),
            );
            const answered = replies.filter(
              (r): r is PromiseFulfilledResult<TurnResult> => r.status === "fulfilled",
            );
            expect(answered).toHaveLength(YES_COUNT);
            const acks = answered.filter((r) => /Transaction id: TX-/.test(r.value.response));
            expect(acks).toHaveLength(1);
            acknowledged += acks.length;
            // Every "yes" is a turn of its own, one after the other.
            const counts = answered.map((r) => r.value.turnCount).sort((a, b) => a - b);
            expect(counts).toEqual(
              Array.from({ length: YES_COUNT }, (_, i) => script.length + i + 1),
            );
          }
          const executed = readExecutions(readFileSync(log, "utf8")).filter((e) =>
            EFFECT_ACTIONS.includes(e.action),
          );
          console.info(
            `${backend}: ${ROUNDS} x ${YES_COUNT} concurrent "yes" on 2 replicas: ${acknowledged} transfers acknowledged, ${executed.length} executed`,
          );
          expect(executed).toHaveLength(acknowledged);
          expect(new Set(executed.map((e) => e.key)).size).toBe(acknowledged);
        } finally {
          for (const r of replicas) expect((await r.cleanup()).ok).toBe(true);
        }
      },
      120_000,
    );
  }
});
