import type { Server } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

export interface ConnectionDrainOptions {
  /** How often, once draining, idle connections and the listener are checked. Default 25 ms. */
  sweepIntervalMs?: number;
  /**
   * Longest the listener stays open after the drain began while new connections keep arriving
   * (a load balancer still routing here). Default 1000 ms.
   */
  maxAcceptWindowMs?: number;
}

export interface DrainReport {
  /** Connections accepted after the drain began (each got its answer, a 503, then closed). */
  acceptedWhileDraining: number;
  /** Idle keep-alive connections closed by the drain. */
  idleClosed: number;
}

interface Tracked {
  /** Requests of this connection being served now. */
  busy: number;
  /** `socket.bytesRead` at the previous sweep: unchanged means nothing arrived in between. */
  bytesRead: number;
  /** Consecutive sweeps that found the connection idle with nothing read. */
  quietSweeps: number;
}

/** Sweeps a connection must stay idle, reading nothing, before the drain closes it. */
const QUIET_SWEEPS = 2;

/**
 * Closes an HTTP server without resetting a request the server could still answer.
 *
 * Closing the listener at once resets connections still in the kernel's accept queue, and
 * closing "idle" keep-alive sockets (what `server.close()` does) resets those whose request
 * bytes have arrived but were not read yet by a busy event loop: the client gets ECONNRESET for
 * a request it sent before the shutdown. So, once draining:
 * - the listener stays open until a sweep finds that no connection arrived since the previous
 *   one (the accept queue is empty), at most `maxAcceptWindowMs`; connections accepted meanwhile
 *   are served like the others (the request tracker answers 503 + `Connection: close`);
 * - a connection is closed only when it has no request in progress and read no byte during two
 *   sweeps (each sweep interval includes a poll phase of the event loop, which reads whatever
 *   the kernel holds);
 * - connections with requests in progress close themselves after their response
 *   (`Connection: close`).
 * `drain()` resolves once the listener is closed and every connection is gone.
 */
export class ConnectionDrain {
  readonly #sockets = new Map<Socket, Tracked>();
  readonly #sweepIntervalMs: number;
  readonly #maxAcceptWindowMs: number;
  #accepted = 0;
  #draining: Promise<DrainReport> | null = null;
  #finish: (() => void) | null = null;

  constructor(options: ConnectionDrainOptions = {}) {
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 25;
    this.#maxAcceptWindowMs = options.maxAcceptWindowMs ?? 1000;
  }

  /** Open connections. */
  get size(): number {
    return this.#sockets.size;
  }

  /** Tracks the server's connections and requests; call before it listens. */
  attach(server: Server): void {
    server.on("connection", (socket: Socket) => {
      this.#accepted++;
      this.#sockets.set(socket, { busy: 0, bytesRead: socket.bytesRead, quietSweeps: 0 });
      socket.once("close", () => {
        this.#sockets.delete(socket);
        this.#finish?.();
      });
    });
    server.on("request", (request, response) => {
      const tracked = this.#sockets.get(request.socket);
      if (!tracked) return;
      tracked.busy++;
      response.once("close", () => {
        tracked.busy--;
      });
    });
  }

  /** Starts the drain (once); resolves when the listener is closed and no connection is left. */
  drain(server: Server): Promise<DrainReport> {
    this.#draining ??= new Promise<DrainReport>((resolve) => {
      const started = performance.now();
      const acceptedBefore = this.#accepted;
      let seenAccepted = this.#accepted;
      let idleClosed = 0;
      for (const [socket, tracked] of this.#sockets) {
        tracked.bytesRead = socket.bytesRead;
        tracked.quietSweeps = 0;
      }
      const done = () => {
        if (server.listening || this.#sockets.size > 0) return;
        clearInterval(timer);
        this.#finish = null;
        resolve({ acceptedWhileDraining: this.#accepted - acceptedBefore, idleClosed });
      };
      const sweep = () => {
        if (server.listening) {
          // The interval since the previous check held a poll phase, which accepts whatever the
          // kernel queued: no new connection means the accept queue is empty.
          const quiet = this.#accepted === seenAccepted;
          seenAccepted = this.#accepted;
          if (quiet || performance.now() - started >= this.#maxAcceptWindowMs) {
            // net's close only: http's close() would also close "idle" connections at once,
            // including those whose request is still unread in the kernel.
            NetServer.prototype.close.call(server);
          }
        }
        for (const [socket, tracked] of this.#sockets) {
          const read = socket.bytesRead;
          if (tracked.busy > 0 || read !== tracked.bytesRead) {
            tracked.quietSweeps = 0;
            tracked.bytesRead = read;
            continue;
          }
          tracked.quietSweeps++;
          if (tracked.quietSweeps >= QUIET_SWEEPS) {
            idleClosed++;
            socket.destroy();
          }
        }
        done();
      };
      const timer = setInterval(sweep, this.#sweepIntervalMs);
      this.#finish = done;
      done();
    });
    return this.#draining;
  }

  /** The drain's time is up: stop listening and destroy every connection now. */
  closeAll(server: Server): void {
    if (server.listening) NetServer.prototype.close.call(server);
    for (const socket of this.#sockets.keys()) socket.destroy();
  }
}
