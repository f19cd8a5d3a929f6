import type { Domain } from "../../config/schema.ts";
import { flowPhrases } from "../flow-phrases.ts";
import { type Analyzer, PLACEHOLDER } from "./analyzer.ts";
import { ChoiceMatcher } from "./extract/choices.ts";
import {
  ACT_FAMILIES,
  ARTICLES,
  DOUBT_WORDS,
  MAKING_ACTS,
  NEGATIONS,
  PREPOSITIONS,
  STOP_WORDS,
  CAPITAL_SELF as SUBJECTS,
  TEXTING_FORMS,
  WHICH_WORDS,
} from "./language/words.ts";
import { stem, type Token, tokenize } from "./text.ts";

/**
 * The packs' doubt and which words as stems ("think", "other"): how sure the user is, or which
 * one, not what is asked.
 */
const DOUBTS: ReadonlySet<string> = new Set([...DOUBT_WORDS, ...WHICH_WORDS].map(stem));

/** Trigger phrases this long or longer are matched with one word left out. */
const NEAR_PHRASE_MIN_WORDS = 4;

export interface FlowScore {
  flow: string;
  /** BM25 over unigrams and bigrams. */
  score: number;
  /** Share of the message's term weight this flow explains (0..1); unknown words count too. */
  coverage: number;
  /** The message's terms the flow's phrases have (only when asked for: `soni explain`). */
  matched?: string[];
  /** A word of the message matched, or a value only this domain has; not only a date or number. */
  worded: boolean;
  /** The flow does an act the message asks for with a task word ("extend": change). */
  acting: boolean;
  /** A word of the message other than a task word is the flow's own (what the act is done to). */
  named?: boolean;
  /** The flow does the act of a weak task word of the message ("instead": change; "yet": look up). */
  hinted?: boolean;
  /** A two-word phrase of the flow's is in the message ("new card"): it names the flow's thing. */
  phrased?: boolean;
  /** A value that tells the flow (a choice it takes, a pattern) is in the message. */
  valued?: boolean;
}

const K1 = 1.2;
/** The smallest number of flows IDF is computed over (see idf). */
const MIN_DOCS = 4;
const B = 0.5;
/** Weight of a message word no flow knows ("weather", "pizza"): it makes a match less certain. */
const UNKNOWN_WEIGHT = 1.0;
/** A capitalised unknown word is likely a name ("send it to Laura"), which says little. */
const NAME_WEIGHT = 0.25;
/**
 * A word no flow has but the domain uses elsewhere (a slot's description: "how many nights to
 * stay"): it belongs to the domain, so it makes a match less certain than a foreign word does.
 */
const DOMAIN_WEIGHT = 0.5;
/**
 * What a task word counts for in a flow that does not use it but whose own words are of the same
 * act ("reschedule" for a flow described as "move an appointment"): well below an exact match.
 */
const TASK_SHARE = 0.6;
/**
 * A fixed phrase of an act ("call off", "won't make it", "how much longer") weighs in the coverage
 * as its words, up to this many: it says the act as plainly as they would.
 */
const PHRASE_WORDS = 3;
/** What each further word of a task phrase multiplies its score by. */
const PHRASE_SCORE = 1.25;

/** A message's feature with what it weighs and tells, the same for every flow (see rank). */
interface ScoredFeature {
  f: string;
  idf: number;
  /** A word, or the marker of a value that tells a flow (a choice, a pattern). */
  worded: boolean;
  /** A word of the message that is no task word. */
  named: boolean;
  /** A bigram of words. */
  phrased: boolean;
  /** The marker of a value that tells a flow. */
  told: boolean;
  unigram: boolean;
}

interface FlowDoc {
  flow: string;
  tf: Map<string, number>;
  length: number;
  /** Markers of the slots the flow asks for: they explain a value without scoring for it. */
  asks: Set<string>;
  /**
   * The flow's acts (language packs' task groups) and in how many of its texts each is said:
   * only its main acts, said in at least a third as many texts as the most said one (one
   * "check" among many "change" words does not make a flow a look-up).
   */
  acts: Map<string, number>;
  /** Words of the descriptions of the slots it asks for ("nights to stay"): explained, unscored. */
  about: Set<string>;
  /**
   * Words its texts say only as a past after a subject ("I logged a ticket ..."): they tell what
   * the user did before, so the word said as a request ("log a ticket") is no match for them.
   */
  pastOnly: Set<string>;
  /**
   * Words its texts say only plainly ("lodge an appeal"), never as a past after a subject: told
   * as a story in the message ("I lodged something last week") where another flow's texts say
   * them so, they are that flow's, not this one's.
   */
  plainOnly: Set<string>;
}

