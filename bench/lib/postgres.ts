import pg from "pg";

/** The Postgres the drills use: SONI_BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else local. */
export const POSTGRES_URL =
  process.env.SONI_BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

/**
 * Null when Postgres answers; otherwise why the drill is skipped. With CI=true an absent
 * Postgres is an error, so CI cannot pass by skipping.
 */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const { hostname, port } = new URL(POSTGRES_URL);
    const reason = `PostgreSQL not reachable at ${hostname}:${port} (${(error as Error).message}); skipped`;
    if (process.env.CI === "true") throw new Error(reason.replace("; skipped", "; required in CI"));
    return reason;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema of its own for one drill, dropped with everything in it by `drop()`. */
export async function scratchSchema(
  name: string,
): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `soni_drill_${name}_${process.pid}_${Date.now().toString(36)}`.toLowerCase();
  const drop = async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  };
  return { schema, drop };
}

/** POSTGRES_URL with its host and port replaced (to go through the drill's TCP proxy). */
export function postgresUrlVia(port: number): string {
  const url = new URL(POSTGRES_URL);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}
