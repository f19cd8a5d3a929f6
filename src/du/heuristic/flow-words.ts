import { flowPhrases } from "../flow-phrases.ts";
import type { DomainModel } from "./domain-model.ts";
import { tokenize } from "./text.ts";

const cache = new WeakMap<DomainModel, Map<string, ReadonlySet<string>>>();

/**
 * The words a request for `flow` is made of, as typed: its trigger phrases and examples, its
 * name's words and the domain's vocabulary. Flow ranking matches stems and synonyms, so
 * "checking" ranks like "check"; a message that only resembles the flow's words that way
 * (an account called "checking" in a flow that checks balances) does not say its request.
 */
export function flowWords(model: DomainModel, flow: string): ReadonlySet<string> {
  let perFlow = cache.get(model);
  if (!perFlow) {
    perFlow = new Map();
    cache.set(model, perFlow);
  }
  let words = perFlow.get(flow);
  if (!words) {
    const domain = model.loaded.domain;
    const vocabulary = Object.entries(domain.vocabulary.synonyms).flatMap(([key, list]) => [
      key,
      ...list,
    ]);
    const phrases = [...flowPhrases(domain, flow), flow.replaceAll("_", " "), ...vocabulary];
    words = new Set(
      phrases.flatMap((p) => tokenize(p.replace(/\{[^}]*\}/g, " ")).map((t) => t.norm)),
    );
    perFlow.set(flow, words);
  }
  return words;
}

/** A word of the message is one of `flow`'s own words as typed (a plural "s" aside). */
export function saysFlowWord(model: DomainModel, flow: string, text: string): boolean {
  const words = flowWords(model, flow);
  return tokenize(text).some(
    (t) => words.has(t.norm) || (t.norm.endsWith("s") && words.has(t.norm.slice(0, -1))),
  );
}

/**
 * The message's task words are all acts of `flow` ("cancel it", "delete it" for a flow that
 * cancels a reservation): said with a yes about that flow, they repeat what it does.
 */
export function saysOwnAct(model: DomainModel, flow: string, flat: string): boolean {
  const acts = [...model.analyzer.features(flat).tasks.values()]
    .filter((t) => !t.weak)
    .map((t) => t.act);
  if (acts.length === 0) return false;
  const own = model.index.actsOf(flow);
  return acts.every((act) => own.has(act));
}
