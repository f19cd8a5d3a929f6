import path from "node:path";
import pg from "pg";
import { pino } from "pino";
import { Agent, request } from "undici";
import { describe, expect, it } from "vitest";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { POSTGRES_URL, probeService } from "../helpers/services.ts";
import {
  orderOf,
  postMessage,
  SERVER_FIXTURES,
  useSpawnedServers,
} from "./helpers/spawned-server.ts";

// Spawned `soni server` processes, one test at a time (each spawn costs a tsx start).
const SLOW = path.join(SERVER_FIXTURES, "slow.yaml");
const FAULTY = path.join(SERVER_FIXTURES, "faulty-store.yaml");
const POSTGRES = path.join(SERVER_FIXTURES, "postgres.yaml");
const DONE = "Work done: ok";

const FIVE_LINES = [
  "Soni server shutting down...",
  "RuntimeLoop cleanup starting...",
  "Checkpointer closed (async)",
  "RuntimeLoop cleanup completed",
  "Soni server shutdown completed",
];

const start = useSpawnedServers();

const incomingMessages = (line: { msg: string; req?: unknown }) =>
  line.msg === "incoming request" && (line.req as { url?: string } | undefined)?.url === "/message";

const postgres = await probeService("PostgreSQL", POSTGRES_URL);

