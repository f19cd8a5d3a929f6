import {
  ANSWER_LEADING,
  ANSWER_TRAILING,
  ARTICLES,
  COPULAS,
  HAVING,
  SLOT_LEAD_ARTICLES,
  SLOT_LINKS,
} from "../language/words.ts";
import { escapeRegExp, fold } from "../text.ts";

/**
 * The answer to an open question without its conversational wrapping:
 * "it's for the rent, thanks" -> "rent"; "my name is Ana López" -> "Ana López".
 */
const LEADING = ANSWER_LEADING;
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
const TRAILING = ANSWER_TRAILING;
/** Words after which an answer opened by an article is a sentence, not a short value. */
const SENTENCE_WORDS = 5;

/**
 * An article or a copula opening a long answer is the sentence's own ("la caja venía abierta y
 * ...", "es muy miedoso y muerde si ...": Spanish leaves the subject out), no wrapping.
 */
function opensSentence(first: string, text: string): boolean {
  const word = fold(first);
  return (ARTICLES.has(word) || COPULAS.has(word)) && text.split(/\s+/).length > SENTENCE_WORDS;
}

export function freeText(message: string, slotWords: readonly string[] = []): string | null {
  let s = message.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, "");
  // "the concept is rent", "el concepto es alquiler"
  if (slotWords.length) s = s.replace(slotLead(slotWords), "");
  for (let i = 0; i < 6; i++) {
    // "The Left Hand of Darkness": the title's article stays.
    const [first, second] = s.split(/\s+/, 2);
    // "la caja venía abierta y ...": an article opening a sentence is its subject's, kept; only
    // a short answer ("el alquiler", "es Toby") is read without it.
    if (opensTitle(first!, second) || opensSentence(first!, s)) {
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
    const names = slotWords.map(escapeRegExp).join("|");
    lead = new RegExp(`^(?:${SLOT_LEAD_ARTICLES})?(?:${names})(?:${SLOT_LINKS})\\s*`, "i");
    slotLeads.set(slotWords, lead);
  }
  return lead;
}

/**
 * "it's got a flat tyre", "we have been having delays", "tiene goteras": who has the item
 * is no part of it; a list's item is read without this lead.
 */

export function withoutHaving(item: string): string {
  const rest = item.replace(HAVING, "");
  return rest.trim() ? rest : item;
}
