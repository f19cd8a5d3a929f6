import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import pino from "pino";
import type { Settings } from "../../src/config/schema.ts";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { compareAcknowledged } from "../lib/acknowledged.ts";
import { startBankingPlayers } from "../lib/banking-players.ts";
import { EFFECT_ACTIONS, readExecutions } from "../lib/counting-handlers.ts";
import { startHaproxy } from "../lib/haproxy.ts";
import { freePort } from "../lib/ports.ts";
import { POSTGRES_URL, postgresUnavailable, scratchSchema } from "../lib/postgres.ts";
import type { Metric, Section } from "../lib/report.ts";
import {
  findLog,
  PROJECT_ROOT,
  type ServerProcess,
  spawnSoniServer,
} from "../lib/server-process.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { createTempDomain } from "../lib/temp-domain.ts";

const REPLICAS = 3;
const CLIENTS = 12;
/** Clients pause like readers, so replicas starting again get CPU on a small machine too. */
const THINK_MS = 50;
const REDIS_URL =
  process.env.SONI_BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/**
 * The production pre-drain delay, passed explicitly: the banking example's settings pin
 * shutdown_delay_ms to 0 for development, and an explicit value wins over any default.
 */
const PRE_DRAIN_DELAY_MS = 5_000;
const COUNTING_HANDLERS = join(PROJECT_ROOT, "bench", "lib", "counting-handlers.ts");

interface StoreRun {
  store: "redis" | "postgres";
  failed: number;
  lost: number;
  duplicateActions: number;
  metrics: Metric[];
  notes: string[];
}

interface StopRecord {
  code: number | null;
  completed: boolean;
  ms: number;
}

/** Three replicas behind HAProxy on one store, restarted one at a time under banking load. */
async function drillStore(
  store: "redis" | "postgres",
  persistence: Settings["persistence"],
  context: SuiteContext,
): Promise<StoreRun> {
  const domain = createTempDomain({
    persistence,
    handlers: COUNTING_HANDLERS,
    // info: the five shutdown lines are checked in each replica's log.
    logging: { level: "info" },
  });
  const log = join(domain.workDir, "actions.log");
  writeFileSync(log, "");
  const env = {
    NODE_ENV: "production",
    SONI_ACTION_LOG: log,
    SONI_SHUTDOWN_DELAY_MS: String(PRE_DRAIN_DELAY_MS),
  };
  const start = (port: number) =>
    spawnSoniServer(domain.dir, { port, env, cwd: domain.workDir, startTimeoutMs: 60_000 });
  const ports = await Promise.all(Array.from({ length: REPLICAS }, () => freePort()));
  const replicas: ServerProcess[] = [];
  let proxy: Awaited<ReturnType<typeof startHaproxy>> | undefined;
  try {
    const started = performance.now();
    replicas.push(...(await Promise.all(ports.map((port) => start(port)))));
    proxy = await startHaproxy(ports);
    await proxy.waitAllUp(30_000);
    const prefix = `rr-${store}-${randomUUID().slice(0, 6)}`;
    const players = startBankingPlayers({
      url: proxy.url,
      clients: CLIENTS,
      prefix,
      thinkMs: THINK_MS,
    });
    const stops: StopRecord[] = [];
    await sleep(context.quick ? 1_000 : 2_000);
    for (let i = 0; i < REPLICAS; i++) {
      context.log(`rolling-restart (${store}): SIGTERM to replica ${i + 1}`);
      const exit = await replicas[i]!.stop("SIGTERM", 60_000);
      stops.push({
        code: exit.code,
        completed: findLog(replicas[i]!, "Soni server shutdown completed") !== undefined,
        ms: Math.round(exit.at - exit.signalledAt),
      });
      replicas[i] = await start(ports[i]!);
      // The next replica goes only once the balancer routes to this one again.
      await proxy.waitAllUp(30_000);
    }
    await sleep(1_000);
    players.stop();
    const stats = await players.done;
    const drillMs = Math.round(performance.now() - started);

    const logger = pino({ level: "silent" });
    const reader = await createCheckpointer(persistence, { baseDir: domain.dir, logger });
    const stored = new Map<string, number | null>();
    try {
      for (const user of stats.acked.keys()) {
        stored.set(user, (await reader.load(user))?.state.turn_count ?? null);
      }
    } finally {
      await reader.close();
    }
    const ack = compareAcknowledged(stats.acked, stored);
    const executions = readExecutions(readFileSync(log, "utf8")).filter(
      (e) => EFFECT_ACTIONS.includes(e.action) && stats.acked.has(e.conversation),
    );
    const executedPer = new Map<string, number>();
    for (const e of executions)
      executedPer.set(e.conversation, (executedPer.get(e.conversation) ?? 0) + 1);
    let duplicateActions = 0;
    for (const [user, executed] of executedPer) {
      duplicateActions += Math.max(0, executed - (stats.ackedTransfers.get(user) ?? 0));
    }
    const ackedTransfers = [...stats.ackedTransfers.values()].reduce((a, b) => a + b, 0);
    const cleanStops = stops.filter((s) => s.code === 0 && s.completed).length;
    const metrics: Metric[] = [
      { name: `${store}: requests sent`, value: stats.requests },
      { name: `${store}: conversations completed`, value: stats.conversationsDone },
      { name: `${store}: turns acknowledged`, value: ack.ackedTurns },
      {
        name: `${store}: transfers acknowledged / executed`,
        value: `${ackedTransfers} / ${executions.length}`,
      },
      {
        name: `${store}: failed requests`,
        value: stats.failed,
        target: "0",
        met: stats.failed === 0,
      },
      {
        name: `${store}: acknowledged turns lost`,
        value: ack.lostTurns,
        target: "0",
        met: ack.lostTurns === 0,
      },
      {
        name: `${store}: duplicate actions`,
        value: duplicateActions,
        target: "0",
        met: duplicateActions === 0,
      },
      { name: `${store}: refused with 503 and sent again`, value: stats.refused },
      { name: `${store}: 409 conversation busy`, value: stats.busy },
      {
        name: `${store}: replies off script`,
        value: stats.unexpected,
        target: "0",
        met: stats.unexpected === 0,
      },
      {
        name: `${store}: stops with exit 0 and completion logged`,
        value: `${cleanStops} / ${REPLICAS}`,
        target: `${REPLICAS} / ${REPLICAS}`,
        met: cleanStops === REPLICAS,
      },
      {
        name: `${store}: SIGTERM to exit (slowest)`,
        value: Math.max(...stops.map((s) => s.ms)),
        unit: "ms",
      },
      {
        name: `${store}: drill time (startup to last answer)`,
        value: Math.round(drillMs / 1000),
        unit: "s",
      },
    ];
    return {
      store,
      failed: stats.failed,
      lost: ack.lostTurns,
      duplicateActions,
      metrics,
      notes: stats.samples.map((s) => `${store} sample: ${s}`),
    };
  } finally {
    await proxy?.stop();
    await Promise.all(replicas.map((r) => r.stop("SIGKILL", 5_000)));
    domain.remove();
  }
}

