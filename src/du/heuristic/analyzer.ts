import type { Domain } from "../../config/schema.ts";
import { flowPhrases } from "../flow-phrases.ts";
import { CURRENCY_WORDS, NUMBER_WORDS } from "./extract/numbers.ts";
import {
  ACT_FAMILIES,
  ARTICLE_NOUNS,
  ARTICLES,
  COPULAS,
  DIMINUTIVES,
  ENCLITICS,
  endsAsParticiple,
  INTENT_WORDS,
  IRREGULAR,
  KEEP_WORDS,
  MAKING_ACTS,
  NEGATIONS,
  OBJECT_PRONOUNS,
  PACKS,
  PARTICLE_OBJECTS,
  PARTICLES,
  PASSIVE_AUX,
  POSSESSIVES,
  PRICE_WORDS,
  STOP_WORDS,
  STORY_ACT,
  TASKS,
  TEXTING_FORMS,
  TIMES_WORDS,
  UNDO_PREFIXES,
  VERB_ENDINGS,
  VERB_LEADS,
  VERB_NOUNS,
  VERB_OBJECTS,
  WHICH_WORDS,
  YOU_PLURAL,
} from "./language/words.ts";
import { buildSynonyms, type SynonymTable, synonymWords } from "./synonyms.ts";
import {
  editDistanceAtMost1,
  editDistanceWithin,
  NOMINAL,
  stem,
  type Token,
  tokenize,
} from "./text.ts";

/** The packs' words saying which one of a thing is meant ("other"), as stems. */
const WHICH_STEMS: ReadonlySet<string> = new Set(WHICH_WORDS.map(stem));