/**
 * BM25 ranking of the flows a user may start, over their trigger phrases, description and name
 * words. Internal flows are never indexed, so user text can never start them.
 */
export class FlowIndex {
  private readonly docs: FlowDoc[] = [];
  private readonly df = new Map<string, number>();
  /** In how many flows each act is a main act. */
  private readonly actDf = new Map<string, number>();
  /** Every marker some flow asks for. */
  private readonly asked = new Set<string>();
  /**
   * Markers of values only this domain has (a choice, a patterned code: "pepperoni",
   * "AP-3307"): they point at a flow. A date or a number any business takes does not.
   */
  private readonly telling = new Set<string>();
  private readonly avgLength: number;
  /** Each placeholder-free trigger phrase's analysis key, and the flows that have it. */
  private readonly phrases = new Map<string, Set<string>>();
  /** Each placeholder-free trigger phrase's words as written (case and punctuation aside). */
  private readonly literals = new Map<string, Set<string>>();
  /** The most words of any entry of `literals`: how far a message's opening is looked up. */
  private longestLiteral = 0;
  /** Every opening of an entry of `literals` ("i want", "i want to"): where a lookup can stop. */
  private readonly literalOpenings = new Set<string>();
  /** A trigger phrase's words with one content word left out ("how much do i have"). */
  private readonly nearPhrases = new Map<string, Set<string>>();

