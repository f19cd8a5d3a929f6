import pino from "pino";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { compareAcknowledged } from "../lib/acknowledged.ts";
import { countOutcomes, startConversationLoad } from "../lib/conversation-load.ts";
import {
  POSTGRES_URL,
  postgresUnavailable,
  postgresUrlVia,
  scratchSchema,
} from "../lib/postgres.ts";
import type { Section } from "../lib/report.ts";
import { spawnSoniServer } from "../lib/server-process.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { startTcpProxy } from "../lib/tcp-proxy.ts";
import { createTempDomain } from "../lib/temp-domain.ts";

const CLIENTS = 50;
const OUTAGE_MS = 5_000;
const BEFORE_MS = 2_000;
const AFTER_MS = 6_000;

/**
 * Postgres behind a TCP proxy the drill cuts for 5 s mid-load (connections reset, new ones
 * refused), then restores: how many turns fail during the outage, how fast the server
 * recovers, and whether any acknowledged turn is missing afterwards.
 */
export const postgresOutageDrill: Suite = {
  name: "postgres-outage",
  title: `PostgreSQL unreachable for ${OUTAGE_MS / 1000} s mid-load (${CLIENTS} clients)`,
  async run(context: SuiteContext): Promise<Section> {
    const skip = await postgresUnavailable();
    if (skip) return { name: "postgres-outage", title: this.title, metrics: [], notes: [skip] };
    const scratch = await scratchSchema("outage");
    const proxy = await startTcpProxy({
      host: new URL(POSTGRES_URL).hostname,
      port: Number(new URL(POSTGRES_URL).port || 5432),
    });
    const domain = createTempDomain({
      persistence: { backend: "postgres", url: postgresUrlVia(proxy.port), schema: scratch.schema },
    });
    try {
      const server = await spawnSoniServer(domain.dir, { cwd: domain.workDir });
      let cutAt = 0;
      let restoredAt = 0;
      let result: Awaited<ReturnType<typeof startConversationLoad>["done"]>;
      try {
        const load = startConversationLoad({
          url: server.url,
          clients: CLIENTS,
          userPrefix: "outage",
          maxDurationMs: BEFORE_MS + OUTAGE_MS + AFTER_MS,
          backoffMs: 100,
          requestTimeoutMs: 20_000,
        });
        await new Promise((r) => setTimeout(r, BEFORE_MS));
        cutAt = performance.now();
        await proxy.cut();
        context.log(`postgres-outage: store cut after ${load.records.length} turns`);
        await new Promise((r) => setTimeout(r, OUTAGE_MS));
        await proxy.restore();
        restoredAt = performance.now();
        context.log("postgres-outage: store restored");
        result = await load.done;
      } finally {
        await server.stop("SIGTERM", 30_000);
      }
      const records = result.records;
      const failed = records.filter((r) => r.status !== 200);
      const during = failed.filter((r) => r.doneAt >= cutAt);
      const afterRestore = records.filter((r) => r.sentAt >= restoredAt);
      const lastFailure = Math.max(restoredAt, ...failed.map((r) => r.doneAt));
      const firstSuccess = afterRestore.find((r) => r.status === 200);
      const recoveryMs = lastFailure - restoredAt;
      const recovered = afterRestore.some((r) => r.status === 200 && r.doneAt > lastFailure);
      const nonOrderly = failed.filter((r) => r.status !== 503);

      // Straight to Postgres (not through the proxy): what did the store keep?
      const store = await createCheckpointer(
        { backend: "postgres", url: POSTGRES_URL, schema: scratch.schema },
        { baseDir: ".", logger: pino({ level: "silent" }) },
      );
      const stored = new Map<string, number | null>();
      try {
        for (const user of result.acked.keys()) {
          stored.set(user, (await store.load(user))?.state.turn_count ?? null);
        }
      } finally {
        await store.close();
      }
      const cmp = compareAcknowledged(result.acked, stored);
      return {
        name: "postgres-outage",
        title: this.title,
        metrics: [
          { name: "turns answered 200", value: records.length - failed.length },
          { name: "failed turns during the outage", value: during.length },
          {
            name: "of which not an orderly 503",
            value: nonOrderly.length,
            target: "0",
            met: nonOrderly.length === 0,
          },
          {
            name: "time from restore to first success",
            value: firstSuccess ? Math.round(firstSuccess.doneAt - restoredAt) : "never",
            unit: firstSuccess ? "ms" : undefined,
          },
          {
            name: "time from restore to full recovery (last failure)",
            value: Math.round(recoveryMs),
            unit: "ms",
            target: "recovers",
            met: recovered,
          },
          {
            name: "acknowledged turns lost",
            value: cmp.lostTurns,
            target: "0",
            met: cmp.lostTurns === 0,
          },
          { name: "proxy connections opened", value: proxy.accepted },
        ],
        notes: [`outcomes: ${JSON.stringify(countOutcomes(records))}`],
      };
    } finally {
      await proxy.close();
      domain.remove();
      await scratch.drop();
    }
  },
};
