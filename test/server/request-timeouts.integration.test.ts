import { mkdtempSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useSpawnedServers } from "./helpers/spawned-server.ts";

const start = useSpawnedServers();

/** A domain with 1 s header and body timeouts and a shutdown timeout far above them. */
function timeoutsDomain(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "soni-timeouts-"));
  const file = path.join(dir, "soni.yaml");
  writeFileSync(
    file,
    `version: "1"
settings:
  du:
    mode: heuristic
  persistence:
    backend: memory
  server:
    headers_timeout_ms: 1000
    body_timeout_ms: 1000
    shutdown_timeout_ms: 20000
flows:
  greet:
    description: Say hello
    trigger:
      intents: [hello]
    steps:
      - step: hi
        type: say
        message: Hello
`,
  );
  return file;
}

/** A client that sends `head`, then one more byte every 100 ms; resolves what it received. */
function trickle(port: number, head: string, byte: string) {
  const socket: Socket = connect(port, "127.0.0.1");
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    received += chunk;
  });
  socket.on("error", () => undefined); // the server closes the socket after its 408
  socket.write(head);
  const timer = setInterval(() => {
    if (socket.writable) socket.write(byte);
  }, 100);
  const ended = new Promise<string>((resolve) => {
    socket.once("close", () => {
      clearInterval(timer);
      resolve(received);
    });
  });
  return { ended, stop: () => socket.destroy() };
}

const SLOW_BODY_HEAD =
  "POST /message HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{";

describe.sequential("request timeouts (spawned server)", () => {
  it("answers 408 to a body still arriving after body_timeout_ms, and to slow headers", async () => {
    const server = await start({ config: timeoutsDomain() });
    const body = trickle(server.port, SLOW_BODY_HEAD, " ");
    const headers = trickle(server.port, "POST /message HTTP/1.1\r\nHost: test\r\n", "X");
    const [bodyAnswer, headersAnswer] = await Promise.all([body.ended, headers.ended]);
    expect(bodyAnswer).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyAnswer).toContain('"code":"request_timeout"');
    expect(bodyAnswer.toLowerCase()).toContain("connection: close");
    expect(headersAnswer).toMatch(/^HTTP\/1\.1 408 /);
    // The server is unharmed.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 60_000);

  it("stays up when the body timer fires after the request was already refused", async () => {
    const server = await start({ config: timeoutsDomain() });
    // Over the body limit: refused with 413 before the body is read, while the client keeps sending.
    const client = trickle(
      server.port,
      "POST /message HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n{",
      " ",
    );
    expect(await client.ended).toMatch(/^HTTP\/1\.1 413 /);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past body_timeout_ms
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it("does not let a slow body hold the drain: SIGTERM still ends with exit code 0", async () => {
    const server = await start({ config: timeoutsDomain() });
    const client = trickle(server.port, SLOW_BODY_HEAD, " ");
    await server.waitForLog(
      (line) =>
        line.msg === "incoming request" && (line.req as { url?: string })?.url === "/message",
    );
    server.signal("SIGTERM");
    const answer = await client.ended;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    const exit = await server.exited;
    expect(exit.code, server.dump()).toBe(0);
    expect(server.messages().some((msg) => msg.includes("abandoned"))).toBe(false);
  }, 60_000);

  it("waits 5 s before draining by default with NODE_ENV=production", async () => {
    const server = await start({
      config: timeoutsDomain(),
      env: { NODE_ENV: "production" },
    });
    server.signal("SIGTERM");
    const delay = await server.waitForLog((line) => line.msg.startsWith("Pre-drain delay"));
    expect(delay.delay_ms).toBe(5_000);
    expect((await server.exited).code, server.dump()).toBe(0);
  }, 60_000);
});
