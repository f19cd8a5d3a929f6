import { createServer, Socket } from "node:net";

/** Connection URLs of the shared test services; override with TEST_POSTGRES_URL / TEST_REDIS_URL. */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface ServiceProbe {
  available: boolean;
  /** One line saying why tests are skipped, when not available. */
  reason: string;
}

/**
 * Whether a service answers on its TCP port. Tests use it with `describe.skipIf(!probe.available)`;
 * with CI=true an absent service throws instead, so CI can never pass by skipping.
 */
export async function probeService(name: string, url: string): Promise<ServiceProbe> {
  const { hostname, port } = new URL(url);
  const target = `${hostname}:${port}`;
  const reachable = await canConnect(hostname, Number(port), 1000);
  if (reachable) return { available: true, reason: "" };
  const reason = `${name} not reachable at ${target}; skipping its tests (set CI=true to fail instead)`;
  if (process.env.CI === "true")
    throw new Error(`${name} is required in CI but not reachable at ${target}`);
  console.warn(reason);
  return { available: false, reason };
}

function canConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** A TCP port nothing listens on right now (for a server the test starts itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not allocate a port"));
      });
    });
  });
}

/**
 * Removes what one test run wrote to the shared services: its Postgres schema and its Redis
 * keys. Each is skipped when its service was not available.
 */
export async function dropRunData(options: {
  postgres: ServiceProbe;
  redis: ServiceProbe;
  schema: string;
  keyPrefix: string;
}): Promise<void> {
  if (options.postgres.available) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
    await client.end();
  }
  if (options.redis.available) {
    const { Redis } = await import("ioredis");
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${options.keyPrefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  }
}
