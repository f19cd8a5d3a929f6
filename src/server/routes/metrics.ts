import type { FastifyInstance } from "fastify";
import { z } from "zod";
import "../route-config.ts";
import { errorResponses } from "../api-schemas.ts";
import type { ServerMetrics } from "../metrics.ts";

/** GET /metrics: Prometheus exposition; its own optional token, served while draining. */
export async function metricsRoutes(app: FastifyInstance, options: { metrics: ServerMetrics }) {
  app.get(
    "/metrics",
    {
      config: { access: "metrics", serveWhileDraining: true },
      schema: {
        summary: "Prometheus metrics (text exposition format)",
        tags: ["operations"],
        response: {
          200: {
            description: "Metrics in the Prometheus text format (docs/observability.md)",
            content: { "text/plain": { schema: z.string() } },
          },
          ...errorResponses(401),
        },
      },
    },
    async (_request, reply) => {
      reply.type(options.metrics.contentType);
      return options.metrics.scrape();
    },
  );
}
