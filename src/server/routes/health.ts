import type { FastifyInstance } from "fastify";
import "../route-config.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";

export interface HealthRouteOptions {
  holder: RuntimeHolder;
  version: string;
}

/** Readiness (/health: routable or not) and liveness (/health/live: the process serves). */
export async function healthRoutes(app: FastifyInstance, options: HealthRouteOptions) {
  const { holder } = options;
  const probe = { access: "public", serveWhileDraining: true } as const;

  app.get("/health", { config: probe }, async (_request, reply) => {
    const status = holder.status;
    reply.code(status === "healthy" ? 200 : 503);
    return { status, version: options.version, initialized: holder.initialized };
  });

  app.get("/health/live", { config: probe }, async () => ({ status: "alive" }));
}