/** Placeholders of trigger phrases (`send {amount} to {beneficiary_name}`). */
export const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Typos are only corrected on words this long: shorter ones have too many neighbours. */
const TYPO_MIN_LENGTH = 5;
/** Words this long may carry two typos ("reschedual" -> "reschedule"). */
const TWO_TYPOS_LENGTH = 9;
/** Four-letter words are corrected only for a dropped letter ("blok" -> "block"). */
const SHORT_TYPO_LENGTH = 4;
/** A word this long may be the start of a longer known word ("resched"). */
const CLIPPED_MIN_LENGTH = 6;
/** Bound on remembered corrections, so arbitrary user words cannot grow memory without limit. */
const CORRECTION_CACHE_SIZE = 10_000;
/** At most this many words between a phrasal verb and its particle ("push my booking back"). */
const MAX_PARTICLE_GAP = 3;
/** Texts whose analysis is remembered (a turn's message and its parts). */
const ANALYSIS_CACHE_SIZE = 64;
/** Words of the packs that name a price ("cost"): English words, no typo of a name ("Costa"). */
const PRICE_STEMS = new Set(PRICE_WORDS.map(stem));
const CANCEL = "cancel";
const LOOKUP = "lookup";
/** A word that looks like a plural noun ("calls", "emails"), not a possessive or "ss" word. */
const PLURAL_NOUN = /^[a-z]{3,}[^s']s$/;
/** The shortest verb read behind a prefix that undoes it ("unbook": "book"). */
const UNDONE_MIN = 3;
/** A number as a token: digits, or a number word. Module-level: no closure per text. */
const isNumber = (norm: string) => /^\d/.test(norm) || NUMBER_WORDS.has(norm);
/** A word opening with a capital ("Laura"). */
const UPPER_START = /^\p{Lu}/u;
/** The infinitive marker between a negated want and its verb ("no longer need to see"). */
const TO = "to";
/** A word of letters only, as joined or split between the user's spelling and the domain's. */
const WORD = /^\p{L}{2,}$/u;
/** The fewest letters of each of two words joined into one (WORD's two letters). */
const JOIN_MIN = 2;

/**
 * Turns text into the terms flows are ranked on: folded words, typos fixed against the domain's
 * vocabulary, stemmed, synonyms mapped to canonical keys, stop words and numbers dropped.
 */
export class Analyzer {
  private readonly synonyms: SynonymTable;
  /** The domain's pack reads a cancel verb's present said of a thing as a description. */
  private readonly thingPresent: boolean;
  /** The personal "a" of the language (pack `nameLeads`): a being named follows. */
  private readonly nameLeads: ReadonlySet<string>;
  private readonly vocabulary = new Set<string>();
  /** Infinitives the domain says only with pronouns attached: "anotar" -> "anotarme". */
  private readonly pronounVerbs = new Map<string, string>();
  /** The words of the domain alone (flows, slots, choices, synonyms), not the packs' act words. */
  private readonly domainVocabulary: ReadonlySet<string>;
  /** The words of the flows and slots themselves (names, descriptions, phrases, choices). */
  private readonly textWords: readonly string[];
  #textKeys?: ReadonlySet<string>;
  private readonly typoTargets: string[] = [];
  /** The starts of the domain's words that two typed words may make ("check" of "checkout"). */
  private readonly joinHeads = new Set<string>();
  /** Two adjacent words of the domain's texts by the one word they make ("signup"). */
  private readonly compounds = new Map<string, [string, string]>();
  /** Stems of the vocabulary, so inflected forms of known words are never "corrected". */
  private readonly stems = new Set<string>();
  private readonly corrections = new Map<string, Correction>();
  private readonly clippings = new Map<string, string>();
  private readonly keys = new Map<string, string>();
  /** Task words of the language packs: stem -> act, and phrases as stem sequences. */
  private readonly taskWords = new Map<string, string>();
  /** The task words as written: a stop word carries an act only when it is one ("make"). */
  private readonly taskWordForms = new Set<string>();
  /** Stems of the words of task phrases: English words, never typos ("take back" is no "black"). */
  private readonly taskPhraseStems = new Set<string>();
  /** Task phrases by their first stem. */
  private readonly taskPhrases = new Map<string, Array<{ stems: string[]; act: string }>>();
  /** First stems of cancel phrases ("close" of "close my account"): looked up per word. */
  private readonly cancelPhraseHeads = new Set<string>();
  /** The last texts analysed: one message is ranked several times in a turn. */
  private readonly analysed = new Map<string, Analysis>();
  /** The synonym phrases by their first key, longest first as in the table: looked up per word. */
  private readonly synonymPhrases = new Map<string, SynonymTable["phrases"]>();

  constructor(domain: Domain, extraWords: Iterable<string> = []) {
    const pack = PACKS.find((p) => p.code === domain.settings.language) ?? PACKS[0]!;
    this.thingPresent = pack.thingPresent;
    this.nameLeads = new Set(pack.nameLeads);
    this.synonyms = buildSynonyms(domain);
    for (const phrase of this.synonyms.phrases) {
      const list = this.synonymPhrases.get(phrase.keys[0]!) ?? [];
      list.push(phrase);
      this.synonymPhrases.set(phrase.keys[0]!, list);
    }
    const dropped = new Set(domain.vocabulary.drop);
    for (const [act, list] of Object.entries(TASKS)) {
      if (dropped.has(act)) continue;
      for (const phrase of list) {
        const stems = tokenize(phrase).map((t) => stem(IRREGULAR[t.norm] ?? t.norm));
        if (stems.length > 1) {
          for (const s of stems) this.taskPhraseStems.add(s);
          const list = this.taskPhrases.get(stems[0]!) ?? [];
          list.push({ stems, act });
          this.taskPhrases.set(stems[0]!, list);
        }
        // A word the domain gives a meaning of its own ("move" as a transfer) keeps only that.
        else if (stems.length === 1 && !this.synonyms.single.has(stems[0]!)) {
          if (!this.taskWords.has(stems[0]!)) this.taskWords.set(stems[0]!, act);
          this.taskWordForms.add(phrase.toLowerCase());
        }
      }
    }
    // The longest phrase first: "later than planned" before "later than".
    for (const [first, list] of this.taskPhrases) {
      list.sort((x, y) => y.stems.length - x.stems.length);
      if (list.some((p) => p.act === CANCEL)) this.cancelPhraseHeads.add(first);
    }
    const texts: string[] = [];
    for (const [name, flow] of Object.entries(domain.flows)) {
      texts.push(name.replace(/_/g, " "), flow.description ?? "", ...flowPhrases(domain, name));
    }
    for (const [name, slot] of Object.entries(domain.slots)) {
      texts.push(name.replace(/_/g, " "), slot.description ?? "");
      for (const choice of slot.choices ?? []) texts.push(String(choice));
    }
    const pairs: Array<[string, string]> = [];
    for (const text of texts) {
      const tokens = tokenize(text.replace(PLACEHOLDER, " "));
      tokens.forEach((t, k) => {
        this.vocabulary.add(t.norm);
        const next = tokens[k + 1];
        if (next && WORD.test(t.norm) && WORD.test(next.norm)) pairs.push([t.norm, next.norm]);
      });
    }
    this.textWords = [...this.vocabulary];
    // "sign up" of a phrase typed "signup": two words of the domain's texts written as one,
    // when the one word is not a word of the domain itself.
    for (const [a, b] of pairs) {
      if (!this.vocabulary.has(a + b)) this.compounds.set(a + b, [a, b]);
    }
    for (const w of synonymWords(domain)) this.vocabulary.add(w);
    this.domainVocabulary = new Set(this.vocabulary);
    // "anotarme" of a phrase: the infinitive it is, by which a form said otherwise is known.
    for (const w of this.domainVocabulary) {
      for (const re of ENCLITICS) {
        const verb = re.exec(w)?.[1];
        if (verb && /(?:ar|er|ir)$/.test(verb) && !this.vocabulary.has(verb))
          if (!this.pronounVerbs.has(verb)) this.pronounVerbs.set(verb, w);
      }
    }
    for (const w of this.domainVocabulary)
      for (let n = JOIN_MIN; n + JOIN_MIN <= w.length; n++) this.joinHeads.add(w.slice(0, n));
    for (const w of extraWords) this.vocabulary.add(w);
    for (const w of this.vocabulary) {
      this.stems.add(stem(w));
      if (w.length >= TYPO_MIN_LENGTH && !/\d/.test(w)) this.typoTargets.push(w);
    }
  }

  /**
   * The word as the domain's vocabulary says it: a known word, the single vocabulary word one
   * edit away ("balanse" -> "balance"), or the domain's infinitive of a verb form said otherwise
   * ("anulalo" -> "anular", "me anoto" -> "anotarme"). What flow matching and values read; act
   * cues read `correctTypo`, which leaves the verb as typed.
   */
  correct(word: string): string {
    return this.unchanged(word) ?? this.correction(word).read;
  }

  /**
   * The word with a typo fixed and nothing else ("cancle" -> "cancel"): a verb form stays as
   * typed ("busco", "anulalo"), however the domain says the verb. What act cues read.
   */
  correctTypo(word: string): string {
    return this.unchanged(word) ?? this.correction(word).typo;
  }

  /** The word itself, or the doubled last letter of a short one, where no search is needed. */
  private unchanged(word: string): string | undefined {
    // "bil", "cal": a three-letter word with its last letter typed once, when doubled it is
    // the domain's word ("bill", "call").
    if (word.length === 3 && !this.vocabulary.has(word) && !STOP_WORDS.has(word)) {
      const doubled = word + word[2];
      if (/^[a-z]+$/.test(word) && this.vocabulary.has(doubled)) return doubled;
    }
    // An everyday word of a language pack ("pasame") is never a domain word's typo ("pasaje").
    if (
      word.length < SHORT_TYPO_LENGTH ||
      this.vocabulary.has(word) ||
      STOP_WORDS.has(word) ||
      KEEP_WORDS.has(word)
    ) {
      return word;
    }
    return undefined;
  }

  /** Both readings of a word the typo search looks at, remembered per word. */
  private correction(word: string): Correction {
    // The typo search scans the vocabulary; every message asks it for the same words many times.
    let corrected = this.corrections.get(word);
    if (corrected === undefined) {
      corrected = this.searchCorrection(word);
      if (this.corrections.size >= CORRECTION_CACHE_SIZE) this.corrections.clear();
      this.corrections.set(word, corrected);
    }
    return corrected;
  }

  /**
   * A clipped word ("resched"): the start of a single longer known word. Only for ranking: an
   * English word the domain lacks ("connect" of "connection") must stay itself in act phrases.
   */
  private unclip(word: string): string {
    if (word.length < CLIPPED_MIN_LENGTH || this.vocabulary.has(word) || STOP_WORDS.has(word)) {
      return word;
    }
    let clipped = this.clippings.get(word);
    if (clipped === undefined) {
      const s = stem(word);
      let found: string | undefined;
      if (
        !this.stems.has(s) &&
        !this.taskWords.has(s) &&
        !this.taskPhraseStems.has(s) &&
        !PRICE_STEMS.has(s)
      ) {
        for (const target of this.typoTargets) {
          if (target.length < word.length + 2 || !target.startsWith(word)) continue;
          if (found !== undefined && stem(found) !== stem(target)) {
            found = undefined;
            break;
          }
          found = target;
        }
      }
      clipped = found ?? word;
      if (this.clippings.size >= CORRECTION_CACHE_SIZE) this.clippings.clear();
      this.clippings.set(word, clipped);
    }
    return clipped;
  }

  private searchCorrection(word: string): Correction {
    // A known word in another form ("sending" for "send") is no typo of a third ("spending"),
    // nor is a task word of the language ("charged" is no "changed").
    const s = stem(word);
    if (this.stems.has(s) || this.taskWords.has(s) || this.taskPhraseStems.has(s))
      return same(word);
    if (PRICE_STEMS.has(s) || /\d/.test(word)) return same(word);
    // "devolverla", "anúlalo", "sabéis": a verb the domain or the packs know, with pronouns
    // attached or said to "vosotros", is that verb, no typo of another word: read as the verb,
    // typed as it stands.
    const verb = this.verbOf(word);
    if (verb) return { typo: word, read: verb };
    return same(this.typoOf(word));
  }

  /** The typo search itself, for a word no verb form explains. */
  private typoOf(word: string): string {
    const plain = this.undiminished(word);
    if (plain) return plain;
    // A doubled letter is the likeliest typo ("cancell", "orderr"): undoubled, a known word wins.
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] !== word[i + 1]) continue;
      const undoubled = word.slice(0, i) + word.slice(i + 1);
      if (this.vocabulary.has(undoubled)) return undoubled;
    }
    let found: string | undefined;
    for (const target of this.typoTargets) {
      // People rarely mistype the first letter; "flight" is not a typo of "light".
      const sameStart = word[0] === target[0] || (word[0] === target[1] && word[1] === target[0]);
      if (!sameStart || !editDistanceAtMost1(word, target)) continue;
      if (word.length < TYPO_MIN_LENGTH && target.length !== word.length + 1) continue;
      // Five-letter words swap into other words too easily ("movie" -> "movil").
      if (word.length === target.length && word.length < 6 && !isTransposition(word, target)) {
        continue;
      }
      // A short word with one letter more than a known one is mostly another word ("monkey" is
      // no "money"); dropped letters ("acount") are the common typo.
      if (word.length > target.length && word.length < 7) continue;
      // Two candidates with different stems: guessing would be worse than not knowing.
      if (found !== undefined && stem(found) !== stem(target)) return word;
      found = target;
    }
    if (found !== undefined || word.length < TWO_TYPOS_LENGTH) return found ?? word;
    // A long word two edits from a single long known word, same first two letters.
    for (const target of this.typoTargets) {
      if (target.length < TWO_TYPOS_LENGTH || !target.startsWith(word.slice(0, 2))) continue;
      if (editDistanceWithin(word, target, 2) > 2) continue;
      if (found !== undefined && stem(found) !== stem(target)) return word;
      found = target;
    }
    return found ?? word;
  }

  /**
   * The text tells of a thing already asked for, in the past after its subject ("I booked for
   * thursday", "we reserved a table"): the thing is had, not asked for.
   */
  tellsHad(text: string): boolean {
    const tokens = tokenize(text);
    return tokens.some((t, i) => {
      if (i === 0 || !STOP_WORDS.has(tokens[i - 1]!.norm) || NUMBER_WORDS.has(tokens[i - 1]!.norm))
        return false;
      const base = IRREGULAR[t.norm];
      if (!base && !endsAsParticiple(t.norm)) return false;
      const act = this.taskWords.get(stem(base ?? t.norm));
      return act !== undefined && MAKING_ACTS.has(act);
    });
  }

  /**
   * Content terms of a text, in order. A `{slot}` placeholder becomes the marker term `@slot`
   * (the ranker adds the same marker when a message contains a value of that slot).
   */
  terms(text: string): Term[] {
    return this.allTerms(text).filter((t) => !t.taskOnly);
  }

  /**
   * The terms, with the function words that count only as a task act ("make"). The last few
   * texts' terms are remembered (never changed once made): a turn reads some texts several times.
   */
  private allTerms(text: string): readonly Term[] {
    let terms = this.termed.get(text);
    if (terms === undefined) {
      terms = this.readTerms(text);
      if (this.termed.size >= ANALYSIS_CACHE_SIZE) this.termed.clear();
      this.termed.set(text, terms);
    }
    return terms;
  }

  private readonly termed = new Map<string, readonly Term[]>();

  private readTerms(text: string): Term[] {
    // A message has no `{slot}` placeholder (only trigger phrases do): no regex split for it.
    if (!text.includes("{")) return this.literalTerms(text);
    const parts = text.split(PLACEHOLDER);
    const out: Term[] = [];
    parts.forEach((part, i) => {
      if (i % 2 === 1) out.push({ key: `@${part}`, properName: false });
      else out.push(...this.literalTerms(part));
    });
    return out;
  }

  /**
   * The words as the domain writes them: two words typed where its texts have them as one
   * ("check out" for "checkout", "log in" for "login") are that word, and one typed where its
   * texts have two ("signup" for "sign up") are those two.
   */
  domainSpelling(tokens: readonly Token[]): readonly Token[] {
    // Most messages need no respelling: the tokens are handed back as they are, and a copy is
    // made only from the first word respelt.
    let out: Token[] | undefined;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      const next = tokens[k + 1];
      // Only a word some domain word starts with can join the next into it.
      const joined = next && this.joinHeads.has(t.norm) ? t.norm + next.norm : "";
      if (
        joined &&
        next &&
        WORD.test(t.norm) &&
        WORD.test(next.norm) &&
        this.domainVocabulary.has(joined) &&
        next.start - t.end <= 1
      ) {
        out ??= tokens.slice(0, k);
        out.push({ raw: t.raw + next.raw, norm: joined, start: t.start, end: next.end });
        k++;
        continue;
      }
      const split = this.compounds.get(t.norm);
      if (split && !this.domainVocabulary.has(t.norm)) {
        const cut = t.start + split[0].length;
        out ??= tokens.slice(0, k);
        out.push({
          raw: t.raw.slice(0, split[0].length),
          norm: split[0],
          start: t.start,
          end: cut,
        });
        out.push({ raw: t.raw.slice(split[0].length), norm: split[1], start: cut, end: t.end });
        continue;
      }
      // "wen will it come": a question word typed as it sounds, that the domain has no word
      // for, is that question word.
      const texted = TEXTING_FORMS.get(t.norm);
      if (texted && INTENT_WORDS.has(texted) && !this.domainVocabulary.has(t.norm)) {
        out ??= tokens.slice(0, k);
        out.push({ ...t, norm: texted });
        continue;
      }
      const undone = this.undone(t.norm);
      if (undone) {
        const cut = t.start + undone.prefix.length;
        out ??= tokens.slice(0, k);
        out.push({
          raw: t.raw.slice(0, undone.prefix.length),
          norm: undone.word,
          start: t.start,
          end: cut,
        });
        out.push({
          raw: t.raw.slice(undone.prefix.length),
          norm: undone.verb,
          start: cut,
          end: t.end,
        });
        continue;
      }
      out?.push(t);
    }
    return out ?? tokens;
  }

  /**
   * "unbook": a verb of asking for a new thing (booking, buying) behind a prefix that undoes
   * it, the whole no word of the domain, is that verb given up: the packs' word for undoing
   * ("cancel") and the verb.
   */
  private undone(norm: string): { prefix: string; word: string; verb: string } | null {
    for (const [prefix, word] of UNDO_PREFIXES) {
      // The prefix first: it runs per word, and most words start with none.
      if (!norm.startsWith(prefix)) continue;
      const verb = norm.slice(prefix.length);
      if (verb.length < UNDONE_MIN || this.domainVocabulary.has(norm)) continue;
      const act = this.taskWords.get(stem(verb));
      if (act !== undefined && MAKING_ACTS.has(act)) return { prefix, word, verb };
    }
    return null;
  }

  private literalTerms(text: string): Term[] {
    const tokens = this.domainSpelling(tokenize(text));
    // One pass, no intermediate arrays: this runs for every text a turn ranks.
    const items: TermItem[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (isNumber(t.norm) || CURRENCY_WORDS.has(t.norm)) continue;
      const before = k > 0 ? tokens[k - 1]!.norm : undefined;
      // "I typed it wrong 3 times": how often is no word of what is asked.
      if (before !== undefined && TIMES_WORDS.has(t.norm) && isNumber(before)) continue;
      const negated = before !== undefined && NEGATIONS.has(before);
      // "no es urgente", "it is not urgent": a word a negated copula says the thing is not
      // names no flow the message asks for.
      const twoBefore = k > 1 ? tokens[k - 2]!.norm : undefined;
      const denied =
        twoBefore !== undefined &&
        ((NEGATIONS.has(twoBefore) && COPULAS.has(before!)) || (COPULAS.has(twoBefore) && negated));
      const w = this.wordOf(t.norm);
      const use = verbNounUse(w.verbNoun, tokens, k);
      // "I placed an order", "we reserved": asking for a new one, said in the past after its
      // subject, tells of the one already had; the act is no request ("pizzas brought over"
      // still asks, and so does "get one brought": a number is no subject).
      const past =
        w.pastForm && before !== undefined && STOP_WORDS.has(before) && !NUMBER_WORDS.has(before);
      // "the match was moved", "it has been changed": a participle after an auxiliary tells
      // what happened to the thing; the act is no request of the speaker. So does a past said
      // after its subject with its object ("the band moved the gig", "I deleted them"); "I
      // want the date changed to friday" still asks.
      const after = k + 1 < tokens.length ? tokens[k + 1]!.norm : undefined;
      // A chat message may drop the subject: "dropped my phone in the car park" opens with the
      // past and its object, and tells as much.
      const told =
        w.pastForm &&
        ((before !== undefined && PASSIVE_AUX.has(before)) ||
          ((before !== undefined || k === 0) &&
            after !== undefined &&
            w.plainPast &&
            (ARTICLES.has(after) || POSSESSIVES.has(after) || OBJECT_PRONOUNS.has(after))));
      // "the vpn drops", "calls drop after 5 min", "it just closes": a cancel verb (or the verb
      // of a cancel phrase, "close my account") said of a thing in the present (its -s form, or
      // its plain form after a plural noun), with no object after it, tells what the thing
      // does; it asks to cancel nothing (pack `thingPresent`).
      const described =
        this.thingPresent &&
        (w.act === CANCEL || this.cancelPhraseHeads.has(w.stem)) &&
        !negated &&
        (after === undefined ||
          !(ARTICLES.has(after) || POSSESSIVES.has(after) || OBJECT_PRONOUNS.has(after))) &&
        ((t.norm.length > w.stem.length && t.norm.endsWith("s") && w.stem.length > 2) ||
          (before !== undefined &&
            t.norm === w.stem &&
            PLURAL_NOUN.test(before) &&
            !STOP_WORDS.has(before) &&
            !this.wordOf(before).act));
      // "I logged a ticket" opens a story of what was done; "how much have I used" asks (an
      // auxiliary before the subject) and "my sim is blocked" tells a state, so only a plain
      // past after its subject, no function word before that, tells a story.
      // "¿podéis ver a mi yegua?": looking at someone (the personal "a" before a pet or a person,
      // pack `nameLeads`) is seeing them; no record is looked up.
      const next = tokens[k + 2];
      const someone =
        w.act === LOOKUP &&
        after !== undefined &&
        this.nameLeads.has(after) &&
        next !== undefined &&
        (POSSESSIVES.has(next.norm) || UPPER_START.test(next.raw));
      const story =
        past &&
        w.plainPast &&
        !PASSIVE_AUX.has(before!) &&
        (k < 2 || !STOP_WORDS.has(tokens[k - 2]!.norm));
      items.push({
        stem: w.stem,
        past,
        story,
        told,
        // "I can't make it": a negated task word asks for nothing.
        act: negated || described || denied || someone || use === "noun" ? undefined : w.act,
        key: w.key,
        verb: use === "verb" && !negated && !w.domainWord,
        // A cancel verb telling what a thing does is no word of a flow that cancels either.
        stop: w.stop || described || denied,
        intent: w.intent,
        // A capitalised word inside a sentence is probably a name ("send it to Laura"); the
        // unit after a number ("3 nights", "2 people") is part of that value. "Inside" counts
        // the words kept, numbers left out.
        properName:
          !w.known &&
          ((before !== undefined && isNumber(before)) ||
            (items.length > 0 && UPPER_START.test(t.raw))),
      });
    }
    const out: Term[] = [];
    // Particles of a phrasal verb said apart from it ("push my booking back"): part of its phrase.
    const apart = new Set<number>();
    // The verb a negated cancel phrase governs ("no longer need to SEE", "don't want to ORDER"):
    // it is what is given up, not asked for.
    const givenUp = new Set<number>();
    for (let i = 0; i < items.length; ) {
      if (givenUp.has(i)) {
        i++;
        continue;
      }
      if (apart.has(i)) {
        out.push({ key: items[i]!.key, properName: false, phrasePart: true });
        i++;
        continue;
      }
      const phrase = this.synonymPhrases
        .get(items[i]!.key)
        ?.find((p) => p.keys.every((k, j) => items[i + j]?.key === k));
      // "has my payment gone through?": a packs' synonym the domain has no word for gives way
      // to the task phrase said by the same words.
      if (phrase && (this.saysKey(phrase.key) || !this.taskAt(items, i, phrase.keys.length))) {
        out.push({ key: phrase.key, properName: false });
        i += phrase.keys.length;
        continue;
      }
      // A task phrase ("call off", "place an order") is a term of its act; its content words
      // stay terms ("order" may be a flow's word), but only as part of the phrase.
      const task = this.taskPhrases
        .get(items[i]!.stem)
        ?.find((p) => p.stems.every((k, j) => items[i + j]?.stem === k));
      if (task) {
        // A broad act ("I need a ...": create) is as vague as a function word: weak evidence.
        const broad = task.act in ACT_FAMILIES;
        const act = items[i]!.past && MAKING_ACTS.has(task.act) ? undefined : task.act;
        out.push({
          key: task.stems.join(" "),
          properName: false,
          act,
          taskOnly: broad,
          told: items[i]!.told,
        });
        if (task.act === CANCEL && NEGATIONS.has(task.stems[0]!)) {
          let j = i + task.stems.length;
          for (let k = 0; k < MAX_PARTICLE_GAP && items[j]?.stop; k++) j++;
          // "to" right before it: "... to my appointment" governs no verb.
          if (items[j] && items[j - 1]?.stem === TO) givenUp.add(j);
        }
        // A reason told beside the request ("plans changed") says nothing of it, and the words
        // of a negated phrase ("won't be able to come") are no match for them said plainly
        // ("I'd like to come in"): no terms.
        if (task.act === STORY_ACT || NEGATIONS.has(task.stems[0]!)) {
          out[out.length - 1]!.bare = true;
          i += task.stems.length;
          continue;
        }
        for (const part of items.slice(i, i + task.stems.length)) {
          if (!part.stop) out.push({ key: part.key, properName: false, phrasePart: true });
          // "where is my order": the question word still pairs with what it asks about.
          else if (part.intent) out.push({ key: part.key, properName: false, intent: true });
        }
        i += task.stems.length;
        continue;
      }
      const split = this.splitPhrase(items, i);
      if (split) {
        out.push({ key: split.stems.join(" "), properName: false, act: split.act });
        out.push({ key: items[i]!.key, properName: false, phrasePart: true });
        apart.add(split.particle);
        i++;
        continue;
      }
      const item = items[i]!;
      if (item.past && item.act && MAKING_ACTS.has(item.act)) item.act = undefined;
      // "pick it up", "turn them off": a particle after a verb and its pronoun is that verb's,
      // one term with it; alone it would match any flow with the particle in another verb's
      // phrase ("follow up").
      const verb = items[i - 2];
      if (
        PARTICLES.has(item.stem) &&
        PARTICLE_OBJECTS.has(items[i - 1]?.stem ?? "") &&
        verb &&
        !verb.stop
      ) {
        out.push({ key: `${verb.key} ${item.key}`, properName: false });
        i++;
        continue;
      }
      if (!item.stop) {
        out.push({
          key: item.key,
          properName: item.properName,
          act: item.act,
          verb: item.verb,
          told: item.told,
          past: item.past,
          story: item.story,
        });
      } else {
        if (item.intent) out.push({ key: item.key, properName: false, intent: true });
        // A function word that is a task word ("make", "wheres") counts as its act only.
        if (item.act) {
          out.push({ key: item.key, properName: false, act: item.act, taskOnly: true });
        }
      }
      i++;
    }
    return out;
  }

  /** The act a folded word asks for wherever it stands ("cancel"), if any. */
  actOf(norm: string): string | undefined {
    return this.wordOf(norm).act;
  }

  /**
   * What a folded word is to the ranking wherever it stands: its reading (corrected, unclipped,
   * irregular past as its verb), stem, key and act. The same for every message, so remembered.
   */
  private wordOf(norm: string): WordReading {
    let reading = this.readings.get(norm);
    if (reading === undefined) {
      // "sent", "brought": an irregular past is read as its verb, unless the domain names it.
      const base = IRREGULAR[norm];
      // "devolverla", "pásame": a known verb with pronouns attached is that verb, though the
      // packs keep the word as typed from typo correction ("pasame" is no "pasaje").
      const corrected = (base ? undefined : this.verbOf(norm)) ?? this.correct(norm);
      const word =
        base && !this.synonyms.single.has(stem(norm))
          ? base
          : corrected === norm
            ? this.unclip(norm)
            : corrected;
      const s = stem(word);
      reading = {
        stem: s,
        // "reservation" names a thing; "wait, ..." is a filler, though it shares its stem with
        // "waiting".
        act:
          NOMINAL.test(word) || (STOP_WORDS.has(word) && !this.taskWordForms.has(word))
            ? undefined
            : (this.taskWords.get(s) ?? this.taskWords.get(stem(norm))),
        key: this.synonyms.single.get(s) ?? s,
        domainWord: this.synonyms.single.has(s),
        stop: STOP_WORDS.has(word),
        intent: INTENT_WORDS.has(word),
        known: this.vocabulary.has(norm),
        pastForm: endsAsParticiple(norm) || (IRREGULAR[norm] ?? norm) !== norm,
        plainPast: plainPast(norm),
        verbNoun: verbNounForm(norm),
      };
      if (this.readings.size >= CORRECTION_CACHE_SIZE) this.readings.clear();
      this.readings.set(norm, reading);
    }
    return reading;
  }

  private readonly readings = new Map<string, WordReading>();

  /**
   * The domain's word a diminutive makes smaller (pack `diminutive`): "pequeño" of "pequeñito",
   * "coche" of "cochecito", "poco" of "poquito". A root this short is too often a word of its
   * own ("bonito" is no small "bono", "visita" no small "visa").
   */
  private undiminished(word: string): string | undefined {
    for (const re of DIMINUTIVES) {
      const m = re.exec(word);
      if (!m || m[1]!.length < DIMINUTIVE_ROOT_MIN) continue;
      const end = m[2]!;
      const plural = end.endsWith("s") ? "s" : "";
      for (const root of new Set([m[1]!, m[1]!.replace(/qu$/, "c").replace(/gu$/, "g")])) {
        for (const whole of [root + end, `${root}e${plural}`]) {
          if (this.vocabulary.has(whole)) return whole;
        }
      }
    }
    return undefined;
  }

  /**
   * The known verb of a word with object pronouns attached (pack `enclitic`) or said to a
   * group (pack `youPlural`): the verb as said ("cambia" of "cambiamelo") or its infinitive
   * ("anular" of "anulalo", "llevar" of "llevadlo", "saber" of "sabeis"), when the domain's
   * texts or the packs' task words have it. None for a known word, a function word, or one
   * whose verb nothing knows ("escuela" is no "escue" + "la").
   */
  private verbOf(norm: string): string | undefined {
    // A word of the packs' task words or phrases as it stands ("quiero hacerme") stays itself.
    const own = stem(norm);
    if (
      this.vocabulary.has(norm) ||
      STOP_WORDS.has(norm) ||
      this.taskWords.has(own) ||
      this.taskPhraseStems.has(own)
    )
      return undefined;
    const known = (verb: string) => this.vocabulary.has(verb) || this.taskWords.has(stem(verb));
    for (const re of ENCLITICS) {
      const said = re.exec(norm)?.[1];
      if (!said || said.length < ENCLITIC_VERB_MIN) continue;
      const verb = infinitivesOf(said).find(known);
      if (verb) return verb;
    }
    for (const [re, ending] of YOU_PLURAL) {
      const root = re.exec(norm)?.[1];
      if (root && root.length >= ENCLITIC_VERB_MIN - 2 && known(root + ending))
        return root + ending;
    }
    // "me anoto", "que me lo arreglen": a person or tense of a verb the domain says, maybe
    // only with pronouns attached ("anotarme en la lista"), as is the bare infinitive.
    const said = this.pronounVerbs.get(norm);
    if (said) return said;
    for (const [ending, infinitives] of VERB_ENDINGS) {
      if (!norm.endsWith(ending)) continue;
      const root = norm.slice(0, -ending.length);
      if (root.length < VERB_ROOT_MIN) continue;
      for (const end of infinitives) {
        const verb = root + end;
        if (this.domainVocabulary.has(verb)) return verb;
        const attached = this.pronounVerbs.get(verb);
        if (attached) return attached;
      }
    }
    return undefined;
  }

  /**
   * A two-word task phrase whose particle comes a few words later ("push my booking back",
   * "call it off"): the phrase and where its particle is.
   */
  private splitPhrase(
    items: ReadonlyArray<{ stem: string; key: string; stop: boolean }>,
    i: number,
  ): { stems: string[]; act: string; particle: number } | undefined {
    // Only a verb of its own takes a particle this way ("is ... out" is no phrase).
    const phrases = items[i]!.stop ? undefined : this.taskPhrases.get(items[i]!.stem);
    if (!phrases) return undefined;
    for (const p of phrases) {
      if (p.stems.length !== 2 || !PARTICLES.has(p.stems[1]!)) continue;
      for (let j = i + 2; j <= i + 1 + MAX_PARTICLE_GAP && j < items.length; j++) {
        if (items[j]!.stem !== p.stems[1]) continue;
        // "put the money back": the particle ends a phrase of the domain ("money back").
        return this.endsSynonym(items, i + 1, j) ? undefined : { ...p, particle: j };
      }
    }
    return undefined;
  }

  /** Whether a word of the flows or slots themselves has this key (synonyms read). */
  private saysKey(key: string): boolean {
    this.#textKeys ??= new Set(this.textWords.map((w) => this.key(w)));
    return this.#textKeys.has(key);
  }

  /** Whether a task phrase of at least `length` words starts at item `i`. */
  private taskAt(items: ReadonlyArray<{ stem: string }>, i: number, length: number): boolean {
    const phrases = this.taskPhrases.get(items[i]!.stem);
    return !!phrases?.some(
      (p) => p.stems.length >= length && p.stems.every((k, j) => items[i + j]?.stem === k),
    );
  }

  /** Whether a synonym phrase starting after `from` ends at item `j` (or runs over it). */
  private endsSynonym(items: ReadonlyArray<{ key: string }>, from: number, j: number): boolean {
    for (let k = from; k < j; k++) {
      const phrases = this.synonymPhrases.get(items[k]!.key);
      if (
        phrases?.some(
          (p) => k + p.keys.length > j && p.keys.every((key, m) => items[k + m]?.key === key),
        )
      )
        return true;
    }
    return false;
  }

  /**
   * Unigrams plus adjacent bigrams ("card", "block", "block card"), and the task words met
   * (`tasks`: term key -> act). The last few texts are remembered: a turn ranks the same text
   * more than once (the message, then the flows a clarification offered, ...).
   */
  features(text: string): Analysis {
    const cached = this.analysed.get(text);
    if (cached) return cached;
    const all = this.allTerms(text);
    const tasks = new Map<string, TaskWord>();
    // Task words that are function words ("make") or phrases count only as their act.
    const terms: Term[] = [];
    // A question word counts only with the word it asks about ("where order"): it tells "where
    // is my order" from "order a pizza" without weighing as a word of its own.
    const features: string[] = [];
    const phraseParts = new Set<string>();
    const names = new Set<string>();
    const past = new Set<string>();
    const stories = new Set<string>();
    // One pass over the terms: this runs for every text a turn ranks.
    for (const t of all) {
      if (t.past) past.add(t.key);
      if (t.story) stories.add(t.key);
      if (t.act) tasks.set(t.key, { act: t.act, weak: !!t.taskOnly, bare: t.bare, told: t.told });
      if (t.taskOnly) continue;
      terms.push(t);
      if (!t.intent) features.push(t.key);
      if (t.phrasePart) phraseParts.add(t.key);
      if (t.properName) names.add(t.key);
    }
    for (let i = 0; i + 1 < terms.length; i++) {
      if (terms[i + 1]!.intent) continue;
      features.push(`${terms[i]!.key} ${terms[i + 1]!.key}`);
      // "where is my other order": a question word pairs with what it asks about over a word
      // saying which one of them.
      const over = terms[i + 2];
      if (terms[i]!.intent && over && !over.intent && WHICH_STEMS.has(terms[i + 1]!.key))
        features.push(`${terms[i]!.key} ${over.key}`);
    }
    // "order" said as a verb also matches the flows that say it as one ("I want to order a
    // pizza", not "where is my order"); weightless where no flow does.
    for (const t of terms) {
      if (!t.verb) continue;
      features.push(`${t.key}!`);
      phraseParts.add(`${t.key}!`);
    }
    const out: Analysis = { features, names, tasks, phraseParts, past, stories };
    if (this.analysed.size >= ANALYSIS_CACHE_SIZE) this.analysed.clear();
    this.analysed.set(text, out);
    return out;
  }

  /**
   * The tokens' words with typos fixed and nothing else (`correctTypo`), joined by spaces: what
   * the user typed, as act cues read it. Once per array `tokenize` handed out.
   */
  typoCorrectedText(tokens: readonly Token[]): string {
    let text = this.typoCorrectedTexts.get(tokens);
    if (text === undefined) {
      text = tokens.map((t) => this.correctTypo(t.norm)).join(" ");
      this.typoCorrectedTexts.set(tokens, text);
    }
    return text;
  }

  private readonly typoCorrectedTexts = new WeakMap<readonly Token[], string>();

  /** The stems of the tokens' typo-corrected words; once per array `tokenize` handed out. */
  correctedStems(tokens: readonly Token[]): readonly string[] {
    let stems = this.correctedStemLists.get(tokens);
    if (!stems) {
      stems = Object.freeze(tokens.map((t) => stem(this.correct(t.norm))));
      this.correctedStemLists.set(tokens, stems);
    }
    return stems;
  }

  private readonly correctedStemLists = new WeakMap<readonly Token[], readonly string[]>();

  /** The canonical key one word maps to ("sending" -> "transfer"), stop words included. */
  key(word: string): string {
    let key = this.keys.get(word);
    if (key === undefined) {
      const s = stem(this.correct(word));
      key = this.synonyms.single.get(s) ?? s;
      if (this.keys.size >= CORRECTION_CACHE_SIZE) this.keys.clear();
      this.keys.set(word, key);
    }
    return key;
  }

  /** A stem of the domain's own vocabulary ("stay" from a slot's description). */
  inVocabulary(stemmed: string): boolean {
    return this.stems.has(stemmed);
  }

  /** A folded word of the domain's own vocabulary (flow/slot texts, choices, synonyms). */
  knows(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /** A word of the domain's own, which may name a value; an act word of the packs is not. */
  ownsWord(term: string): boolean {
    return this.domainVocabulary.has(term);
  }
}