  /**
   * `collected` lists the slots each flow asks for: a value of one of them in a message (an
   * IBAN, "savings") is explained by the flow, so it does not lower the flow's coverage, even
   * when no trigger phrase has its placeholder. Only placeholders score.
   */
  constructor(
    domain: Domain,
    private readonly analyzer: Analyzer,
    collected: ReadonlyMap<string, readonly string[]> = new Map(),
    places: ReadonlySet<string> = new Set(),
  ) {
    for (const [slot, def] of Object.entries(domain.slots)) {
      // Digits of a declared length are marked only when said after the slot's name ("card
      // ending 4821"), which names the thing as a word would.
      if (def.choices || def.pattern || (def.extract === "digits" && def.length !== undefined))
        this.telling.add(`@${slot}`);
    }
    for (const [flow, def] of Object.entries(domain.flows)) {
      if (def.internal) continue;
      const phrases = flowPhrases(domain, flow);
      const texts = [flow.replace(/_/g, " "), def.description ?? "", ...phrases];
      const own = new Set<string>();
      for (const text of [flow.replace(/_/g, " "), ...phrases])
        for (const f of analyzer.features(text).features) if (!f.includes(" ")) own.add(f);
      this.ownWords.set(flow, own);
      // With no phrase saying how users ask for it, the questions it asks tell what it is for
      // ("Please enter the serial number" starts with "I want to enter a serial number").
      if (phrases.length === 0) {
        for (const slot of collected.get(flow) ?? []) texts.push(domain.slots[slot]?.prompt ?? "");
      }
      const tf = new Map<string, number>();
      const said = new Map<string, number>();
      const saidPast = new Set<string>();
      const saidPlain = new Set<string>();
      let length = 0;
      for (const text of texts) {
        const analysed = analyzer.features(text);
        for (const f of analysed.features) {
          tf.set(f, (tf.get(f) ?? 0) + 1);
          length++;
          if (!f.includes(" ")) (analysed.stories.has(f) ? saidPast : saidPlain).add(f);
        }
        const strong = [...analysed.tasks.values()].filter((t) => !t.weak).map((t) => t.act);
        for (const act of new Set(strong)) said.set(act, (said.get(act) ?? 0) + 1);
      }
      for (const phrase of flowPhrases(domain, flow)) {
        if (new RegExp(PLACEHOLDER.source).test(phrase)) continue;
        const key = this.phraseKey(phrase);
        if (key) {
          this.phrases.set(key, (this.phrases.get(key) ?? new Set()).add(flow));
          this.mostPhraseTerms = Math.max(this.mostPhraseTerms, key.split("|").length);
        }
        const words = tokenize(phrase).map((t) => t.norm);
        if (words.length > 0) {
          const literal = words.join(" ");
          this.literals.set(literal, (this.literals.get(literal) ?? new Set()).add(flow));
          this.longestLiteral = Math.max(this.longestLiteral, words.length);
          for (let n = 1; n <= words.length; n++)
            this.literalOpenings.add(words.slice(0, n).join(" "));
        }
        // A flow users cannot start is never one a near phrase starts.
        if (words.length < NEAR_PHRASE_MIN_WORDS || domain.flows[flow]?.internal) continue;
        for (let i = 0; i < words.length; i++) {
          if (STOP_WORDS.has(words[i]!)) continue;
          const near = [...words.slice(0, i), ...words.slice(i + 1)].join(" ");
          this.nearPhrases.set(near, (this.nearPhrases.get(near) ?? new Set()).add(flow));
        }
      }
      // "quiero poner una queja" says a value of the flow's own choice slot in words: any value
      // of that slot ("quiero reclamar") names the flow, as a placeholder for it would.
      for (const slot of collected.get(flow) ?? []) {
        const def = domain.slots[slot];
        const marker = `@${slot}`;
        if (tf.has(marker) || !def?.choices?.length) continue;
        const matcher = new ChoiceMatcher(def, analyzer);
        const n = phrases.filter((p) => matcher.find(p).length > 0).length;
        if (n === 0) continue;
        tf.set(marker, n);
        length += n;
      }
      // "need accommodation in Oslo": a place named after a place preposition is a value of the
      // flow's own plain-text place slot ("Which city?"), and names the flow as a placeholder
      // for it would.
      for (const slot of collected.get(flow) ?? []) {
        const marker = `@${slot}`;
        if (!places.has(slot) || tf.has(marker)) continue;
        tf.set(marker, 1);
        length += 1;
      }
      const most = Math.max(0, ...said.values());
      const acts = new Map([...said].filter(([, n]) => n * 3 >= most));
      // A broader act ("create": asking for a new one) is had by a flow with any of its acts.
      for (const [broad, narrow] of Object.entries(ACT_FAMILIES)) {
        const n = Math.max(0, ...narrow.map((act) => acts.get(act) ?? 0));
        if (n > 0) acts.set(broad, Math.max(n, acts.get(broad) ?? 0));
      }
      const asks = new Set((collected.get(flow) ?? []).map((slot) => `@${slot}`));
      const about = new Set<string>();
      for (const slot of collected.get(flow) ?? []) {
        const def = domain.slots[slot];
        const text = `${def?.description ?? ""} ${def?.prompt ?? ""}`;
        for (const f of analyzer.features(text).features) if (!f.includes(" ")) about.add(f);
      }
      const pastOnly = new Set([...saidPast].filter((f) => !saidPlain.has(f)));
      const plainOnly = new Set([...saidPlain].filter((f) => !saidPast.has(f)));
      for (const f of saidPast) this.saidAsStory.add(f);
      this.docs.push({ flow, tf, length, asks, acts, about, pastOnly, plainOnly });
      for (const m of asks) this.asked.add(m);
      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      for (const act of acts.keys()) this.actDf.set(act, (this.actDf.get(act) ?? 0) + 1);
    }
    this.avgLength = this.docs.reduce((n, d) => n + d.length, 0) / Math.max(1, this.docs.length);
  }

  /** Words some flow's texts say as a past after a subject ("I lodged an appeal"). */
  private readonly saidAsStory = new Set<string>();

  /** The words of each flow's name and trigger phrases (not its description). */
  private readonly ownWords = new Map<string, Set<string>>();

  /**
   * A word of `text` is one of `flow`'s name or trigger phrases: "open" of opening_hours. A
   * word only of its description ("at an address") names what the flow handles for the
   * customer, not the business's own thing ("what's your address").
   */
  namesOwnWord(flow: string, text: string): boolean {
    const own = this.ownWords.get(flow);
    return own !== undefined && this.analyzer.features(text).features.some((f) => own.has(f));
  }

  private readonly idfs = new Map<string, number>();

  /**
   * What is left of a text once case, punctuation, stop words and request wording ("please",
   * "I'd like to") are gone: its terms and task words, and whether it is negated.
   */
  private phraseKey(text: string, most = Number.POSITIVE_INFINITY): string {
    const analysed = this.analyzer.features(text);
    const terms = new Set(analysed.features);
    for (const key of analysed.tasks.keys()) terms.add(key);
    // More terms than `most` (as many as any phrase has): no phrase's key, none to build.
    if (terms.size === 0 || terms.size > most) return "";
    const negated = tokenize(text).some((t) => NEGATIONS.has(t.norm));
    return `${negated ? "!" : ""}${[...terms].sort().join("|")}`;
  }

