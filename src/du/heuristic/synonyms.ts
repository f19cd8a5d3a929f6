import type { Domain } from "../../config/schema.ts";
import { PACKS } from "./language/words.ts";
import { stem, words } from "./text.ts";

/**
 * Synonym table: maps words and phrases to one canonical key so "wire", "send" and "transfer"
 * (or "current account" and "checking") count as the same term when flows are ranked. The
 * language packs give a few generic groups (greetings, "last"/"previous"); the domain gives the
 * rest: `vocabulary.synonyms`, and its slot choices with their `synonyms`. A domain group wins
 * over a built-in one for the same word; `vocabulary.drop` removes built-in groups.
 */
function groups(domain: Domain): Array<[string, string[]]> {
  const dropped = new Set(domain.vocabulary.drop);
  const own = Object.entries(domain.vocabulary.synonyms);
  const builtIn = PACKS.flatMap((p) => Object.entries(p.synonyms)).filter(
    ([key]) => !dropped.has(key) && !Object.hasOwn(domain.vocabulary.synonyms, key),
  );
  return [...own, ...builtIn];
}

export interface SynonymTable {
  /** stem -> canonical key */
  single: Map<string, string>;
  /** Multi-word phrases as sequences of single-word keys, longest first. */
  phrases: Array<{ keys: string[]; key: string }>;
}

/** Stem sequence of a phrase, as the matcher will see it. */
function phraseStems(phrase: string): string[] {
  return words(phrase).map(stem);
}

export function buildSynonyms(domain: Domain): SynonymTable {
  const table: SynonymTable = { single: new Map(), phrases: [] };
  const phrases: Array<{ stems: string[]; key: string }> = [];
  const add = (phrase: string, key: string) => {
    const stems = phraseStems(phrase);
    if (stems.length === 0) return;
    if (stems.length === 1) {
      // First definition wins: the domain's groups come before the built-in ones.
      if (!table.single.has(stems[0]!)) table.single.set(stems[0]!, key);
    } else phrases.push({ stems, key });
  };
  for (const [group, list] of groups(domain)) {
    // A built-in group one of whose words the domain already gave a group of its own joins
    // that group: "prices" said as the domain's "cost", "expensive" with it.
    const taken = Object.hasOwn(domain.vocabulary.synonyms, group)
      ? undefined
      : list.map((p) => phraseStems(p)).find((st) => st.length === 1 && table.single.has(st[0]!));
    const key = taken ? table.single.get(taken[0]!)! : group;
    for (const phrase of list) add(phrase, key);
  }
  for (const slot of Object.values(domain.slots)) {
    for (const [choice, list] of Object.entries(slot.synonyms ?? {})) {
      const key = phraseStems(choice).join("_");
      for (const phrase of list) add(phrase, key);
    }
  }
  // Phrases are matched on keys, so "how much cash" matches "how much money".
  table.phrases = phrases
    .map((p) => ({ keys: p.stems.map((s) => table.single.get(s) ?? s), key: p.key }))
    .sort((a, b) => b.keys.length - a.keys.length);
  return table;
}

/** Every surface word the synonym table knows (typo correction targets). */
export function synonymWords(domain: Domain): string[] {
  const out: string[] = [];
  for (const [, list] of groups(domain)) for (const p of list) out.push(...words(p));
  for (const slot of Object.values(domain.slots)) {
    for (const [choice, list] of Object.entries(slot.synonyms ?? {})) {
      out.push(...words(choice));
      for (const p of list) out.push(...words(p));
    }
  }
  return out;
}
