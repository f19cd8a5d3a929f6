const DEFAULTS = {
  postgres: { port: "5432", example: "postgres://user:password@host:5432/database" },
  redis: { port: "6379", example: "redis://[user:password@]host:6379[/db]" },
} as const;

/** host:port of a store's connection URL, for errors and logs: never the credentials. */
export function describeTarget(url: string, backend: keyof typeof DEFAULTS): string {
  const { port, example } = DEFAULTS[backend];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${backend} connection URL is not a valid URL; expected ${example}`);
  }
  return `${parsed.hostname || "localhost"}:${parsed.port || port}`;
}