  /** The most terms of any trigger phrase's key. */
  private mostPhraseTerms = 0;

  /**
   * The one flow whose own trigger phrase the message is, once normalised ("Make a transfer
   * please" for "make a transfer"): the author said this phrase starts it, so it does, however
   * close another flow scores. Undefined when no phrase or several flows' phrases match.
   */
  ownPhrase(text: string): string | undefined {
    // Word for word one flow's phrase ("I want to buy"), even when another flow's phrase reads
    // the same once request wording is gone ("buy now"): the author wrote it for that flow.
    const literal = this.literals.get(
      tokenize(text)
        .map((t) => t.norm)
        .join(" "),
    );
    if (literal?.size === 1) return [...literal][0];
    const flows = this.phrases.get(this.phraseKey(text, this.mostPhraseTerms));
    return flows?.size === 1 ? [...flows][0] : undefined;
  }

  /**
   * The one flow whose trigger phrase of two or more words the message opens with, more words
   * following ("I'm looking for running sneakers" for "I'm looking for"), and where the phrase
   * ends: what follows is what the user wants done, often in words no phrase has. Only the
   * opening is looked up, a few words long, so a long message costs no more.
   */
  leadingPhrase(text: string): { flow: string; end: number } | undefined {
    // Several rules ask it of the same message: read once.
    if (this.lastLead?.text === text) return this.lastLead.lead;
    const lead = this.readLeadingPhrase(text);
    this.lastLead = { text, lead };
    return lead;
  }

  private lastLead: { text: string; lead: { flow: string; end: number } | undefined } | undefined;

  private readLeadingPhrase(text: string): { flow: string; end: number } | undefined {
    const tokens = tokenize(text);
    const found = this.leadsOf(tokens, []);
    // "can't open the locker with my card": a chat message drops the subject a phrase opens
    // with ("I can't open the locker"); looked up only when the message's own words open no phrase.
    if (found.size === 0 && tokens.length > 0 && !SUBJECTS.has(tokens[0]!.norm))
      for (const subject of SUBJECTS)
        for (const [f, end] of this.leadsOf(tokens, [subject])) found.set(f, end);
    if (found.size !== 1) return undefined;
    const [lead] = [...found];
    return lead && { flow: lead[0], end: lead[1] };
  }

  /** The flows whose literal phrase `prefix` and the message's first words are, and where it ends. */
  private leadsOf(tokens: readonly Token[], prefix: readonly string[]): Map<string, number> {
    const words = this.openingWords(tokens, prefix);
    const found = new Map<string, number>();
    // At least two of the message's own words, and one more after them.
    for (let n = prefix.length + 2; n < words.length && n <= this.longestLiteral; n++) {
      const opening = words.slice(0, n);
      if (opening.every((w) => STOP_WORDS.has(w))) continue;
      for (const flow of this.literals.get(opening.join(" ")) ?? [])
        found.set(flow, tokens[n - prefix.length - 1]!.end);
    }
    return found;
  }

  /**
   * The words a phrase could open the message with ("kiero enviar un paqete": texting forms and
   * typos read as the words they stand for), and the one after them: read word by word while
   * they still open some phrase, since typo correction is the costly part.
   */
  private openingWords(
    tokens: readonly { norm: string }[],
    prefix: readonly string[] = [],
  ): string[] {
    const words: string[] = [...prefix];
    if (words.length > 0 && !this.literalOpenings.has(words.join(" "))) return words;
    for (const t of tokens) {
      words.push(TEXTING_FORMS.get(t.norm) ?? this.analyzer.correct(t.norm));
      if (!this.literalOpenings.has(words.join(" "))) break;
    }
    return words;
  }

  /**
   * The message opens with a whole trigger phrase of some flow, a one-word one included, and
   * goes on with its object ("search for noise cancelling headphones" when a phrase is
   * "search"): a preposition or an article right after the phrase.
   */
  opensWithPhrase(text: string): boolean {
    const words = this.openingWords(tokenize(text));
    for (let n = 1; n < words.length && n <= this.longestLiteral; n++) {
      const opening = words.slice(0, n);
      if (opening.every((w) => STOP_WORDS.has(w))) continue;
      const next = words[n]!;
      if (this.literals.has(opening.join(" ")) && (PREPOSITIONS.has(next) || ARTICLES.has(next)))
        return true;
    }
    return false;
  }

