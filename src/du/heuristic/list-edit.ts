import type { Turn } from "./heuristic-understanding.ts";
import { FILLERS, ITEM_NEGATORS, LIST_ADD, LIST_REMOVE, STOP_WORDS } from "./language/words.ts";
import type { Found } from "./slot-reader.ts";
import { stem, tokenize } from "./text.ts";

/**
 * "add mushrooms too", "and olives", "remove the olives", "no more onions": a change to a list
 * slot of the running flow that already holds items, keeping the other items. Only lists with
 * choices, whose items can be told apart from the words around them; the message must say
 * nothing but the change. Null when no single list is changed that way.
 */
export function listEdit(turn: Turn): Found | null {
  const frame = turn.frame;
  if (!frame) return null;
  const flat = turn.acts.flat;
  const adds = LIST_ADD.test(flat);
  const removes = LIST_REMOVE.test(flat);
  if (adds === removes) return adds ? null : negatedItems(turn);
  // The cue words are taken out before reading the items: "without ham" would read no ham.
  const stripped = flat.replace(new RegExp((removes ? LIST_REMOVE : LIST_ADD).source, "g"), " ");
  const hits: Found[] = [];
  for (const slot of turn.model.flowSlots.get(frame.flow) ?? []) {
    // An optional list left empty ("no extras") takes items added later ("add parking").
    const empty = adds && slot.optional && (frame.slots[slot.name] ?? null) === null;
    const current = empty ? [] : frame.slots[slot.name];
    if (slot.kind !== "list" || !slot.choices || !Array.isArray(current)) continue;
    const items = slot.choices.find(stripped);
    if (items.length === 0) continue;
    let rest = stripped;
    for (const m of [...items].sort((a, b) => b.start - a.start)) {
      rest = rest.slice(0, m.start) + rest.slice(m.end);
    }
    const own = new Set(slot.keys.flat());
    // "no, remove the olives": a "no" in front of a removal says the same thing.
    const only = tokenize(rest).every(
      (t) =>
        STOP_WORDS.has(t.norm) ||
        FILLERS.has(t.norm) ||
        own.has(stem(t.norm)) ||
        (removes && ITEM_NEGATORS.has(t.norm)),
    );
    if (!only) continue;
    const named = [...new Set(items.map((m) => String(m.value)))];
    const held = current.map(String);
    const value = removes
      ? held.filter((x) => !named.includes(x))
      : [...new Set([...held, ...named])];
    if (value.length === 0 || value.length === held.length) continue;
    hits.push({ slot: slot.name, value, start: 0, end: turn.text.length });
  }
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * "actually no parking, we're taking the train": items a list already holds, each said right
 * after a negation, are taken out of it, whatever reason is given beside them. Every item of
 * that list the message names must be negated, so "no, parking" or "parking, not olives"
 * (a swap, read elsewhere) change nothing here.
 */
function negatedItems(turn: Turn): Found | null {
  const frame = turn.frame!;
  const text = turn.text;
  const hits: Found[] = [];
  for (const slot of turn.model.flowSlots.get(frame.flow) ?? []) {
    const current = frame.slots[slot.name];
    if (slot.kind !== "list" || !slot.choices || !Array.isArray(current)) continue;
    const { kept, negated: items } = slot.choices.items(text, ITEM_NEGATORS);
    if (items.length === 0 || kept.length > 0) continue;
    const held = current.map(String);
    const named = new Set(items.map((m) => String(m.value)));
    const value = held.filter((x) => !named.has(x));
    // An emptied list is no value (as with "remove"); nor is one that loses nothing.
    if (value.length === 0 || value.length === held.length) continue;
    hits.push({ slot: slot.name, value, start: 0, end: text.length });
  }
  return hits.length === 1 ? hits[0]! : null;
}
