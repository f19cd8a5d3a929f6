import type { DomainProblem } from "../../config/errors.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { PLACEHOLDER } from "./analyzer.ts";
import { PACKS, STOP_WORDS } from "./language/words.ts";
import { flat, tokenize } from "./text.ts";

/** A request word of a language pack ("want", "would", "can"). */
const ASKS = new RegExp(PACKS.map((p) => `(?:${p.asks})`).join("|"), "i");

/**
 * Trigger phrases the offline DU gets no words from: besides their placeholders, only function
 * words ("what's on in {city}"), which it drops from phrases and messages alike. The flow is then
 * matched by the value alone, and a question around it reads as out of scope. A phrase with a
 * request word ("I would like a {drink}") still reads as a request around the value. `soni
 * validate` reports the others as warnings.
 */
export function wordlessTriggerPhrases(loaded: LoadedDomain): DomainProblem[] {
  const out: DomainProblem[] = [];
  for (const [flow, def] of Object.entries(loaded.domain.flows)) {
    (def.trigger?.intents ?? []).forEach((phrase, i) => {
      const words = tokenize(phrase.replace(PLACEHOLDER, " "));
      if (words.some((t) => !STOP_WORDS.has(t.norm)) || ASKS.test(flat(phrase))) return;
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
