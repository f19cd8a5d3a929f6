import { escapeRegExp, stem } from "../text.ts";
import { EN } from "./en.ts";
import { ES } from "./es.ts";
import { type LanguagePack, NAME_PARTICLES_ANY } from "./pack.ts";

/**
 * The language packs the DU reads with. Both are always accepted (a Spanish phrase in an English
 * domain is still understood); `settings.language` only decides how ambiguous number formats
 * read and which language values are stored in.
 */
export const PACKS: readonly LanguagePack[] = [EN, ES];

/** The pack of a domain's language (`settings.language`); English if none. */
export const packOf = (language: string): LanguagePack =>
  PACKS.find((p) => p.code === language) ?? PACKS[0]!;

const words = (pick: (p: LanguagePack) => string[]) => PACKS.flatMap(pick);
/**
 * The packs' patterns as one alternation; a pack's "(?!)" (no such form in the language) is
 * left out, so a regex is not tried once more per position for nothing.
 */
const alternatives = (pick: (p: LanguagePack) => string): string =>
  PACKS.map(pick)
    .filter((p) => p !== "(?!)")
    .map((p) => `(?:${p})`)
    .join("|") || "(?!)";
const cue = (pick: (p: LanguagePack) => string) => new RegExp(alternatives(pick));
/** One regex per pack that has the form, where each pack's groups mean the same thing. */
const perPack = (pick: (p: LanguagePack) => string): readonly RegExp[] =>
  PACKS.map(pick)
    .filter((p) => p !== "(?!)")
    .map((p) => new RegExp(p));

export const STOP_WORDS = new Set(words((p) => p.stopWords));
/** The words naming a kind of street before its name ("calle", "c/"): the packs' `streetWords`. */
export const STREET_WORDS: ReadonlySet<string> = new Set(words((p) => p.streetWords));
/** The words naming an address ("address", "direccion"): the packs' `kindWords.address`. */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(
  words((p) => p.kindWords.address ?? []).filter((w) => !w.includes(" ")),
);
export const INTENT_WORDS = new Set(words((p) => p.intentWords));
export const FILLERS = new Set(words((p) => p.fillers));
/**
 * Words typo correction leaves alone: the packs' `keepWords`, the words of `humanVerbs` and the
 * one-word fillers ("perdona" is no "persona": "perdona, ¿me lo repites?" asks to repeat).
 */
export const KEEP_WORDS: ReadonlySet<string> = new Set([
  ...words((p) => p.keepWords),
  ...PACKS.flatMap((p) => p.humanVerbs.split(/[|\s]+/)),
  ...[...FILLERS].filter((w) => !w.includes(" ")),
]);
/** The packs' contrast words ("but", "pero"), as a split between two clauses. */
export const CONTRAST_BREAK = new RegExp(`\\s+(?:${words((p) => p.contrasts).join("|")})\\s+`, "i");
export const AFFIRM = words((p) => p.affirm);
export const DENY = words((p) => p.deny);
export const CANCEL = words((p) => p.cancel);
export const HELP = words((p) => p.help);
export const GREETING = words((p) => p.greeting);
/** Each word of the greeting phrases ("hi", "good", "morning"): what may open a message before a clause. */
export const GREETING_WORDS = new Set(GREETING.flatMap((g) => g.split(" ")));
export const THANKS = words((p) => p.thanks);
/** The packs' `thankingWords` ("thanks", "thank"): any one makes small talk thanks. */
export const THANKING_WORDS: ReadonlySet<string> = new Set(words((p) => p.thankingWords));
/** The packs' `thanksWords` ("thanks", "gracias"), as whole words anywhere in a folded text. */
export const THANKS_WORD = new RegExp(`\\b(?:${words((p) => p.thanksWords).join("|")})\\b`);
export const GOODBYE = words((p) => p.goodbye);
export const SMALL_TALK = words((p) => p.smallTalk);
export const REPEAT = words((p) => p.repeat);
export const NONE = words((p) => p.none);
export const NOTHING = new Set(words((p) => p.nothing));
export const NOTHING_VERBS = new Set(words((p) => p.nothingVerbs));
export const EVERYTHING = new Set(words((p) => p.everything));
/** The packs' `allChoices`: asked a list, a word that takes every choice. */
export const ALL_CHOICES = new Set(words((p) => p.allChoices));
/** The packs' `allChoicesAlong`: what may stand around an `allChoices` word. */
export const ALL_CHOICES_ALONG = new Set(words((p) => p.allChoicesAlong));
export const DECLINE_OFFER = words((p) => p.declineOffer);
export const ACCEPT_TAIL = words((p) => p.acceptTail);
export const HEDGE_WORDS = words((p) => p.hedgeWords);
export const DOUBT_WORDS = words((p) => p.doubtWords);
export const WHICH_WORDS = words((p) => p.whichWords);
export const UNNEEDED_OPENING = new RegExp(`^(?:${alternatives((p) => p.noLongerNeeded)})`);
export const COMMA_REASON_OPENERS = new Set(words((p) => p.commaReasonOpeners));
export const REASON_LEADS = words((p) => p.reasonLeads).map((w) => w.split(" "));
/** Texting form -> the word it stands for ("u" -> "you"). */
export const TEXTING_FORMS: ReadonlyMap<string, string> = new Map(
  words((p) => p.textingForms).map((pair) => {
    const [form, word] = pair.split(" ");
    return [form!, word!] as const;
  }),
);
export const JUDGEMENT = new Set(words((p) => p.judgement));
export const JUDGED_HOW = new Set(words((p) => p.judgedHow));
export const PROMPT_ASKS = new Set(words((p) => p.promptAsks));
export const NO_OPENERS = words((p) => p.noOpeners);
export const AMBIGUOUS_CANCEL = new Set(words((p) => p.ambiguousCancel));
export const PLACING_CANCELS = new Set(words((p) => p.placingCancels));
export const PLACED_BEFORE = new Set(words((p) => p.placedBefore));
export const PLACED_NOT = new Set(words((p) => p.placedNot));
export const SELF_SEE_TO = cue((p) => p.selfSeeTo);
/** A verb's infinitive in any pack ("banar", "ponerle"), one folded word. */
export const INFINITIVE = cue((p) => p.infinitive);
/** The packs' diminutives, one pattern per pack: group 1 the root, group 2 the ending. */
export const DIMINUTIVES = perPack((p) => p.diminutive);
/** The packs' verbs said to a group, as [pattern whose group 1 is the root, infinitive ending]. */
export const YOU_PLURAL: ReadonlyArray<readonly [RegExp, string]> = PACKS.flatMap((p) =>
  Object.entries(p.youPlural).map(([re, ending]) => [new RegExp(re), ending] as const),
);
/**
 * The packs' endings of a verb said in a person or tense of its own, longest first, each with
 * the infinitive endings its root may take.
 */
