import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import {
  ANY_THING,
  BESIDES,
  PREPOSITIONS,
  THING_ENDS,
  THING_LINKS,
  THING_QUESTION,
} from "../language/words.ts";
import { flat } from "../text.ts";

/**
 * "is there a gym in the hotel", "do you sell train tickets to Valencia?", "can you recommend
 * a tapas bar": a question whether the business has, sells or can point to a thing, where
 * that thing is words the domain does not know (no flow's word, value or task word), asks for
 * something no flow does. A flow noun or one choice said after it ("in the hotel", "to
 * Valencia") only places it; a date, a count or several values ("room for six on friday")
 * make it a request, as does a task word or a flow's phrase. With `inFlow`, asked while a flow
 * waits for an answer ("does the hotel have a pool?" asked the date), the same question is no
 * answer and no question about the one asked.
 */
export function asksUnknownThing(du: HeuristicUnderstanding, turn: Turn, inFlow = false): boolean {
  if (turn.frame && !inFlow) return false;
  if (turn.rank.some((r) => r.acting || r.hinted || r.phrased)) return false;
  const text = flat(turn.view.text);
  const cue = THING_QUESTION.exec(text);
  if (!cue) return false;
  const thing: string[] = [];
  for (const w of text.slice(cue[0].length).trim().split(" ")) {
    // A value said in it was blanked out of the text (an empty word): the thing ends there.
    // "rutas de kayak": a linking preposition after a word keeps the thing going.
    if (w && thing.length > 0 && THING_LINKS.has(w)) {
      thing.push(w);
      continue;
    }
    if (!w || PREPOSITIONS.has(w) || THING_ENDS.has(w)) break;
    thing.push(w);
  }
  if (thing.length === 0 || thing.some((w) => ANY_THING.has(w))) return false;
  const { index, analyzer } = turn.model;
  const said = thing.join(" ");
  const features = analyzer.features(said);
  const terms = features.features.filter((t) => !t.includes(" "));
  if (terms.length === 0 || features.tasks.size > 0 || index.hasTask(turn.text)) return false;
  // One value at most, a choice: a date or a count asks for a flow.
  const slots = turn.model.loaded.domain.slots;
  const found = turn.rank.flatMap((r) => du.mentionsFor(turn, r.flow, [], []));
  if (new Set(found.map((f) => `${f.start}:${f.end}`)).size > 1) return false;
  if (!found.every((f) => slots[f.slot]?.choices)) return false;
  // Every word no flow's (an adjective the language knows, "good", may stand with them), and
  // some word nothing of the domain or the language knows; asked besides what the business does
  // ("do you do kayak tours as well?", "¿hacéis rutas de kayak también?"), a flow's noun
  // qualified by such a word is another thing than the domain's.
  const besides = BESIDES.test(text);
  return (besides || terms.every((t) => !index.knows(t))) && index.foreign(said).length > 0;
}
