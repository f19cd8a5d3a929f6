import type { FastifyInstance } from "fastify";
import { z } from "zod";
import "../route-config.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";

export interface HealthRouteOptions {
  holder: RuntimeHolder;
  version: string;
}

const readinessSchema = z.object({
  status: z.enum(["unconfigured", "starting", "healthy", "shutting_down"]),
  version: z.string(),
  initialized: z.boolean(),
});

/** Readiness (/health: routable or not) and liveness (/health/live: the process serves). */
export async function healthRoutes(app: FastifyInstance, options: HealthRouteOptions) {
  const { holder } = options;
  const probe = { access: "public", serveWhileDraining: true } as const;

  app.get(
    "/health",
    {
      config: probe,
      schema: {
        summary: "Readiness probe: 200 when healthy, else 503",
        tags: ["operations"],
        response: {
          200: readinessSchema.describe("Ready to take requests"),
          503: readinessSchema.describe("Unconfigured, starting or shutting down"),
        },
      },
    },
    async (_request, reply) => {
      const status = holder.status;
      reply.code(status === "healthy" ? 200 : 503);
      return { status, version: options.version, initialized: holder.initialized };
    },
  );

  app.get(
    "/health/live",
    {
      config: probe,
      schema: {
        summary: "Liveness probe: 200 while the process serves, shutdown included",
        tags: ["operations"],
        response: { 200: z.object({ status: z.literal("alive") }) },
      },
    },
    async () => ({ status: "alive" }),
  );
}