export const VERB_ENDINGS: ReadonlyArray<readonly [string, readonly string[]]> = PACKS.flatMap(
  (p) => Object.entries(p.verbEndings),
).sort((a, b) => b[0].length - a[0].length);
/** The packs' verbs with pronouns attached, one pattern per pack: group 1 is the verb. */
export const ENCLITICS = perPack((p) => p.enclitic);
/** The packs' same-day phrases ("just for the day") as whole phrases of a flat text. */
export const SAME_DAY = new RegExp(`(?:^| )(?:${words((p) => p.sameDay).join("|")})(?= |$)`);
/** The packs' deferrals ("otro dia", "another time") as whole phrases of a folded text. */
export const DEFERRALS = new RegExp(`\\b(?:${words((p) => p.deferrals).join("|")})\\b`, "g");
/** A pack's not-known phrases as one alternation, the longest first. */
const notKnownOf = (p: LanguagePack) =>
  [...p.notKnown].sort((a, b) => b.length - a.length).join("|");
export const HELP_QUESTION = cue((p) =>
  p.helpQuestion.replace("NOT_KNOWN", notKnownOf(p)).replace("NOT_AT_HAND", p.notAtHand),
);
/** The packs' `notAtHand`, opening a folded text. */
export const NOT_AT_HAND = new RegExp(`^(?:${alternatives((p) => p.notAtHand)})\\b`);
/** "no idea", "i dont remember": a phrase of any pack, said as whole words of a flat text. */
export const NOT_KNOWN = new RegExp(
  `(?:^| )(?:${words((p) => p.notKnown)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?= |$)`,
);
export const WHAT_IS = cue((p) => p.whatIs);
/** "what does X mean": each pack's pattern, its first group the term. */
export const WHAT_MEANS: readonly RegExp[] = PACKS.map((p) => new RegExp(p.whatMeans));
export const VALUE_ASKED: ReadonlySet<string> = new Set(words((p) => p.valueAsked));
/**
 * Asking for a person: a verb of any pack's `humanVerbs` before one of the packs' `humanNouns`
 * or of `staff` (a domain's own people: "can I talk to a librarian"), or a pack's `human`
 * phrase. Staff words are written folded.
 */