  /**
   * The one flow one of whose trigger phrases the message is, but for one content word left out
   * ("How much do I have?" for "How much money do I have?"): asked when nothing else matched.
   */
  nearPhrase(text: string): string | undefined {
    const tokens = tokenize(text);
    // A short answer ("savings", "ES91 ...") is never a phrase but for one word: no join.
    if (tokens.length < NEAR_PHRASE_MIN_WORDS - 1) return undefined;
    const flows = this.nearPhrases.get(tokens.map((t) => t.norm).join(" "));
    return flows?.size === 1 ? [...flows][0] : undefined;
  }

  /** The flow's main acts ("cancel" for a flow that cancels a reservation). */
  actsOf(flow: string): ReadonlySet<string> {
    let acts = this.flowActs.get(flow);
    if (!acts) {
      const doc = this.docs.find((d) => d.flow === flow);
      acts = new Set(doc?.acts.keys() ?? []);
      this.flowActs.set(flow, acts);
    }
    return acts;
  }

  /** `actsOf` per flow: the documents never change once the index is built. */
  private readonly flowActs = new Map<string, ReadonlySet<string>>();

  /** Some flow has this act among its main acts ("pay"). */
  hasAct(act: string): boolean {
    return this.actDf.has(act);
  }

  /** The flow's own texts use this term. */
  flowHas(flow: string, term: string): boolean {
    return this.docs.find((d) => d.flow === flow)?.tf.has(term) ?? false;
  }

  /** Some flow's phrases use this term. */
  knows(term: string): boolean {
    return this.df.has(term);
  }

  /** Some flow that asks for `marker` ("@size") has `term` among its words. */
  knowsWhereAsked(term: string, marker: string): boolean {
    if (!this.df.has(term)) return false;
    for (const doc of this.docs) if (doc.asks.has(marker) && doc.tf.has(term)) return true;
    return false;
  }

