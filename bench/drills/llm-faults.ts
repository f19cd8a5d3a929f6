import { countOutcomes, startConversationLoad } from "../lib/conversation-load.ts";
import { ALL_FAULTS, startFakeLlm } from "../lib/fake-llm.ts";
import type { Section } from "../lib/report.ts";
import { spawnSoniServer } from "../lib/server-process.ts";
import { percentile, round } from "../lib/stats.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { createTempDomain } from "../lib/temp-domain.ts";

const CLIENTS = 20;
const LLM_TIMEOUT_MS = 400;
/** What the LLM DU logs (warn) when it gives a turn to the heuristic DU. */
const FALLBACK_LOG = /falling back to the heuristic/i;

/** JSON log lines whose message matches `pattern`. */
function countLogs(logs: readonly string[], pattern: RegExp): number {
  let count = 0;
  for (const line of logs) {
    try {
      const entry = JSON.parse(line) as { msg?: string };
      if (pattern.test(entry.msg ?? "")) count++;
    } catch {
      // not a JSON log line
    }
  }
  return count;
}

/**
 * Soni with du.mode llm against a local OpenAI-compatible endpoint that only misbehaves
 * (timeouts, 500s, 429s, garbage, invalid content, resets): every turn must still be
 * answered (by the heuristic fallback), none with a 5xx.
 */
export const llmFaultsDrill: Suite = {
  name: "llm-faults",
  title: "LLM faults: du.mode llm against a failing OpenAI-compatible endpoint",
  async run(context: SuiteContext): Promise<Section> {
    const llm = await startFakeLlm(ALL_FAULTS);
    const domain = createTempDomain({
      persistence: { backend: "memory" },
      du: {
        mode: "llm",
        base_url: llm.baseUrl,
        model: "drill-model",
        api_key_env: "SONI_DRILL_LLM_KEY",
        timeout_ms: LLM_TIMEOUT_MS,
        retries: 1,
      },
    });
    try {
      const server = await spawnSoniServer(domain.dir, {
        cwd: domain.workDir,
        env: { SONI_DRILL_LLM_KEY: "drill-key-not-secret" },
      });
      let result: Awaited<ReturnType<typeof startConversationLoad>["done"]>;
      try {
        result = await startConversationLoad({
          url: server.url,
          clients: CLIENTS,
          userPrefix: "llm-faults",
          maxRequests: context.quick ? 60 : 300,
          maxDurationMs: 120_000,
        }).done;
      } finally {
        await server.stop("SIGTERM", 30_000);
      }
      const records = result.records;
      const fiveHundreds = records.filter((r) => r.status !== null && r.status >= 500).length;
      const noAnswer = records.filter((r) => r.status === null).length;
      const latencies = records.map((r) => r.doneAt - r.sentAt);
      const fallbacks = countLogs(server.logs, FALLBACK_LOG);
      const processed = countLogs(server.logs, /^Turn processed$/);
      // The endpoint never answers well: any turn the LLM DU says it understood is suspect.
      const llmAnswered = countLogs(server.logs, /^LLM understanding$/);
      return {
        name: "llm-faults",
        title: this.title,
        metrics: [
          { name: "turns sent", value: records.length },
          { name: "turns answered 200", value: records.filter((r) => r.status === 200).length },
          { name: "5xx answers", value: fiveHundreds, target: "0", met: fiveHundreds === 0 },
          { name: "requests without an answer", value: noAnswer, target: "0", met: noAnswer === 0 },
          { name: "LLM calls received by the fake endpoint", value: llm.requests },
          { name: "turns processed (logged)", value: processed },
          { name: "turns answered by the heuristic fallback (logged)", value: fallbacks },
          {
            name: "turns the LLM DU took as understood by the model",
            value: llmAnswered,
            target: "0",
            met: llmAnswered === 0,
          },
          { name: "turn latency p50", value: round(percentile(latencies, 50), 1), unit: "ms" },
          { name: "turn latency p99", value: round(percentile(latencies, 99), 1), unit: "ms" },
        ],
        notes: [
          `faults served: ${JSON.stringify(llm.served)} (timeout_ms ${LLM_TIMEOUT_MS}, retries 1)`,
          `outcomes: ${JSON.stringify(countOutcomes(records))}`,
        ],
      };
    } finally {
      await llm.close();
      domain.remove();
    }
  },
};