/** A word as typed with its typo fixed (`typo`), and as the domain says it (`read`). */
interface Correction {
  typo: string;
  read: string;
}

const same = (word: string): Correction => ({ typo: word, read: word });

/** One word of a text as `literalTerms` reads it. */
interface TermItem {
  stem: string;
  past: boolean;
  /** A plain past opening a story of what the speaker did ("I logged a ticket"). */
  story: boolean;
  told: boolean;
  act: string | undefined;
  key: string;
  verb: boolean;
  stop: boolean;
  intent: boolean;
  properName: boolean;
}

/** The shortest root read before a diminutive's ending: "bonito" is no small "bono". */
const DIMINUTIVE_ROOT_MIN = 4;

/** The shortest root read before a verb's ending: "rob" of "robo"; "va" is no "v" + "a". */
const VERB_ROOT_MIN = 3;

/** The shortest verb read before attached pronouns: "parte" is no "par" + "te". */
const ENCLITIC_VERB_MIN = 4;

/**
 * The forms a verb said before attached pronouns may be known by: itself, and the infinitive of
 * a gerund ("mandando"), of a vosotros imperative ("llevad") or of a tú imperative ("anula").
 */
function infinitivesOf(said: string): string[] {
  if (/(?:ar|er|ir)$/.test(said)) return [said];
  if (said.endsWith("ando")) return [`${said.slice(0, -4)}ar`];
  if (said.endsWith("iendo")) return [`${said.slice(0, -5)}er`, `${said.slice(0, -5)}ir`];
  if (/[aei]d$/.test(said)) return [`${said.slice(0, -1)}r`];
  return [said, `${said}r`];
}

