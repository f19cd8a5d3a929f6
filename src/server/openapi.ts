import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, FastifySchemaCompiler } from "fastify";
import { createJsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import "./route-config.ts";
import { invalidInput } from "./errors.ts";

/** Where the interactive page is served; its asset routes are the only ones not documented. */
export const DOCS_PREFIX = "/docs";

/**
 * Routes declare zod schemas (`schema.params`, `.body`, `.querystring`); a value that does not
 * match gets the API's 400 `invalid_request` naming each field, as the handlers' own checks did.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({
  schema,
  httpPart,
  method,
  url,
}) => {
  if (!(schema instanceof z.ZodType)) {
    throw new TypeError(
      `${method} ${url}: schema.${httpPart ?? "body"} must be a zod schema (see "Adding a route" in docs/http-api.md)`,
    );
  }
  const where =
    httpPart === "params" ? "path" : httpPart === "querystring" ? "query" : (httpPart ?? "body");
  const allowed = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  return (data: unknown) => {
    const parsed = schema.safeParse(data);
    return parsed.success
      ? { value: parsed.data }
      : { error: invalidInput(parsed.error, where, allowed) };
  };
};

/**
 * Response schemas document the answers; they are not checked on every request (a test checks
 * real answers against them), so replies are written as plain JSON, as before.
 */
export const jsonSerializerCompiler = () => (data: unknown) => JSON.stringify(data);

/** The credential each route `access` needs, as OpenAPI security requirements (auth.ts). */
const SECURITY = {
  public: [],
  api: [{ apiKey: [] }],
  admin: [{ adminToken: [] }],
  metrics: [{ metricsToken: [] }, {}],
} as const;

const zodTransform = createJsonSchemaTransform({ skipList: [] });

export interface OpenApiOptions {
  version: string;
  /** Serve GET /openapi.json and GET /docs (settings.server.api_docs). */
  enabled: boolean;
}

/**
 * Installs the zod compilers on the root and, when enabled, the OpenAPI 3.1 document generated
 * from every route's schema. Call before any route is registered: the generator sees only the
 * routes added after it.
 */
export function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): void {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  if (!options.enabled) return;
  app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Soni",
        version: options.version,
        description:
          "Task-oriented conversational assistant. Errors are `{error: {code, message, details?}}`; see docs/http-api.md.",
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "SONI_API_KEY, required when the server sets it",
          },
          adminToken: {
            type: "http",
            scheme: "bearer",
            description: "SONI_ADMIN_TOKEN, for POST /config",
          },
          metricsToken: {
            type: "http",
            scheme: "bearer",
            description: "SONI_METRICS_TOKEN, required by GET /metrics when the server sets it",
          },
        },
      },
    },
    transform: (document) => {
      const transformed = zodTransform(document);
      const access = document.route.config?.access ?? "api";
      const schema = transformed.schema as Record<string, unknown> | undefined;
      return { ...transformed, schema: { ...schema, security: SECURITY[access] } };
    },
    transformObject: jsonSchemaTransformObject,
  });
  app.register(async (docs) => {
    // The page and its assets are public, like the document they show.
    docs.addHook("onRoute", (route) => {
      route.config = { ...route.config, access: "public" };
    });
    await docs.register(fastifySwaggerUi, {
      routePrefix: DOCS_PREFIX,
      // No call to the public swagger.io validator: the page works offline and leaks nothing.
      uiConfig: { validatorUrl: null },
    });
  });
  app.register(async (routes) => {
    routes.get(
      "/openapi.json",
      {
        config: { access: "public" },
        schema: {
          summary: "This OpenAPI document",
          tags: ["meta"],
          response: { 200: z.record(z.string(), z.unknown()).describe("OpenAPI 3.1 document") },
        },
      },
      async () => app.swagger(),
    );
  });
}
