import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { afterEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/persistence/errors.ts";
import { buildApp, type SoniApp } from "../../src/server/app.ts";
import { captureLog, FakeRuntime, minimalDomain } from "./helpers/fake-runtime.ts";
import { orderOf, SERVER_FIXTURES, useSpawnedServers } from "./helpers/spawned-server.ts";

const BANKING = path.join(import.meta.dirname, "../../examples/banking");
const SLOW = path.join(SERVER_FIXTURES, "slow.yaml");

interface Streamed {
  status: number;
  headers: Headers;
  events: EventSourceMessage[];
}

/** POST /message as Server-Sent Events, read with a real SSE parser until the stream ends. */
async function streamMessage(baseUrl: string, userId: string, message: string): Promise<Streamed> {
  const response = await fetch(`${baseUrl}/message`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ user_id: userId, message }),
  });
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    parser.feed(decoder.decode(chunk, { stream: true }));
  }
  return { status: response.status, headers: response.headers, events };
}

const open: SoniApp[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((soni) => soni.app.close()));
});

async function listening(runtime: FakeRuntime, install = true) {
  const domain = await minimalDomain();
  const soni = buildApp({
    logger: captureLog().logger,
    createRuntime: () => runtime,
    domain,
    configBaseDir: process.cwd(),
    access: {},
  });
  open.push(soni);
  if (install) await soni.install(domain);
  await soni.app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(soni.app.server.address() as AddressInfo).port}`;
}

describe("POST /message with Accept: text/event-stream", () => {
  it("sends one message event per bot message, then done with the plain answer", async () => {
    const runtime = new FakeRuntime();
    runtime.processMessage = async () => ({
      response: "first\nsecond",
      messages: ["first", "second"],
      flowState: "waiting_input",
      activeFlow: "greet",
      turnCount: 3,
      commands: [],
    });
    const url = await listening(runtime);
    const { status, headers, events } = await streamMessage(url, "sse-1", "hello");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("text/event-stream");
    expect(headers.get("x-request-id")).toBeTruthy();
    expect(events.map((event) => event.event)).toEqual(["message", "message", "done"]);
    expect(events.slice(0, 2).map((event) => JSON.parse(event.data))).toEqual([
      { text: "first" },
      { text: "second" },
    ]);
    const plain = await fetch(`${url}/message`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user_id: "sse-1", message: "hello" }),
    });
    expect(JSON.parse(events[2]!.data)).toEqual(await plain.json());
  });

  it("ends with an error event in the API's error shape when the turn fails", async () => {
    const runtime = new FakeRuntime();
    runtime.failWith = new StoreUnavailableError("redis", "127.0.0.1:1", {
      cause: new Error("ECONNREFUSED"),
    });
    const url = await listening(runtime);
    const { status, events } = await streamMessage(url, "sse-2", "hello");
    expect(status).toBe(200);
    expect(events.map((event) => event.event)).toEqual(["error"]);
    const body = JSON.parse(events[0]!.data) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("store_unavailable");
    expect(body.error.message).toContain("redis store at 127.0.0.1:1 is unavailable");
  });

  it("answers a plain 503 when no runtime can take the turn", async () => {
    const url = await listening(new FakeRuntime(), false);
    const response = await fetch(`${url}/message`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ user_id: "sse-3", message: "hello" }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "not_configured",
    );
  });

  it("refuses a bad body with the usual 400 before any stream opens", async () => {
    const url = await listening(new FakeRuntime());
    const response = await fetch(`${url}/message`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ user_id: "sse-4" }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "message: is required",
    );
  });
});

describe.sequential("SSE against a spawned soni server", () => {
  const start = useSpawnedServers();

  it("streams the banking IBAN question and ends with done (SSE client and curl)", async () => {
    const server = await start({ config: BANKING });
    const { events } = await streamMessage(server.url, "maria-sender", "send 50 euros to Maria");
    expect(events.at(-1)?.event).toBe("done");
    const texts = events
      .filter((event) => event.event === "message")
      .map((event) => (JSON.parse(event.data) as { text: string }).text);
    expect(texts.join("\n")).toMatch(/IBAN/);
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({
      flow_state: "waiting_input",
      turn_count: 1,
    });

    const curl = spawn("curl", [
      "-sN",
      `${server.url}/message`,
      "-H",
      "content-type: application/json",
      "-H",
      "accept: text/event-stream",
      "-d",
      JSON.stringify({ user_id: "maria-curl", message: "send 50 euros to Maria" }),
    ]);
    let output = "";
    curl.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => curl.once("close", resolve));
    expect(code).toBe(0);
    expect(output).toMatch(/^event: message\ndata: \{"text":"[^"]*IBAN/m);
    expect(output).toMatch(/event: done\ndata: \{"response":.*\}\n\n$/);
  });

  it("drains an open stream on SIGTERM: the turn finishes, done is sent, exit 0", async () => {
    const server = await start({ config: SLOW, env: { SLOW_ACTION_MS: "1500" } });
    const streamed = streamMessage(server.url, "slow-sse", "run the slow job");
    await server.waitForLog(
      (line) =>
        line.msg === "incoming request" &&
        (line.req as { url?: string } | undefined)?.url === "/message",
    );
    server.signal("SIGTERM");
    const { status, events } = await streamed;
    expect(status).toBe(200);
    expect(events.map((event) => event.event)).toEqual(["message", "done"]);
    expect(JSON.parse(events[0]!.data)).toEqual({ text: "Work done: ok" });
    const { code } = await server.exited;
    expect(code, server.dump()).toBe(0);
    const lines = [
      "Soni server shutting down...",
      "HTTP drain completed",
      "RuntimeLoop cleanup completed",
      "Soni server shutdown completed",
    ];
    expect(orderOf(server.messages(), lines)).toEqual(lines);
  });
});
