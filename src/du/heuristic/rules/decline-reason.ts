import { readActs } from "../acts.ts";
import { flowWords } from "../flow-words.ts";
import type { Turn } from "../heuristic-understanding.ts";
import { FILLERS, ONLY_WORDS, SELF_SEE_TO, STOP_WORDS, STORY_ACT } from "../language/words.ts";
import type { SlotInfo } from "../slot-catalog.ts";
import { flat, stem, type Token, tokenize } from "../text.ts";
import { declines, ownWords } from "./shared.ts";

/** A few words said after a declining clause ("none thanks, just plain"). */
export const AFTERTHOUGHT_WORDS = 3;
/** The words a reason after a turned-down offer may have ("I've got my own stuff"). */
const OFFER_REASON_WORDS = 8;
/** The words a declining clause said without punctuation may have ("no thanks"). */
const DECLINE_CLAUSE_WORDS = 3;
/** A reason said after a "no" is a sentence, not a story: longer than this, it is read whole. */
const REASON_WORDS = 12;

/**
 * The first clause declines the optional slot asked, or turns the offer down, and the rest only
 * says why: "none thanks, just plain", "nah I'm good, I've got my own stuff", "No drinks, thank
 * you, we have juice at home". A rest that names a value ("no, the large one") is a correction.
 */
export function declinesWithReason(turn: Turn, slot: SlotInfo, flow: string): boolean {
  const { text } = turn;
  if (text.includes("?")) return false;
  const cut = clauseEnd(text, slot);
  if (cut < 0) return false;
  const first = text.slice(0, cut);
  const rest = tokenize(text.slice(cut + 1));
  const declined = declines(flat(first), slot);
  const offer = readActs(first).offerDeclined;
  return (
    afterthought(turn, rest, text.slice(cut + 1), declined || offer, offer, slot) ||
    (declined && reasonOnly(turn, rest, text.slice(cut + 1), flow, slot)) ||
    ((declined || offer) && seesToIt(turn, rest, text.slice(cut + 1), slot, flow)) ||
    ((declined || offer) && onlyOther(rest, text.slice(cut + 1), slot))
  );
}

/**
 * "no thanks, just the basic one", "nah, the plain kind only": after the "no", only a thing that is
 * none of the asked slot's values: the user keeps what they have, so nothing is added.
 */
function onlyOther(rest: readonly Token[], restText: string, slot: SlotInfo): boolean {
  if (rest.length === 0 || rest.length > AFTERTHOUGHT_WORDS + 1 || /\d/.test(restText)) {
    return false;
  }
  if (!rest.some((t) => ONLY_WORDS.has(t.norm))) return false;
  return (slot.choices?.find(restText).length ?? 1) === 0;
}

/**
 * Where the declining clause ends: at the first punctuation, or, with none ("no thanks I'll
 * bring my own"), after the longest of the first few words that are a plain "no" and decline.
 */
function clauseEnd(text: string, slot: SlotInfo): number {
  const cut = text.search(/[,.;!]\s/);
  if (cut >= 0) return cut;
  const tokens = tokenize(text);
  for (let n = Math.min(DECLINE_CLAUSE_WORDS, tokens.length - 1); n > 0; n--) {
    const first = text.slice(0, tokens[n - 1]!.end);
    if (readActs(first).deny && declines(flat(first), slot)) return tokens[n - 1]!.end;
  }
  return -1;
}

/**
 * A short afterthought (longer after an offer turned down, or when it is a reason the packs
 * know: "I'll bring my own stuff") with no word of the domain's own, so it names no value. The
 * packs' act words ("stuff" of a help phrase) and the words of such a reason name none.
 */
function afterthought(
  turn: Turn,
  rest: readonly Token[],
  restText: string,
  refused: boolean,
  offer: boolean,
  slot: SlotInfo,
) {
  if (!refused) return false;
  const { analyzer } = turn.model;
  const reasons = [...analyzer.features(flat(restText)).tasks].filter(
    ([, t]) => t.act === STORY_ACT,
  );
  const limit = offer || reasons.length > 0 ? OFFER_REASON_WORDS : AFTERTHOUGHT_WORDS;
  if (rest.length > limit) return false;
  const told = new Set(reasons.flatMap(([key]) => key.split(" ")));
  const named = ownWords([slot]);
  return !rest.some(
    (t) =>
      !STOP_WORDS.has(t.norm) &&
      !FILLERS.has(t.norm) &&
      !told.has(stem(t.norm)) &&
      !named.has(stem(t.norm)) &&
      analyzer.ownsWord(analyzer.correct(t.norm)),
  );
}

/**
 * A longer reason that names nothing the flow could take or be asked for: no digit, no
 * capitalised name, no task word, no cancel, and no word the domain knows but the running flow's
 * own request words ("pizza" of an ordering flow).
 */
function reasonOnly(
  turn: Turn,
  rest: readonly Token[],
  restText: string,
  flow: string,
  slot: SlotInfo,
): boolean {
  const { text, model } = turn;
  if (/\d/.test(text) || turn.acts.cancelMentioned) return false;
  if (rest.length === 0 || rest.length > REASON_WORDS) return false;
  const own = flowWords(model, flow);
  const named = ownWords([slot]);
  const { analyzer } = model;
  for (const t of rest) {
    if (STOP_WORDS.has(t.norm) || FILLERS.has(t.norm) || own.has(t.norm)) continue;
    // The asked thing's own name in the reason ("no, I'm calling the council about it") gives it
    // no value.
    if (named.has(stem(t.norm))) continue;
    // A capitalised word may be a name or a place the flow would take.
    if (t.raw[0] !== t.raw[0]!.toLowerCase()) return false;
    if (analyzer.knows(analyzer.correct(t.norm))) return false;
  }
  // A weak task word ("yet" of "not had one yet") asks nothing of its own.
  return !model.index.hasTask(restText, true);
}

/**
 * "nah I'll explain on the phone", "no, I'd rather tell them in person": after the refusal, the
 * speaker says how they will see to it themselves (pack `selfSeeTo`), whatever words of the
 * domain that takes ("phone"), as long as it asks for nothing, cancels nothing and holds no value
 * of the flow's other slots ("no, I'll collect it on friday" gives a day).
 */
function seesToIt(
  turn: Turn,
  rest: readonly Token[],
  restText: string,
  slot: SlotInfo,
  flow: string,
): boolean {
  if (rest.length === 0 || rest.length > REASON_WORDS || /\d/.test(restText)) return false;
  const words = flat(restText);
  if (!SELF_SEE_TO.test(words) || readActs(restText).cancelMentioned) return false;
  const { model } = turn;
  if (model.index.hasTask(restText)) return false;
  const others = (model.flowSlots.get(flow) ?? []).filter((s) => s !== slot && s.kind !== "text");
  return model.reader.mentions(restText, others, []).length === 0;
}