export function handoffPattern(staff: readonly string[] = []): RegExp {
  const nouns = [...PACKS.map((p) => p.humanNouns), ...staff.map(escapeRegExp).filter(Boolean)];
  return new RegExp(
    `\\b(?:${PACKS.map((p) => p.humanVerbs).join("|")})\\b.*\\b(?:${nouns.join("|")})\\b|${cue((p) => p.human).source}`,
  );
}
export const ASSISTANT_QUESTION = cue((p) => p.assistantQuestion);
export const FRUSTRATION = cue((p) => p.frustration);
export const PAUSE = cue((p) => p.pause);
export const SWITCH_CUES = cue((p) => p.switchCues);
export const DIGRESSION_CUES = cue((p) => p.digressionCues);
export const CORRECTION_OPENERS = cue((p) => p.correctionOpeners);
export const CORRECTION_PHRASES = cue((p) => p.correctionPhrases);
export const SELF_INTRO_BEFORE = words((p) => p.selfIntroBefore).map((w) => w.split(" "));
export const SELF_INTRO_AFTER = words((p) => p.selfIntroAfter).map((w) => w.split(" "));
export const SELF_INTRO_FULL = words((p) => p.selfIntroFull).map((w) => w.split(" "));
export const OTHER_INTRO = words((p) => p.otherIntro).map((w) => w.split(" "));
export const CONDITION_LEADS = words((p) => p.conditionLeads).map((w) => w.split(" "));
export const TAKE_BACK = cue((p) => p.takeBack);
export const FALLBACK = cue((p) => p.fallback);
export const OWNER_OF = cue((p) => p.ownerOf);
export const RECALL_QUESTION = cue((p) => p.recallQuestion);
export const REQUEST_CUES = cue((p) => p.requestCues);
export const LIST_ADD = cue((p) => p.listAdd);
export const LIST_REMOVE = cue((p) => p.listRemove);
/** One pattern per pack: the `old`/`new` group names may not repeat inside one pattern. */
export const SWAP_VALUE = PACKS.map((p) => new RegExp(p.swapValue, "i"));
export const THING_QUESTION = cue((p) => p.thingQuestion);
/** One pattern per pack: each has its own `verb` group. */
export const NEGATED_ACT = PACKS.map((p) => new RegExp(p.negatedAct, "g"));
export const QUESTION_START = cue((p) => p.questionStart);
export const WISH_START = cue((p) => p.wishStart);
export const BUSINESS_QUESTION = cue((p) => p.businessQuestion);
/** "is the sauna open on sunday?", "¿está abierto el museo?": whether a thing is so. */
export const STATE_QUESTION = cue((p) => p.stateQuestion);
export const YOUR_QUESTION = cue((p) => p.yourQuestion);
/** One pattern per pack: each has its own `word` group. */
export const PROPERTY_QUESTION = PACKS.map((p) => new RegExp(p.propertyQuestion));
export const REMARK = cue((p) => p.remark);
export const REFUSED_ASK = cue((p) => p.refusedAsk);
export const REFUSED_WANT = cue((p) => p.refusedWant);
/** A word naming a part of the day ("morning", "tarde") -> that part. */
export const PARTS_OF_DAY: ReadonlyMap<string, "morning" | "afternoon" | "evening"> = new Map(
  PACKS.flatMap((p) =>
    (["morning", "afternoon", "evening"] as const).flatMap((part) =>
      p.partsOfDay[part].map((w) => [w, part] as const),
    ),
  ),
);
/** Words that only say when ("weekends", "late"): the packs' `whenWords`. */
export const WHEN_WORDS = new Set(words((p) => p.whenWords));
/** The packs' clock times ("around 10", "a las cinco"), one pattern per pack. */
export const CLOCK_TIMES: readonly RegExp[] = PACKS.map((p) => new RegExp(p.clockTime));
export const WHOLE_THING = cue((p) => p.wholeThing);
export const TELLER_AFTER = cue((p) => p.tellerAfter);
export const PREFERRED_AFTER = cue((p) => p.preferredAfter);
export const PRICE_QUESTION = cue((p) => p.priceQuestion);
export const PRICE_WORDS = words((p) => p.priceWords);
export const POSSESSIVES = new Set(words((p) => p.possessives));
export const PHRASE_BREAKS = new Set(words((p) => p.phraseBreaks));
export const OBJECT_PRONOUNS = new Set(words((p) => p.objectPronouns));
export const NEGATIONS = new Set(words((p) => p.negations));
export const DEGREE_WORDS = new Set(words((p) => p.degreeWords));
export const PHRASE_ADVERBS = new Set(words((p) => p.phraseAdverbs));
export const EXCESS_WORDS = new Set(words((p) => p.excessWords));
export const HABIT_LEADS = new Set(words((p) => p.habitLeads));
export const SELF_FUTURE: readonly string[] = words((p) => p.selfFuture);
export const GIVEN_UP = cue((p) => p.givenUp);
export const AMOUNT_REASON = cue((p) => p.amountReason);
export const GIVEN_UP_AFTER = cue((p) => p.givenUpAfter);
export const SUITS_BADLY_AFTER = cue((p) => p.suitsBadlyAfter);
export const PARTICLES = new Set(words((p) => p.particles));
export const SYNONYM_JOINS = words((p) => p.synonymJoins);
/** The packs' `synonymFlips`, each as its words ("for the" -> ["for", "the"]). */
export const SYNONYM_FLIPS: readonly (readonly string[])[] = words((p) => p.synonymFlips).map((j) =>
  j.split(" "),
);
/** The packs' `pmWords` and `amWords`: the half of the day said after a clock time. */
export const PM_WORDS: ReadonlySet<string> = new Set(words((p) => p.pmWords));
export const AM_WORDS: ReadonlySet<string> = new Set(words((p) => p.amWords));
export const PARTICLE_OBJECTS = new Set(words((p) => p.particleObjects));
export const DIFFERENCE_AFTER = new Set(words((p) => p.differenceAfter));
export const COMPARATIVES = new Set(words((p) => p.comparatives));
export const DIFFERENCE_BEFORE = new Set(words((p) => p.differenceBefore));
export const SHIFT_BEFORE = new Set(words((p) => p.shiftBefore));
export const PASSIVE_AUX = new Set(words((p) => p.passiveAux));
export const ARTICLES = new Set(words((p) => p.articles));
export const VAGUE_AMOUNTS = new Set(words((p) => p.vagueAmounts));
export const AMOUNT_QUESTIONS: readonly string[] = words((p) => p.amountQuestions);
export const CAPITAL_SELF = new Set(words((p) => p.capitalSelf));
export const IRREGULAR: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  ...PACKS.map((p) => p.irregular),
);
/**
 * Prefixes that undo a verb ("unbook"), with the packs' word for undoing ("cancel"); one pair
 * per prefix, as a list: it is read per word, where a map iterator would cost each time.
 */
export const UNDO_PREFIXES: readonly (readonly [prefix: string, word: string])[] = [
  ...new Map(PACKS.flatMap((p) => Object.entries(p.undoPrefixes))),
];
export const VERB_NOUNS = new Set(words((p) => p.verbNouns));
/** "... and I'd like ...": a joining word that opens the request's own clause. */
export const CLAUSE_OPENERS = alternatives((p) => p.clauseOpeners);
export const ARTICLE_NOUNS = new Set(words((p) => p.articleNouns));
export const VERB_LEADS = new Set(words((p) => p.verbLeads));
export const VERB_OBJECTS = new Set(words((p) => p.verbObjects));
export const INFINITIVE_TO: ReadonlySet<string> = new Set(words((p) => p.infinitiveTo));

