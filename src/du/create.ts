import type { Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import type { DialogueUnderstanding } from "./understanding.ts";

export interface CreateUnderstandingOptions {
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

/**
 * Picks the DU named by `settings.du` (PLACEHOLDER until the DU lands: understands nothing,
 * so every message is treated as out of scope).
 */
export function createUnderstanding(
  _domain: LoadedDomain,
  _options: CreateUnderstandingOptions,
): DialogueUnderstanding {
  return {
    async understand() {
      return { commands: [], source: "heuristic", latency_ms: 0 };
    },
  };
}
