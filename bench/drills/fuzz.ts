import { Pool } from "undici";
import { readTurnCounts } from "../lib/acknowledged.ts";
import { type FuzzCase, generateFuzzCases } from "../lib/fuzz-cases.ts";
import type { Section } from "../lib/report.ts";
import { spawnSoniServer } from "../lib/server-process.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { createTempDomain } from "../lib/temp-domain.ts";

const CASES = 2_000;
const CONCURRENCY = 8;
const WATCHED = 20;
/** settings.server.body_limit_bytes of the banking domain (the default). */
const BODY_LIMIT = 65_536;

interface Outcome {
  category: string;
  userId: string;
  /** The body was over the server's limit: it may answer 413 and close before reading it all. */
  oversized: boolean;
  status: number | null;
  error?: string;
}

async function post(
  url: string,
  user: string,
  message: string,
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/message`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user_id: user, message }),
  });
  return { status: res.status, body: await res.text() };
}

async function snapshot(url: string, user: string): Promise<string> {
  const res = await fetch(`${url}/state/${user}`);
  return `${res.status} ${await res.text()}`;
}

async function send(pool: Pool, fuzz: FuzzCase): Promise<Outcome> {
  const base = {
    category: fuzz.category,
    userId: fuzz.userId,
    oversized: (fuzz.body?.length ?? 0) > BODY_LIMIT,
  };
  try {
    const res = await pool.request({
      method: fuzz.method as "POST",
      path: fuzz.path,
      headers: fuzz.headers,
      body: fuzz.body,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    await res.body.dump();
    return { ...base, status: res.statusCode };
  } catch (error) {
    const err = error as Error & { code?: string };
    return { ...base, status: null, error: err.code ?? err.message };
  }
}

/** 2,000 malformed requests: no 5xx, the server stays healthy, no conversation changes. */
export const fuzzDrill: Suite = {
  name: "fuzz",
  title: `Fuzz: ${CASES.toLocaleString("en-US")} malformed requests`,
  async run(context: SuiteContext): Promise<Section> {
    const domain = createTempDomain({ persistence: { backend: "sqlite", path: "drill.db" } });
    const server = await spawnSoniServer(domain.dir, { cwd: domain.workDir });
    try {
      // Conversations in the middle of a transfer, which no fuzz request may touch.
      const watched = Array.from({ length: WATCHED }, (_, i) => `watched-${i}`);
      for (const user of watched) {
        for (const message of ["I want to make a transfer", "Maria Garcia"]) {
          const res = await post(server.url, user, message);
          if (res.status !== 200)
            throw new Error(`seeding ${user} failed: ${res.status} ${res.body}`);
        }
      }
      const before = await Promise.all(watched.map((u) => snapshot(server.url, u)));

      const cases = generateFuzzCases(CASES);
      const pool = new Pool(server.url, { connections: CONCURRENCY });
      const outcomes: Outcome[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < cases.length; i = next++)
            outcomes.push(await send(pool, cases[i]!));
        }),
      );
      await pool.destroy();
      context.log(`fuzz: ${outcomes.length} requests sent`);

      const health = await fetch(`${server.url}/health`);
      await health.arrayBuffer();
      const after = await Promise.all(watched.map((u) => snapshot(server.url, u)));
      const changed = after.filter((s, i) => s !== before[i]).length;
      // A conversation started after the fuzz must look like any other (no polluted prototype).
      const fresh = await post(server.url, "after-fuzz", "I want to make a transfer");
      const freshOk = fresh.status === 200 && !/polluted|hacked/.test(fresh.body);
      const stillTalking = await post(server.url, watched[0]!, "ES91 2100 0418 4502 0005 1332");

      const fiveHundreds = outcomes.filter((o) => o.status !== null && o.status >= 500);
      const networkErrors = outcomes.filter((o) => o.status === null && !o.oversized);
      const cutOff = outcomes.filter((o) => o.status === null && o.oversized).length;
      // A rejected request must not have created or advanced its conversation.
      const rejected = outcomes.filter((o) => o.status !== null && o.status >= 400);
      const rejectedCounts = await readTurnCounts(
        server.url,
        rejected.map((o) => o.userId),
      );
      const rejectedButStored = [...rejectedCounts.values()].filter((n) => (n ?? 0) > 0).length;
      const byStatus: Record<string, number> = {};
      const byCategory: Record<string, Record<string, number>> = {};
      for (const o of outcomes) {
        const key = o.status === null ? (o.error ?? "error") : String(o.status);
        byStatus[key] = (byStatus[key] ?? 0) + 1;
        byCategory[o.category] ??= {};
        byCategory[o.category]![key] = (byCategory[o.category]![key] ?? 0) + 1;
      }
      const errorLines = server.logs.filter((l) => /"level":(50|60)/.test(l));
      const errorLogs = errorLines.length;
      return {
        name: "fuzz",
        title: this.title,
        metrics: [
          { name: "requests sent", value: outcomes.length },
          {
            name: "5xx answers",
            value: fiveHundreds.length,
            target: "0",
            met: fiveHundreds.length === 0,
          },
          {
            name: "connection errors (no answer)",
            value: networkErrors.length,
            target: "0",
            met: networkErrors.length === 0,
          },
          { name: "oversized bodies cut off after an early 413", value: cutOff },
          {
            name: "rejected requests that changed their conversation",
            value: `${rejectedButStored}/${rejected.length}`,
            target: `0/${rejected.length}`,
            met: rejectedButStored === 0,
          },
          {
            name: "server healthy afterwards (GET /health)",
            value: health.status,
            target: "200",
            met: health.status === 200,
          },
          {
            name: "watched conversations changed",
            value: `${changed}/${WATCHED}`,
            target: `0/${WATCHED}`,
            met: changed === 0,
          },
          {
            name: "new conversation after fuzz normal",
            value: freshOk ? "yes" : "no",
            target: "yes",
            met: freshOk,
          },
          {
            name: "watched conversation continues",
            value: stillTalking.status,
            target: "200",
            met: stillTalking.status === 200,
          },
          { name: "error-level log lines", value: errorLogs },
        ],
        notes: [
          `answers by status: ${JSON.stringify(byStatus)}`,
          ...Object.entries(byCategory).map(([c, counts]) => `  ${c}: ${JSON.stringify(counts)}`),
          ...errorLines.slice(0, 3).map((l) => `error log: ${l.slice(0, 400)}`),
          ...(fiveHundreds.length > 0
            ? [
                `first 5xx categories: ${fiveHundreds
                  .slice(0, 5)
                  .map((o) => o.category)
                  .join(", ")}`,
              ]
            : []),
        ],
      };
    } finally {
      await server.stop("SIGTERM", 30_000);
      domain.remove();
    }
  },
};
