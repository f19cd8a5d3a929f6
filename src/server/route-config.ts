/**
 * Per-route switches read by the server's root hooks, set in each route's `config`:
 * `access` picks the credential a route needs (auth.ts: `metrics` = SONI_METRICS_TOKEN when set,
 * else open); `serveWhileDraining` keeps a route
 * answering after the HTTP drain began (the health probes).
 */
declare module "fastify" {
  interface FastifyContextConfig {
    access?: "public" | "api" | "admin" | "metrics";
    serveWhileDraining?: boolean;
  }
}

export {};
