import type { FastifyInstance } from "fastify";
import { z } from "zod";
import "../route-config.ts";
import type { VersionInfo } from "../version.ts";

const versionSchema = z.object({
  version: z.string(),
  major: z.number().int(),
  minor: z.number().int(),
  patch: z.number().int(),
});

export async function versionRoutes(app: FastifyInstance, options: { version: VersionInfo }) {
  app.get(
    "/version",
    {
      config: { access: "public" },
      schema: {
        summary: "The server's version",
        tags: ["operations"],
        response: { 200: versionSchema },
      },
    },
    async () => options.version,
  );
}
