import OpenAI from "openai";
import { Agent, fetch as undiciFetch } from "undici";
import type { Settings } from "../../config/schema.ts";

/** Environment variables that override `settings.du` (so one domain runs with or without a model). */
export const DU_MODEL_ENV = "SONI_DU_MODEL";
export const DU_BASE_URL_ENV = "SONI_DU_BASE_URL";

/** The OpenAI-compatible endpoint a domain configures, and whether `auto` should use it. */
export interface LlmEndpoint {
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  apiKeyEnv: string;
  /** `auto` uses the model only when it can be reached: a model, and a key or a base_url. */
  usable: boolean;
  /** Why it is not usable, for the one log line saying so. */
  reason?: string;
}

/**
 * Reads `settings.du` plus SONI_DU_MODEL / SONI_DU_BASE_URL and the API key from the variable
 * named by `api_key_env`. A model name alone (no key, no base_url) is not usable: every call
 * would wait for a failing request.
 */
export function llmEndpoint(settings: Settings["du"], env: NodeJS.ProcessEnv): LlmEndpoint {
  const model = env[DU_MODEL_ENV]?.trim() || settings.model;
  const baseUrl = env[DU_BASE_URL_ENV]?.trim() || settings.base_url;
  const apiKey = env[settings.api_key_env] || undefined;
  const endpoint: LlmEndpoint = {
    model,
    baseUrl,
    apiKey,
    apiKeyEnv: settings.api_key_env,
    usable: Boolean(model && (apiKey || baseUrl)),
  };
  if (!model) endpoint.reason = "no model is configured";
  else if (!endpoint.usable) {
    endpoint.reason = `model '${model}' is configured but neither ${settings.api_key_env} nor settings.du.base_url is set`;
  }
  return endpoint;
}

export interface OpenAiClient {
  client: OpenAI;
  /** Holds the client's sockets; destroy() closes them all. */
  agent: Agent;
}

/**
 * One OpenAI-compatible client (understanding and rephrasing share this construction):
 * no retries of its own, a backstop timeout, and undici's fetch on an Agent the caller closes.
 */
export function createOpenAiClient(options: {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  timeoutMs: number;
}): OpenAiClient {
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const client = new OpenAI({
    // Local servers (Ollama, vLLM, LM Studio) need no key, but the client insists on one.
    apiKey: options.apiKey || "no-key",
    baseURL: options.baseUrl,
    maxRetries: 0,
    // The caller's own per-attempt timer aborts first; this is only a backstop.
    timeout: options.timeoutMs + 1_000,
    fetch: ((input: string | URL | Request, init?: RequestInit) =>
      undiciFetch(input as Parameters<typeof undiciFetch>[0], {
        ...(init as Parameters<typeof undiciFetch>[1]),
        dispatcher: agent,
      })) as unknown as typeof fetch,
  });
  return { client, agent };
}
