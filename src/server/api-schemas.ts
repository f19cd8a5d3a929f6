import { z } from "zod";

/**
 * Schemas shared by the routes' declarations (`schema` in each route's options), from which the
 * OpenAPI document is generated (openapi.ts). Registered ids become `components.schemas`.
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe("Machine-readable, e.g. invalid_request, not_configured"),
      message: z.string().describe("What is wrong and what to do"),
      details: z
        .array(z.string())
        .optional()
        .describe("One entry per problem (invalid_request, invalid_domain)"),
    }),
  })
  .meta({ id: "Error", description: "Every error answer: {error: {code, message, details?}}" });

/** What each error status means on this API; a route lists the ones it can answer. */
const ERROR_MEANINGS = {
  400: "Invalid request: the body, path or query is wrong (each field named in details)",
  401: "The API key (or admin/metrics token) is missing or wrong",
  403: "Forbidden by the server's settings",
  404: "Not found",
  409: "The conversation kept being changed by another instance; retry",
  413: "The body exceeds the size limit",
  415: "Unsupported content type",
  500: "A bug; the message carries the request id to find the logged stack",
  503: "Not configured, starting, shutting down, or the store is unreachable (Retry-After)",
} as const;

export type ErrorStatus = keyof typeof ERROR_MEANINGS;

interface ErrorResponse {
  description: string;
  content: { "application/json": { schema: typeof errorBodySchema } };
}

/** The error shape under each status's meaning, for a route's `schema.response`. */
export function errorResponses(
  ...statuses: ErrorStatus[]
): Partial<Record<ErrorStatus, ErrorResponse>> {
  const responses: Partial<Record<ErrorStatus, ErrorResponse>> = {};
  for (const status of statuses) {
    responses[status] = {
      description: ERROR_MEANINGS[status],
      content: { "application/json": { schema: errorBodySchema } },
    };
  }
  return responses;
}

/** Answers every API-key route can give whatever it does. */
export const API_ERRORS: ErrorStatus[] = [401, 500, 503];