/** What one folded word is to the ranking, wherever it stands (see Analyzer.wordOf). */
interface WordReading {
  stem: string;
  /** Its task act, unless negated or said as a noun. */
  act: string | undefined;
  key: string;
  /** The domain's synonym groups map the word to a key of their own. */
  domainWord: boolean;
  stop: boolean;
  intent: boolean;
  /** A word of the domain's own vocabulary. */
  known: boolean;
  /** Written as a past: "-ed" or an irregular past of the packs ("sent"). */
  pastForm: boolean;
  /** A past as it is plainly written (see plainPast). */
  plainPast: boolean;
  /** The word as a form of a noun that is also a verb (see verbNounForm). */
  verbNoun: VerbNounForm;
}

export interface Term {
  key: string;
  properName: boolean;
  /** A function word that carries intent ("where", "when"): only kept in bigrams. */
  intent?: boolean;
  /** The act of a language pack's task word ("reschedule": change). */
  act?: string;
  /** A function word ("make") that counts only as its act. */
  taskOnly?: boolean;
  /** A word of a task phrase ("off" of "call off"): no weight of its own when no flow has it. */
  phrasePart?: boolean;
  /** A word that is also a noun ("order", "book"), said here as a verb. */
  verb?: boolean;
  /** A task phrase whose words are no terms of their own (a reason, a negated phrase). */
  bare?: boolean;
  /** A participle after an auxiliary ("was moved"): what happened, not what is asked. */
  told?: boolean;
  /** Said as a past after its subject ("I logged a ticket"). */
  past?: boolean;
  /** A plain past opening a story of what was done (see TermItem). */
  story?: boolean;
}

