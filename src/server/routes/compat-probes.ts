import type { FastifyInstance } from "fastify";
import { z } from "zod";
import "../route-config.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";

/**
 * The original Soni server's Kubernetes probes, with its bodies (docs/http-api.md,
 * "Compatibility routes"). GET /ready: readiness, 200 only while serving. GET /startup: 200 once
 * a runtime has started; it keeps answering 200 through shutdown (startup probes stop mattering
 * once they succeed), 503 while starting or unconfigured.
 */
const readySchema = z.object({
  ready: z.boolean(),
  message: z.string(),
  checks: z.object({
    runtime_exists: z.boolean(),
    components_initialized: z.boolean(),
    graph_ready: z.boolean(),
  }),
});

const startupSchema = z.object({
  started: z.boolean(),
  status: z.enum(["started", "starting"]),
  message: z.string().optional(),
});

export async function compatProbeRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  const probe = { access: "public", serveWhileDraining: true } as const;

  app.get(
    "/ready",
    {
      config: probe,
      schema: {
        summary: "Readiness in the original Soni server's shape (compatibility)",
        tags: ["compatibility"],
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const checks = {
        runtime_exists: holder.domain !== null,
        components_initialized: holder.initialized,
        graph_ready: holder.status === "healthy",
      };
      const failed = Object.entries(checks)
        .filter(([, ok]) => !ok)
        .map(([name]) => name);
      reply.code(failed.length === 0 ? 200 : 503);
      return {
        ready: failed.length === 0,
        message:
          failed.length === 0
            ? "Service is ready to accept traffic"
            : `Not ready: ${failed.join(", ")} (server ${holder.status})`,
        checks,
      };
    },
  );

  app.get(
    "/startup",
    {
      config: probe,
      schema: {
        summary: "Startup probe in the original Soni server's shape (compatibility)",
        tags: ["compatibility"],
        response: { 200: startupSchema, 503: startupSchema },
      },
    },
    async (_request, reply) => {
      const started = holder.initialized || holder.status === "shutting_down";
      reply.code(started ? 200 : 503);
      // Both spellings the original used over time: `started` and `status`.
      return started
        ? { started: true, status: "started" }
        : { started: false, status: "starting", message: "Still initializing" };
    },
  );
}
