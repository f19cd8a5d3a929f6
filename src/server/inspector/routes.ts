import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { flowToMermaid, stepNodeId } from "../../config/mermaid.ts";
import { API_ERRORS, errorResponses } from "../api-schemas.ts";
import "../route-config.ts";
import { ApiError, RuntimeUnavailableError } from "../errors.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";

/** Next to this module in src/ and in the built package alike. */
const ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));
const MERMAID_FILE = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

/**
 * Scripts only from this server (no CDN, no inline script); Mermaid writes inline styles into
 * the SVGs it draws, hence 'unsafe-inline' for styles alone.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface FlowDiagram {
  name: string;
  description: string | null;
  /** The flow as `soni graph --flow NAME` prints it. */
  mermaid: string;
  /** Step id → Mermaid node id, to mark the step a conversation is on. */
  nodes: Record<string, string>;
}

export function flowDiagrams(loaded: LoadedDomain): FlowDiagram[] {
  return [...loaded.graphs].map(([name, graph]) => ({
    name,
    description: loaded.domain.flows[name]?.description ?? null,
    mermaid: flowToMermaid(graph),
    nodes: Object.fromEntries(graph.order.map((step) => [step, stepNodeId(name, step)])),
  }));
}

/**
 * GET /inspector (the page, its files and the bundled Mermaid renderer, public: they hold no
 * data) and GET /inspector/graph (the serving domain's flows, behind the API key like the rest).
 * The page reads conversations through the public HTTP API.
 */
export async function inspectorRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  // Only files that were there at startup are served, so no request path reaches the disk.
  const assets = new Set(
    (await readdir(ASSETS_DIR)).filter((name) => path.extname(name) in CONTENT_TYPES),
  );
  const publicRoute = { config: { access: "public" as const } };
  const fileRoute = (summary: string, mediaType: string) => ({
    ...publicRoute,
    schema: {
      summary,
      tags: ["inspector"],
      response: { 200: { description: summary, content: { [mediaType]: { schema: z.string() } } } },
    },
  });

  const sendAsset = (name: string, reply: FastifyReply) => {
    reply
      .header("content-type", CONTENT_TYPES[path.extname(name)])
      .header("cache-control", "no-cache")
      .header("x-content-type-options", "nosniff");
    return reply.send(createReadStream(path.join(ASSETS_DIR, name)));
  };

  app.get("/inspector", fileRoute("The inspector page", "text/html"), async (_request, reply) => {
    reply
      .header("content-security-policy", CONTENT_SECURITY_POLICY)
      .header("referrer-policy", "no-referrer");
    return sendAsset("index.html", reply);
  });

  app.get(
    "/inspector/vendor/mermaid.min.js",
    fileRoute("The bundled Mermaid renderer", "text/javascript"),
    async (_request, reply) => {
      reply
        .header("content-type", CONTENT_TYPES[".js"])
        .header("cache-control", "public, max-age=3600")
        .header("x-content-type-options", "nosniff");
      return reply.send(createReadStream(MERMAID_FILE));
    },
  );

  app.get(
    "/inspector/graph",
    {
      schema: {
        summary: "The serving domain's flows as Mermaid, with each step's node id",
        tags: ["inspector"],
        response: {
          200: z.object({
            flows: z.array(
              z.object({
                name: z.string(),
                description: z.string().nullable(),
                mermaid: z.string(),
                nodes: z.record(z.string(), z.string()),
              }),
            ),
          }),
          ...errorResponses(...API_ERRORS),
        },
      },
    },
    async () => {
      const domain = holder.domain;
      if (!domain)
        throw new RuntimeUnavailableError(
          holder.status === "healthy" ? "unconfigured" : holder.status,
        );
      return { flows: flowDiagrams(domain) };
    },
  );

  app.get<{ Params: { file: string } }>(
    "/inspector/:file",
    {
      ...publicRoute,
      schema: {
        summary: "One of the inspector page's files (script, style sheet)",
        tags: ["inspector"],
        params: z.object({ file: z.string() }),
        response: {
          200: {
            description: "The file",
            content: {
              "text/javascript": { schema: z.string() },
              "text/css": { schema: z.string() },
            },
          },
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      if (file === "") return reply.redirect("/inspector");
      if (!assets.has(file) || file === "index.html") {
        throw new ApiError(404, "not_found", `The inspector has no file '${file}'`);
      }
      return sendAsset(file, reply);
    },
  );
}