/** Task-word groups of every pack, by act ("cancel": English and Spanish words together). */
export const TASKS: Readonly<Record<string, readonly string[]>> = (() => {
  const out: Record<string, string[]> = Object.create(null);
  for (const p of PACKS) {
    for (const [act, list] of Object.entries(p.tasks)) out[act] = [...(out[act] ?? []), ...list];
  }
  return out;
})();
/** The packs' task group of reasons told beside a request ("something came up"). */
export const STORY_ACT = "story";
/** Broader acts and the acts that make a flow have them ("create": reserve or buy). */
export const ACT_FAMILIES: Readonly<Record<string, readonly string[]>> = Object.assign(
  Object.create(null) as Record<string, string[]>,
  ...PACKS.map((p) => p.actFamilies),
);
/** The acts of asking for a new thing ("reserve", "buy"): the narrow acts of the families. */
export const MAKING_ACTS: ReadonlySet<string> = new Set(Object.values(ACT_FAMILIES).flat());
export const PREPOSITIONS = new Set(words((p) => p.prepositions));
/** Single words of the packs' "none" lists, and their `itemNegators`: "no onions", "not the olives". */
export const ITEM_NEGATORS: ReadonlySet<string> = new Set([
  ...NONE.filter((w) => !w.includes(" ")),
  ...words((p) => p.itemNegators),
]);
export const DATE_END = new Set(words((p) => p.dateEnd));
export const PAST_CUES = new Set(words((p) => p.pastCues));
/** The packs' `gonePartsOfToday`, folded: a part of today already gone. */
export const GONE_PARTS_OF_TODAY: ReadonlySet<string> = new Set(words((p) => p.gonePartsOfToday));
/** The packs' `monthDayCues`, matched on folded text: a number slot said to be a day of the month. */
export const MONTH_DAY_CUE = new RegExp(`\\b(?:${words((p) => p.monthDayCues).join("|")})\\b`);
/** A day of the month said without its month, any pack's: the day is the one group that matched. */
export const DAY_OF_MONTH = new RegExp(
  alternatives((p) => p.dayOfMonth),
  "g",
);
export const SHIFT_WORDS = words((p) => p.shiftWords);
/** Stems of the packs' day units ("night" of "nights"). */
export const DAY_WORDS = words((p) => p.dayWords);
export const TIMES_WORDS: ReadonlySet<string> = new Set(words((p) => p.timesWords));
export const DAY_STEMS = new Set(DAY_WORDS.map(stem));
/** Each pack's count of weeks (their group names repeat, so one pattern per pack). */
export const WEEKS: readonly RegExp[] = PACKS.map((p) => new RegExp(p.weeks, "g"));
export const PEOPLE_WORDS = words((p) => p.peopleWords);
export const PLACE_WORDS = new Set(words((p) => p.placeWords));
/** The packs' `kindNouns`: a slot named `lantern_type` asks what kind of lantern. */
export const KIND_NOUNS = new Set(words((p) => p.kindNouns));
export const UP_TO: readonly string[] = words((p) => p.upTo);
/** Every word said for a unit, to the unit's short form ("kilos" -> "kg"). */
export const UNIT_OF: ReadonlyMap<string, string> = new Map(
  PACKS.flatMap((p) =>
    Object.entries(p.unitNames).flatMap(([unit, names]) => [
      [unit, unit] as const,
      ...names.map((n) => [n, unit] as const),
    ]),
  ),
);
export const PLACE_PREPOSITIONS = new Set(words((p) => p.placePrepositions));
export const CURRENCY_NOUNS = new Set(words((p) => p.currencyNouns));
export const CHILD_WORDS = words((p) => p.childWords);
export const ONLY_WORDS = new Set(words((p) => p.onlyWords));
export const TITLES = new Set(words((p) => p.titles));
export const PEOPLE_LEADS = words((p) => p.peopleLeads);
export const TOTAL_LEADS = words((p) => p.totalLeads).map((w) => w.split(" "));
export const SELF_BEFORE = words((p) => p.selfBefore).map((w) => w.split(" "));
export const SELF_AFTER = words((p) => p.selfAfter).map((w) => w.split(" "));
export const SELF_ONLY = cue((p) => p.selfOnly);
export const NOTHING_MORE = cue((p) => p.nothingMore);
export const ADDITION_WORDS = new Set(words((p) => p.additionWords));
/** The packs' `otherWords`: "cancel my other lesson" is not about the one at hand. */
export const OTHER_WORDS: ReadonlySet<string> = new Set(words((p) => p.otherWords));
/** The packs' `toldInPerson`: "I'd rather tell the doctor in person" keeps the answer. */
export const TOLD_IN_PERSON = cue((p) => p.toldInPerson);
export const ASIDE_OPENER = cue((p) => p.asideOpener);
export const DO_VERBS = new Set(words((p) => p.doVerbs));
export const DEGREE_ASKS = new Set(words((p) => p.degreeAsks));
export const ALL_BUT = cue((p) => p.allBut);
export const PAST_STORY = cue((p) => p.pastStory);
export const SELF_BEING = cue((p) => p.selfBeing);
export const WH_QUESTION = cue((p) => p.whQuestion);
/** A pack list as whole words or phrases, any pack's: `\b(?:a|b c)\b`. */
const phrases = (pick: (p: LanguagePack) => string[]) =>
  new RegExp(`\\b(?:${words(pick).join("|")})\\b`);
