import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { largeDomain } from "../lib/large-domain.ts";
import type { Metric, Section } from "../lib/report.ts";
import { type ServerProcess, spawnServer } from "../lib/server-process.ts";
import { percentile, round } from "../lib/stats.ts";
import type { Suite } from "../lib/suite.ts";

const ADMIN_TOKEN = "bench-admin-token";
const HEALTH_TARGET_MS = 100;

interface PostRun {
  status: number;
  postMs: number;
  healthMs: number[];
}

/** Asks /health back to back until `done()` says stop; resolves each answer's latency. */
async function pollHealth(server: ServerProcess, done: () => boolean): Promise<number[]> {
  const healthMs: number[] = [];
  while (!done()) {
    const sent = performance.now();
    const reply = await fetch(`${server.url}/health`);
    await reply.arrayBuffer();
    healthMs.push(performance.now() - sent);
  }
  return healthMs;
}

/** POSTs `body` to /config while another client asks /health back to back. */
async function postWhilePolling(server: ServerProcess, body: string): Promise<PostRun> {
  let posting = true;
  const poll = pollHealth(server, () => !posting);
  const sent = performance.now();
  const reply = await fetch(`${server.url}/config`, {
    method: "POST",
    headers: { "content-type": "text/yaml", authorization: `Bearer ${ADMIN_TOKEN}` },
    body,
  });
  await reply.arrayBuffer();
  const postMs = performance.now() - sent;
  posting = false;
  return { status: reply.status, postMs, healthMs: await poll };
}

function metrics(label: string, run: PostRun): Metric[] {
  const worst = Math.max(...run.healthMs);
  return [
    { name: `${label}: POST /config status`, value: run.status },
    { name: `${label}: POST /config time`, value: round(run.postMs, 0), unit: "ms" },
    { name: `${label}: /health answers during the POST`, value: run.healthMs.length },
    {
      name: `${label}: /health p99`,
      value: round(percentile(run.healthMs, 99), 1),
      unit: "ms",
    },
    {
      name: `${label}: /health worst`,
      value: round(worst, 1),
      unit: "ms",
      target: `< ${HEALTH_TARGET_MS} ms`,
      met: worst < HEALTH_TARGET_MS,
    },
  ];
}

/**
 * `npm run bench -- --only config-post`: a 1 MB domain POSTed to a running server (a valid one,
 * swapped in, and one with a problem in every flow) while /health is asked back to back. The
 * domain is validated on a worker thread, so /health keeps answering throughout.
 */
export const configPostSuite: Suite = {
  name: "config-post",
  title: "POST /config of a 1 MB domain: /health latency meanwhile",
  async run(context): Promise<Section> {
    const bytes = context.quick ? 250_000 : 1_000_000;
    const cwd = mkdtempSync(join(tmpdir(), "soni-bench-config-"));
    const server = await spawnServer({
      runner: "soni",
      args: ["server", "--log-level", "warn"],
      cwd,
      env: { SONI_ADMIN_TOKEN: ADMIN_TOKEN, SONI_CONFIG_PATH: "" },
      readyPath: "/health/live",
    });
    try {
      // The same client with nothing posted: what the machine itself allows.
      const until = performance.now() + 3_000;
      const idle = await pollHealth(server, () => performance.now() > until);
      context.log(`config-post: posting a ${bytes}-byte domain with a problem in every flow`);
      const broken = await postWhilePolling(server, largeDomain(bytes, { broken: true }));
      context.log(`config-post: posting a valid ${bytes}-byte domain`);
      const valid = await postWhilePolling(server, largeDomain(bytes));
      return {
        name: "config-post",
        title: this.title,
        metrics: [
          {
            name: "idle: /health p99 (nothing posted)",
            value: round(percentile(idle, 99), 1),
            unit: "ms",
          },
          {
            name: "idle: /health worst (nothing posted)",
            value: round(Math.max(...idle), 1),
            unit: "ms",
          },
          ...metrics("invalid", broken),
          ...metrics("valid", valid),
        ],
        details: { bytes, idle, broken, valid },
      };
    } finally {
      await server.stop();
      rmSync(cwd, { recursive: true, force: true });
    }
  },
};
