import {
  ANSWER_LEADING,
  ANSWER_TRAILING,
  ARTICLES,
  HAVING,
  SLOT_LEAD_ARTICLES,
  SLOT_LINKS,
} from "../language/words.ts";
import { fold } from "../text.ts";

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

/** How many words from which an answer opened by an article is a sentence, not a thing. */
const SENTENCE_WORDS = 7;

/**
 * "the guy from the network team replaced the cable": an article opening a long answer is the
 * subject's, part of the sentence told; only a short one ("the rent") is a thing named.
 */
function opensSentence(s: string, first: string): boolean {
  return ARTICLES.has(fold(first)) && s.split(/\s+/).length >= SENTENCE_WORDS;
}

export function freeText(message: string, slotWords: readonly string[] = []): string | null {
  let s = message.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, "");
  // "the concept is rent", "el concepto es alquiler"
  if (slotWords.length) s = s.replace(slotLead(slotWords), "");
  for (let i = 0; i < 6; i++) {
    // "The Left Hand of Darkness": the title's article stays.
    const [first, second] = s.split(/\s+/, 2);
    if (opensTitle(first!, second) || opensSentence(s, first!)) {
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