export const CHOICE_NEGATIONS = new Set(words((p) => p.choiceNegations));
export const NEGATED_DETERMINERS = new Set(words((p) => p.negatedDeterminers));
/** The packs' `clearedAfter` phrases, as their words. */
export const CLEARED_AFTER: readonly (readonly string[])[] = words((p) => p.clearedAfter).map(
  (phrase) => phrase.split(" "),
);
export const ALTERNATIVES = new Set(words((p) => p.alternatives));
export const THING_ENDS = new Set(words((p) => p.thingEnds));
export const ANY_THING = new Set(words((p) => p.anyThing));
export const THING_LINKS = new Set(words((p) => p.thingLinks));
export const BESIDES = new RegExp(`\\b(?:${words((p) => p.besidesWords).join("|")})\\b`);
export const SAME_AS_BEFORE = phrases((p) => p.sameAsBefore);
/** A message opening with a follow-up phrase of a pack ("and ...", "what about ..."). */
export const FOLLOW_UP = new RegExp(`^(?:${words((p) => p.followUp).join("|")})\\b`);
/** The one-word phrases of `sameAsBefore` ("same", "mismo"). */
export const SAME_WORDS = new Set(words((p) => p.sameAsBefore).filter((w) => !w.includes(" ")));
export const CHANGE_OF_MIND = phrases((p) => p.changeOfMind);
export const AFTER_ALL = phrases((p) => p.afterAll);
/** "leave the old dates": the packs' `keepOld`. */
export const KEEP_OLD = new RegExp(PACKS.map((p) => `(?:${p.keepOld})`).join("|"));
/** "on second thought I'll keep them": the packs' `keepIt`, after `changeOfMind` words. */
export const KEEP_IT = new RegExp(
  `^(?:(?:${words((p) => p.changeOfMind).join("|")})\\s+)*(?:${PACKS.map((p) => p.keepIt).join("|")})$`,
);
export const LEAVE_AS_IS = cue((p) => p.leaveAsIs);
export const GO_AHEAD = phrases((p) => p.goAhead);
export const GO_ON = phrases((p) => p.goOn);
export const CHANGE_WORDS = phrases((p) => p.changeWords);
export const VALUE_GAP = new Set(words((p) => p.valueGap));
export const SINGULAR = new Set(words((p) => p.singular));
export const ONE_WORDS = new Set(words((p) => p.oneWords));
export const NAME_KEY_LINKS = new Set(words((p) => p.nameKeyLinks));
export const GROUP_JOINERS = new Set(words((p) => p.groupJoiners));
/** The words a name follows in each language (read with that language's domains only). */
export const NAME_LEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  PACKS.map((p) => [p.code, new Set(p.nameLeads)] as const),
);
/** The words a name follows to say whose thing it is, in each language (pack `ownerLeads`). */
export const OWNER_LEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  PACKS.map((p) => [p.code, new Set(p.ownerLeads)] as const),
);
/** Each pack's name particles and those of many languages' names. */
export const NAME_PARTICLES = new Set([...words((p) => p.nameParticles), ...NAME_PARTICLES_ANY]);
/** A pack list as the alternatives of a pattern: `a|b c`. */
const alternation = (pick: (p: LanguagePack) => string[]) => words(pick).join("|");
/** Where the items of a free list part: commas, the packs' "and", "&". */
export const LIST_SEPARATOR = new RegExp(
  `\\s*(?:,|${words((p) => p.andWords)
    .map((w) => `\\b${w}\\b`)
    .join("|")}|&)\\s*`,
  "i",
);
/** The packs' "and" words ("thursday and friday nights"). */
export const AND_WORDS = new Set(words((p) => p.andWords));
/** "of" in "hard shoulder of the A6": a part of a place, any pack's. */
export const PART_OF_WORDS = new Set(words((p) => p.partOfWords));
/**
 * "between standard and premier": a pair opener, up to four words, then "and" (any pack's). The
 * "and" of the pair is the last word matched.
 */
