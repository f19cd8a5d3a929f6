import type { SlotDefinition } from "../../../config/schema.ts";
import type { Command } from "../../../protocol/commands.ts";
import { flowPhrases } from "../../flow-phrases.ts";
import { readActs } from "../acts.ts";
import type { Decision, HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import {
  AMOUNT_QUESTIONS,
  ARTICLES,
  BUSINESS_QUESTION,
  CONTRAST_BREAK,
  FILLERS,
  GREETING_WORDS,
  HABIT_LEADS,
  MAKING_ACTS,
  NEGATIONS,
  OBJECT_PRONOUNS,
  PARTS_OF_DAY,
  PAST_STORY,
  POSSESSIVES,
  PREPOSITIONS,
  PRICE_QUESTION,
  PRICE_WORDS,
  PROPERTY_QUESTION,
  QUESTION_START,
  REASON_LEADS,
  REMARK,
  REQUEST_CUES,
  STATE_QUESTION,
  STOP_WORDS,
  UNNEEDED_OPENING,
  VAGUE_AMOUNTS,
  VERB_OBJECTS,
  WH_QUESTION,
  WHEN_WORDS,
  YOUR_QUESTION,
} from "../language/words.ts";
import { followUp, reviveDeclined } from "../recent-values.ts";
import { flat, stem, type Token, tokenize } from "../text.ts";
import { ASIDE_REMARK } from "./aside-remark.ts";
import { withoutNegatedAct } from "./negated-act.ts";
import { REFUSED_CLAUSE, unwantedClauses } from "./refused-clause.ts";
import type { Rule } from "./rule.ts";
import {
  askingClauses,
  clausesOf,
  FRUSTRATED,
  finalClause,
  LONG_MESSAGE_WORDS,
  OUT_OF_SCOPE,
  PAUSED,
} from "./shared.ts";
import { asksUnknownThing } from "./unknown-thing.ts";

const pricedDomains = new WeakMap<object, boolean>();
/** Acts that make something new, the broad "create" too: their object is a thing asked for. */
const CREATING: ReadonlySet<string> = new Set(["create", ...MAKING_ACTS]);

/**
 * What follows a trigger phrase that opens the message is what it asks for: the answer to the
 * flow's first question when that question takes free text and nothing else of the message was
 * read as a value ("I'm looking for running sneakers", "show me a desk lamp"). A leading article
 * or word for an unsaid amount ("some") is no part of it; words that start with a preposition
 * ("send money to my mum") are another value's, not this one.
 */
function withLeadingRest(
  turn: Turn,
  lead: { flow: string; end: number },
  commands: Command[],
): Command[] {
  const first = turn.model.flowSlots.get(lead.flow)?.[0];
  if (first?.kind !== "text" || commands.some((c) => c.type === "set_slot")) return commands;
  const rest = turn.text.slice(lead.end).replace(/^[\s,;:-]+|[\s.!?]+$/g, "");
  const words = tokenize(rest);
  let start = 0;
  while (
    start < words.length - 1 &&
    (ARTICLES.has(words[start]!.norm) || VAGUE_AMOUNTS.has(words[start]!.norm))
  )
    start++;
  const opening = words[start];
  if (!opening || PREPOSITIONS.has(opening.norm)) return commands;
  if (words.slice(start).every((t) => STOP_WORDS.has(t.norm))) return commands;
  // "... a mi hermana a bilbao": an address has a number, as everywhere an address is read.
  if (first.address && !/\d/.test(rest)) return commands;
  commands.push({ type: "set_slot", slot: first.name, value: rest.slice(opening.start) });
  return commands;
}

/** Some slot of the domain holds a price: its name, label or description has a price word. */
function holdsPrice(domain: { slots: Readonly<Record<string, SlotDefinition>> }): boolean {
  let priced = pricedDomains.get(domain);
  if (priced === undefined) {
    const words = new Set(PRICE_WORDS);
    priced = Object.entries(domain.slots).some(([name, slot]) =>
      [name.replace(/_/g, " "), slot.label ?? "", slot.description ?? ""].some((text) =>
        tokenize(text).some((t) => words.has(t.norm)),
      ),
    );
    pricedDomains.set(domain, priced);
  }
  return priced;
}

const PRICE_SET = new Set(PRICE_WORDS);
const priceFlows = new WeakMap<object, string | null>();
const askingFlows = new WeakMap<object, string | null>();

/** The flows but the one that tells prices, when the message says no price word. */
function unpriced(turn: Turn, flows: readonly string[]): readonly string[] {
  const flow = priceFlow(turn);
  if (!flow || !flows.includes(flow) || PRICE_QUESTION.test(flat(turn.text))) return flows;
  if (tokenize(turn.text).some((t) => PRICE_SET.has(t.norm))) return flows;
  return flows.filter((f) => f !== flow);
}

/**
 * The one flow that tells prices: its name, description or trigger phrases have a price word
 * ("class prices", "how much does a car cost") and it pays nothing (a flow that pays a fine is
 * about the customer's debt, not about what things cost). None when no flow or several do.
 */
export function priceFlow(turn: Turn): string | undefined {
  const domain = turn.model.loaded.domain;
  let found = priceFlows.get(domain);
  if (found === undefined) {
    const index = turn.model.index;
    const flows = Object.keys(domain.flows).filter(
      (name) => speaksOfPrices(turn, name) && !index.actsOf(name).has("pay"),
    );
    found = flows.length === 1 ? flows[0]! : null;
    priceFlows.set(domain, found);
  }
  return found ?? undefined;
}

/**
 * The flow a price question goes to: the one flow whose own phrases ask a price ("how much is
 * a unit of electricity"), though its "charge" is a word of paying and another flow changes a
 * price plan ("fix my prices"); else `priceFlow`.
 */
function priceQuestionFlow(turn: Turn, priced: boolean): string | undefined {
  const domain = turn.model.loaded.domain;
  let found = askingFlows.get(domain);
  if (found === undefined) {
    const asking = Object.keys(domain.flows).filter(
      (name) =>
        !domain.flows[name]!.internal &&
        flowPhrases(domain, name).some((p) => PRICE_QUESTION.test(flat(p))),
    );
    found = asking.length === 1 ? asking[0]! : null;
    askingFlows.set(domain, found);
  }
  // Asked in a price question's own words, or with a value of that flow ("your unit rate"): a
  // price word alone ("a cheaper night rate") may ask for a better plan.
  const valued =
    found &&
    (turn.model.flowSlots.get(found) ?? []).some((s) =>
      turn.view.markers.some((group) => group.includes(`@${s.name}`)),
    );
  return found && (priced || valued) ? found : priceFlow(turn);
}

/** A flow whose name, description or trigger phrases have a price word, whatever it does. */
function speaksOfPrices(turn: Turn, name: string): boolean {
  const domain = turn.model.loaded.domain;
  const def = domain.flows[name];
  if (!def || def.internal) return false;
  return [name.replace(/_/g, " "), def.description ?? "", ...flowPhrases(domain, name)].some(
    (text) => tokenize(text).some((t) => PRICE_SET.has(t.norm)),
  );
}

/** Nothing is being asked (or a flow is between questions). */
export interface OpenContext {
  du: HeuristicUnderstanding;
  turn: Turn;
}

/** A thing asked for alone is a few words: "an appointment please". */
const THING_ALONE_WORDS = 4;

/**
 * The flow the ranking decides on, unless the message asks for an act or a thing it does not
 * have, or tells of it aside. Many rules ask it of the same turn: decided once per turn.
 */
const decision = ({ du, turn }: OpenContext): Decision => {
  let d = decisions.get(turn);
  if (d === undefined) {
    d = decide(du, turn);
    decisions.set(turn, d);
  }
  return d;
};

const decisions = new WeakMap<Turn, Decision>();

function decide(du: HeuristicUnderstanding, turn: Turn): Decision {
  const d = du.decide(turn.rank, du.limits.minCoverage);
  if (d && "flow" in d && (foreignAct(turn, d.flow) || unknownObject(du, turn, d.flow)))
    return null;
  return d && "flow" in d && toldAside(du, turn, d.flow) ? null : d;
}

/**
 * "can I buy a new phone from you" where nothing is sold: the message asks for an act no flow
 * of the domain does, and the flow is matched by a word, not by a phrase of its own ("phone"
 * of "the phone asks for a PUK"): that flow is not what is asked for.
 */
function foreignAct(turn: Turn, flow: string): boolean {
  const own = turn.rank.find((r) => r.flow === flow);
  return !own?.phrased && turn.model.index.asksForeignAct(turn.view.text, flow);
}

/**
 * A value only the domain has (a choice, a code) names its thing; a date or a count does not.
 * A function of the module, not a closure per call: the TypeScript loader's keepNames makes each
 * named closure cost a defineProperty.
 */
function plainMarker(model: Turn["model"], marker: string): boolean {
  const kind = model.slots.get(marker.slice(1))?.kind;
  return kind === "date" || kind === "number";
}

/**
 * "can you book me a flight to Berlin" at a desk that books only its own things: the flow is
 * matched by the request's verb alone (no word of its own, no phrase, no value), and the verb's
 * object is a word nothing of the domain knows. That is a request for something else, as "book
 * a flight to Paris" is at a bank; "book me in for friday" or "book a laptop" still ask.
 */
function unknownObject(du: HeuristicUnderstanding, turn: Turn, flow: string): boolean {
  const own = turn.rank.find((r) => r.flow === flow);
  if (!own || own.phrased) return false;
  const model = turn.model;
  if (turn.view.markers.some((group) => !group.every((m) => plainMarker(model, m)))) return false;
  const { index, analyzer } = model;
  const foreign = new Set(index.foreign(turn.view.text));
  if (foreign.size === 0) return false;
  const tasks = analyzer.features(turn.view.text).tasks;
  // Only the verb matched: every term the flow shares with the message is a task word.
  const matched = index.rank(turn.view.text, [], [flow], true)[0]?.matched ?? [];
  if (
    !matched.every(
      (m) =>
        m.startsWith("~") ||
        tasks.has(m.replace(/!$/, "")) ||
        (m.startsWith("@") && plainMarker(model, m)),
    )
  )
    return false;
  const tokens = tokenize(turn.view.text);
  for (let i = 0; i + 1 < tokens.length; i++) {
    // A verb that makes something new (book, order): "cancel my reservation" or "change my
    // tarif" name the user's own thing, in words the domain may not use for it.
    const task = tasks.get(analyzer.key(tokens[i]!.norm));
    if (!task || task.weak || !CREATING.has(task.act)) continue;
    // "me a", "a": the object is introduced; "my flight" may be the domain's own thing.
    let j = i + 1;
    while (j < tokens.length && VERB_OBJECTS.has(tokens[j]!.norm)) {
      if (POSSESSIVES.has(tokens[j]!.norm)) break;
      j++;
    }
    const object = tokens[j];
    if (
      j > i + 1 &&
      object &&
      !POSSESSIVES.has(object.norm) &&
      !/^\p{Lu}/u.test(object.raw) &&
      (foreign.has(analyzer.key(object.norm)) ||
        foreignHead(turn.view.text, tokens, j, foreign, analyzer))
    ) {
      // "book a trip from Berlin to Vienna": several values of the flow's own slots say what is
      // asked for, whatever the object is called.
      const told = du
        .mentionsFor(turn, flow, [], [])
        .filter((f) => !plainMarker(model, `@${f.slot}`));
      return new Set(told.map((f) => f.slot)).size < 2;
    }
  }
  return false;
}

/**
 * "a meeting room", "a conference room": a word the domain knows ("meeting" of "teams meetings")
 * before a noun it does not, in the same clause, is that noun's modifier; the thing asked for
 * is the last word, and the domain does not know it.
 */
function foreignHead(
  text: string,
  tokens: readonly Token[],
  j: number,
  foreign: ReadonlySet<string>,
  analyzer: { key(word: string): string },
): boolean {
  const next = tokens[j + 1];
  if (!next || STOP_WORDS.has(next.norm) || /\d/.test(next.norm)) return false;
  if (/[,.;:!?]/.test(text.slice(tokens[j]!.end, next.start))) return false;
  return foreign.has(analyzer.key(next.norm));
}

/**
 * One date or number among words the domain does not know, in a sentence that neither asks nor
 * has a word of the flow, tells of something else ("what's the weather in Madrid today"); a
 * bare value ("4 people tomorrow"), several values, or a request around one ("I want to save a
 * spot for two") still ask for the flow.
 */
function toldAside(du: HeuristicUnderstanding, turn: Turn, flow: string): boolean {
  return (
    turn.rank.find((r) => r.flow === flow)?.worded === false &&
    turn.model.index.foreign(turn.view.text).length > 0 &&
    !turn.model.asks.test(turn.acts.flat) &&
    du.mentionsFor(turn, flow, [], []).length < 2
  );
}

/** The clause opens with a reason lead of a language pack ("because", "as I"). */
function givesReason(clause: string): boolean {
  const words = flat(clause).split(" ");
  return REASON_LEADS.some((lead) => lead.every((w, i) => words[i] === w));
}

/**
 * The clauses marked as questions that say no cancel, in a message whose every cancel phrase is
 * a negated one ("no puedo ir", the reason) and that has another clause: else none.
 */
function questionsBesideReason(turn: Turn): string[] {
  if (!turn.text.includes("?")) return [];
  const tasks = [...turn.model.analyzer.features(turn.acts.flat).tasks.values()];
  const cancels = tasks.filter((t) => t.act === "cancel");
  if (cancels.length === 0 || !cancels.every((t) => t.bare)) return [];
  const asked = questionClauses(turn.text).filter((q) => !readActs(q).cancelMentioned);
  return asked.length < clausesOf(turn.text).length ? asked : [];
}

/**
 * The parts of a message marked as questions: those ending in "?" or opening with "¿" ("no puedo
 * ir, ¿tenéis coche?"), each up to the punctuation before it.
 */
function questionClauses(text: string): string[] {
  return text
    .split(/(?<=[.!?;,])\s+|(?=¿)/)
    .map((p) => p.trim())
    .filter((p) => p.startsWith("¿") || p.endsWith("?"));
}

/** A flow explains every word of the message (as `soni explain` prints it, 100%). */
const FULL_COVERAGE = 0.999;

/** A clause that asks explains this share of its words by one flow: it says that request. */
const CLEAR_CLAUSE_COVERAGE = 0.6;

/**
 * The one flow among `flows` whose values in the message include every other's and at least one
 * more; null when none, or when the values alone do not set it apart.
 */
function takesAll(
  du: HeuristicUnderstanding,
  turn: Turn,
  flows: string[],
  byPlace = false,
): string | null {
  // `byPlace`: values told apart by where they were said, not by the slot that reads them.
  const read = flows.map((flow) => ({
    flow,
    slots: new Set(
      du.mentionsFor(turn, flow, [], []).map((f) => (byPlace ? `${f.start}:${f.end}` : f.slot)),
    ),
  }));
  const widest = read.reduce((a, b) => (b.slots.size > a.slots.size ? b : a), read[0]!);
  if (!widest || widest.slots.size < 2) return null;
  const covers = read.every(
    (r) =>
      r === widest ||
      (r.slots.size < widest.slots.size && [...r.slots].every((s) => widest.slots.has(s))),
  );
  return covers ? widest.flow : null;
}

/** The acts the message asks for by a task word: no function word, no reason, nothing told. */
function strongActs(turn: Turn): Set<string> {
  const tasks = turn.model.analyzer.features(turn.acts.flat).tasks.values();
  return new Set([...tasks].filter((t) => !t.weak && !t.bare && !t.told).map((t) => t.act));
}

/** Nothing is being asked: start a flow, or small talk, help, cancel. In this order. */
export const OPEN_RULES: readonly Rule<OpenContext>[] = [
  {
    // "yes" after "would you like to do X next?"-style offers of a declined flow.
    name: "revive-declined",
    run: ({ turn }) => (turn.frame ? null : reviveDeclined(turn.model, turn.state, turn.acts.flat)),
  },
  {
    // "and in my checking account?" after a balance: the last flow again, with the new value.
    name: "follow-up",
    run: ({ du, turn }) =>
      turn.frame
        ? null
        : followUp(turn.model, turn.state, turn.acts.flat, (flow) =>
            du.mentionsFor(turn, flow, [], []),
          ),
  },
  {
    // "can I cancel?" with nothing running stops nothing: when the cancel word itself is a
    // flow's own word (a flow that cancels something), that flow is what is asked for. Other
    // cancel phrases ("stop", "never mind") only share its act: they still stop nothing.
    name: "cancel-starts-flow",
    run: (c) => {
      const { turn } = c;
      if (turn.frame || !turn.acts.cancel) return null;
      const { index, analyzer } = turn.model;
      const own = analyzer.features(turn.text).features.some((f) => index.knows(f));
      if (!own) return null;
      const d = decision(c);
      // Only a flow that itself cancels: "start over" names no flow that starts things.
      return d && "flow" in d && index.actsOf(d.flow).has("cancel")
        ? c.du.start(c.turn, d.flow)
        : null;
    },
  },
  {
    name: "cancel",
    run: ({ du, turn }) =>
      turn.acts.cancel || (turn.frame && du.cancelsActive(turn)) ? [{ type: "cancel_flow" }] : null,
  },
  {
    // "ya no hace falta que vengáis a montar el armario", "no need to come and fit it":
    // what follows is no longer needed, whatever flow its words name; the one ranked flow that
    // cancels is meant.
    name: "no-longer-needed",
    run: ({ du, turn }) => {
      if (turn.frame) return null;
      const words = turn.acts.flat.split(" ");
      const first = words.findIndex((w) => !FILLERS.has(w) && !GREETING_WORDS.has(w));
      if (first < 0 || !UNNEEDED_OPENING.test(words.slice(first).join(" "))) return null;
      const cancellers = turn.rank.filter((r) => turn.model.index.actsOf(r.flow).has("cancel"));
      return cancellers.length === 1 ? du.start(turn, cancellers[0]!.flow) : null;
    },
  },
  {
    // "Make a transfer please" when a flow's trigger is "make a transfer": the author's own
    // phrase starts its flow even when a sibling flow with the same words scores close.
    name: "own-trigger-phrase",
    run: ({ du, turn }) => {
      const { index, analyzer } = turn.model;
      const flow = index.ownPhrase(turn.text);
      if (flow) return du.start(turn, flow);
      // "how much do I owe ye at the moment?": the message opens with one flow's phrase word
      // for word and goes on in words no other flow's phrases know; a value word inside the phrase
      // ("how much", a topic of prices) does not make it another flow's request.
      const opening = turn.frame ? undefined : index.leadingPhrase(turn.text);
      if (!opening || turn.rank[0]?.flow === opening.flow) return null;
      const rest = turn.text.slice(opening.end);
      const other = (f: string) => index.knows(f) && !index.flowHas(opening.flow, f);
      if (/\d/.test(rest) || analyzer.features(rest).features.some(other)) return null;
      return du.start(turn, opening.flow);
    },
  },
  {
    name: "several-requests",
    run: ({ du, turn }) => (turn.frame ? null : du.severalRequests(turn)),
  },
  {
    // "are vans expensive to rent?", "what are your weekly rates": a question about what a thing
    // or an act costs goes to the one flow that tells prices, whatever act it names ("rent"),
    // with the values it takes. A question about the customer's own thing ("how much is my
    // bill") is left to the ranking.
    name: "price-question-flow",
    run: ({ du, turn }) => {
      if (turn.frame) return null;
      const text = flat(turn.text);
      const tokens = tokenize(turn.text);
      const priced = PRICE_QUESTION.test(text);
      if (!priced) {
        const asks = /\?\s*$/.test(turn.text) || QUESTION_START.test(text);
        if (!asks || !tokens.some((t) => PRICE_SET.has(t.norm))) return null;
      }
      if (tokens.some((t) => POSSESSIVES.has(t.norm))) return null;
      const flow = priceQuestionFlow(turn, priced);
      if (!flow) return null;
      // "how much do you charge for gas" where another flow that also speaks of prices (one
      // whose phrases say "charge", a word of paying) explains the whole question and ranks
      // first: that flow is what is asked, as the ranking says.
      const [top] = turn.rank;
      if (
        top &&
        top.flow !== flow &&
        top.coverage >= FULL_COVERAGE &&
        speaksOfPrices(turn, top.flow)
      )
        return null;
      return du.start(turn, flow);
    },
  },
  {
    // "do you sell phones", "what's your address": a question about what the business does or
    // has is a request only when it gives values a flow takes ("do you have room for six on
    // friday") or the domain knows all its words ("do you have rooms in Barcelona"), or, about
    // the business's own things, when it names a task.
    name: "business-question",
    run: ({ turn }) => {
      // "are you a real person or a bot?" asks about the assistant: small talk, read below.
      if (turn.frame || turn.acts.chitchat) return null;
      const index = turn.model.index;
      const valued = turn.view.markers.length > 0;
      if (
        !valued &&
        BUSINESS_QUESTION.test(turn.acts.flat) &&
        index.foreign(turn.view.text).length > 0
      ) {
        return OUT_OF_SCOPE;
      }
      if (!YOUR_QUESTION.test(turn.acts.flat) || index.hasTask(turn.text)) return null;
      // "what's your fastest course? I want to sign up for it": a request said after the
      // question asks for the flow its words name.
      if (requestAfterQuestion(turn)) return null;
      // "where is your office in Seville?": a value beside the business's own thing asks about
      // that thing there, unless a word of some flow's own is said ("what's your price for a van").
      // The question's own words name nothing: "what time do you close on saturdays" is no
      // flow's "time" of day.
      if (
        valued &&
        index
          .rank(turn.acts.flat.replace(YOUR_QUESTION, ""), turn.view.markers)
          .some((r) => r.named || r.phrased)
      )
        return null;
      // "when are you open?" where a flow tells the opening hours: one flow explains every
      // word of the question, by a word of its name or phrases, so it is what is asked.
      // "what time do you open in the morning": a part of the day only says when; it is no
      // thing the question asks about.
      const words = turn.acts.flat.split(" ");
      const timeless = words.filter((w) => !PARTS_OF_DAY.has(w) && !WHEN_WORDS.has(w));
      const rank =
        valued || timeless.length === words.length ? turn.rank : index.rank(timeless.join(" "));
      const explains = (ranked: typeof rank) => {
        const full = ranked.filter((r) => r.worded && r.coverage >= FULL_COVERAGE);
        return full.length === 1 && index.namesOwnWord(full[0]!.flow, turn.text);
      };
      if (explains(rank)) return null;
      // "¿cuál es vuestro horario?": the question's opening asks, as "what's your" does (whose
      // words are function words): the rest alone is what is asked about.
      const rest = turn.acts.flat.replace(YOUR_QUESTION, "").trim();
      return valued || !rest || !explains(index.rank(rest)) ? OUT_OF_SCOPE : null;
    },
  },
  {
    // "is there a gym in the hotel?": a question about a thing the domain has no word for.
    name: "unknown-thing-question",
    run: ({ du, turn }) => (asksUnknownThing(du, turn) ? OUT_OF_SCOPE : null),
  },
  {
    // "how near is the lodge to the lake?": a question about how a thing is, by a word no
    // flow knows, asks for what no flow does, whatever flow noun or value it names. A task
    // word, a request or a flow's own phrase still asks for the flow; so does a question about
    // the customer's own thing ("how ... is my savings") or a price ("how pricey is a van"),
    // or one whose best flow only tells things and is named ("how big is the deposit").
    name: "property-question",
    run: ({ turn }) => {
      if (turn.frame || turn.acts.chitchat) return null;
      let word: string | undefined;
      for (const re of PROPERTY_QUESTION) word ??= re.exec(turn.acts.flat)?.groups?.word;
      const { index, asks } = turn.model;
      if (!word || PRICE_SET.has(word) || index.foreign(word).length === 0) return null;
      if (asks.test(turn.acts.flat) || index.hasTask(turn.text)) return null;
      const tokens = tokenize(turn.text);
      if (tokens.some((t) => POSSESSIVES.has(t.norm))) return null;
      if (PRICE_QUESTION.test(flat(turn.text))) return null;
      const tells = (flow: string) => [...index.actsOf(flow)].every((act) => act === "lookup");
      const [top] = turn.rank;
      if (top?.named && tells(top.flow)) return null;
      return turn.rank.some((r) => r.acting || r.hinted || r.phrased) ? null : OUT_OF_SCOPE;
    },
  },
  {
    // "how much does a visit to the cardiologist cost?": a question about a price, when no flow
    // pays anything and no slot holds a price (a booking that quotes its total answers it),
    // asks for what no flow does, whatever value it names.
    name: "price-question",
    run: ({ turn }) => {
      // As typed: "cost" is no typo of a name the domain knows ("Costa").
      if (turn.frame || !PRICE_QUESTION.test(flat(turn.text))) return null;
      if (turn.model.index.hasAct("pay") || holdsPrice(turn.model.loaded.domain)) return null;
      return OUT_OF_SCOPE;
    },
  },
  {
    // "is the old town of Lisbon pretty?" at a desk whose flows take a city: a question whose
    // only tie to the domain is a value it names (no word of any flow, no task word) and that
    // has a word the domain does not know asks about something else. A bare value ("Lisbon?")
    // or a question around a flow's word ("any rooms in Lisbon?") still asks for the flow.
    name: "value-only-question",
    run: ({ du, turn }) => {
      if (turn.frame || turn.rank.length === 0 || turn.acts.chitchat) return null;
      const question = /\?\s*$/.test(turn.text) || QUESTION_START.test(turn.acts.flat);
      // A question opening on what the business does ("do you do ... too?") is no exception:
      // the value is still its only tie to the domain.
      if (!question) return null;
      if (turn.model.asks.test(turn.acts.flat)) return null;
      // "how much is in my savings": a value of the customer's own is about their business here.
      if (tokenize(turn.text).some((t) => POSSESSIVES.has(t.norm))) return null;
      if (turn.rank.some((r) => r.named || r.acting || r.hinted || r.phrased)) {
        return null;
      }
      const { index } = turn.model;
      if (index.hasTask(turn.text)) return null;
      if (index.foreign(turn.view.text).length === 0) return null;
      // One value, a choice of the domain ("Lisbon"): a date or a count with it is a request.
      const slots = turn.model.loaded.domain.slots;
      const found = turn.rank.map((r) => du.mentionsFor(turn, r.flow, [], []));
      const spans = new Set(found.flat().map((f) => `${f.start}:${f.end}`));
      const choice = found.flat().every((f) => slots[f.slot]?.choices);
      if (spans.size === 1) return choice ? OUT_OF_SCOPE : null;
      // A city two slots share, said with no word that tells which ("in Lisbon"), is read
      // for neither, yet it is the one value the ranking saw.
      const [group, ...more] = turn.view.markers;
      const shared = spans.size === 0 && group && more.length === 0;
      return shared && group.every((m) => slots[m.slice(1)]?.choices) ? OUT_OF_SCOPE : null;
    },
  },
  {
    // "hi, I want to check my balance": the request wins over the greeting. A message that is
    // one greeting phrase ("good morning") requests nothing, whatever value it contains.
    name: "greeting-with-request",
    run: (c) => {
      const d = decision(c);
      if (!c.turn.acts.greeting || c.turn.frame || !d || !("flow" in d)) return null;
      if (c.du.onlyGreeting(c.turn) && !c.turn.model.greetings.has(d.flow)) return null;
      return c.du.start(c.turn, d.flow);
    },
  },
  { name: "small-talk", run: ({ du, turn }) => (turn.acts.chitchat ? du.chitchat(turn) : null) },
  {
    // "lovely weather today, isn't it": a remark asking only for agreement, with no word of any
    // flow and no task, is small talk (a date or a part of the day in it is no request).
    name: "remark",
    run: ({ du, turn }) =>
      !turn.frame &&
      REMARK.test(turn.acts.flat) &&
      !turn.rank.some((r) => r.named || r.phrased) &&
      !turn.model.index.hasTask(turn.text)
        ? du.chitchat(turn)
        : null,
  },
  {
    // "cancel my booking for the blue kayak": the booking flow takes the kayak and has the
    // noun, so it scores first, but a cancel phrase never asks to make the thing; the one flow
    // that does the cancel is meant, its details only say which thing.
    name: "cancel-with-details",
    run: ({ du, turn }) => {
      const [top] = turn.rank;
      if (turn.frame || !top || top.acting || top.hinted) return null;
      const tasks = [...turn.model.analyzer.features(turn.acts.flat).tasks.values()];
      const cancels = tasks.filter((t) => !t.weak && !t.told && t.act === "cancel");
      if (cancels.length === 0) return null;
      // "tengo sauna el jueves pero no puedo ir, ¿la podéis pasar al sábado?": only a negated
      // cancel phrase (not going) is the reason; the best flow changes things: it is the request.
      if (cancels.every((t) => t.bare) && turn.model.index.actsOf(top.flow).has("change")) {
        return null;
      }
      // "no puedo ir hoy, ¿tenéis bolsa de préstamo?": the reason of a question (below).
      if (questionsBesideReason(turn).length > 0) return null;
      // "I don't want a lesson, I want ...": not wanting one thing beside asking for another
      // cancels nothing (rule refused-clause).
      if (unwantedClauses(clausesOf(turn.text), turn.model.asks).length > 0) return null;
      const doers = turn.rank.filter((r) => r.acting);
      return doers.length === 1 ? du.start(turn, doers[0]!.flow) : null;
    },
  },
  {
    // "can't make it to yoga tomorrow, cancel it" where one flow cancels class bookings and
    // another a membership: the values name a thing of a flow that makes it (yoga, a class),
    // and the one cancelling flow whose own words name that thing (its slot's label, "class")
    // is the one meant.
    name: "cancel-named-thing",
    run: ({ du, turn }) => {
      if (turn.frame || turn.view.markers.length === 0 || turn.rank.length < 3) return null;
      const { index, analyzer, slots } = turn.model;
      const cancellers = turn.rank.filter((r) => r.acting && index.actsOf(r.flow).has("cancel"));
      if (cancellers.length < 2) return null;
      const tasks = analyzer.features(turn.acts.flat).tasks.values();
      if (![...tasks].some((t) => !t.weak && !t.told && t.act === "cancel")) return null;
      // The values as the ranking saw them: a value given up ("can't make it to yoga") is
      // read for no flow, but still names the thing.
      const labels = new Set<string>();
      for (const group of turn.view.markers) {
        for (const marker of group) {
          const label = slots.get(marker.slice(1))?.def.label;
          if (label) labels.add(label);
        }
      }
      if (labels.size === 0) return null;
      const thing = [...labels].join(" ");
      const naming = cancellers.filter((r) => index.namesOwnWord(r.flow, thing));
      return naming.length === 1 ? du.start(turn, naming[0]!.flow) : null;
    },
  },
  {
    // "I won't make it on thursday, could we do monday instead?": a cancel phrase about one day
    // beside a new day asks to move the thing, not to cancel it. When the best flow cancels and
    // one ranked flow changes things and asks a date, that one is meant.
    name: "another-date",
    run: (c) => {
      const { du, turn } = c;
      const d = turn.frame ? null : decision(c);
      if (!d || !("flow" in d)) return null;
      const { index, flowSlots, reader } = turn.model;
      const acts = index.actsOf(d.flow);
      const another = acts.has("change") ? null : reader.anotherDate(turn.text);
      // A day given up misleads a cancel; a day had ("I booked for thursday") a booking too.
      if (!another || !(acts.has("cancel") || another.had)) return null;
      const movers = turn.rank.filter(
        (r) =>
          index.actsOf(r.flow).has("change") &&
          (flowSlots.get(r.flow) ?? []).some((s) => s.kind === "date"),
      );
      if (movers.length !== 1) return null;
      const flow = movers[0]!.flow;
      const commands = du.start(turn, flow);
      // The new day, when the day had left the reading of the message open.
      const date = (flowSlots.get(flow) ?? []).filter((s) => s.kind === "date");
      if (
        date.length === 1 &&
        !commands.some((c) => c.type === "set_slot" && c.slot === date[0]!.name)
      )
        commands.push({ type: "set_slot", slot: date[0]!.name, value: another.value });
      return commands;
    },
  },
  {
    // "I have it on friday but I can't go, can you move it?": not coming, said with a plain
    // change word, is the reason for the change. When the flow picked cancels, every cancel
    // phrase is a negated one ("can't go", "won't make it") and the message says a change,
    // the one ranked flow that changes things is meant. So too when no flow was picked ("I
    // can't come on the day I booked, can we change it": the clause that asks is read next).
    name: "reason-for-change",
    run: (c) => {
      const { du, turn } = c;
      if (turn.frame) return null;
      const d = decision(c);
      const { index, analyzer } = turn.model;
      if (d && "flow" in d && !index.actsOf(d.flow).has("cancel")) return null;
      const tasks = [...analyzer.features(turn.acts.flat).tasks.values()];
      const cancels = tasks.filter((t) => t.act === "cancel");
      if (cancels.length === 0) return null;
      // "can't come on thursday anymore": another cancel word in the clause of a negated one
      // is part of the same reason.
      const negated = (clause: string) => {
        const said = [...analyzer.features(clause).tasks.values()].filter(
          (t) => t.act === "cancel",
        );
        return said.length === 0 || said.some((t) => t.bare);
      };
      if (cancels.some((t) => !t.bare) && !clausesOf(turn.text).every(negated)) return null;
      // "the match was moved ..., I would like my money back": a change that happened to the
      // thing is the reason, not the request.
      if (!tasks.some((t) => t.act === "change" && !t.weak && !t.told)) return null;
      const movers = turn.rank.filter((r) => index.actsOf(r.flow).has("change"));
      return movers.length === 1 ? du.start(turn, movers[0]!.flow) : null;
    },
  },
  {
    // "sin coche no puedo ir a trabajar, ¿tenéis coche de sustitución?": not being able to go,
    // told beside a question, is why the question is asked. When the flow picked cancels, every
    // cancel phrase is a negated one and a clause marked as a question ("?", "¿") says no cancel,
    // the flow that question starts, read alone, is meant, when it cancels nothing.
    name: "reason-for-question",
    run: (c) => {
      const { du, turn } = c;
      if (turn.frame) return null;
      const d = decision(c);
      const { index } = turn.model;
      if (!d || !("flow" in d) || !index.actsOf(d.flow).has("cancel")) return null;
      const asked = questionsBesideReason(turn);
      if (asked.length === 0) return null;
      const read = du.read(asked.join(" "), turn.model.loaded, turn.state);
      const [started] = read;
      if (started?.type !== "start_flow" || index.actsOf(started.flow).has("cancel")) return null;
      return du.withPronounName(turn, du.withMessageValues(turn, read));
    },
  },
  REFUSED_CLAUSE,
  {
    // "I want to end my contract" where no flow cancels anything: a request to cancel, for
    // nothing else and with no value of any flow ("changed my mind, put 612... on unlimited"
    // still asks for the flow), asks what the domain does not do, whatever flow its noun matches.
    name: "cancel-nothing-cancels",
    run: ({ turn }) => {
      if (turn.frame || turn.view.markers.length > 0 || turn.model.index.hasAct("cancel"))
        return null;
      // "search for noise cancelling headphones": a message opening with a flow's own phrase
      // asks for that flow; the cancel word is part of what it asks about.
      if (turn.model.index.opensWithPhrase(turn.text)) return null;
      const acts = strongActs(turn);
      return acts.size === 1 && acts.has("cancel") ? OUT_OF_SCOPE : null;
    },
  },
  {
    // "I booked the GP for the morning but I'd rather go in the afternoon, can you change it?":
    // a clause telling of the thing already had ("I booked", "we ordered") says what the
    // request is about, not that a new one is wanted. When the flow picked makes new things,
    // the other clauses, read alone, start the flow that does the act they ask for.
    name: "had-then-asked",
    run: (c) => {
      const { du, turn } = c;
      if (turn.frame) return null;
      const d = decision(c);
      const { index, analyzer } = turn.model;
      if (!d || !("flow" in d) || ![...index.actsOf(d.flow)].some((a) => CREATING.has(a)))
        return null;
      const parts = clausesOf(turn.text).flatMap((p) => p.split(CONTRAST_BREAK));
      const rest = parts.filter((p) => !analyzer.tellsHad(p));
      if (rest.length === 0 || rest.length === parts.length) return null;
      const text = rest.join(", ");
      const view = du.rankingView(turn.model, text);
      const ranked = index.rankView(view);
      const asked = du.decide(ranked, du.limits.minCoverage);
      if (!asked || !("flow" in asked) || asked.flow === d.flow) return null;
      if (!ranked.find((r) => r.flow === asked.flow)?.acting) return null;
      const read = du.read(text, turn.model.loaded, turn.state);
      const [started] = read;
      if (started?.type !== "start_flow" || started.flow !== asked.flow) return null;
      return du.withPronounName(turn, du.withMessageValues(turn, read));
    },
  },
  {
    // "el martes fui a hacerme un tinte y me lo dejaron fatal, quiero reclamar": the values of a
    // story told in the past say what happened; the request is its last clause, when that asks
    // for another flow than the story's values do.
    name: "past-story-request",
    run: ({ du, turn }) => {
      if (turn.frame || !PAST_STORY.test(turn.acts.flat)) return null;
      const tail = finalClause(turn.text);
      if (!tail || !turn.model.asks.test(flat(tail))) return null;
      // "... my desktop just died on me, can someone look at it": the last clause asks about
      // the thing the story named ("it"); the story's own flow, ranked first, is the request.
      if (tokenize(tail).some((t) => OBJECT_PRONOUNS.has(t.norm)) && turn.rank[0]?.named) {
        return null;
      }
      const read = du.read(tail, turn.model.loaded, turn.state);
      const started = read.find((c) => c.type === "start_flow");
      if (started?.type !== "start_flow" || started.flow === turn.rank[0]?.flow) return null;
      return du.withPronounName(turn, du.withMessageValues(turn, read));
    },
  },
  {
    // "class booking": a thing named alone, with no act, asks for a new one, though the flow that
    // cancels one says it in its phrase ("cancel my class booking"): the one flow that makes it
    // and explains every word is meant. "my class booking" names one had: not this rule.
    name: "thing-alone-new",
    run: (c) => {
      const { turn } = c;
      if (turn.frame || turn.view.markers.length > 0) return null;
      if (tokenize(turn.text).some((t) => POSSESSIVES.has(t.norm))) return null;
      if (turn.acts.flat.split(" ").length > THING_ALONE_WORDS) return null;
      const d = decision(c);
      if (!d || !("flow" in d) || !turn.model.index.actsOf(d.flow).has("cancel")) return null;
      if (turn.model.analyzer.features(turn.acts.flat).tasks.size > 0) return null;
      const makers = turn.rank.filter(
        (r) =>
          r.flow !== d.flow &&
          r.coverage >= FULL_COVERAGE &&
          [...turn.model.index.actsOf(r.flow)].some((act) => MAKING_ACTS.has(act)),
      );
      return makers.length === 1 ? c.du.start(turn, makers[0]!.flow) : null;
    },
  },
  {
    // "what can you help me with?" asks what the assistant does, though a flow has "help" among
    // its words: a whole help phrase asked by a question word, with nothing running.
    name: "help-asked",
    run: (c) => {
      const { du, turn } = c;
      if (turn.frame || !turn.acts.help || !WH_QUESTION.test(turn.acts.flat)) return null;
      if (!decision(c)) return null;
      const flow = turn.model.helpFlow;
      return flow ? du.start(turn, flow) : [{ type: "clarify" }];
    },
  },
  {
    name: "start-flow",
    run: (c) => {
      const d = decision(c);
      if (!d || !("flow" in d)) return null;
      const commands = c.du.start(c.turn, c.du.byNamedValue(c.turn, d.flow));
      // "I'm looking for a lamp", "show me hoodies": the flow's own trigger phrase opens the
      // message and leaves what it is about to the words after it (it ends in a preposition
      // or an object pronoun): they answer its first question (as in leading-trigger-phrase).
      const lead = c.turn.frame ? undefined : c.turn.model.index.leadingPhrase(c.turn.text);
      const open = lead && tokenize(c.turn.text.slice(0, lead.end)).at(-1)?.norm;
      if (!lead || lead.flow !== d.flow || !open) return commands;
      return PREPOSITIONS.has(open) || OBJECT_PRONOUNS.has(open)
        ? withLeadingRest(c.turn, lead, commands)
        : commands;
    },
  },
  {
    // "I want to buy 2 lamps" when "I want to buy" is one flow's trigger phrase and a sibling's
    // "buy now" reads the same: the phrase the message opens with, word for word, says which.
    name: "leading-phrase-settles",
    run: (c) => {
      const d = decision(c);
      if (c.turn.frame || !d || !("ambiguous" in d)) return null;
      const lead = c.turn.model.index.leadingPhrase(c.turn.text);
      return lead && d.ambiguous.includes(lead.flow) ? c.du.start(c.turn, lead.flow) : null;
    },
  },
  {
    // "3 guests, valencia, arriving june 10", "I want to stay in Seville": no flow's words
    // win, but the values do. The flow that takes the most of them wins when it alone takes a
    // value no other candidate asks for (docs/understanding.md, "Ranking details").
    name: "values-pick-flow",
    run: ({ du, turn }) => {
      if (turn.frame || turn.acts.cancelMentioned || turn.rank.length === 0) return null;
      // A story is read by its clauses (below), not by every value it mentions.
      if (turn.text.split(/\s+/).length >= LONG_MESSAGE_WORDS) return null;
      const d = du.decide(turn.rank, du.limits.minCoverage);
      if (d && "flow" in d) return null;

      // Only flows the words already point at: within the ambiguity band of the best. A flow
      // some word of the message matches outweighs one only its values match ("feeding three
      // kids tonight, can you deliver": the verb is of one flow, the values fit another).
      const worded = turn.rank.some((r) => r.worded);
      const pointed = worded ? turn.rank.filter((r) => r.worded) : turn.rank;
      const top = pointed[0]!.score;
      const near = pointed.filter((r) => r.score >= top * du.limits.ambiguity).slice(0, 4);
      const told = !worded && toldAside(du, turn, pointed[0]!.flow);
      // "is the sauna open on sunday?": a question asking no act, where one flow near the
      // best is named by a word of its own and the others only take values said, is about the
      // named one (what the values are said of), not a request of the flow taking them.
      if (
        /\?\s*$/.test(turn.text) &&
        STATE_QUESTION.test(turn.acts.flat) &&
        !turn.rank.some((r) => r.acting)
      ) {
        const own = near.filter((r) => r.named);
        const [first] = near;
        if (own.length === 1 && first !== own[0] && !first!.named && !first!.phrased)
          return du.start(turn, own[0]!.flow);
      }
      // "I left my jacket on the plane yesterday": a day gone by tells what happened, so it is
      // no value of a slot that asks a day to come (a trip, a booking). A name read only by the
      // word before it ("de Trueno") points at no flow.
      const candidates = near.map((r) => ({
        flow: r.flow,
        found: du
          .mentionsFor(turn, r.flow, [], [])
          .filter((f) => !f.led && !du.datedBefore(turn, f)),
      }));
      const asks = (flow: string, slot: string) =>
        (turn.model.flowSlots.get(flow) ?? []).some((s) => s.name === slot);
      const scored = candidates
        .map((c) => ({
          ...c,
          own: c.found.filter((f) => !candidates.some((o) => o !== c && asks(o.flow, f.slot))),
        }))
        .sort((a, b) => b.found.length - a.found.length);
      const unknown = turn.model.index.foreign(turn.view.text);
      const foreign = unknown.length > 0;
      // "quiero vender una guitarra": one value several flows' phrases hold, no word or act of any
      // flow, and the act asked for is a word the domain does not know: the value is what the
      // act is done to, not which flow is asked for.
      const valuesOnly = pointed.every((r) => !r.named && !r.acting && !r.hinted && !r.phrased);
      const act = requestedWord(turn.acts.flat);
      if (
        act &&
        (unknown.includes(act) || unknown.includes(stem(act))) &&
        valuesOnly &&
        pointed.length > 1 &&
        (scored[0]?.found.length ?? 0) < 2
      ) {
        return null;
      }
      // "pass my visit to the afternoon, it's XY-1234": the best score takes the part of
      // day, a flow just below it takes the part of day and the code; the one flow the words
      // point at that takes every value said, when the others take only part of them, is meant.
      const whole = takesAll(
        du,
        turn,
        pointed.slice(0, 4).map((r) => r.flow),
      );
      if (whole && !near.some((r) => r.flow === whole)) return du.start(turn, whole);
      // "checking account, last month": the flow the words point at ("Initialize my account")
      // takes none of the values; one flow takes every value said, though another reads one of
      // them for a slot of its own ("checking" as the account to send from).
      if (!whole && near.every((r) => du.mentionsFor(turn, r.flow, [], []).length === 0)) {
        const placed = takesAll(
          du,
          turn,
          pointed.slice(0, 4).map((r) => r.flow),
          true,
        );
        if (placed) return du.start(turn, placed);
      }
      const [best, next] = scored;
      // "transfer 80 to Laura Gomez from savings": both transfers ask for every value said,
      // but one takes them all and the other only part: the one that takes them all is meant.
      if (best && whole === best.flow && next && best.found.length > next.found.length) {
        return du.start(turn, whole);
      }
      if (!best || best.own.length === 0) return null;
      if (next && next.found.length >= best.found.length) return null;
      if (told && best.found.length < 2) return null;
      // A bare list of one date or number any business takes and a word the domain does not
      // know is about something else ("dermatology, friday morning" in a pizza shop); a value
      // only this domain has (a choice, a code: "I hurt my back, I need physio"), several
      // values, or a sentence around them ("need a spot on saturday") still pick the flow.
      const slots = turn.model.loaded.domain.slots;
      const distinctive = best.own.some((f) => slots[f.slot]?.choices || slots[f.slot]?.pattern);
      const bareList = !tokenize(turn.view.text).some((t) => STOP_WORDS.has(t.norm));
      if (foreign && bareList && !distinctive && best.found.length < 2) return null;
      return du.start(turn, best.flow);
    },
  },
  {
    // "I don't want to cancel, just move it": the flow of the act said not to be wanted is
    // left out of the ones the message leaves open.
    name: "negated-act",
    run: (c) => {
      const d = decision(c);
      if (c.turn.frame || !d || !("ambiguous" in d)) return null;
      const flow = withoutNegatedAct(c.turn, d.ambiguous);
      return flow ? c.du.start(c.turn, flow) : null;
    },
  },
  {
    // "appointment pls", "a table please": the thing alone, asked for with no act, is asked for
    // anew. When the flows it leaves open are those that make it and those that change or
    // cancel one, the one flow that makes it is meant.
    name: "thing-alone-request",
    run: (c) => {
      const { turn } = c;
      if (turn.frame || turn.view.markers.length > 0 || !turn.model.asks.test(turn.acts.flat)) {
        return null;
      }
      if (turn.acts.flat.split(" ").length > THING_ALONE_WORDS) return null;
      const d = decision(c);
      if (!d || !("ambiguous" in d)) return null;
      if (turn.model.analyzer.features(turn.acts.flat).tasks.size > 0) return null;
      const makers = d.ambiguous.filter((flow) =>
        [...turn.model.index.actsOf(flow)].some((act) => MAKING_ACTS.has(act)),
      );
      return makers.length === 1 ? c.du.start(turn, makers[0]!) : null;
    },
  },
  {
    // "my flight is on the 10th but I need the 12th instead, booking K7XQ2P": of flows too close
    // to tell apart, the one alone to take a value of a domain pattern said (a reference to a
    // thing already had) is meant; the others only share its words or dates.
    name: "ambiguous-by-reference",
    run: (c) => {
      const d = decision(c);
      if (!d || !("ambiguous" in d)) return null;
      const { turn, du } = c;
      const referring = d.ambiguous.filter((flow) =>
        du.mentionsFor(turn, flow, [], []).some((f) => turn.model.slots.get(f.slot)?.distinctive),
      );
      return referring.length === 1 ? du.start(turn, referring[0]!) : null;
    },
  },
  {
    // "quiero pedir un taxi" where the cancelling flow's phrase is "ya no quiero pedir el
    // taxi": a message with no cancel word and no negation cancels nothing. Of the flows it
    // leaves open those that cancel are left out (and the price flow, as below).
    name: "uncancelled-request",
    run: (c) => {
      const d = decision(c);
      if (c.turn.frame || !d || !("ambiguous" in d)) return null;
      const { index, analyzer } = c.turn.model;
      if (![...analyzer.features(c.turn.acts.flat).tasks.values()].every((t) => t.act !== "cancel"))
        return null;
      if (c.turn.acts.cancelMentioned) return null;
      if (tokenize(c.turn.text).some((t) => NEGATIONS.has(t.norm))) return null;
      const kept = d.ambiguous.filter((f) => !index.actsOf(f).has("cancel"));
      if (kept.length === d.ambiguous.length || kept.length === 0) return null;
      const rest = kept.length > 1 ? unpriced(c.turn, kept) : kept;
      // Two words of its phrases said together ("pedir un taxi"): a bare reference ("the
      // order is TK-1") names a thing of both flows and asks no act at all.
      const phrased = c.turn.rank.find((r) => r.flow === rest[0])?.phrased;
      return rest.length === 1 && phrased ? c.du.start(c.turn, rest[0]!) : null;
    },
  },
  {
    // "quiero alquilar un coche pequeño" where the price flow's phrase is "cuánto cuesta alquilar
    // un coche": a message without a price word asks to do the thing, not what it costs. Of the
    // flows it leaves open the one that tells prices is left out, and the one left is meant.
    name: "unpriced-request",
    run: (c) => {
      const d = decision(c);
      if (c.turn.frame || !d || !("ambiguous" in d)) return null;
      const rest = unpriced(c.turn, d.ambiguous);
      return rest.length === 1 && d.ambiguous.length > 1 ? c.du.start(c.turn, rest[0]!) : null;
    },
  },
  {
    // "how many towels can I take on premium?" between renting a towel and what a plan includes: a question
    // by a question word goes to the one flow of those too close whose phrases ask that way.
    name: "question-asked-flow",
    run: (c) => {
      const d = decision(c);
      if (c.turn.frame || !d || !("ambiguous" in d)) return null;
      if (!WH_QUESTION.test(c.turn.acts.flat)) return null;
      const asked = d.ambiguous.filter((f) => c.turn.model.questionFlows.has(f));
      return asked.length === 1 ? c.du.start(c.turn, asked[0]!) : null;
    },
  },
  {
    name: "ambiguous-flows",
    run: (c) => {
      const d = decision(c);
      return d && "ambiguous" in d ? [{ type: "clarify", flows: d.ambiguous }] : null;
    },
  },
  { name: "frustration", run: ({ turn }) => (turn.acts.frustrated ? FRUSTRATED : null) },
  PAUSED,
  {
    name: "help",
    // A domain with a flow that says what it does ("qué puedes hacer") answers with it.
    run: ({ du, turn }) => {
      if (!(turn.acts.help || turn.acts.helpQuestion)) return null;
      const flow = turn.model.helpFlow;
      return flow && !turn.frame ? du.start(turn, flow) : [{ type: "clarify" }];
    },
  },
  {
    name: "term-question",
    run: ({ du, turn }) => {
      const term = du.termTopic(turn);
      return term ? [{ type: "clarify", topic: term }] : null;
    },
  },
  {
    // "How much do I have?" when a trigger is "How much money do I have?": the author's phrase
    // but for one word, when nothing else read the message.
    name: "near-trigger-phrase",
    run: ({ du, turn }) => {
      if (turn.frame) return null;
      const flow = turn.model.index.nearPhrase(turn.text);
      return flow ? du.start(turn, flow) : null;
    },
  },
  {
    // "I'm looking for running sneakers" when a trigger is "I'm looking for": the author's
    // phrase opens the message, and what follows is in words no flow knows.
    name: "leading-trigger-phrase",
    run: ({ du, turn }) => {
      if (turn.frame) return null;
      const lead = turn.model.index.leadingPhrase(turn.text);
      if (!lead) return null;
      return withLeadingRest(turn, lead, du.start(turn, lead.flow));
    },
  },
  // A bare yes/no with nothing asked mostly answers "anything else?"; the DM words it.
  { name: "bare-yes", run: ({ turn }) => (turn.acts.affirm ? [{ type: "affirm" }] : null) },
  { name: "bare-no", run: ({ turn }) => (turn.acts.deny ? [{ type: "deny" }] : null) },
  {
    // A long story with the request at its end: the story's words dilute the match, so the
    // last clause is read on its own.
    name: "story-last-clause",
    run: ({ du, turn }) => {
      let tail = finalClause(turn.text);
      // "..., as I hardly use it these days": a reason is not the point of the story.
      if (tail && givesReason(tail)) return null;
      let read = tail ? du.read(tail, turn.model.loaded, turn.state) : [];
      // "..., my cat has not eaten for days and I'd like someone to see her": a wish that names
      // nothing ("and I'd like ...") is read with the clause it closes.
      if (tail && read.length === 0) {
        const both = finalClause(turn.text, 2);
        if (both && !givesReason(both)) {
          tail = both;
          read = du.read(both, turn.model.loaded, turn.state);
        }
      }
      // "... My number is 699 000 111.": a point that only states a value, naming no flow's
      // thing and no act, is a detail of the request a clause of the story asks for, if one
      // does ("is it possible to go down to the cheapest plan?"; rule story-asking-clause).
      const started = read.find((c) => c.type === "start_flow");
      if (tail && started?.type === "start_flow") {
        const view = du.rankingView(turn.model, tail);
        const own = turn.model.index
          .rank(view.text, view.markers)
          .find((r) => r.flow === started.flow);
        const asked = () =>
          askingClauses(turn.text, turn.model.asks).some((clause) =>
            du.read(clause, turn.model.loaded, turn.state).some((c) => c.type === "start_flow"),
          );
        if (own && !own.named && !own.acting && !own.phrased && asked()) return null;
      }
      // A point that leaves some flows open ("Reference 1003.") is settled by the story, when
      // the whole message ranks one of them clearly first ("... wondering when it might arrive").
      const [only] = read;
      if (read.length === 1 && only?.type === "clarify" && only.flows) {
        const open = only.flows;
        const [top, next] = turn.rank.filter((r) => open.includes(r.flow));
        if (top && (!next || next.score < top.score * du.limits.ambiguity)) {
          return du.start(turn, top.flow);
        }
      }
      return read.length > 0 ? du.withPronounName(turn, du.withMessageValues(turn, read)) : null;
    },
  },
  {
    // ... or in the middle of it: the clause that asks is read on its own.
    name: "story-asking-clause",
    run: ({ du, turn }) => {
      for (const clause of askingClauses(turn.text, turn.model.asks)) {
        const commands = du.read(clause, turn.model.loaded, turn.state);
        const [started] = commands;
        if (started?.type !== "start_flow") continue;
        // "looking to get away for a few days ..., 2 of us, barcelona, breakfast included": a
        // clause that names a flow by a word alone, no act, no phrase and none of its values,
        // gives way to the flow the story's values are all for.
        if (commands.length === 1) {
          const view = du.rankingView(turn.model, clause);
          const own = turn.model.index
            .rank(view.text, view.markers)
            .find((r) => r.flow === started.flow);
          const valued = own && !own.acting && !own.phrased ? valuedFlow(du, turn) : undefined;
          if (valued && valued !== started.flow) return du.start(turn, valued);
        }
        return du.withPronounName(turn, du.withMessageValues(turn, commands));
      }
      return null;
    },
  },
  {
    // "I'd like to cancel, I've found a clinic closer to home": in a shorter message, the clause
    // that asks starts its flow when that flow does the clause's act and the whole message
    // points at it too (ranks it first, or has its act); the other clauses only say why. A
    // weak request word does the act too ("we need a slot for our van, it makes a noise ...").
    name: "asking-clause",
    run: ({ du, turn }) => {
      if (turn.frame || turn.rank.length === 0) return null;
      const clauses = askingClauses(turn.text, turn.model.asks, true);
      if (clauses.length === 0 || clauses[0] === turn.text.trim()) return null;
      for (const clause of clauses) {
        const view = du.rankingView(turn.model, clause);
        const ranked = turn.model.index.rankView(view);
        const d = du.decide(ranked, du.limits.minCoverage);
        const own = d && "flow" in d ? ranked.find((r) => r.flow === d.flow) : undefined;
        if (!d || !("flow" in d) || !own) continue;
        const whole = turn.rank.find((r) => r.flow === d.flow);
        // "can u send over a pie, im at home watching the game": a clause that asks and is
        // all the flow's words, when the whole message ranks that flow far ahead of any other.
        const clear =
          whole !== undefined &&
          whole === turn.rank[0] &&
          own.coverage >= CLEAR_CLAUSE_COVERAGE &&
          whole.score >= 2 * (turn.rank[1]?.score ?? 0);
        if (!(own.acting || own.hinted || clear)) continue;
        if (whole && (whole === turn.rank[0] || whole.acting)) return du.start(turn, d.flow);
      }
      return null;
    },
  },
  {
    // "I run out of minutes every week, I need a bigger bundle": the clauses that tell what keeps
    // happening ("every week") say why; the one clause left that asks is the request.
    name: "habit-then-request",
    run: ({ du, turn }) => {
      if (turn.frame) return null;
      const clauses = clausesOf(turn.text);
      if (clauses.length < 2) return null;
      const habit = (c: string) =>
        tokenize(c).some((t, k, all) => k + 1 < all.length && HABIT_LEADS.has(t.norm));
      const rest = clauses.filter((c) => !habit(c));
      if (rest.length !== 1 || rest.length === clauses.length) return null;
      const [asked] = rest;
      if (!turn.model.asks.test(asked!)) return null;
      const commands = du.read(asked!, turn.model.loaded, turn.state);
      return commands.some((c) => c.type === "start_flow")
        ? du.withPronounName(turn, du.withMessageValues(turn, commands))
        : null;
    },
  },
  {
    // "it's my son's birthday on the 20th and we'd like to celebrate with you, there will be 8
    // of us": a story no flow's words match, said as a wish, whose values of two or more slots
    // only one flow of the domain asks for, asks for that flow.
    name: "story-values",
    run: ({ du, turn }) => {
      if (turn.frame || turn.rank.length === 0 || turn.rank.some((r) => r.worded)) return null;
      if (!turn.model.asks.test(turn.acts.flat) || turn.acts.cancelMentioned) return null;
      // "last time on the 3rd we were 6 and ...": values of the past ask for nothing.
      if (PAST_STORY.test(turn.acts.flat)) return null;
      const flow = turn.rank[0]!.flow;
      return ownValues(du, turn, flow) ? du.start(turn, flow) : null;
    },
  },
  {
    // "can u tell me how much i've got in savings": the amount question only one flow's trigger
    // phrases open with ("How much money do I have?"), asked with a value that flow takes, asks
    // for that flow, though no other word of its phrases is said.
    name: "amount-question-value",
    run: ({ du, turn }) => {
      if (turn.frame || turn.view.markers.length === 0) return null;
      const words = ` ${turn.acts.flat} `;
      const asked = AMOUNT_QUESTIONS.filter((q) => words.includes(` ${q} `));
      if (asked.length === 0) return null;
      const flow = amountQuestionFlow(turn, asked);
      if (!flow || du.mentionsFor(turn, flow, [], []).length === 0) return null;
      return du.start(turn, flow);
    },
  },
  ASIDE_REMARK,
];

/** The one flow a trigger phrase of which opens with one of `asked`; undefined if none or more. */
function amountQuestionFlow(turn: Turn, asked: readonly string[]): string | undefined {
  const domain = turn.model.loaded.domain;
  const flows = Object.keys(domain.flows).filter(
    (name) =>
      !domain.flows[name]!.internal &&
      flowPhrases(domain, name).some((p) => asked.some((q) => `${flat(p)} `.startsWith(`${q} `))),
  );
  return flows.length === 1 ? flows[0] : undefined;
}

/**
 * The message states values of two or more slots of `flow` that no other flow asks for. A
 * number counts only when it is the story's one number ("she turns forty ... 6 of us" may
 * give either to the count).
 */
function ownValues(du: HeuristicUnderstanding, turn: Turn, flow: string): boolean {
  const numbers = turn.model.reader.numbers(turn.text);
  const asked = turn.model.flowSlots.get(flow) ?? [];
  const found = du.mentionsFor(turn, flow, [], []).filter((f) => {
    const slot = asked.find((s) => s.name === f.slot);
    if (slot?.kind !== "number") return true;
    return numbers.filter((n) => !(n.start >= f.start && n.end <= f.end)).length === 0;
  });
  const slots = new Set(found.map((f) => f.slot));
  if (slots.size < 2) return false;
  for (const [other, asked] of turn.model.flowSlots) {
    if (other !== flow && asked.some((s) => slots.has(s.name))) return false;
  }
  return true;
}

/** The one flow the message ranks whose own values it states (`ownValues`), if any. */
function valuedFlow(du: HeuristicUnderstanding, turn: Turn): string | undefined {
  const valued = turn.rank.filter((r) => ownValues(du, turn, r.flow));
  return valued.length === 1 ? valued[0]!.flow : undefined;
}

/**
 * The word a request asks to be done ("quiero vender", "I want to sell"): the first word after
 * the first request cue that is no function word.
 */
function requestedWord(text: string): string | undefined {
  const hit = REQUEST_CUES.exec(text);
  if (!hit) return undefined;
  return text
    .slice(hit.index + hit[0].length)
    .split(" ")
    .find((w) => w && !STOP_WORDS.has(w));
}

/**
 * A sentence after a question asks for something ("I want to go onto it"), while the best flow
 * is named by a word of the message and explains at least half of it.
 */
function requestAfterQuestion(turn: Turn): boolean {
  const at = turn.text.search(/\?\s+\S/);
  if (at < 0) return false;
  const [top] = turn.rank;
  return (
    !!top?.worded && top.coverage >= 0.5 && turn.model.asks.test(flat(turn.text.slice(at + 1)))
  );
}