  private idf(term: string): number {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      idf = this.idfOf(this.df.get(term) ?? 0);
      // Only the index's own terms are remembered: user words would grow the map without bound.
      if (this.df.has(term)) this.idfs.set(term, idf);
    }
    return idf;
  }

  private idfOf(df: number): number {
    // Scored as if there were at least MIN_DOCS flows: with one flow every word is in every
    // flow, and plain BM25 would give each one almost no weight.
    const n = Math.max(this.docs.length, MIN_DOCS);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The message's words that no flow, slot or vocabulary entry of the domain knows ("sushi" in
   * a pizza shop), names and task words aside: what a flow could not be asked about.
   */
  foreign(text: string): string[] {
    const analysed = this.analyzer.features(text);
    return analysed.features.filter(
      (t) =>
        !t.includes(" ") &&
        !this.df.has(t) &&
        !analysed.tasks.has(t) &&
        !analysed.phraseParts.has(t) &&
        !analysed.names.has(t) &&
        !this.analyzer.inVocabulary(t),
    );
  }

  /**
   * The message asks for a new thing with a task word ("can I buy a new phone"), every act it
   * names is one of getting something new, and no flow of the domain gets anything new (books,
   * orders, buys): it asks for something the domain does not sell or book. A task word that is
   * `flow`'s own word ("make a booking" to a flow described as a "booking flow", where the word
   * is a noun and names no act) asks for that flow.
   */
  asksForeignAct(text: string, flow?: string): boolean {
    this.#createsAnything ??= [...MAKING_ACTS].some((act) => this.actDf.has(act));
    if (this.#createsAnything) return false;
    const tasks = [...this.analyzer.features(text).tasks];
    const own = flow === undefined ? undefined : this.docs.find((d) => d.flow === flow)?.tf;
    if (own && tasks.some(([key]) => key.split(" ").some((w) => own.has(w)))) return false;
    return tasks.some(([, t]) => !t.weak) && tasks.every(([, t]) => MAKING_ACTS.has(t.act));
  }

  /** Some flow gets something new (books, orders, buys); the same for every message. */
  #createsAnything: boolean | undefined;

  /** The message names a task (a language pack's task word) some flow has. */
  hasTask(text: string, strongOnly = false): boolean {
    for (const t of this.analyzer.features(text).tasks.values())
      if (this.actDf.has(t.act) && !(strongOnly && t.weak)) return true;
    return false;
  }

  /**
   * Flows with a positive score, best first. `markers` are groups of `@slot` terms, one group
   * per value found in the message (a choice, an amount): each matches the `{slot}`
   * placeholders of trigger phrases, and a value several slots could take ("savings": an
   * account type or a source account) weighs as one word in the coverage.
   */
  /**
   * A message's ranking view ranked: its text, its values' markers and the words each value was
   * said by (see `rank`).
   */
  rankView(
    view: {
      readonly text: string;
      readonly markers: readonly (readonly string[])[];
      readonly words?: readonly (readonly string[])[];
    },
    only?: readonly string[],
  ): FlowScore[] {
    return this.rank(view.text, view.markers, only, false, view.words);
  }

  rank(
    text: string,
    markers: readonly (readonly string[])[] = [],
    only?: readonly string[],
    withTerms = false,
    valueWords?: readonly (readonly string[])[],
  ): FlowScore[] {
    const analyzed = this.analyzer.features(text);
    const features = new Set(analyzed.features);
    for (const group of markers) for (const m of group) features.add(m);
    const unigrams = new Set(analyzed.features.filter((f) => !f.includes(" ")));
    // Task words of an act some flow has, and what each weighs in the coverage: a function word
    // ("make") weighs only TASK_SHARE of a word, so "make me a sandwich" starts no booking.
    const tasks: Array<{
      key: string;
      act: string;
      weight: number;
      words: number;
      weak: boolean;
      bare: boolean;
      told: boolean;
    }> = [];
    for (const [key, { act, weak, bare, told }] of analyzed.tasks) {
      const df = this.actDf.get(act);
      if (!df) continue;
      const words = weak ? 1 : Math.min(key.split(" ").length, PHRASE_WORDS);
      const weight = (this.df.has(key) ? this.idf(key) : this.idfOf(df)) * words;
      tasks.push({
        key,
        act,
        weight: weak ? TASK_SHARE * weight : weight,
        words,
        weak,
        bare: !!bare,
        told: !!told,
      });
    }
    const taskKeys = new Set(tasks.map((k) => k.key));
    let total = 0;
    // Words no flow has, with their weight: a flow whose slots are about one explains it.
    const strange: Array<[string, number]> = [];
    for (const t of unigrams) {
      if (this.df.has(t)) total += this.idf(t);
      else if (taskKeys.has(t) || analyzed.phraseParts.has(t) || DOUBTS.has(t)) continue;
      else {
        const weight = analyzed.names.has(t)
          ? NAME_WEIGHT
          : this.analyzer.inVocabulary(t)
            ? DOMAIN_WEIGHT
            : UNKNOWN_WEIGHT;
        total += weight;
        strange.push([t, weight]);
      }
    }
    // A phrase some flow has weighs through its words, unless they are no terms (a negated
    // phrase: "won't be able to come"); then it weighs as itself.
    // A phrase some flow has whose words are no terms ("dónde está": function words only)
    // weighs as itself too, and explains the message for the flows that have it.
    const wordless = new Map<string, number>();
    for (const k of tasks) {
      if (!this.df.has(k.key) || k.bare) total += k.weight;
      else if (k.key.split(" ").every((w) => !unigrams.has(w) && !this.df.has(w))) {
        total += k.weight;
        wordless.set(k.key, k.weight);
      }
    }
    const groups = markers
      .map((group, i) => ({
        members: group,
        weight: Math.max(0, ...group.map((m) => this.idf(m))),
        words: valueWords?.[i],
      }))
      .filter((g) => g.members.some((m) => this.asked.has(m)));
    for (const g of groups) total += g.weight;
    // What each feature weighs and tells, once per message rather than once per flow; a
    // feature no flow has (not in df) matches none and is left out.
    const scored: ScoredFeature[] = [];
    for (const f of features) {
      if (!this.df.has(f)) continue;
      const unigram = unigrams.has(f);
      scored.push({
        f,
        idf: this.idf(f),
        worded: !f.startsWith("@") || this.telling.has(f),
        named: unigram && !taskKeys.has(f),
        phrased: !f.startsWith("@") && f.includes(" "),
        told: f.startsWith("@") && this.telling.has(f),
        unigram,
      });
    }
    const scores: FlowScore[] = [];
    for (const doc of this.docs) {
      if (only && !only.includes(doc.flow)) continue;
      let score = 0;
      let explained = 0;
      let worded = false;
      let acting = false;
      let named = false;
      let hinted = false;
      let phrased = false;
      let valued = false;
      // Only `withTerms` lists the terms: no array per flow otherwise.
      const matched: string[] | undefined = withTerms ? [] : undefined;
      const lengthNorm = K1 * (1 - B + (B * doc.length) / this.avgLength);
      for (const x of scored) {
        const tf = doc.tf.get(x.f);
        if (!tf) continue;
        if (doc.pastOnly.size > 0 && saidAsRequest(x.f, doc.pastOnly, analyzed.past)) continue;
        if (
          analyzed.stories.size > 0 &&
          toldAsStory(x.f, doc.plainOnly, analyzed.stories, this.saidAsStory)
        )
          continue;
        matched?.push(x.f);
        if (x.worded) worded = true;
        if (x.named) named = true;
        if (x.phrased) phrased = true;
        if (x.told) valued = true;
        const norm = tf + lengthNorm;
        score += (x.idf * tf * (K1 + 1)) / norm;
        if (x.unigram) explained += x.idf;
        else if (wordless.size > 0) explained += wordless.get(x.f) ?? 0;
      }
      // A date or number the flow does not take ("a pizza for tonight") is a detail beside its
      // request, not a sign of another: it neither explains nor dilutes the match.
      let aside = 0;
      for (const g of groups) {
        if (g.members.some((m) => doc.tf.has(m) || doc.asks.has(m))) explained += g.weight;
        // "how many bags can I bring": a choice of a slot the flow does not take, named by a
        // word of the flow's own phrases, is what the flow is about; it explains the value.
        else if (g.words?.some((w) => doc.tf.has(w))) explained += g.weight;
        else if (!g.members.some((m) => this.telling.has(m))) aside += g.weight;
      }
      for (const [t, weight] of strange) if (doc.about.has(t)) explained += weight;
      // Task words the flow does not use, of an act its own words have: they explain themselves.
      for (const k of tasks) {
        // "I deleted them by accident": a past that tells what happened asks for no act.
        if (!k.weak && !k.told && (doc.tf.has(k.key) || doc.acts.has(k.act))) acting = true;
        if (k.weak && (doc.tf.has(k.key) || doc.acts.has(k.act))) hinted = true;
        if (k.bare && doc.tf.has(k.key)) explained += k.weight;
        const said = doc.tf.has(k.key) ? 0 : (doc.acts.get(k.act) ?? 0);
        if (!said) continue;
        // "want a" asks for something, not for this flow's thing.
        if (!k.weak) worded = true;
        matched?.push(`~${k.act}`);
        const norm = said + lengthNorm;
        score +=
          (PHRASE_SCORE ** (k.words - 1) *
            TASK_SHARE *
            this.idfOf(this.actDf.get(k.act)!) *
            said *
            (K1 + 1)) /
          norm;
        explained += k.weight;
      }
      if (score > 0) {
        const coverage = total - aside > 0 ? explained / (total - aside) : 0;
        scores.push(
          withTerms
            ? {
                flow: doc.flow,
                score,
                coverage,
                matched,
                worded,
                acting,
                named,
                hinted,
                phrased,
                valued,
              }
            : { flow: doc.flow, score, coverage, worded, acting, named, hinted, phrased, valued },
        );
      }
    }
    return scores.sort((a, b) => b.score - a.score);
  }
}

/**
 * A word of `feature` the message tells as a story ("I lodged something last week") that the
 * flow says only plainly ("lodge an appeal") while another flow says it as a past: that flow's.
 */
function toldAsStory(
  feature: string,
  plainOnly: ReadonlySet<string>,
  stories: ReadonlySet<string>,
  saidAsStory: ReadonlySet<string>,
): boolean {
  for (const w of feature.split(" "))
    if (stories.has(w) && plainOnly.has(w) && saidAsStory.has(w)) return true;
  return false;
}

/**
 * A word of `feature` is one the flow says only as a past ("I logged a ticket") while the
 * message does not say it so ("I'd like to log a ticket"): a request is no story of one.
 */
function saidAsRequest(
  feature: string,
  pastOnly: ReadonlySet<string>,
  past: ReadonlySet<string>,
): boolean {
  for (const w of feature.split(" ")) if (pastOnly.has(w) && !past.has(w)) return true;
  return false;
}
