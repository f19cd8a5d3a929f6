import type { DomainProblem } from "../../config/errors.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { Analyzer, PLACEHOLDER } from "./analyzer.ts";
import { foldsToFunctionWord } from "./extract/choices.ts";
import { NEGATIONS, PACKS, STOP_WORDS } from "./language/words.ts";
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

/**
 * Trigger phrases with a negation the offline DU reads as a word of the flow ("no me viene bien
 * el día de la cita"): any message with a "no" then leans to that flow ("no sé dónde viene eso").
 * A negated phrase the packs read as an act ("no voy a poder ir": cancel) is no such word. `soni
 * validate` reports them as warnings.
 */
export function negatedTriggerPhrases(loaded: LoadedDomain): DomainProblem[] {
  const out: DomainProblem[] = [];
  const analyzer = new Analyzer(loaded.domain);
  for (const [flow, def] of Object.entries(loaded.domain.flows)) {
    (def.trigger?.intents ?? []).forEach((phrase, i) => {
      const negation = analyzer.terms(phrase).find((t) => !t.act && NEGATIONS.has(t.key));
      if (!negation) return;
      const at = loaded.locate(["flows", flow, "trigger", "intents", i]);
      out.push({
        file: at?.file ?? loaded.files[0] ?? "",
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        message: `flow '${flow}': trigger phrase "${phrase}" has the negation "${negation.key}", which the offline DU reads as a word of the flow, so other messages with it lean to this flow; say the request without it, by the act's own word ("move my booking", not "the date is no good")`,
        severity: "warning",
        code: "trigger-phrase-negation",
      });
    });
  }
  return out;
}

/**
 * Choice synonyms of one word that fold to a function word ("uñas" to the article "unas"): the
 * offline DU matches them only when typed with their accents, so "unas" without the ñ names no
 * choice. `soni validate` reports them as warnings.
 */
export function foldedSynonyms(loaded: LoadedDomain): DomainProblem[] {
  const out: DomainProblem[] = [];
  for (const [slot, def] of Object.entries(loaded.domain.slots)) {
    for (const [choice, phrases] of Object.entries(def.synonyms ?? {})) {
      phrases.forEach((phrase, i) => {
        const word = foldsToFunctionWord(phrase);
        if (word === null) return;
        const at = loaded.locate(["slots", slot, "synonyms", choice, i]);
        out.push({
          file: at?.file ?? loaded.files[0] ?? "",
          line: at?.line ?? 1,
          column: at?.column ?? 1,
          message: `slot '${slot}': synonym "${phrase}" of '${choice}' is the function word "${word}" without its accents, so the offline DU matches it only when typed with them; say it inside a longer phrase as well`,
          severity: "warning",
          code: "synonym-folds-to-function-word",
        });
      });
    }
  }
  return out;
}