describe.sequential("soni server shutdown (spawned)", () => {
  it("(a, k) drains 20 in-flight requests on SIGTERM, persists them, refuses later ones, exits 0", async () => {
    const server = await start({ config: SLOW, args: ["--shutdown-delay", "300"] });
    const users = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    const turns = users.map((user) => postMessage(server.url, user, "run the slow job"));
    await server.waitForCount(incomingMessages, 20);

    server.signal("SIGTERM");
    await server.waitForLog("Soni server shutting down...");
    // Pre-drain delay: readiness fails at once, liveness holds, requests are still served.
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe("shutting_down");
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);

    await server.waitForLog((line) => line.msg.startsWith("Stopped accepting connections"));
    // After the drain began: refused outright, or 503 when it raced onto an open connection.
    const late = await postMessage(server.url, "late", "run the slow job", {
      dispatcher: new Agent(),
    }).then(
      (answer) => answer.status,
      (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
    );
    if (typeof late === "number") expect(late).toBe(503);
    else expect(late).toMatch(/ECONNREFUSED|ECONNRESET|other side closed/);

    const answers = await Promise.all(turns);
    expect(answers.map((answer) => answer.status)).toEqual(users.map(() => 200));
    expect(answers.every((answer) => answer.body.response === DONE)).toBe(true);
    expect(answers.every((answer) => answer.headers.get("connection") === "close")).toBe(true);

    const { code } = await server.exited;
    expect(code, server.dump()).toBe(0);
    expect(orderOf(server.messages(), FIVE_LINES)).toEqual(FIVE_LINES);

    const store = await createCheckpointer(
      { backend: "sqlite", path: path.join(server.cwd, "soni.db") },
      { baseDir: server.cwd, logger: pino({ level: "silent" }) },
    );
    try {
      for (const user of users) expect((await store.load(user))?.state.turn_count).toBe(1);
      expect(await store.load("late")).toBeNull();
    } finally {
      await store.close();
    }
  });

  it("(b) abandons a request outliving the shutdown timeout, still cleans up, exits 1", async () => {
    const server = await start({
      config: SLOW,
      args: ["--shutdown-timeout", "500"],
      env: { SLOW_ACTION_MS: "5000" },
    });
    const turn = postMessage(server.url, "slow", "run the slow job").catch(
      (error: unknown) => error,
    );
    await server.waitForCount(incomingMessages, 1);
    server.signal("SIGTERM");
    const { code, at } = await server.exited;
    expect(code).toBe(1);
    expect(await turn).toBeInstanceOf(Error);
    const messages = server.messages();
    expect(messages).toContain("Shutdown timeout of 500 ms expired: 1 request(s) abandoned");
    expect(
      orderOf(messages, ["RuntimeLoop cleanup starting...", "Soni server shutdown completed"]),
    ).toEqual(["RuntimeLoop cleanup starting...", "Soni server shutdown completed"]);
    const signalled = server.logs.find((line) => line.msg === "Soni server shutting down...")!;
    expect(at - signalled.time).toBeLessThan(4_000);
  });

  it("(c) completes the shutdown when the checkpointer's close throws", async () => {
    const server = await start({ config: FAULTY, env: { FAULTY_CLOSE: "throw" } });
    expect((await postMessage(server.url, "u1", "run the slow job")).status).toBe(200);
    server.signal("SIGTERM");
    const { code } = await server.exited;
    expect(code).toBe(1);
    const messages = server.messages();
    expect(messages).toContain("Error closing checkpointer: disk on fire");
    expect(
      orderOf(messages, ["RuntimeLoop cleanup completed", "Soni server shutdown completed"]),
    ).toEqual(["RuntimeLoop cleanup completed", "Soni server shutdown completed"]);
  });

  it("(i) gives up on a hanging checkpointer close after its bound, finishes the rest, exits 1", async () => {
    const server = await start({
      config: FAULTY,
      args: ["--cleanup-timeout", "1000"],
      env: { FAULTY_CLOSE: "hang" },
    });
    expect((await postMessage(server.url, "u1", "run the slow job")).status).toBe(200);
    server.signal("SIGTERM");
    const { code, at } = await server.exited;
    expect(code).toBe(1);
    const messages = server.messages();
    expect(messages).toContain("Checkpointer close did not finish within 500 ms; gave up");
    expect(
      orderOf(messages, ["RuntimeLoop cleanup completed", "Soni server shutdown completed"]),
    ).toEqual(["RuntimeLoop cleanup completed", "Soni server shutdown completed"]);
    const signalled = server.logs.find((line) => line.msg === "Soni server shutting down...")!;
    expect(at - signalled.time).toBeLessThan(3_000);
  });

  it("(l) writes its log asynchronously yet loses no line: every turn's lines, then the last line, before exit", async () => {
    const server = await start({ config: SLOW, env: { SLOW_ACTION_MS: "1" } });
    const users = Array.from({ length: 150 }, (_, i) => `burst-${i}`);
    const answers = await Promise.all(
      users.map((user) => postMessage(server.url, user, "run the slow job")),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    // At once, while the lines of the burst may still be buffered.
    server.signal("SIGTERM");
    const { code } = await server.exited;
    expect(code).toBe(0);
    const completed = server.logs.filter(
      (line) =>
        line.msg === "request completed" &&
        (line.req as { url?: string } | undefined)?.url === "/message",
    );
    expect(completed).toHaveLength(users.length);
    expect(server.count("Turn processed")).toBe(users.length);
    expect(server.messages().at(-1)).toBe("Soni server shutdown completed");
  });

  it("(e) a second SIGINT exits at once with code 1", async () => {
    const server = await start({ config: SLOW, env: { SLOW_ACTION_MS: "5000" } });
    void postMessage(server.url, "slow", "run the slow job").catch(() => undefined);
    await server.waitForCount(incomingMessages, 1);
    server.signal("SIGINT");
    await server.waitForLog("Soni server shutting down...");
    const sent = Date.now();
    server.signal("SIGINT");
    const { code, at } = await server.exited;
    expect(code).toBe(1);
    expect(at - sent).toBeLessThan(1_000);
    expect(server.messages()).toContain(
      "Received SIGINT again during shutdown: exiting immediately",
    );
  });

  it("(e) a repeated SIGTERM does not restart the sequence", async () => {
    const server = await start({ config: SLOW });
    const turn = postMessage(server.url, "u1", "run the slow job");
    await server.waitForCount(incomingMessages, 1);
    server.signal("SIGTERM");
    await server.waitForLog("Soni server shutting down...");
    server.signal("SIGTERM");
    expect((await turn).status).toBe(200);
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.count("Soni server shutting down...")).toBe(1);
    expect(server.count("RuntimeLoop cleanup starting...")).toBe(1);
    expect(server.messages()).toContain("Received SIGTERM again: shutdown already in progress");
  });

  it("(h) a keep-alive client: the drain ends right after the last response", async () => {
    const server = await start({ config: SLOW });
    const agent = new Agent({ keepAliveTimeout: 72_000, keepAliveMaxTimeout: 72_000 });
    // An idle keep-alive connection, then requests in flight on others.
    const warm = await request(`${server.url}/health`, { dispatcher: agent });
    await warm.body.text();
    const turns = Array.from({ length: 5 }, async (_, i) => {
      const response = await request(`${server.url}/message`, {
        method: "POST",
        dispatcher: agent,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user_id: `ka-${i}`, message: "run the slow job" }),
      });
      await response.body.json();
      return { status: response.statusCode, at: Date.now() };
    });
    await server.waitForCount(incomingMessages, 5);
    server.signal("SIGTERM");
    const answers = await Promise.all(turns);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const lastResponse = Math.max(...answers.map((answer) => answer.at));
    const drained = await server.waitForLog("HTTP drain completed");
    expect(drained.time - lastResponse).toBeLessThan(200);
    expect((await server.exited).code).toBe(0);
    await agent.close();
  });

  it("(j) SIGTERM right after spawn, before listening: clean, ordered shutdown", async () => {
    const server = await start({ config: SLOW, waitForListening: false });
    await server.waitForLog("Soni server starting");
    server.signal("SIGTERM");
    const { code } = await server.exited;
    expect(code, server.dump()).toBe(0);
    const messages = server.messages();
    const ordered = [
      "Received SIGTERM",
      "Soni server shutting down...",
      "Soni server shutdown completed",
    ];
    expect(orderOf(messages, ordered)).toEqual(ordered);
    // Once shutting down, the server never starts listening.
    const shutting = messages.indexOf("Soni server shutting down...");
    expect(messages.slice(shutting).some((msg) => msg.startsWith("Server listening"))).toBe(false);
  });

  it.skipIf(!postgres.available)(
    "(d) with Postgres, no connection of the server is left after exit",
    async () => {
      const applicationName = `soni-server-test-${process.pid}-${Date.now()}`;
      const url = new URL(POSTGRES_URL);
      url.searchParams.set("application_name", applicationName);
      const server = await start({ config: POSTGRES, env: { SONI_TEST_PG_URL: url.toString() } });
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      const connections = async () =>
        Number(
          (
            await admin.query(
              "select count(*)::int as n from pg_stat_activity where application_name = $1",
              [applicationName],
            )
          ).rows[0].n,
        );
      try {
        expect((await postMessage(server.url, "pg-user", "run the slow job")).status).toBe(200);
        expect(await connections()).toBeGreaterThan(0);
        server.signal("SIGTERM");
        expect((await server.exited).code, server.dump()).toBe(0);
        expect(orderOf(server.messages(), FIVE_LINES)).toEqual(FIVE_LINES);
        expect(await connections()).toBe(0);
      } finally {
        await admin.end();
      }
    },
  );
});
