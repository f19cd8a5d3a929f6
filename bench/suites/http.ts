import { join } from "node:path";
import { type MixRunResult, runMessageMix } from "../lib/autocannon-mix.ts";
import type { Metric, Section } from "../lib/report.ts";
import {
  PROJECT_ROOT,
  type ServerProcess,
  spawnServer,
  spawnSoniServer,
  startAll,
} from "../lib/server-process.ts";
import { median, round } from "../lib/stats.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { createTempDomain, type TempDomain } from "../lib/temp-domain.ts";

const RUNS = 5;
const CONNECTIONS = 50;
const FLOOR_TARGET = 0.5;
/** SQLite pays a write transaction or two per turn on top: a lower floor (issue 16). */
const SQLITE_FLOOR_TARGET = 0.35;

interface Target {
  name: string;
  label: string;
  start(): Promise<ServerProcess>;
}

/** req/s, p50 and p99 of POST /message over loopback: Soni (memory, SQLite) vs bare Fastify. */
export const httpSuite: Suite = {
  name: "http",
  title: `HTTP POST /message, ${CONNECTIONS} connections, loopback (autocannon)`,
  async run(context: SuiteContext): Promise<Section> {
    const duration = context.quick ? 1 : 8;
    const warmup = context.quick ? 1 : 3;
    const domains: TempDomain[] = [];
    const domain = (backend: "memory" | "sqlite", extra: Record<string, unknown> = {}) => {
      const d = createTempDomain({ persistence: { backend, ...extra } });
      domains.push(d);
      return d;
    };
    const targets: Target[] = [
      {
        name: "bare",
        label: "bare Fastify echo",
        start: () =>
          spawnServer({
            runner: "tsx",
            args: [join(PROJECT_ROOT, "bench", "servers", "bare-echo.ts")],
          }),
      },
      {
        name: "memory",
        label: "soni server, memory",
        start: () => spawnSoniServer(domain("memory").dir),
      },
      {
        name: "sqlite",
        label: "soni server, SQLite",
        start: () => {
          const d = domain("sqlite");
          return spawnSoniServer(d.dir, { cwd: d.workDir });
        },
      },
    ];
    const servers = new Map<string, ServerProcess>();
    const runs = new Map<string, MixRunResult[]>(targets.map((t) => [t.name, []]));
    const ratios: number[] = [];
    try {
      const started = await startAll(targets.map((t) => async () => ({ server: await t.start() })));
      for (const [i, t] of targets.entries()) servers.set(t.name, started[i]!.server);
      for (const target of targets) {
        const server = servers.get(target.name)!;
        context.log(`http: ${target.label} on ${server.url}, warming up ${warmup} s`);
        await runMessageMix({
          url: server.url,
          connections: CONNECTIONS,
          durationSeconds: warmup,
          userPrefix: `warm-${target.name}`,
        });
      }
      // Runs alternate between targets so drift on a shared machine hits all of them alike.
      for (let run = 0; run < RUNS; run++) {
        const perRun = new Map<string, MixRunResult>();
        for (const target of targets) {
          const result = await runMessageMix({
            url: servers.get(target.name)!.url,
            connections: CONNECTIONS,
            durationSeconds: duration,
            userPrefix: `run${run}-${target.name}`,
          });
          runs.get(target.name)!.push(result);
          perRun.set(target.name, result);
          context.log(
            `http: run ${run + 1}/${RUNS} ${target.label}: ${Math.round(result.requestsPerSecond)} req/s`,
          );
        }
        ratios.push(
          perRun.get("memory")!.requestsPerSecond / perRun.get("bare")!.requestsPerSecond,
        );
      }
    } finally {
      for (const server of servers.values()) await server.stop("SIGTERM", 10_000);
      for (const d of domains) d.remove();
    }

    const metrics: Metric[] = [];
    for (const target of targets) {
      const results = runs.get(target.name)!;
      const failed = results.reduce(
        (n, r) => n + r.non2xx + r.errors + r.timeouts + r.malformed,
        0,
      );
      metrics.push(
        {
          name: `${target.label}: req/s`,
          value: round(median(results.map((r) => r.requestsPerSecond)), 0),
        },
        { name: `${target.label}: p50`, value: median(results.map((r) => r.p50Ms)), unit: "ms" },
        { name: `${target.label}: p99`, value: median(results.map((r) => r.p99Ms)), unit: "ms" },
        {
          name: `${target.label}: failed or malformed answers`,
          value: failed,
          target: "0",
          met: failed === 0,
        },
      );
    }
    const sqliteRatios = runs
      .get("sqlite")!
      .map((r, i) => r.requestsPerSecond / runs.get("bare")![i]!.requestsPerSecond);
    const ratio = median(ratios);
    const sqliteRatio = median(sqliteRatios);
    metrics.push(
      {
        name: "ratio soni (memory) / bare Fastify",
        value: `${round(ratio * 100, 1)}%`,
        target: `>= ${FLOOR_TARGET * 100}%`,
        met: ratio >= FLOOR_TARGET,
      },
      {
        name: "ratio soni (SQLite) / bare Fastify",
        value: `${round(sqliteRatio * 100, 1)}%`,
        target: `>= ${SQLITE_FLOOR_TARGET * 100}%`,
        met: sqliteRatio >= SQLITE_FLOOR_TARGET,
      },
    );
    const conversations = [...runs.values()].flat().reduce((n, r) => n + r.conversations, 0);
    return {
      name: "http",
      title: this.title,
      metrics,
      notes: [
        `${RUNS} runs of ${duration} s per server (medians), alternating servers; ${conversations.toLocaleString("en-US")} distinct conversations in total.`,
      ],
      details: Object.fromEntries(runs),
    };
  },
};
