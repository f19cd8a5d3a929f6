/**
 * The values a validator accepts, as its error message lists them: "Please choose from: checking,
 * savings, or investment", "Please specify either debit or credit card", "I can help with
 * electricity, water, or gas bills". The original's model read such values from any sentence;
 * here they become the slot's choices, and the validator still checks what is read.
 */

/** At most this many words per listed value; longer runs are prose, not a list. */
const MAX_ITEM_WORDS = 3;
/** The word before the last of a list of alternatives ("A, B, or C"). */
const LIST_CONJUNCTION = /\s*,?\s+or\s+/i;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A listed value: lower-case words, digits allowed, no sentence punctuation. */
function isItem(text: string): boolean {
  const w = words(text);
  return (
    w.length > 0 && w.length <= MAX_ITEM_WORDS && w.every((x) => /^[a-z0-9][a-z0-9'-]*$/.test(x))
  );
}

/**
 * The alternatives listed in one clause: "A, B, or C", "either A or B", or two single words
 * ("yes or no"). The last item may carry the head noun the list shares ("debit or credit card",
 * "water or gas bills"): when every other item is one word and the last one two, the shared
 * noun is dropped.
 */
function listIn(clause: string): string[] | undefined {
  const either = /\beither\s+/i.test(clause);
  const text = clause.replace(/^.*?\beither\s+/i, "").trim();
  const parts = text.split(LIST_CONJUNCTION);
  if (parts.length !== 2) return undefined;
  // The list starts after a colon ("choose from: A, B, or C"), or at the first comma-separated
  // part that is not a whole value ("Sorry, we only cut A, B, or C").
  const head = parts[0]!.replace(/^.*:\s*/, "").split(/\s*,\s*/);
  const last = parts[1]!.trim();
  let from = head.length - 1;
  while (from > 0 && isItem(head[from]!.trim().toLowerCase())) from--;
  const first = head[from]!.trim();
  const firstWords = words(first);
  const rest = head.slice(from + 1).map((s) => s.trim());
  const restWords = rest.map(words);
  const lastWords = words(last);
  // Two items with neither a comma nor "either" are alternatives only as two single words.
  if (!either && rest.length === 0 && lastWords.length !== 1) return undefined;
  // Each earlier item is as long as the others; the first takes that many words from the end.
  const size = restWords.length ? restWords[0]!.length : Math.max(1, lastWords.length - 1);
  if (restWords.some((w) => w.length !== size)) return undefined;
  const firstItem = firstWords.slice(-size).join(" ");
  let lastItem = last;
  if (size === 1 && lastWords.length === 2 && (either || rest.length > 0)) lastItem = lastWords[0]!;
  const items = [firstItem, ...rest, lastItem].map((s) => s.toLowerCase());
  if (!items.every(isItem)) return undefined;
  if (new Set(items).size !== items.length) return undefined;
  return items;
}

/** The values a validation message lists, or undefined when it lists none. */
export function valuesListedIn(message: string): string[] | undefined {
  for (const sentence of message.split(/(?<=[.!?])\s+|[()]/)) {
    const clause = sentence.replace(/[.!?]+$/, "").trim();
    if (!LIST_CONJUNCTION.test(clause)) continue;
    const found = listIn(clause);
    if (found && found.length >= 2) return found;
  }
  return undefined;
}
