import { createConnection, createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy } from "../../bench/lib/tcp-proxy.ts";

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.end(text));
    let data = "";
    socket.setEncoding("utf8").on("data", (d: string) => (data += d));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

describe("TCP proxy used by the store-outage drill", () => {
  let echo: Server;
  let echoPort = 0;
  beforeAll(async () => {
    echo = createServer((socket) => {
      socket.on("error", () => {});
      socket.pipe(socket);
    });
    await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
    echoPort = (echo.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => echo.close(() => r())));

  it("forwards, refuses while cut, and forwards again on the same port after restore", async () => {
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: echoPort });
    try {
      expect(await roundTrip(proxy.port, "hello")).toBe("hello");
      const port = proxy.port;
      await proxy.cut();
      await expect(roundTrip(port, "nobody home")).rejects.toMatchObject({ code: "ECONNREFUSED" });
      await proxy.restore();
      expect(proxy.port).toBe(port);
      expect(await roundTrip(port, "back")).toBe("back");
      expect(proxy.accepted).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  it("resets connections that are open when the outage starts", async () => {
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: echoPort });
    try {
      const socket = createConnection({ host: "127.0.0.1", port: proxy.port });
      await new Promise<void>((r) => socket.once("connect", () => r()));
      const closed = new Promise<string>((resolve) => {
        socket.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
        socket.once("close", () => resolve("closed"));
      });
      await new Promise((r) => setTimeout(r, 20));
      await proxy.cut();
      expect(["ECONNRESET", "closed"]).toContain(await closed);
    } finally {
      await proxy.close();
    }
  });
});
