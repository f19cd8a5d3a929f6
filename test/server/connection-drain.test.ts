import { createServer, type Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionDrain } from "../../src/server/connection-drain.ts";

const REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

/** A server answering 200 (keep-alive) until draining, then 503 + Connection: close. */
async function startServer(options: ConstructorParameters<typeof ConnectionDrain>[0] = {}) {
  const state = { draining: false };
  const server = createServer((_request, response) => {
    if (state.draining) response.setHeader("connection", "close");
    response.writeHead(state.draining ? 503 : 200, { "content-length": "2" });
    response.end("ok");
  });
  const drain = new ConnectionDrain(options);
  drain.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { server, drain, state, port: (server.address() as AddressInfo).port };
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

interface RawClient {
  socket: Socket;
  /** Every byte received. */
  received: string;
  /** The socket error's code, if it ended with one. */
  error: string | null;
  ended: Promise<void>;
}

function rawClient(port: number): RawClient {
  const socket = connect(port, "127.0.0.1");
  socket.setEncoding("utf8");
  const client: RawClient = {
    socket,
    received: "",
    error: null,
    ended: new Promise<void>((resolve) => socket.on("close", () => resolve())),
  };
  socket.on("data", (chunk: string) => {
    client.received += chunk;
  });
  socket.on("error", (error: NodeJS.ErrnoException) => {
    client.error = error.code ?? error.message;
  });
  return client;
}

const responses = (text: string) => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("ConnectionDrain", () => {
  it("answers requests still unread or still in the accept queue when the drain begins", async () => {
    const { server, drain, state, port } = await startServer();
    // Keep-alive connections that finished one exchange: idle, as far as the server knows.
    const idle = Array.from({ length: 10 }, () => rawClient(port));
    for (const c of idle) c.socket.write(REQUEST);
    await until(() => idle.every((c) => c.received.endsWith("ok")));

    // In one tick, so the server's event loop cannot read or accept anything before the drain:
    // requests land in the kernel buffers of idle connections, and new connections in the
    // listener's accept queue.
    for (const c of idle) c.socket.write(REQUEST);
    const queued = Array.from({ length: 10 }, () => {
      const c = rawClient(port);
      c.socket.write(REQUEST);
      return c;
    });
    state.draining = true;
    const report = drain.drain(server);

    await Promise.all([...idle, ...queued].map((c) => c.ended));
    for (const c of idle) {
      expect(c.error).toBeNull();
      expect(responses(c.received)).toEqual(["HTTP/1.1 200", "HTTP/1.1 503"]);
    }
    for (const c of queued) {
      expect(c.error).toBeNull();
      expect(responses(c.received)).toEqual(["HTTP/1.1 503"]);
    }
    const { acceptedWhileDraining } = await report;
    expect(acceptedWhileDraining).toBe(10);
    expect(server.listening).toBe(false);
    expect(drain.size).toBe(0);
  });

  it("closes idle keep-alive connections soon after the drain begins, then resolves", async () => {
    const { server, drain, port } = await startServer();
    const idle = Array.from({ length: 5 }, () => rawClient(port));
    for (const c of idle) c.socket.write(REQUEST);
    await until(() => idle.every((c) => c.received.endsWith("ok")));

    const started = performance.now();
    const report = await drain.drain(server);
    expect(performance.now() - started).toBeLessThan(500);
    expect(report).toEqual({ acceptedWhileDraining: 0, idleClosed: 5 });
    await Promise.all(idle.map((c) => c.ended));
    expect(idle.every((c) => c.error === null)).toBe(true);
  });

  it("stops listening after the accept window while connections keep arriving", async () => {
    const { server, drain, state, port } = await startServer({ maxAcceptWindowMs: 150 });
    state.draining = true;
    const report = drain.drain(server);
    const clients: RawClient[] = [];
    while (server.listening) {
      const c = rawClient(port);
      c.socket.write(REQUEST);
      clients.push(c);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await report;
    await Promise.all(clients.map((c) => c.ended));
    const answered = clients.filter((c) => responses(c.received).length === 1);
    // Every connection the server accepted was answered; later ones found the port closed.
    expect(answered.length).toBeGreaterThan(0);
    for (const c of clients.filter((c) => !answered.includes(c))) {
      expect(c.error).toMatch(/ECONNREFUSED|ECONNRESET/);
    }
  });

  it("closeAll ends a drain that waits on a request that never finishes", async () => {
    const server = createServer(() => {
      // Never answers.
    });
    servers.push(server);
    const drain = new ConnectionDrain();
    drain.attach(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const c = rawClient((server.address() as AddressInfo).port);
    c.socket.write(REQUEST);
    await until(() => drain.size === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const report = drain.drain(server);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drain.size).toBe(1); // busy: the drain waits for it
    drain.closeAll(server);
    await report;
    await c.ended;
    expect(server.listening).toBe(false);
  });
});
