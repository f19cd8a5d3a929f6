import type { FastifyInstance } from "fastify";
import "../route-config.ts";
import type { VersionInfo } from "../version.ts";

export async function versionRoutes(app: FastifyInstance, options: { version: VersionInfo }) {
  app.get("/version", { config: { access: "public" } }, async () => options.version);
}
