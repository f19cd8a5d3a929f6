import type { DomainProblem } from "../../config/errors.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { PLACEHOLDER } from "./analyzer.ts";
import { STOP_WORDS } from "./language/words.ts";
import { tokenize } from "./text.ts";

/**
 * Trigger phrases the offline DU gets no words from: besides their placeholders, only function
 * words ("what's on in {city}"), which it drops from phrases and messages alike. The flow is then
 * matched by the value alone, and a question around it reads as out of scope. `soni validate`
 * reports them as warnings.
 */
export function wordlessTriggerPhrases(loaded: LoadedDomain): DomainProblem[] {
  const out: DomainProblem[] = [];
  for (const [flow, def] of Object.entries(loaded.domain.flows)) {
    (def.trigger?.intents ?? []).forEach((phrase, i) => {
      const words = tokenize(phrase.replace(PLACEHOLDER, " "));
      if (words.some((t) => !STOP_WORDS.has(t.norm))) return;
      const at = loaded.locate(["flows", flow, "trigger", "intents", i]);
      out.push({
        file: at?.file ?? loaded.files[0] ?? "",
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        message: `flow '${flow}': trigger phrase "${phrase}" has only function words besides its placeholders, so the offline DU gets no words from it (they are dropped from messages too); add a word of the request ("what events are on in {city}")`,
        severity: "warning",
        code: "trigger-phrase-wordless",
      });
    });
  }
  return out;
}