/**
 * `npm run drill -- --only rolling-restart`: three `soni server` replicas (NODE_ENV=production)
 * behind HAProxy, first on Redis then on PostgreSQL; clients play whole banking transfers with
 * double-submitted confirmations through the balancer while the replicas are restarted one at
 * a time with SIGTERM. Ends with `rolling-restart: failed=N lost=N duplicate_actions=N` per store.
 */
export const rollingRestartDrill: Suite = {
  name: "rolling-restart",
  title: `Rolling restart of ${REPLICAS} replicas behind HAProxy (${CLIENTS} clients, Redis and PostgreSQL)`,
  async run(context: SuiteContext): Promise<Section> {
    const runs: StoreRun[] = [];
    const skipped: string[] = [];
    const prefix = `soni-drill:${randomUUID().slice(0, 8)}:`;
    try {
      runs.push(
        await drillStore(
          "redis",
          { backend: "redis", url: REDIS_URL, key_prefix: prefix },
          context,
        ),
      );
    } finally {
      const admin = new Redis(REDIS_URL);
      const keys = await admin.keys(`${prefix}*`).catch(() => [] as string[]);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
    }
    const unavailable = await postgresUnavailable();
    if (unavailable) {
      skipped.push(unavailable);
    } else {
      const scratch = await scratchSchema("rolling");
      try {
        runs.push(
          await drillStore(
            "postgres",
            { backend: "postgres", url: POSTGRES_URL, schema: scratch.schema },
            context,
          ),
        );
      } finally {
        await scratch.drop();
      }
    }
    return {
      name: "rolling-restart",
      title: this.title,
      metrics: runs.flatMap((r) => r.metrics),
      notes: [
        ...skipped,
        ...runs.flatMap((r) => r.notes),
        ...runs.map(
          (r) =>
            `rolling-restart: failed=${r.failed} lost=${r.lost} duplicate_actions=${r.duplicateActions} store=${r.store}`,
        ),
      ],
    };
  },
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
