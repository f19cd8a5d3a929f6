import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { buildApp, type SoniApp } from "../../src/server/app.ts";
import type { AccessSettings } from "../../src/server/auth.ts";
import { captureLog, FakeRuntime, minimalDomain } from "./helpers/fake-runtime.ts";

const open: SoniApp[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((soni) => soni.app.close()));
});

/** The banking example on a memory store, its turns observed by the server's metrics. */
async function bankingApp(access: AccessSettings = {}) {
  const domain = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));
  return appFor(domain, access);
}

async function appFor(domain: LoadedDomain, access: AccessSettings) {
  const soni = buildApp({
    logger: captureLog().logger,
    domain,
    configBaseDir: process.cwd(),
    access,
    createRuntime: (loaded, options) =>
      new RuntimeLoop(loaded, {
        logger: options.logger,
        defaultBackend: "memory",
        handlers: createBankingHandlers(),
        ...(options.observer ? { observer: options.observer } : {}),
      }),
  });
  open.push(soni);
  await soni.install(domain);
  return soni.app;
}

/** Sum of a metric's samples whose line matches `filter`. */
function total(text: string, name: string, filter: (line: string) => boolean = () => true) {
  return text
    .split("\n")
    .filter((line) => (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && filter(line))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

const turn = (message: string, userId = "secret-user-42") => ({
  method: "POST" as const,
  url: "/message",
  headers: { "content-type": "application/json" },
  payload: JSON.stringify({ user_id: userId, message }),
});

describe("GET /metrics", () => {
  it("counts turns, times them, and never labels with a user id or a message", async () => {
    const app = await bankingApp();
    expect((await app.inject(turn("send 50 euros to Maria"))).statusCode).toBe(200);
    expect((await app.inject(turn("what is my balance?"))).statusCode).toBe(200);
    const reply = await app.inject({ method: "GET", url: "/metrics" });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers["content-type"]).toContain("text/plain");
    const text = reply.body;

    expect(total(text, "soni_turns_total")).toBeGreaterThanOrEqual(2);
    expect(total(text, "soni_turns_total", (l) => l.includes('outcome="ok"'))).toBe(2);
    expect(text).toMatch(/soni_turns_total\{flow="[a-z_]+",du_source="heuristic",outcome="ok"\}/);
    expect(text).toMatch(/soni_turn_duration_seconds_bucket\{le="0\.005"\} \d+/);
    expect(total(text, "soni_turn_duration_seconds_count")).toBe(2);
    expect(total(text, "soni_du_duration_seconds_count", (l) => l.includes("heuristic"))).toBe(2);
    expect(
      total(text, "soni_store_operation_duration_seconds_count", (l) =>
        l.includes('backend="memory",op="save"'),
      ),
    ).toBe(2);
    expect(text).toMatch(
      /soni_handler_duration_seconds_count\{action="[a-z]+\.[a-z_]+",outcome="ok"\}/,
    );
    expect(total(text, "soni_active_conversations")).toBe(0);
    expect(total(text, "soni_shutdown_state")).toBe(0);
    expect(
      total(text, "soni_http_requests_total", (l) => l.includes('route="/message",status="200"')),
    ).toBe(2);
    expect(text).toContain("process_cpu_seconds_total");
    expect(text).toContain("# TYPE soni_store_errors_total counter");
    expect(text).toContain("# TYPE soni_turn_conflicts_total counter");
    expect(text).toContain("# TYPE soni_llm_tokens_total counter");
    expect(text).not.toContain("secret-user-42");
    expect(text).not.toContain("Maria");
  });

  it("labels unknown paths as unmatched, not by their URL", async () => {
    const app = await bankingApp();
    await app.inject({ method: "GET", url: "/no/such/path-with-user-data" });
    const text = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(text).toContain('soni_http_requests_total{route="unmatched",status="404"} 1');
    expect(text).not.toContain("path-with-user-data");
  });

  it("is off the API-key path, and behind its own token when one is set", async () => {
    const withKey = await bankingApp({ apiKey: "api-key-1" });
    expect((await withKey.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(200);
    expect((await withKey.inject(turn("hi"))).statusCode).toBe(401);

    const withToken = await bankingApp({ metricsToken: "scrape-1" });
    expect((await withToken.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const scraped = await withToken.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer scrape-1" },
    });
    expect(scraped.statusCode).toBe(200);
  });

  it("counts store errors and failed turns", async () => {
    const domain = await minimalDomain();
    const runtime = new FakeRuntime();
    const soni = buildApp({
      logger: captureLog().logger,
      domain,
      configBaseDir: process.cwd(),
      access: {},
      createRuntime: (_loaded, options) => {
        // The fake reports to the observer the way RuntimeLoop does.
        const observer = options.observer!;
        runtime.processMessage = async () => {
          observer.turnStarted?.();
          observer.storeOperation?.({
            backend: "redis",
            op: "load",
            seconds: 0.2,
            outcome: "error",
          });
          observer.turnFinished?.({ flow: null, duSource: null, outcome: "error", seconds: 0.2 });
          throw new Error("store down");
        };
        return runtime;
      },
    });
    open.push(soni);
    await soni.install(domain);
    expect((await soni.app.inject(turn("hi"))).statusCode).toBe(500);
    const text = (await soni.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(text).toContain('soni_store_errors_total{backend="redis",op="load"} 1');
    expect(text).toContain('soni_turns_total{flow="none",du_source="none",outcome="error"} 1');
  });

  it("is not served with settings.server.metrics: false", async () => {
    const domain = await minimalDomain(
      "settings:\n  server:\n    metrics: false\nflows:\n  greet:\n    steps:\n      - step: hi\n        type: say\n        message: hi\n",
    );
    const soni = buildApp({
      logger: captureLog().logger,
      domain,
      configBaseDir: process.cwd(),
      access: {},
      createRuntime: () => new FakeRuntime(),
    });
    open.push(soni);
    expect(soni.metrics).toBeNull();
    expect((await soni.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
  });
});