const PAIR_OPENER = alternation((p) => p.pairOpeners);
export const PAIR_AND = new RegExp(
  `\\b(?:${PAIR_OPENER})\\s+(?:[^\\s,.;:!?]+\\s+){1,4}?(?:${alternation((p) => p.andWords)})\\b`,
  "gi",
);
/** Only list words between two values: "tv, wifi", "no tv no wifi", "tv or internet". */
export const LIST_JOIN = new RegExp(`^(?:(?:${alternation((p) => p.listJoins)})\\s*)*$`);
const DAY_ARTICLE = alternation((p) => p.dayArticles);
/** The article said before a day, any pack's: `the|el`. */
export const DAY_ARTICLE_SOURCE = DAY_ARTICLE;
/** The articles a day of the month is said with ("the 14th", "el 25"). */
export const DAY_ARTICLES = new Set(words((p) => p.dayArticles));
/** The determiners a moved-between value may have ("from the old one", "to my"). */
const CHANGE_DETERMINER = `(?:(?:${alternation((p) => [...p.articles, ...p.possessives])})\\s+)?`;
/** "from (the)" right before a value: the value a move leaves (folded text). */
export const CHANGE_FROM = new RegExp(
  `\\b(?:${alternation((p) => p.changeFrom)})\\s+${CHANGE_DETERMINER}$`,
);
/** Between two values, up to two words and "to (the)": the second is the one moved to. */
export const CHANGE_TO = new RegExp(
  `^(?:\\S+\\s+){0,2}?(?:${alternation((p) => p.changeTo)})\\s+${CHANGE_DETERMINER}$`,
);
/** The words between the two days of a range, the packs' in order: `to|until|...|al|a`. */
export const RANGE_TO_WORDS = alternation((p) => p.rangeTo);
/** Words for the end of a stay said with its second date: "leaving the 7th", "salgo el 7". */
export const DEPART_WORDS = PACKS.map((p) => p.departWords).join("|");
/** Said with the weekend, these put it in the past... */
export const WEEKEND_PAST = new RegExp(`\\b(?:${alternation((p) => p.weekendPast)})\\b`);
/** ...and these, said on a weekend, the one after. */
export const WEEKEND_NEXT = new RegExp(`\\b(?:${alternation((p) => p.weekendNext)})\\b`);
/** "since (the)", "desde (el)" ending a clause, and "since" opening one. */
export const SINCE_END = new RegExp(
  `\\b(?:${alternation((p) => p.sinceWords)})(?:\\s+(?:${DAY_ARTICLE}))?$`,
);
export const SINCE_START = new RegExp(`^(?:${alternation((p) => p.sinceWords)})\\b`);
/** "since (the)", "desde (el)" right before a date: the day something began. */
export const SINCE_BEFORE = new RegExp(
  `\\b(?:${alternation((p) => p.sinceWords)})\\s+(?:(?:${DAY_ARTICLE})\\s+)?$`,
);
/** "until (the)", "hasta (el)" right before a date: the day something ends. */
export const UNTIL_BEFORE = new RegExp(
  `\\b(?:${alternation((p) => p.untilWords)})\\s+(?:(?:${DAY_ARTICLE})\\s+)?$`,
  "i",
);
/** "so (the)", "así que (el)" right before a date: the day settled on after others. */
export const CONCLUSION_BEFORE = new RegExp(
  `\\b(?:${alternation((p) => p.conclusionLeads)})\\s+(?:(?:${DAY_ARTICLE})\\s+)?$`,
  "i",
);
/** "not (on) (the)", "no el" right before a date: the day given up. */
export const NOT_BEFORE = new RegExp(
  `\\b(?:${alternation((p) => p.dayNegations)})\\s+(?:(?:${alternation((p) => p.dayOn)})\\s+)?(?:(?:${DAY_ARTICLE})\\s+)?$`,
  "i",
);

/** "me and my REL": the packs' pair phrases, `REL` to be replaced by the relation words. */
export const PAIR_SOURCE = alternatives((p) => p.pair);

/** Ordinals that pick one of the flows a clarification offered. */
export const ORDINALS: Record<string, number> = Object.assign(
  Object.create(null) as Record<string, number>,
  ...PACKS.map((p) => p.ordinals),
);

/** A pack table merged in pack order, looked up with the user's words: no prototype. */
const table = (pick: (p: LanguagePack) => Record<string, number>): Record<string, number> =>
  Object.assign(Object.create(null) as Record<string, number>, ...PACKS.map(pick));
/** The packs' `months`, `weekdays`, `weekdayShort`, `weekdayWords` and `relativeDays`. */
export const MONTHS = table((p) => p.months);
export const WEEKDAYS = table((p) => p.weekdays);
export const WEEKDAY_SHORT = table((p) => p.weekdayShort);
export const WEEKDAY_WORDS = table((p) => p.weekdayWords);
export const RELATIVE_DAYS = table((p) => p.relativeDays);
/** The packs' `ordinalDays`: "first", "twenty third", "primero". */
export const ORDINAL_DAYS = table((p) => p.ordinalDays);

/** Relation words in English, by their word in another language ("madre" -> "mother"). */
export const RELATIONS_EN: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  ...PACKS.map((p) => p.relationsInEnglish),
);
/** The packs' `morningDays` ("manana"): a day, or the morning after one of `MORNING_ARTICLE`. */
export const MORNING_DAYS: ReadonlySet<string> = new Set(words((p) => p.morningDays));
/** The packs' `morningArticles` right before a word of `MORNING_DAYS` ("por la manana"). */
export const MORNING_ARTICLE = new RegExp(
  `\\b(?:${words((p) => p.morningArticles).join("|")})\\s+$`,
);
/** The packs' `participleEnds` ("ed"): "unlocked" after a pronoun is the verb "unlock". */
export const PARTICIPLE_ENDS = words((p) => p.participleEnds);
/** The word ends as a regular past form or participle of a pack ("booked", "unlocked"). */
export const endsAsParticiple = (word: string): boolean =>
  PARTICIPLE_ENDS.some((e) => word.endsWith(e));
