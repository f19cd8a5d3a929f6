import { afterEach, describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { RuntimeLoop } from "../../src/runtime/runtime-loop.ts";
import { buildApp, type SoniApp } from "../../src/server/app.ts";
import { captureLog } from "./helpers/fake-runtime.ts";

const DOMAIN = `
version: "1"
settings:
  du:
    mode: heuristic
actions:
  explode:
    description: Fails
flows:
  work:
    description: Do the work
    trigger:
      intents:
        - run the slow job
        - start the slow job
    steps:
      - step: run
        type: action
        action: explode
      - step: done
        type: say
        message: Done
`;

const open: SoniApp[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((soni) => soni.app.close()));
});

async function app() {
  const domain = await loadDomainFromText(DOMAIN, "logs.yaml", process.cwd());
  const log = captureLog();
  const soni = buildApp({
    logger: log.logger,
    domain,
    configBaseDir: process.cwd(),
    access: {},
    createRuntime: (loaded, options) =>
      new RuntimeLoop(loaded, {
        logger: options.logger,
        defaultBackend: "memory",
        handlers: {
          actions: {
            explode: () => {
              throw new Error("explode-marker");
            },
          },
        },
      }),
  });
  open.push(soni);
  await soni.install(domain);
  return { app: soni.app, log };
}

const turn = (requestId: string, message = "hello") => ({
  method: "POST" as const,
  url: "/message",
  headers: { "content-type": "application/json", "x-request-id": requestId },
  payload: JSON.stringify({ user_id: "log-user", message }),
});

describe("log lines that connect a turn to its request", () => {
  it("carries the caller's well-formed x-request-id, the conversation and the turn", async () => {
    const { app: server, log } = await app();
    const reply = await server.inject(turn("client-req:7"));
    expect(reply.headers["x-request-id"]).toBe("client-req:7");
    const line = log.lines.find((entry) => entry.msg === "Turn processed");
    expect(line).toMatchObject({
      request_id: "client-req:7",
      conversation_id: "log-user",
      turn: 1,
    });
    // No tracing SDK registered: no trace id to carry.
    expect(line).not.toHaveProperty("trace_id");
  });

  it.each([
    ["spaces and quotes", 'a b"c'],
    ["too long", "x".repeat(129)],
  ])("replaces a malformed x-request-id (%s) with a generated one", async (_what, given) => {
    const { app: server, log } = await app();
    const reply = await server.inject(turn(given));
    const id = String(reply.headers["x-request-id"]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(log.lines.find((entry) => entry.msg === "Turn processed")?.request_id).toBe(id);
  });

  it("logs a handler's throw with its stack, in the turn's context", async () => {
    const { app: server, log } = await app();
    expect((await server.inject(turn("req-boom", "run the slow job"))).statusCode).toBe(200);
    const line = log.lines.find(
      (entry) => entry.msg === "Handler threw" && entry.handler === "actions.explode",
    );
    expect(line).toMatchObject({
      level: 50,
      handler: "actions.explode",
      request_id: "req-boom",
      conversation_id: "log-user",
    });
    expect((line!.err as { stack?: string }).stack).toMatch(/explode-marker\n\s+at /);
  });
});