/** What flows are ranked on for one text. */
export interface Analysis {
  features: string[];
  names: Set<string>;
  /** Task words of the text, by term key. */
  tasks: Map<string, TaskWord>;
  /** Words said only inside a task phrase. */
  phraseParts: Set<string>;
  /** Words said as a past after their subject ("I logged a ticket"): what was done, not asked. */
  past: Set<string>;
  /** Of those, the plain pasts that open a story ("I logged ...", not "have I used"). */
  stories: Set<string>;
}

export interface TaskWord {
  act: string;
  /** A function word ("make", "hacer"): evidence in a message, too vague to give a flow its act. */
  weak: boolean;
  /** A phrase whose words are no terms: it weighs in the coverage as itself. */
  bare?: boolean;
  /** Said as what happened ("the match was moved"), not as the request. */
  told?: boolean;
}

/**
 * What a word is of a noun that is also a verb ("order", "book"): its progressive form
 * ("booking"), the word itself, one of the packs' `articleNouns` ("move": an event after an
 * article or a possessive), its past or plural (a thing: "I booked a room but ...", "my
 * orders"), or none. The same wherever the word stands, so read once per word (wordOf).
 */
type VerbNounForm = "progressive" | "itself" | "event" | "noun" | undefined;

function verbNounForm(w: string): VerbNounForm {
  if (w.endsWith("ing")) {
    const base = w.slice(0, -3);
    if (VERB_NOUNS.has(base) || VERB_NOUNS.has(`${base}e`)) return "progressive";
  }
  if (VERB_NOUNS.has(w)) return "itself";
  if (ARTICLE_NOUNS.has(w)) return "event";
  const noun =
    (w.endsWith("ed") && (VERB_NOUNS.has(w.slice(0, -2)) || VERB_NOUNS.has(w.slice(0, -1)))) ||
    (w.endsWith("s") && VERB_NOUNS.has(w.slice(0, -1)));
  return noun ? "noun" : undefined;
}