/** The packs' `pastNarrative`: "I borrowed", "we went" tell what the speaker did. */
export const PAST_NARRATIVE = new RegExp(
  alternatives((p) => p.pastNarrative),
  "i",
);
/** The packs' `speakerKnows`: "I know the combination" tells what the speaker has. */
export const SPEAKER_KNOWS = new RegExp(alternatives((p) => p.speakerKnows));
/** The packs' `letterFrame`: "Dear ...", "Kind regards ...", "I request that". */
export const LETTER_FRAME = new RegExp(
  alternatives((p) => p.letterFrame),
  "gi",
);
/** The packs' `letterFrameWords`: one of them is in every letter formula. */
export const LETTER_FRAME_WORDS = words((p) => p.letterFrameWords);
/** The packs' `secondThoughts`, behind any of their `secondThoughtOpeners`, and the space after. */
export const SECOND_THOUGHTS = new RegExp(
  `^(?:(?:${words((p) => p.secondThoughtOpeners).join("|")})\\s+)*(?:${PACKS.map((p) => p.secondThoughts).join("|")})\\s+`,
);
/** The packs' `nameIsLead` at the start of a message, and the space after it. */
export const NAME_IS_LEAD = new RegExp(`^(?:${alternatives((p) => p.nameIsLead)})\\s+`, "i");
/** The packs' `toWords` ("a"): the "to" of a trigger phrase in another language. */
export const TO_WORDS: ReadonlySet<string> = new Set(words((p) => p.toWords));
/** The packs' `copulas` ("is", "es"). */
export const COPULAS: ReadonlySet<string> = new Set(words((p) => p.copulas));
/** The packs' `listIntroWords` ("are", "include"). */
export const LIST_INTRO_WORDS: ReadonlySet<string> = new Set(words((p) => p.listIntroWords));
/** The packs' `plainNo`, each once ("no", "nope", "nah"). */
export const PLAIN_NO = [...new Set(words((p) => p.plainNo))];
/** The packs' `storyTurns`, as one alternation. */
export const STORY_TURNS = alternatives((p) => p.storyTurns);
/** "the city is Porto": the packs' `statementOwners`, a noun, `statementLinks`, the value. */
export const STATEMENT = new RegExp(
  `^(?:${words((p) => p.statementOwners).join("|")})\\s+(\\p{L}+)\\s+(?:${words((p) => p.statementLinks).join("|")})\\s+(.+)$`,
  "iu",
);
/** The packs' `restateCues` among the first three words of a message. */
export const RESTATE_CUE = new RegExp(
  `^[\\s,.!]*(?:\\S+[\\s,.!]+){0,2}?(?:${alternatives((p) => p.restateCues)})\\b`,
  "i",
);
/** The possessives before a relation read back in English ("mi", "mis"): any pack's. */
export const RELATION_POSSESSIVES: ReadonlySet<string> = new Set(
  words((p) => p.relationPossessives),
);
/** The words of a "not" correction, any pack's: `not|instead of|rather than`. */
export const NOT_INSTEAD_SOURCE = alternation((p) => p.notInstead);
export const NOT_INSTEAD_WORDS = new RegExp(NOT_INSTEAD_SOURCE, "i");
/** The words before a value given up, any pack's, each once: "no ham, mushrooms". */
const GIVEN_UP_LEAD = [...new Set(words((p) => p.givenUpLeads))].join("|");
/** "the amount is 600 not 60": the old value after a "not" word, to the end or the next comma. */
export const NOT_OLD_TAIL = new RegExp(
  `[\\s,]+(?:${NOT_INSTEAD_SOURCE}|${GIVEN_UP_LEAD})\\s+[^,]*$`,
  "i",
);
/** "not Ana, (but) Pedro": the value given up, then the new one. */
export const NOT_FIRST = new RegExp(
  `^(?:${alternation((p) => p.notLeads)})\\s+(?<old>.+?),\\s*(?:but\\s+)?(?<new>.+)$`,
  "i",
);
/** A message opening with a word before a value given up: "no ham, ...". */
export const GIVEN_UP_OPENER = new RegExp(`^[\\s,.!]*(?:${GIVEN_UP_LEAD})\\s`, "i");
/** "no ham, mushrooms instead": the value given up after "no", the new one after the comma. */
export const NO_THEN_NEW = new RegExp(
  `^[\\s,.!]*(?:${GIVEN_UP_LEAD})\\s+(?<old>[^,]+?),\\s*(?:but\\s+)?(?<new>.+?)(?:\\s+(?:${alternation((p) => p.insteadTails)}))?$`,
  "i",
);
/** The article or possessive before the value a correction gives up: "not the ham". */
export const OLD_VALUE_ARTICLE = new RegExp(`^(?:${alternation((p) => p.oldValueArticles)})\\s+`);
/** An opener in front of a corrected value: "actually", "no,", "sorry I meant", "make it". */
export const CORRECTION_OPENER = new RegExp(
  `^[\\s,.!]*(?:${alternation((p) => p.valueOpeners)})\\b[\\s,.!:]*`,
  "i",
);
/** A word said before a cancel phrase that opens a message ("actually forget it, ..."). */
export const CANCEL_OPENER = new RegExp(`^(?:${alternation((p) => p.cancelOpeners)})\\s+`);
/** A pronoun standing for the person named earlier in the message. */
export const PERSON_PRONOUN = new RegExp(`\\b(?:${alternation((p) => p.personPronouns)})\\b`, "i");
/** A question about a thing: "where do I find ...", "what do you mean by ...". */
export const SLOT_QUESTION = cue((p) => p.slotQuestion);
/** The packs' `askedPronouns`: "where would I find it?" asks about the pending question. */
export const ASKED_PRONOUNS: ReadonlySet<string> = new Set(words((p) => p.askedPronouns));
/** The packs' `optionPronouns`: "how heavy are they?" asks about the pending question. */
export const OPTION_PRONOUN = cue((p) => p.optionPronouns);
export const OPTION_PRONOUNS = new RegExp(OPTION_PRONOUN.source, "g");
/** Fillers before a question asked on the way: "wait, how much ...", "hmm what's ...". */
export const ASIDE_OPENERS = new RegExp(
  `^(?:(?:${PACKS.map((p) => p.asideFillers).join("|")})\\s+)+`,
);
/** Fillers before a question about a slot: "hmm where do I find ...". */
export const QUESTION_FILLERS = new RegExp(
  `^(?:(?:${PACKS.map((p) => p.questionFillers).join("|")})\\s+)+`,
);
/** Where an address ends: a sentence's end, or courtesy after it ("..., please"). */
export const ADDRESS_END = new RegExp(
  `[.!?;]\\s|[.!?]$|,?\\s+(?:${alternation((p) => p.addressTails)})\\b`,
  "i",
);
/** The word before a free list's items: "with fever and a cough". */
export const ITEMS_WITH = new RegExp(`^(?:${alternation((p) => p.itemsWith)})\\s+`, "i");
const ORDINAL_SUFFIX = alternation((p) => p.ordinalSuffixes);
/** A number written as an ordinal: "21st", "3rd". */
export const ORDINAL_DAY = new RegExp(`^\\d{1,2}(?:${ORDINAL_SUFFIX})$`, "i");
/** A date said as a day of the month alone: "the 10th", "10", "el 10". */
export const DAY_ONLY = new RegExp(
  `^(?:${PACKS.flatMap((p) => p.dayArticles.map((a) => `${a}\\s+`)).join("|")})?\\d{1,2}(?:${ORDINAL_SUFFIX})?$`,
  "i",
);
/** A beneficiary given as a relation ("my neighbour"), not as a name. */
export const RELATION_VALUE = new RegExp(`^(?:${alternation((p) => p.relationOwners)})\\s`, "i");
/** "it's" before a corrected value: "wrong one, it's Gran Via 22". */
export const IT_IS = new RegExp(`^(?:${PACKS.map((p) => p.itIs).join("|")})\\s+`, "i");
/** What may stand between a slot's name and its new value: "the amount to 300", "is: 300". */
export const VALUE_LEAD = new RegExp(`^[\\s:=-]*(?:${alternation((p) => p.valueLeads)})?\\b`, "i");
/** The wrapping before an open answer, any pack's, in the packs' order ("it's", "para"). */
export const ANSWER_LEADING = new RegExp(
  `^(?:${alternation((p) => p.answerLeads)})\\b[\\s,:.-]*`,
  "i",
);
/** Courtesy and signs after an open answer ("rent, thanks"). */
export const ANSWER_TRAILING = new RegExp(
  `[\\s,.;:!?-]*\\b(?:${alternation((p) => p.answerTails)})?[\\s,.;:!?]*$`,
  "i",
);
/** `(?:the |my |el |la )`: the determiners before a slot's own name leading its answer. */
export const SLOT_LEAD_ARTICLES = words((p) => p.slotLeadArticles)
  .map((w) => `${w} `)
  .join("|");
