import { ARTICLES } from "../language/words.ts";
import { fold } from "../text.ts";

/**
 * The answer to an open question without its conversational wrapping:
 * "it's for the rent, thanks" -> "rent"; "my name is Ana López" -> "Ana López".
 */
const LEADING = new RegExp(
  "^(?:" +
    [
      "ok(?:ay)?",
      "sure",
      "yes",
      "well",
      "so",
      "um+",
      "uh+",
      "hmm+",
      "please",
      "it'?s",
      "it is",
      "it would be",
      "it'?d be",
      "that'?s",
      "that is",
      "that would be",
      "(?:his|her|their|my|the) (?:full )?name(?: is|'s)",
      "(?:he|she|it|they) (?:is|are) called",
      "(?:he|she|it) is",
      "call (?:him|her|it)",
      "send (?:it|them|the money) to",
      "to",
      "for",
      "the",
      "a",
      "an",
      "es",
      "son",
      "se llama",
      "a nombre de",
      "para",
      "pues",
      "el",
      "la",
    ].join("|") +
    ")\\b[\\s,:.-]*",
  "i",
);
const CAPITAL = /^\p{Lu}/u;

/**
 * "The Left Hand of Darkness", "on The Midnight Library": an article of the packs typed
 * capitalised before a capitalised word opens a title, and is part of it. Both words as typed.
 */
export function opensTitle(article: string, next: string | undefined): boolean {
  return (
    next !== undefined && CAPITAL.test(article) && CAPITAL.test(next) && ARTICLES.has(fold(article))
  );
}
const TRAILING = /[\s,.;:!?-]*\b(?:please|thanks|thank you|thx|por favor|gracias)?[\s,.;:!?]*$/i;

export function freeText(message: string, slotWords: readonly string[] = []): string | null {
  let s = message.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, "");
  // "the concept is rent", "el concepto es alquiler"
  if (slotWords.length) s = s.replace(slotLead(slotWords), "");
  for (let i = 0; i < 6; i++) {
    // "The Left Hand of Darkness": the title's article stays.
    const [first, second] = s.split(/\s+/, 2);
    if (opensTitle(first!, second)) {
      const trimmed = s.replace(TRAILING, "");
      if (trimmed === s) break;
      s = trimmed;
      continue;
    }
    const next = s.replace(LEADING, "").replace(TRAILING, "");
    if (next === s) break;
    s = next;
  }
  s = s.replace(/\s+/g, " ").trim();
  return s.length ? s : null;
}

const slotLeads = new WeakMap<readonly string[], RegExp>();

/** "the concept is", "el concepto es" for a slot's words; compiled once per word list. */
function slotLead(slotWords: readonly string[]): RegExp {
  let lead = slotLeads.get(slotWords);
  if (!lead) {
    const names = slotWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
    lead = new RegExp(
      `^(?:the |my |el |la )?(?:${names})(?: should be| would be| is| es|:)\\s*`,
      "i",
    );
    slotLeads.set(slotWords, lead);
  }
  return lead;
}

/**
 * "it's got a flat tyre", "we have been having delays", "tiene goteras": who has the item
 * is no part of it; a list's item is read without this lead.
 */
const HAVING = new RegExp(
  "^(?:(?:i|he|she|we|they|it|you|my \\p{L}+|our \\p{L}+)(?=[\\s'\u2019])\\s*)?" +
    "(?:(?:has|have|had)(?: got| been having)?|['\u2019](?:s|ve) got|got|" +
    "(?:(?:is|am|are|['\u2019]s|['\u2019]m|['\u2019]re) )?(?:having|feeling|suffering from)|" +
    "suffers? from|feels?|tiene|tengo|tenemos|tienen)\\s+",
  "iu",
);

export function withoutHaving(item: string): string {
  const rest = item.replace(HAVING, "");
  return rest.trim() ? rest : item;
}