/**
 * A word that is a noun as often as a verb ("order", "book") names a thing unless it stands where
 * a verb does: after a pronoun, modal or "to" ("can I order", "want to book"), or opening the text
 * before its object ("book a table"); "my order", "cancel booking 1003", "order status" are
 * things. Its past and plural forms name things too ("I booked a room but ...", "my orders").
 * `form` is the word's verbNounForm.
 */
function verbNounUse(
  form: VerbNounForm,
  tokens: readonly Token[],
  i: number,
): "noun" | "verb" | undefined {
  if (form === undefined || form === "noun") return form;
  const next = tokens[i + 1]?.norm;
  // "booking a table", "hiring a van": a progressive form is a verb only before its object
  // ("are you hiring" asks about jobs).
  if (form === "progressive") return next !== undefined && VERB_OBJECTS.has(next) ? "verb" : "noun";
  // "since the move", "after my move": an event named, no act.
  if (form === "event") {
    const before = i > 0 ? tokens[i - 1]!.norm : "";
    return ARTICLES.has(before) || POSSESSIVES.has(before) ? "noun" : undefined;
  }
  const verb =
    i > 0 ? VERB_LEADS.has(tokens[i - 1]!.norm) : next !== undefined && VERB_OBJECTS.has(next);
  return verb ? "verb" : "noun";
}

/** The two words differ by one swap of neighbouring letters. */
function isTransposition(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * A verb's past as it is plainly written: an irregular past of the packs, or "-ed" after a
 * stem of three letters or more that does not end in "ee" ("moved", "deleted"; not "need",
 * "feed").
 */
function plainPast(word: string): boolean {
  if ((IRREGULAR[word] ?? word) !== word) return true;
  return word.length > 4 && word.endsWith("ed") && !word.endsWith("eed");
}