/** `(?: should be| is| es|:)`: what links a slot's own name to its answer. */
export const SLOT_LINKS = [...words((p) => p.slotLinks).map((w) => ` ${w}`), ":"].join("|");
/** Who has a listed item, and the verb of having: "it's got", "we have been having", "tiene". */
export const HAVING = new RegExp(
  `^(?:(?:${PACKS.map((p) => p.havingSubjects).join("|")})(?=[\\s'\u2019])\\s*)?` +
    `(?:${PACKS.map((p) => p.havingVerbs).join("|")})\\s+`,
  "iu",
);
export const NUMBER_JOINERS = new Set(words((p) => p.numberJoiners));
export const NUMBER_ARTICLES = new Set(words((p) => p.numberArticles));
export const BARE_ARTICLES = new Set(words((p) => p.bareArticles));
/** "couple", "par" somewhere in a text: only then is a couple looked for. */
export const COUPLE_CUE = new RegExp(
  alternation((p) => p.coupleWords),
  "i",
);
const COUPLE_WORD = alternation((p) => p.coupleWords);
const COUPLE_ARTICLE = alternation((p) => p.coupleArticles);
const COUPLE_OF = alternation((p) => p.coupleOf);
const COUPLE_US = alternation((p) => p.coupleUs);
/**
 * "a couple of ...", "un par de ...": two, said before a word that is no number; "a couple of
 * us" too.
 */
export const COUPLE = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:${COUPLE_ARTICLE})\\s+)?(?:${COUPLE_WORD})(?=\\s+(?:${COUPLE_OF})\\s+(?:${COUPLE_US})\\b)` +
    `|(?<![\\p{L}\\d])(?:(?:${COUPLE_ARTICLE})\\s+)?(?:${COUPLE_WORD})\\s+(?:${COUPLE_OF})(?=\\s+[\\p{L}])(?!\\s+(?:${COUPLE_US})\\b)`,
  "giu",
);
/** The words after a couple's word, before what is counted ("a couple of hundred": no two). */
export const COUPLE_NEXT = new RegExp(`^\\s+(?:(?:${COUPLE_OF})\\s+)?([\\p{L}]+)`, "u");
export const MIND_OPENERS = words((p) => p.mindOpeners);
/** A message opening with a word for help ("help with ...", "ayuda ..."). */
export const HELP_OPENER = new RegExp(`^(?:${alternation((p) => p.helpOpeners)})\\b`);
export const GENERIC_NOUNS = new Set(words((p) => p.genericNouns));
