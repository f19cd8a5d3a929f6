import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 in front of a service (Postgres in the outage drill). `cut()`
 * makes the service unreachable the way a crashed server or a restarted pod looks to a
 * client: open connections are reset and new ones are refused; `restore()` accepts again
 * on the same port.
 */
export interface TcpProxy {
  port: number;
  /** Connections accepted since start. */
  readonly accepted: number;
  readonly open: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | null = null;
  let port = 0;

  const onConnection = (client: Socket) => {
    accepted++;
    const upstream = createConnection({
      host: target.host,
      port: target.port,
      allowHalfOpen: true,
    });
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      // Half-open so a client's FIN travels upstream without cutting the answer short.
      const next = createServer({ allowHalfOpen: true }, onConnection);
      next.once("error", reject);
      next.listen(onPort, "127.0.0.1", () => {
        const address = next.address();
        port = typeof address === "object" && address ? address.port : onPort;
        server = next;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
      if (!current) return resolve();
      current.close(() => resolve());
    });

  await listen(0);
  return {
    get port() {
      return port;
    },
    get accepted() {
      return accepted;
    },
    get open() {
      return sockets.size;
    },
    cut: stopListening,
    async restore() {
      if (!server) await listen(port);
    },
    close: stopListening,
  };
}
