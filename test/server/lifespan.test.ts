import { describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { captureLog, FakeRuntime, MINIMAL_DOMAIN, minimalDomain } from "./helpers/fake-runtime.ts";

const ADMIN_TOKEN = "admin-secret";

async function setup(runtime = new FakeRuntime(), overrides = {}) {
  const log = captureLog();
  const domain = await minimalDomain();
  const runtimes: FakeRuntime[] = [];
  /** Runtimes handed out next, in order; then fresh ones labelled gen2, gen3, ... */
  const queue: FakeRuntime[] = [runtime];
  const soni = buildApp({
    logger: log.logger,
    createRuntime: () => {
      const next = queue.shift() ?? new FakeRuntime(`gen${runtimes.length + 1}`);
      runtimes.push(next);
      return next;
    },
    domain,
    configBaseDir: process.cwd(),
    access: { adminToken: ADMIN_TOKEN },
    overrides: { shutdownTimeoutMs: 2_000, cleanupTimeoutMs: 300, ...overrides },
  });
  await soni.install(domain);
  return { soni, app: soni.app, runtime, runtimes, queue, log, domain };
}

const SHUTDOWN_LINES = [
  "Soni server shutting down...",
  "Stopped accepting connections; draining 0 in-flight request(s)",
  "HTTP drain completed",
  "Soni server shutdown completed",
];

describe("lifespan", () => {
  it("closing the app calls runtime.cleanup() exactly once and logs the sequence", async () => {
    const { soni, app, runtime, log } = await setup();
    await app.close();
    expect(runtime.cleanups).toBe(1);
    expect(await soni.lifecycle.finished).toBe(0);
    expect(log.messages().filter((line) => SHUTDOWN_LINES.includes(line))).toEqual(SHUTDOWN_LINES);
  });

  it("shutdown() and a later app.close() still clean up once", async () => {
    const { soni, app, runtime } = await setup();
    const [code] = await Promise.all([
      soni.lifecycle.shutdown("SIGTERM"),
      soni.lifecycle.shutdown("SIGTERM"),
    ]);
    await app.close();
    expect(code).toBe(0);
    expect(runtime.cleanups).toBe(1);
  });

  it("reports shutting_down at once and keeps serving through the pre-drain delay", async () => {
    const { soni, app } = await setup(new FakeRuntime(), { shutdownDelayMs: 300 });
    const done = soni.lifecycle.shutdown("SIGTERM");
    const health = await app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe("shutting_down");
    expect((await app.inject({ method: "GET", url: "/health/live" })).statusCode).toBe(200);
    const turn = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: { user_id: "u", message: "still here" },
    });
    expect(turn.statusCode).toBe(200);
    expect(await done).toBe(0);
  });

  it("once draining, refuses requests with 503 + Connection: close but keeps the probes", async () => {
    const { soni, app } = await setup();
    soni.tracker.beginDrain();
    const turn = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: { user_id: "u", message: "late" },
    });
    expect(turn.statusCode).toBe(503);
    expect(turn.headers.connection).toBe("close");
    expect(turn.json().error.code).toBe("shutting_down");
    const live = await app.inject({ method: "GET", url: "/health/live" });
    expect(live.statusCode).toBe(200);
    expect(live.headers.connection).toBe("close");
  });

  it("answers starting (503, Retry-After) until the runtime is initialized", async () => {
    const log = captureLog();
    const runtime = new FakeRuntime();
    let open = () => {};
    runtime.initializeGate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const domain = await minimalDomain();
    const soni = buildApp({
      logger: log.logger,
      createRuntime: () => runtime,
      domain,
      configBaseDir: process.cwd(),
      access: {},
    });
    const installing = soni.install(domain);
    const health = await soni.app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "starting", initialized: false });
    const turn = await soni.app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: { user_id: "u", message: "early" },
    });
    expect(turn.statusCode).toBe(503);
    expect(turn.json().error.code).toBe("starting");
    expect(turn.headers["retry-after"]).toBe("2");
    open();
    await installing;
    expect((await soni.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    await soni.app.close();
  });

  it("logs a failing cleanup, still completes, exits 1", async () => {
    const runtime = new FakeRuntime();
    runtime.cleanupBehaviour = "throw";
    const { soni, app, log } = await setup(runtime);
    await app.close();
    expect(await soni.lifecycle.finished).toBe(1);
    expect(log.messages()).toContain("Error during runtime cleanup: checkpointer exploded");
    expect(log.messages().at(-1)).toBe("Soni server shutdown completed");
  });

  it("gives up on a hanging cleanup after the cleanup timeout, exits 1", async () => {
    const runtime = new FakeRuntime();
    runtime.cleanupBehaviour = "hang";
    const { soni, app, log } = await setup(runtime);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await soni.lifecycle.finished).toBe(1);
    expect(log.messages()).toContain("Runtime cleanup timed out after 300 ms");
  });

  it("abandons requests outliving the shutdown timeout, then cleans up, exits 1", async () => {
    const runtime = new FakeRuntime();
    runtime.delayMs = 5_000;
    const { soni, app, log } = await setup(runtime, { shutdownTimeoutMs: 200 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const pending = fetch(`http://127.0.0.1:${port}/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user_id: "slow", message: "wait" }),
    }).catch((error: unknown) => error);
    while (runtime.started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await soni.lifecycle.shutdown("SIGTERM")).toBe(1);
    expect(await pending).toBeInstanceOf(Error);
    expect(runtime.cleanups).toBe(1);
    expect(log.messages()).toContain("Shutdown timeout of 200 ms expired: 1 request(s) abandoned");
  });
});

describe("POST /config", () => {
  const post = (payload: string, contentType = "text/yaml") => ({
    method: "POST" as const,
    url: "/config",
    headers: { "content-type": contentType, authorization: `Bearer ${ADMIN_TOKEN}` },
    payload,
  });

  it("lists every problem and leaves the running runtime untouched", async () => {
    const { app, runtime, runtimes } = await setup();
    const broken = `flows:\n  a:\n    steps:\n      - step: x\n        type: dance\n  b:\n    steps:\n      - step: y\n        type: say\n`;
    const reply = await app.inject(post(broken));
    expect(reply.statusCode).toBe(400);
    const { error } = reply.json();
    expect(error.code).toBe("invalid_domain");
    expect(error.details.length).toBeGreaterThanOrEqual(2);
    expect(error.details[0]).toMatch(/^POST \/config:\d+:\d+ /);
    expect(runtimes).toHaveLength(1);
    expect(runtime.cleanups).toBe(0);
  });

  it("refuses a posted domain naming handler modules, at the key's line", async () => {
    const { app, runtimes } = await setup();
    for (const handlers of ["./handlers.ts", "node_modules/typescript/bin/tsc"]) {
      const reply = await app.inject(post(`settings:\n  handlers: ${handlers}\n${MINIMAL_DOMAIN}`));
      expect(reply.statusCode).toBe(400);
      const { error } = reply.json();
      expect(error.code).toBe("invalid_domain");
      expect(error.details).toEqual([
        expect.stringMatching(
          /^POST \/config:2:3 {2}settings\.handlers: a posted domain cannot name handler modules/,
        ),
      ]);
      expect(error.message).not.toContain(handlers);
    }
    expect(runtimes).toHaveLength(1);
  });

  it("names a duplicated JSON key", async () => {
    const { app } = await setup();
    const body =
      '{"flows": {"a": {"steps": [{"step": "x", "type": "say", "message": "hi", "message": "ho"}]}}, "version": "1", "version": "2"}';
    const reply = await app.inject(post(body, "application/json"));
    expect(reply.statusCode).toBe(400);
    const details: string[] = reply.json().error.details;
    expect(details).toContainEqual(expect.stringContaining("duplicate key 'message'"));
    expect(details).toContainEqual(expect.stringContaining("duplicate key 'version'"));
  });

  it("refuses documents beyond the shape bounds without walking them", async () => {
    const { app } = await setup();
    const wide = await app.inject(post(`flows: [${"0,".repeat(300_000)}0]`));
    expect(wide.statusCode).toBe(400);
    expect(wide.json().error.details[0]).toContain("more than 250000 values");
    const deep = await app.inject(post(`flows: ${"[".repeat(100)}${"]".repeat(100)}`));
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.details[0]).toContain("nested more than 64 levels");
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      bomb.push(`${"b".repeat(i)}: &${"b".repeat(i)} [${"*a, ".repeat(9)}*a]`);
    const aliases = await app.inject(post(`${bomb.join("\n")}\n`));
    expect(aliases.statusCode).toBe(400);
    // The server still answers.
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  }, 90_000);

  it("swaps in a new runtime; running requests finish on the old one, which is then cleaned up", async () => {
    const { app, runtime, runtimes, log } = await setup();
    // Starts the parser's worker thread, so the swap below is not slowed by its startup.
    expect((await app.inject(post("flows: ["))).statusCode).toBe(400);
    runtime.delayMs = 3_000;
    const running = app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: { user_id: "u", message: "before" },
    });
    while (runtime.started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const swapped = await app.inject(
      post(
        JSON.stringify({ flows: { bye: { steps: [{ step: "b", type: "say", message: "Bye" }] } } }),
        "application/json",
      ),
    );
    expect(swapped.statusCode).toBe(200);
    expect(swapped.json()).toMatchObject({ success: true, flows: ["bye"] });
    const after = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: { user_id: "u", message: "after" },
    });
    expect(after.json().response).toBe("gen2: after");
    expect(runtime.cleanups).toBe(0); // still draining its request
    expect((await running).json().response).toBe("fake: before");
    await vi.waitFor(() => expect(runtime.cleanups).toBe(1));
    expect(log.messages()).toContain("Previous runtime retired");
    await app.close();
    expect(runtime.cleanups).toBe(1);
    expect(runtimes[1]?.cleanups).toBe(1);
  });

  it("keeps the running runtime when the new one fails to initialize", async () => {
    const { app, runtime, queue, soni } = await setup();
    const failing = new FakeRuntime("broken");
    failing.initializeBehaviour = "throw";
    queue.push(failing);
    const reply = await app.inject(post(MINIMAL_DOMAIN));
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe("runtime_init_failed");
    expect(soni.holder.status).toBe("healthy");
    expect(runtime.cleanups).toBe(0);
    expect(failing.cleanups).toBe(1);
    const turn = await app.inject({
      method: "POST",
      url: "/message",
      headers: { "content-type": "application/json" },
      payload: { user_id: "u", message: "still" },
    });
    expect(turn.json().response).toBe("fake: still");
  });
});

describe("shutdown during a swap", () => {
  it("cleans a retiring runtime still running a request exactly once, within the bounds", async () => {
    const log = captureLog();
    const first = new FakeRuntime("first");
    first.delayMs = 10_000;
    const queue = [first, new FakeRuntime("second")];
    const domain = await minimalDomain();
    const soni = buildApp({
      logger: log.logger,
      createRuntime: () => queue.shift()!,
      domain,
      configBaseDir: process.cwd(),
      access: {},
      overrides: { shutdownTimeoutMs: 300, cleanupTimeoutMs: 300 },
    });
    await soni.install(domain);
    await soni.app.listen({ port: 0, host: "127.0.0.1" });
    const address = soni.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    void fetch(`http://127.0.0.1:${port}/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user_id: "u", message: "stuck" }),
    }).catch(() => undefined);
    while (first.started === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await soni.install(domain); // retires `first`, which still runs the request
    const started = Date.now();
    expect(await soni.lifecycle.shutdown("SIGTERM")).toBe(1);
    // The drain bound (300 ms) plus cleanup.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(first.cleanups).toBe(1);
    expect(log.messages()).toContain("Previous runtime retired");
  });
});
