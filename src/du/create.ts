import type { Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { HeuristicUnderstanding } from "./heuristic/heuristic-understanding.ts";
import { DU_MODEL_ENV, llmEndpoint } from "./llm/llm-endpoint.ts";
import { LlmUnderstanding } from "./llm/llm-understanding.ts";
import type { DialogueUnderstanding } from "./understanding.ts";

export interface CreateUnderstandingOptions {
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Clock for relative dates ("tomorrow"); tests pin it. */
  now?: () => Date;
}

export { DU_BASE_URL_ENV, DU_MODEL_ENV } from "./llm/llm-endpoint.ts";

/**
 * Picks the DU named by `settings.du.mode`: `heuristic`; `llm` (needs a model); `auto` = `llm`
 * when a model (`settings.du.model` or SONI_DU_MODEL) can be reached — its API key is set or a
 * base_url is given — else `heuristic`, with one log line saying why.
 * SONI_DU_BASE_URL overrides `settings.du.base_url`. The API key is read from the environment
 * variable named by `settings.du.api_key_env`, never from YAML.
 */
export function createUnderstanding(
  domain: LoadedDomain,
  options: CreateUnderstandingOptions,
): DialogueUnderstanding {
  const settings = domain.domain.settings.du;
  const env = options.env ?? process.env;
  const endpoint = llmEndpoint(settings, env);
  const { model, baseUrl, apiKey } = endpoint;
  const heuristic = new HeuristicUnderstanding(options.now ? { now: options.now } : {});
  const logger = options.logger;

  if (settings.mode === "llm" && !model) {
    throw new Error(
      `settings.du.mode is "llm" but no model is configured: set settings.du.model (or the ${DU_MODEL_ENV} environment variable), or use mode "auto" or "heuristic"`,
    );
  }
  if (settings.mode === "heuristic" || !model || (settings.mode === "auto" && !endpoint.usable)) {
    logger.info(
      {
        du: "heuristic",
        ...(settings.mode === "auto" && endpoint.reason ? { reason: endpoint.reason } : {}),
      },
      settings.mode === "auto" && model
        ? `Dialogue understanding: heuristic (offline): ${endpoint.reason}`
        : "Dialogue understanding: heuristic (offline)",
    );
    return heuristic;
  }
  logger.info(
    {
      du: "llm",
      model,
      base_url: baseUrl ?? "https://api.openai.com/v1",
      api_key_env: settings.api_key_env,
      api_key_set: Boolean(apiKey),
    },
    "Dialogue understanding: LLM with heuristic fallback",
  );
  return new LlmUnderstanding({
    model,
    ...(baseUrl ? { baseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    timeoutMs: settings.timeout_ms,
    retries: settings.retries,
    temperature: settings.temperature,
    logger,
    fallback: heuristic,
  });
}
