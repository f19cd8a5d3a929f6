import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { StoreUnavailableError } from "../../persistence/errors.ts";
import "../route-config.ts";
import { errorResponses } from "../api-schemas.ts";
import { ApiError, RuntimeUnavailableError, toApiError } from "../errors.ts";
import { adoptPostedDomain, type ServerOwnedSettings } from "../posted-domain.ts";
import type { PostedDomainParser } from "../posted-domain-parser.ts";
import { withoutServerPaths } from "../public-paths.ts";

/** A domain is bigger than a message; this bound still keeps a hostile body cheap to refuse. */
export const CONFIG_BODY_LIMIT_BYTES = 1024 * 1024;

const YAML_TYPES = ["text/yaml", "application/yaml", "application/x-yaml", "text/x-yaml"];

const configAnswerSchema = z.object({
  success: z.boolean(),
  message: z.string(),
  flows: z.array(z.string()).describe("The new domain's flows"),
});

export interface ConfigRouteOptions {
  /** Validates posted domains off the event loop. */
  parser: PostedDomainParser;
  /** What a posted domain cannot change: the server's handlers, store and model endpoint. */
  owned: ServerOwnedSettings;
  /** Initializes a runtime for `domain` and swaps it in; rejects leaving the current one serving. */
  install(domain: LoadedDomain): Promise<void>;
}

/** POST /config: replace the running domain with one sent in the body (YAML or JSON). */
export async function configRoutes(app: FastifyInstance, options: ConfigRouteOptions) {
  const { parser, owned } = options;
  // The raw text is kept for every accepted type so problems point at lines of the body as sent.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    ["application/json", ...YAML_TYPES],
    { parseAs: "string" },
    (_request, body, done) => done(null, body),
  );

  // One swap at a time, in arrival order: a later POST never loses to an earlier slower one.
  let swapping: Promise<unknown> = Promise.resolve();

  app.post(
    "/config",
    {
      config: { access: "admin" },
      bodyLimit: CONFIG_BODY_LIMIT_BYTES,
      schema: {
        summary: "Replace the running domain (validated, then swapped in atomically)",
        tags: ["operations"],
        consumes: ["application/json", ...YAML_TYPES],
        // Always a string here (the parser keeps the raw text); problems are reported by line.
        body: z.string().optional().describe("The domain itself, as YAML or JSON text"),
        response: {
          200: configAnswerSchema,
          ...errorResponses(400, 401, 403, 413, 415, 500, 503),
        },
      },
    },
    async (request) => {
      const contentType = String(request.headers["content-type"] ?? "");
      const format = contentType.toLowerCase().startsWith("application/json") ? "json" : "yaml";
      const text = typeof request.body === "string" ? request.body : "";
      const outcome = await parser.parse({
        text,
        format,
        owned: { persistence: owned.persistence, du: owned.du },
      });
      if (!outcome.ok) {
        throw new ApiError(
          outcome.status,
          outcome.code,
          outcome.message,
          outcome.details ? { details: outcome.details } : {},
        );
      }
      const domain = adoptPostedDomain(outcome, owned);
      const swap = swapping.then(() => options.install(domain));
      swapping = swap.catch(() => undefined);
      try {
        await swap;
      } catch (error) {
        request.log.warn({ err: error }, "The posted domain's runtime failed to start");
        const known =
          error instanceof RuntimeUnavailableError ||
          error instanceof ApiError ||
          error instanceof StoreUnavailableError
            ? toApiError(error)
            : null;
        const answer =
          known ??
          new ApiError(
            400,
            "runtime_init_failed",
            `The domain is valid but its runtime failed to start: ${error instanceof Error ? error.message : String(error)}; the previous domain keeps serving`,
          );
        throw new ApiError(
          answer.statusCode,
          answer.code,
          withoutServerPaths(answer.message, owned.baseDir),
          answer.options,
        );
      }
      const flows = Object.keys(domain.domain.flows);
      request.log.info({ flows: flows.length }, "Domain replaced through POST /config");
      return {
        success: true,
        message: `Domain loaded (${flows.length} flow(s)); new requests use it`,
        flows,
      };
    },
  );
}
