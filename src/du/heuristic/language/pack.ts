import type { SlotExtract } from "../../../config/schema.ts";

/**
 * What the offline DU knows about one language, as data: function words, dialogue-act cues,
 * small talk, number and ordinal words. Nothing about any domain: a domain's words live in its
 * YAML (`vocabulary:`, slot `synonyms` and `aliases`). Phrases are written folded: lowercase,
 * no accents, no apostrophes ("dont", "whats"). Cue patterns are regular-expression sources
 * matched on folded text; the packs of every language are merged (docs/understanding.md).
 */
export interface LanguagePack {
  code: "en" | "es";
  /** Function words that carry no request of their own. */
  stopWords: string[];
  /** Function words that carry intent ("where is my order"): ranked with the word they ask about. */
  intentWords: string[];
  /**
   * Everyday words of the language that typo correction never turns into a domain word one
   * edit away ("pásame" is no "pasaje"); the words of `humanVerbs` are kept too.
   */
  keepWords: string[];
  /** Words said around a dialogue act that do not change it ("yes please", "ok, cancel it"). */
  fillers: string[];
  affirm: string[];
  deny: string[];
  cancel: string[];
  help: string[];
  greeting: string[];
  thanks: string[];
  /**
   * The words that thank on their own, wherever they stand ("no thanks", "no, gracias"): a "no"
   * said with one of them declines going on rather than answering.
   */
  thanksWords: string[];
  /**
   * Single words that make a message of small talk thanks wherever they stand ("thank u",
   * "thanks mate"), though no phrase of `thanks` is said whole.
   */
  thankingWords: string[];
  goodbye: string[];
  /** Other small talk, answered with the generic chitchat message. */
  smallTalk: string[];
  /** Asking the assistant to say its last message again. */
  repeat: string[];
  /** A negated answer to an optional question: "none", "nothing", "skip" (see optional slots). */
  none: string[];
  /** Words beside the single words of `none` that negate the item after them ("not the olives"). */
  itemNegators: string[];
  /** The words for "nothing" and "nobody": a free-text answer never opens with one. */
  nothing: string[];
  /**
   * Verbs and auxiliaries that, right after a word for nothing, make it the subject of a
   * sentence ("nadie ha venido", "nothing has arrived", "nada funciona"): a story, no decline.
   */
  nothingVerbs: string[];
  /**
   * The words for "everything" ("no, just show me everything" to an optional question that
   * narrows a search: no value, all of it).
   */
  everything: string[];
  /**
   * Asked a list with its choices, the words that take every one ("all of them", "everything"):
   * a message of these and `allChoicesAlong` words only is the list of all the choices.
   */
  allChoices: string[];
  /** The words that may stand around `allChoices` ("I'll take them all, lol"). */
  allChoicesAlong: string[];
  /**
   * Turning an offer down without a "no" ("I'm good", "I'll pass"): an answer to an optional
   * question only. Kept apart from `none`, whose every word declines ("good" does not).
   */
  declineOffer: string[];
  /**
   * Said after a way of turning an offer down, it accepts it ("plain is fine", "as it is will
   * do"): the whole still turns the offer down.
   */
  acceptTail: string[];
  /**
   * Texting forms read as the word they stand for when dialogue acts and dates are matched, each
   * written "form word" ("u you", "ur your"): "how's ur day going" is small talk.
   */
  textingForms: string[];
  /**
   * Words opening a clause that gives a reason ("..., as I hardly use it these days"): the
   * last clause of a long message so opened is why, not what, is asked.
   */
  reasonLeads: string[];
  /**
   * Words that open a reason only when they open a clause after a comma ("la dirección, que
   * esos días estaré fuera"): of several choices, one said in such a clause is not the answer.
   */
  commaReasonOpeners: string[];
  /**
   * Saying, at the start of a message, that what follows is no longer needed ("ya no hace falta
   * que vengáis a montar el armario", "no need to come and fit it"): the thing is cancelled.
   * Matched on folded text, at the start.
   */
  noLongerNeeded: string;
  /**
   * Words joining two clauses that set one against the other ("I booked the morning but I'd
   * rather go in the afternoon"): what each side says is read apart.
   */
  contrasts: string[];
  /**
   * Words of a hedge or courtesy that may close a letter ("I should think", "if possible"):
   * with function words and thanks only, such a clause asks nothing.
   */
  hedgeWords: string[];
  /**
   * Words saying how sure the user is ("I think my bill is wrong", "it seems high"): where no
   * flow or slot has them, they weigh nothing in the ranking.
   */
  doubtWords: string[];
  /**
   * Words saying which one of the thing is meant ("where is my other order"): where no flow or
   * slot has them, they weigh nothing in the ranking, as doubt words.
   */
  whichWords: string[];
  /** What a "no" says about a value ("wrong", "incorrect"): "no, the name is wrong". */
  judgement: string[];
  /**
   * Question words a slot's prompt asks its thing with ("Which doctor do you need?"): the noun
   * after one names the slot ("no, wrong doctor").
   */
  promptAsks: string[];
  /**
   * How a value was written, said with a judgement of it ("the name is spelled wrong", "está
   * mal escrito"): no fault alone, and no value either.
   */
  judgedHow: string[];
  /** Openers before a "no" at a confirmation ("actually no, keep it"). */
  noOpeners: string[];
  /** The words of a plain "no" read behind one of `noOpeners` ("wait no", "hmm nope"). */
  plainNo: string[];
  /**
   * Where a story turns to its point between spaces ("anyway", "long story short", "so" but not
   * "so far"): a pattern; the clause after it is read as the request.
   */
  storyTurns: string;
  /** Cancel words that mean something else inside a sentence (Spanish "para": stop / for). */
  ambiguousCancel: string[];
  /**
   * Cancel phrases that put the thing somewhere when a place follows them ("leave it in the
   * porch", "drop it off at reception", "déjalo en conserjería"): said so, they mention no
   * cancel. `placedBefore`: the words that open the place; `placedNot`: words after one of them
   * that make it the idiom again ("leave it at that", "déjalo en paz").
   */
  placingCancels: string[];
  placedBefore: string[];
  placedNot: string[];
  /**
   * A verb's infinitive, as a pattern of one folded word ("banar", "ponerle"): typed in small
   * letters right after a name's cue word and before more words ("para bañar a Rocky"), it is
   * the verb, no name. "(?!)" when the language has no such form.
   */
  infinitive: string;
  /**
   * A verb with object pronouns attached ("devolverla", "anúlalo", "cámbiamelo"), as a pattern of
   * one folded word whose first group is the verb as said ("devolver", "anula", "cambia"). "(?!)"
   * when the language attaches no pronouns.
   */
  enclitic: string;
  /**
   * A verb said to a group ("¿sabéis algo?", "¿me lo traéis?"): patterns of one folded word
   * whose group 1 is the root, each with the infinitive's ending it takes ("ar" for "-áis").
   */
  youPlural: Record<string, string>;
  /**
   * A verb said in a person or tense of its own ("me anoto", "lo anulo", "que me lo arreglen",
   * "¿me lo mandan?"): each ending of such a form (folded), with the endings of the
   * infinitives its root may take, tried in order ("que" of "busque" takes "car": the
   * spelling moves back). The form is read as the infinitive only when the domain's own texts
   * have that infinitive, or have it with pronouns attached ("anotarme"). Empty when the language has none.
   */
  verbEndings: Record<string, readonly string[]>;
  /**
   * A diminutive ("pequeñito", "cochecito"), as a pattern of one folded word: group 1 the root,
   * group 2 the ending ("o", "as"). Read as the domain's word it makes smaller. "(?!)" for none.
   */
  diminutive: string;
  /**
   * Phrases that put something off to no set time ("another day", "otro día", "más adelante"):
   * with a cancel, they name no day of another flow ("déjalo, ya llamo otro día" only stops).
   */
  deferrals: string[];
  /**
   * Phrases that end a span of days on the day it starts ("just for the day", "the same day",
   * "el mismo día"): asked the end date, they give the start date the flow already has.
   */
  sameDay: string[];
  /**
   * "where do I find the reference?", "I can't find it", "what's the difference between the two?":
   * a question about how to answer.
   * `NOT_KNOWN` stands for the pack's `notKnown` phrases, `NOT_AT_HAND` for its `notAtHand`:
   * a message opening with one asks too.
   */
  helpQuestion: string;
  /**
   * Not having the thing asked at hand ("I don't have it", "I can't find it", "no lo tengo"),
   * an alternation: after a "no" ("no, I don't have it with me") it is a "no" to the question.
   */
  notAtHand: string;
  /**
   * The speaker saying what they know or remember ("I know the combination", "I still
   * remember it", "me acuerdo de la combinación"), an alternation over flattened text: a value said in that
   * clause is what they have, not the answer asked for.
   */
  speakerKnows: string;
  /**
   * Saying one has no value to give ("no idea", "I don't remember"): to an optional question,
   * with nothing else said, the slot is declined; opening a message, it asks for help (see
   * `helpQuestion`).
   */
  notKnown: string[];
  /** "what is an X": a question about a term. */
  whatIs: string;
  /**
   * "what does HIIT mean": a question about a term that ends after it; the term is the
   * pattern's first group.
   */
  whatMeans: string;
  /**
   * A term's last word that asks for a value of the thing, not what it means ("what's the
   * checkout time", "what is the booking fee"): no question about a term.
   */
  valueAsked: string[];
  /** Asking for a person: a verb ("talk") then a noun ("agent"), in any of the languages... */
  humanVerbs: string;
  humanNouns: string;
  /** ...or said another way ("a human please"). */
  human: string;
  /** Asking what the assistant is ("are you a bot or a real person?"): small talk, no request. */
  assistantQuestion: string;
  /** Fed up with the assistant. */
  frustration: string;
  /**
   * The whole message asks for a moment before answering ("hang on, let me look at it",
   * "one sec, it's in my notes"): small talk of kind `wait`, never an answer. Anchored.
   */
  pause: string;
  /** A change of mind: the new request replaces the running flow. */
  switchCues: string;
  /** ...unless the new request is meant to come first. */
  digressionCues: string;
  /** Words that open a correction. */
  correctionOpeners: string;
  /** Correction phrases anywhere in the message. */
  correctionPhrases: string;
  /**
   * Said between two values of one slot in one message, it takes the first back ("Valencia,
   * sorry I mean Seville", "a compact, no wait, an SUV"): the later value is the one meant.
   * Matched on the folded words between the two values.
   */
  takeBack: string;
  /**
   * Said between two values of one slot, it makes the later one a fallback ("monday if you can,
   * otherwise tuesday", "el lunes, si no el martes"): the first is the one asked for. Matched on
   * the folded words between the two values.
   */
  fallback: string;
  /**
   * Said between two values of one slot, it makes the later one a part or state of the first
   * ("the tv has no signal", "la tele no tiene señal"): the first is the one meant. Matched on
   * the whole of the folded words between the two values.
   */
  ownerOf: string;
  /** A question about something the assistant said before (named groups `term`, `again`). */
  recallQuestion: string;
  /** Words that make a message a request rather than a bare value. */
  requestCues: string;
  /** Adding to a list already given: "add mushrooms too", "and olives", "also onions". */
  listAdd: string;
  /** Taking out of a list already given: "remove the olives", "without ham", "no more onions". */
  listRemove: string;
  /**
   * One value put in another's place, the old one first ("swap the ham for pineapple"), with
   * named groups `old` and `new`; matched on the whole message, case-insensitively.
   */
  swapValue: string;
  /**
   * A task word said not to be wanted ("I don't want to cancel", "no quiero cancelar"): the
   * named group `verb` is the word. Matched on folded text.
   */
  negatedAct: string;
  /**
   * Opens a question about whether the business has, sells or can point to a thing ("is there
   * a", "do you sell", "can you recommend"): the words after it, up to a preposition, are the
   * thing. Matched at the start of folded text.
   */
  thingQuestion: string;
  /**
   * Open a clause that only sets the scene of a question ("... when I rent a car?", "if I
   * cancel, do I pay?", "cuando alquilo ..."): the act that clause names is not what is asked.
   */
  conditionLeads: string[];
  /** Opens a question rather than an answer. */
  questionStart: string;
  /**
   * A wish for what someone else should do, that opens as `questionStart` does but asks nothing
   * ("que revisen también los frenos", "que me llamen antes": an unaccented "que" before a verb
   * said of them): no question, when no "?" is typed. Matched on the lowercased text, accents
   * kept (a typed "qué" asks).
   */
  wishStart: string;
  /**
   * A yes/no question about what the business does ("do you deliver ...", "are you open"): it
   * starts a flow only when the domain knows every word of it.
   */
  businessQuestion: string;
  /** A question about the business's own things ("what's your address"), no task asked. */
  yourQuestion: string;
  /**
   * A yes/no question whether a thing is so, opened by its verb "to be" ("is the sauna open on
   * sunday?", "¿está abierto el museo el sábado?"): it asks about the thing, no act.
   */
  stateQuestion: string;
  /**
   * A question about how a thing is ("how near is the lodge to the lake?", "que tan lejos
   * esta"): the named group `word` is the property asked. No quantity or time word ("how
   * much", "how long"): flows answer those; nor a question about the assistant ("how old are
   * you"). Matched on folded text.
   */
  propertyQuestion: string;
  /**
   * A remark that asks only for agreement, ending in a tag question ("lovely day, isn't it"):
   * small talk when no word of it is a flow's.
   */
  remark: string;
  /**
   * A clause that asks for something not to be done ("don't give me another day", "no need to
   * call me"): its words ask for no flow.
   */
  refusedAsk: string;
  /**
   * A clause saying what is not wanted ("I don't want a table", "not the table"): refused only when another
   * clause asks for something ("..., I want a pizza brought home"); alone it is the request.
   */
  refusedWant: string;
  /** The whole thing, not one step of it: "cancel it altogether", "del todo". */
  wholeThing: string;
  /**
   * Words after a value that make it the one who told ("my GP told me to see a heart doctor",
   * "the dermatologist recommended physio"): of several choices, that one is not asked for.
   */
  tellerAfter: string;
  /**
   * Words after a value that make it the one preferred ("morning is better, he's slow in the
   * afternoons"): of several choices, that one is asked for.
   */
  preferredAfter: string;
  /**
   * A question about what something costs ("how much does a visit cost?", "what's the price of
   * ..."): out of scope when no flow pays or names a price.
   */
  priceQuestion: string;
  /** Words that name a price ("cost", "price", "fee"): a flow that has one answers about it. */
  priceWords: string[];
  /** Words that make a clause a request (in a long story). */
  asks: string;
  /** Ordinals that pick one of several offered options (-1: the last). */
  ordinals: Record<string, number>;
  /** Month names and their short forms, by month number ("march", "mar", "marzo": 3). */
  months: Record<string, number>;
  /** Weekday names, by day number from Sunday (0) ("friday", "viernes": 5). */
  weekdays: Record<string, number>;
  /** Short forms typed for weekdays ("thurs pm") that are no other word. */
  weekdayShort: Record<string, number>;
  /** Short forms of weekdays that are also words ("I sat", "the sun"): a day only where one is meant. */
  weekdayWords: Record<string, number>;
  /**
   * Days said relative to today, by their offset ("tomorrow" 1, "pasado mañana" 2, "ayer" -1),
   * texting forms included ("tmrw").
   */
  relativeDays: Record<string, number>;
  /** Days of the month as ordinal words ("first" 1 ... "thirty first" 31, "primero" 1). */
  ordinalDays: Record<string, number>;
  /**
   * The speaker giving their own name as a clause of its own: said before it ("this is Maria
   * Lopez", "soy Maria Lopez") or after it ("Carlos Ruiz here", "Maria Lopez speaking"). The
   * capitalised name is the flow's one name slot, as "my name is ..." is.
   */
  selfIntroBefore: string[];
  selfIntroAfter: string[];
  /**
   * Said before a full name only ("I'm Tomas Berg"): one capitalised word after it may be what
   * the speaker is ("I'm British").
   */
  selfIntroFull: string[];
  /**
   * Words that give the name of a person named by a relation just before ("my wife's account,
   * she's Maeve Quinn"; "mi mujer, se llama Ana Ruiz"), folded.
   */
  otherIntro: string[];
  /** Possessives before a relation word ("my sister Laura"). */
  possessives: string[];
  /** People named by relation rather than by name ("my sister"); domains add their own. */
  relations: string[];
  /** Titles said before a person's name and not part of it ("Mr. Thomas Becker", "Sra. Ruiz"). */
  titles: string[];
  /** This language's relation words in English, for a value read back in an English domain. */
  relationsInEnglish: Record<string, string>;
  /** The possessives before one of this language's relations ("mi", "mis" madre) so read back. */
  relationPossessives: string[];
  /** Words that end a free-text value said after its cue ("for rent FROM savings"). */
  phraseBreaks: string[];
  /**
   * Pronouns a preposition takes ("for ME to pick up", "para MÍ"): after a preposition they
   * start a clause about who the request is for, which no free-text value runs into.
   */
  objectPronouns: string[];
  /**
   * Prepositions a question may start or end with ("At which address...?", "... put the table
   * under?"): said before a value, they say which slot it answers.
   */
  prepositions: string[];
  /** Generic synonym groups (greetings, "last"/"previous"); a domain may drop or re-map them. */
  synonyms: Record<string, string[]>;
  /**
   * Task words: per act a customer asks for (book, cancel, change, look up, buy, pay, report a
   * fault), the generic verbs and fixed phrases said for it. A flow whose own words use one
   * member is weakly matched by the others, below an exact match ("make an appointment" is a
   * booking). Groups are tight acts and hold no domain noun; a domain's own synonym for a word,
   * or `vocabulary.drop` naming the group, wins.
   */
  tasks: Record<string, string[]>;
  /**
   * Said right before a date, it gives the date up rather than asks for it ("I can't make it on
   * thursday", "I can't do tuesday", "monday rather than sunday"): that date is no value of
   * the request.
   */
  givenUp: string;
  /**
   * A "no" whose reason is the size of the number ("that's too much", "too high", "not that
   * much"): the amount is what is wrong. Matched on folded text.
   */
  amountReason: string;
  /**
   * Said right after a date, it gives it up ("tomorrow won't work", "friday is no good");
   * matched on the folded words after the date.
   */
  givenUpAfter: string;
  /**
   * Said right after a choice, it is the one the user has and wants to leave ("the evening one
   * doesn't suit me", "el de tarde me viene fatal"): it suits the speaker badly. Narrower than
   * `givenUpAfter`: "the tv doesn't work" is a fault of the tv, no choice left.
   */
  suitsBadlyAfter: string;
  /**
   * Broader acts a message may ask for without saying which narrow one ("I need an X" asks for a
   * new one: to reserve or to buy), and the acts that make a flow have them.
   */
  actFamilies: Record<string, string[]>;
  /** Words that negate the task word right after them ("I can't make it" books nothing). */
  negations: string[];
  /**
   * Task words that are nouns as often as verbs ("order", "book"): they carry their act only
   * where a verb stands, after one of `verbLeads` ("I want to order", "can I book") or first
   * in the text before a determiner ("order a pizza"); "my order", "cancel booking" name a thing.
   */
  verbNouns: string[];
  /**
   * Task words that are verbs but for an article or possessive right before them: "since the
   * move", "after my move", "sorry for the delay" name an event, no act ("move it" still asks).
   */
  articleNouns: string[];
  /**
   * Whether a cancel verb in its present said of a thing tells what the thing does ("the vpn
   * drops", "calls drop after 5 min", "it just closes"): its -s form, or its plain form after
   * a plural noun, with no object after it. False where those forms ask (Spanish "¿me anulas
   * PQ…?" is "you cancel").
   */
  thingPresent: boolean;
  /**
   * A lone "." before three digits is a decimal point ("1.500" is 1.5 in English; Spanish
   * writes thousands so: 1500): how an ambiguous number reads in a domain of this language.
   */
  pointDecimal: boolean;
  /**
   * Words that are both a day and a part of a day (Spanish "mañana"), and the articles that
   * make them the part ("por la mañana" is the morning of another day, not tomorrow).
   */
  morningDays: string[];
  morningArticles: string[];
  /**
   * The ending of a regular past form or participle ("booked", "I need it unlocked"): a task
   * verb so ended tells of what was done, and after a pronoun names the result wanted, the verb
   * being the word less it, or less its last letter only ("saved" -> "save").
   */
  participleEnds: string[];
  /**
   * A clause telling what the speaker did ("I borrowed", "we went", "I had lent"), a pattern
   * matched case-blind: such a part of a long message is story, not a request to split off.
   */
  pastNarrative: string;
  /**
   * The formulas of a formal letter around its request ("Dear Sir,", "Kind regards, ...",
   * "I request that"), a pattern matched case-blind, and the words one of them always has
   * (a cheap test before the pattern is tried): read apart from the request.
   */
  letterFrame: string;
  letterFrameWords: string[];
  /**
   * A change of mind said before what is taken back ("on second thought, drop the parking",
   * "pensándolo bien ..."), a pattern, and the words that may come before it ("actually", "so").
   */
  secondThoughts: string;
  secondThoughtOpeners: string[];
  /**
   * What may lead a bare name given for a slot ("his name is Tim", "it's Maria Lopez"), a
   * pattern matched case-blind at the start of the message.
   */
  nameIsLead: string;
  /**
   * "the city is Porto", "my surname should be Ruiz": the words before a noun of a question
   * and those between it and the value given for it.
   */
  statementOwners: string[];
  statementLinks: string[];
  /**
   * Words that restate a value among a message's first words ("make it", "change that to",
   * "I meant"), a pattern matched case-blind: what follows answers the one free-text slot.
   */
  restateCues: string;
  /**
   * The word "a" is the "to" of a trigger phrase everywhere ("enviar 50 euros a Carlos"), not
   * only before a capitalised word as where "a" is an article (English).
   */
  aIsTo: boolean;
  /**
   * The words that play the English "to" of a trigger phrase (Spanish "a": "enviar 50 a
   * Carlos"), read before a capitalised word in any domain, before any word where `aIsTo`.
   */
  toWords: string[];
  /** The word linking a slot's name or a relation to its value ("my neighbour is Peter"). */
  copulas: string[];
  /** Words after a list's name that give its items ("the faults are ...", "symptoms include"). */
  listIntroWords: string[];
  /**
   * The possessive a relation said in another language ("mi madre") is stored with, in this
   * language's words ("my mother"), so it is read back unmixed; null keeps it as said.
   */
  relationOwner: string | null;
  /**
   * A joining word that opens a new clause when the speaker's request follows it ("... since
   * sunday and I'd like the doctor to see her"): a pattern matched on the raw text, whose match
   * is the break (a lookahead keeps the request whole). Read where a story is split into clauses.
   */
  clauseOpeners: string;
  /**
   * What makes a quantity a difference, not the amount: words after it and its unit ("two days
   * later"), right after the number ("2 more nights"), or before it ("extend it by 2 nights").
   */
  differenceAfter: string[];
  comparatives: string[];
  differenceBefore: string[];
  /**
   * Said right before a count of days, how far a date moves ("push it back a couple of days",
   * "bring it forward 2 days"): no count of the request. Before anything else ("pay her back 350
   * euros") the number stays.
   */
  shiftBefore: string[];
  /**
   * Auxiliaries a participle after which tells what happened to something, not what is asked
   * ("the match was moved", "it has been changed"): the act is no request.
   */
  passiveAux: string[];
  /** Articles: one opening a choice's synonym ("the derby") may be left out ("derby tickets"). */
  articles: string[];
  /**
   * Words for an amount left unsaid before a thing ("some", "any"): like an article, no part of
   * the thing asked for ("show me some running shorts").
   */
  vagueAmounts: string[];
  /**
   * Question words that ask for an amount ("how much", "how many"): a request that asks one,
   * as one flow's trigger phrase opens, asks what that flow tells.
   */
  amountQuestions: string[];
  /**
   * The speaker's words written with a capital anywhere ("I", "I'm", and "We" opening a
   * sentence): a capitalised one starts no street or name ("I live in Calle Alcala 100").
   */
  capitalSelf: string[];
  /**
   * Words said between the two words of a two-word synonym, in its own order: "corte de chico"
   * for "corte chico". (English says the other order, "a shop for books": none.)
   */
  synonymJoins: string[];
  /**
   * Words said between the two words of a two-word synonym in the other order: "a shop for
   * books", "a shop for the books" for "book shop" (Spanish none: see `synonymJoins`).
   */
  synonymFlips: string[];
  /** Words after a clock time that make it the afternoon or night ("5 pm", "a las 5 de la tarde"). */
  pmWords: string[];
  /** Words after a clock time that make it the morning ("7 am", "a las 7 de la mañana"). */
  amWords: string[];
  /** Particles of phrasal verbs, which may come a few words after the verb ("call it off"). */
  particles: string[];
  /**
   * Pronouns said between a verb and its particle ("pick IT up", "turn THEM off") or the result
   * wanted ("I need IT unlocked").
   */
  particleObjects: string[];
  /**
   * Pronouns that, ending a help question ("where would I find IT?", "what's the difference
   * between THOSE?"), stand for the thing the pending question asks.
   */
  askedPronouns: string[];
  /**
   * Words standing for the options the pending question offers or the thing it asks ("how heavy
   * are THEY?", "which ONES have you got?", "where are THOSE stamped?"): a question saying one
   * is about the question, not off the topic. A pattern on the folded message.
   */
  optionPronouns: string;
  /** Irregular past forms and the verb they are read as ("sent" -> "send"). */
  irregular: Record<string, string>;
  /**
   * Prefixes that undo the verb they are put on, each with the word for undoing: "unbook my
   * class" is read "cancel book my class" (only on a verb of asking for a new thing).
   */
  undoPrefixes: Record<string, string>;
  /** Words a verb follows: subject pronouns, modals, "to", "please" ("can I book ..."). */
  verbLeads: string[];
  /** Words a verb opening a text is followed by ("book a table", "order me ..."). */
  verbObjects: string[];
  /**
   * Words after which "to" marks a verb, not a place: "I need to fly from Oslo" names no
   * destination "fly" (a capitalised word after it is still a place: "I want to Rome").
   */
  infinitiveTo: string[];
  /** Words that name a slot of a declared kind ("amount" for money, "date" for a date). */
  kindWords: Partial<Record<SlotExtract, string[]>>;
  /**
   * The words naming parts of the day: a slot whose choices are such parts takes a clock time
   * said for it ("around 10" is the morning, "half past three" the afternoon).
   */
  partsOfDay: { morning: string[]; afternoon: string[]; evening: string[] };
  /**
   * Words that only say when, in a question about the business ("what are your hours at
   * weekends", "how late are you open"): like a part of the day, no thing asked about.
   */
  whenWords: string[];
  /**
   * A clock time, led by a word ("at", "around") or with minutes or a half of the day: named
   * groups `hour` (digits or a number word), `minutes`, `half` ("y media", "half past"),
   * `quarter` ("y cuarto"), `to` ("quarter to ten", "menos cuarto") and `suffix` (a half of the
   * day: "pm", "de la tarde"). A count ("around 10 people") is none. Read for parts of the day
   * and for `extract: time` slots.
   */
  clockTime: string;
  /**
   * Words of a question about the past ("Since when...?", "When had it started?"): a date slot
   * whose prompt or description has one reads "on monday" or "the 3rd" as the latest one.
   */
  pastCues: string[];
  /**
   * Phrases that make a number slot a day of the month ("On which day of the month ...?", "the
   * day of each month we collect"), said in its label, aliases, prompt or description: "the
   * 15th" and "on the 1st" then fill it as 15 and 1 instead of being read as dates.
   */
  monthDayCues: string[];
  /**
   * A part of today already gone ("this morning", "esta mañana"), folded: said as the time of
   * what happened ("my laptop died this morning") it is no day asked for, as yesterday is not.
   */
  gonePartsOfToday: string[];
  /**
   * Said right before a date, they make it the end of a span ("until the 18th", "returning on
   * sunday", "hasta el lunes"): in a flow with several date slots such a date is not read as
   * the first one; a date with no such word fills the first empty date slot the flow asks.
   */
  dateEnd: string[];
  /**
   * A day of the month said without its month ("the 15th", "on the 19 in the morning", "el dia
   * 15", "para el 30"), the day number its only group that matched. Matched on folded text.
   */
  dayOfMonth: string;
  /** Said after a number, they make it a change of a value ("2 days later", "one more night"). */
  shiftWords: string[];
  /** Units a count of days is said in, singular ("night", "noche"; plurals match): see `weeks`. */
  dayWords: string[];
  /**
   * Said after a number, they count how often something happened ("3 times", "dos veces"): how
   * often, not what is asked about, so they weigh nothing in the ranking.
   */
  timesWords: string[];
  /**
   * A count of weeks ("a week", "two weeks", "una semana"): group `n` is the count (a small
   * number word or digits), `fortnight` two weeks. A number slot counting days reads it as 7
   * days a week.
   */
  weeks: string;
  /**
   * Words for people counted ("people", "adults", "ppl", "of us"). A number slot whose name,
   * label, aliases, prompt or description has one counts people: these words then name it
   * ("3 adults", "2 of us"), and `peopleLeads`, `selfOnly` and `pair` read it.
   */
  peopleWords: string[];
  /**
   * Words that ask for or name a place ("where", "city", "destination"). A free-text slot whose
   * name, label, aliases, prompt or description has one asks for a place: as the only one of its
   * flow, it reads capitalised words after one of `placePrepositions` ("a hotel in Lisbon").
   */
  placeWords: string[];
  /**
   * Nouns that make a slot's name ask for a kind of the other noun in it (`lantern_type`): a
   * free-text slot so named reads the word right before that other noun ("a paper lantern" ->
   * paper) when no vocabulary of the domain knows the word. Empty where the kind follows its
   * noun.
   */
  kindNouns: string[];
  /**
   * Words that put an upper bound on a choice in its slot's prompt ("mediano (hasta 10 kg)",
   * "medium (up to 10 kg)"): a measure said as the answer picks the smallest choice it fits.
   */
  upTo: string[];
  /** Each unit's short form and the words it is said with ("kg": "kilos", "kilo"). */
  unitNames: Record<string, string[]>;
  /** Prepositions that lead to a place ("in", "to"; "en", "a"). */
  placePrepositions: string[];
  /**
   * Words that keep only what follows them ("drop the parking, just breakfast"): what is said
   * after one is kept, not taken back.
   */
  onlyWords: string[];
  /** Said right before the number of people: "we are 3", "party of 4", "somos 4". */
  peopleLeads: string[];
  /**
   * Said right before a total that sums up the numbers before it: "me, my wife and our two
   * kids, so 4", "2 adults and 1 kid, 3 in total" (`totalLeads` before, `totalAfter` after).
   */
  totalLeads: string[];
  /**
   * Said right before the day settled on after other days: "not this monday but the one
   * after, so the 24th", "trabajo de lunes a jueves, así que el viernes".
   */
  conclusionLeads: string[];
  /**
   * Words for the younger people counted beside the adults ("kids", "children", "niños"): groups
   * of people said together are added up ("two adults and a kid" is 3, "2 adults + 2 children" 4).
   */
  childWords: string[];
  /**
   * The speaker added to a number of others: said right before it ("me and 2 friends") or
   * right after it and its noun ("3 colleagues and me"); the count is one more.
   */
  selfBefore: string[];
  selfAfter: string[];
  /** The speaker alone, as the number of people: "just me", "only myself", "solo yo". */
  selfOnly: string;
  /**
   * A clause that wants nothing more added ("nothing extra", "nothing added", "sin extras"): it
   * declines the flow's one optional slot, whatever that slot is called.
   */
  nothingMore: string;
  /**
   * Words saying "more of" a thing ("extra", "additional"): between a "no" and the asked slot's
   * noun they decline it all the same ("no extra toppings", "sin ingredientes extra").
   */
  additionWords: string[];
  /**
   * Words setting a thing apart from the one at hand ("my OTHER lesson", "ANOTHER visit"): a
   * cancel of such a thing is not of the running flow's.
   */
  otherWords: string[];
  /**
   * Keeping an optional answer for someone in person ("I'd rather tell the doctor in person",
   * "I'll explain it when I get there"): a pattern on the whole folded message; it turns the
   * question down as "I'd rather not say" does.
   */
  toldInPerson: string;
  /**
   * What opens a remark aside rather than a request ("lol", "haha", "thanks so much, ..."):
   * matched on the start of the folded message.
   */
  asideOpener: string;
  /**
   * Verbs of doing ("make", "hacer"): right before a bare plural choice they name an activity
   * that fails ("I can't make calls"), no occasion given up ("I can't make the morning").
   */
  doVerbs: string[];
  /**
   * Words asking a degree right before an adjective ("how big", "qué tan grande"): the choice
   * that adjective names ("big" for large) is asked about, not chosen.
   */
  degreeAsks: string[];
  /** Words of degree said between a negation and its word ("not THAT urgent", "no TAN urgente"). */
  degreeWords: string[];
  /**
   * Adverbs said inside a choice's phrase of several words without changing it ("the lights
   * just went out" says the synonym "lights went out"): one of them between two of its words.
   */
  phraseAdverbs: string[];
  /**
   * A word of excess right before a choice says that value is not wanted: "is it too late to
   * change it" asks for no afternoon, "demasiado tarde" neither.
   */
  excessWords: string[];
  /**
   * Words before a part of the day that make it a habit ("headaches every morning", "cada
   * mañana"): when something keeps happening, not the time asked for.
   */
  habitLeads: string[];
  /**
   * The speaker saying what they will do themselves ("I'll", "we will"): after a cancel phrase,
   * with a verb no act has ("forget it, I'll call another day"), it asks for nothing more.
   */
  selfFuture: string[];
  /**
   * After a refusal, the speaker saying how they will see to it themselves ("nah I'll explain
   * on the phone", "no, I'd rather tell them in person", "no, ya se lo explico yo"): a pattern
   * on the folded words after the refusal. Asked an optional question, that declines it.
   */
  selfSeeTo: string;
  /**
   * Every choice of a list but some ("everything but olives", "todo menos cebolla"): the
   * words up to the exception; the choices named after it are left out.
   */
  allBut: string;
  /** A story told of the past ("last time we were 6"): its values are what was, not a wish. */
  pastStory: string;
  /** A part opening with what the speaker is ("I'm new here"): it tells, it asks nothing. */
  selfBeing: string;
  /** A question opening with a question word ("how many", "what"), not "can I" / "do you". */
  whQuestion: string;
  /**
   * The speaker and one person named by relation ("me and my partner", "my wife and I"):
   * two people. `REL` stands for the relation words.
   */
  pair: string;
  /** Words that flip the choice after them ("not checking, savings", "sin cebolla"). */
  choiceNegations: string[];
  /** Articles and possessives a negation may have before its choice ("not the debit one"). */
  negatedDeterminers: string[];
  /**
   * Said right after a choice, they clear it as not the one meant ("the internet isn't the
   * problem, the TV is", "el internet no es el problema"): it is read as a negated choice.
   */
  clearedAfter: string[];
  /** Words joining a negated choice to the next ("no ham or onions", "ni jamon ni cebolla"). */
  alternatives: string[];
  /** Words that end the thing a "do you have a ..." question asks about ("a gym near ..."). */
  thingEnds: string[];
  /**
   * Prepositions that join a noun to what qualifies it inside the thing asked about ("rutas
   * de kayak"): the thing goes on past them.
   */
  thingLinks: string[];
  /**
   * Words asking about a thing besides what the business does ("do you do X as well?",
   * "¿dais X también?"): with them the domain's noun qualified by an unknown word is another thing.
   */
  besidesWords: string[];
  /** Words that stand for whatever the business has ("anything", "any openings"). */
  anyThing: string[];
  /**
   * Phrases pointing back to a value used before ("same", "as before", "the usual"); the
   * one-word ones mark where the value's words follow ("the same card").
   */
  sameAsBefore: string[];
  /**
   * Openings of a follow-up that asks the last request again for another value ("and for
   * savings?", "what about the other one?", "¿y en la de ahorro?").
   */
  followUp: string[];
  /** Opening a change of mind after a "no" ("actually", "on second thought", "en realidad"). */
  changeOfMind: string[];
  /** Closing a change of mind ("after all", "changed my mind", "al final"). */
  afterAll: string[];
  /**
   * Keeping the thing had ("I'll keep them", "me lo quedo"), the whole message but for
   * `changeOfMind` words before it: at the confirmation of a flow that gives a thing up, a no.
   * Matched on folded text.
   */
  keepIt: string;
  /**
   * Leaving a thing as it is ("leave it as it is", "déjalo como está"), anywhere in the message:
   * at a confirmation, a no to the change or cancel asked, though its verb alone cancels.
   * Matched on folded text.
   */
  leaveAsIs: string;
  /**
   * A wish to keep what a slot holds ("leave the old dates", "keep the current time"): naming
   * the slot this way at a confirmation changes nothing.
   */
  keepOld: string;
  /** A yes a change of mind says ("yes", "ok", "go ahead", "send it", "vale"). */
  goAhead: string[];
  /** An order to go on, unlike a bare "yes" that may just acknowledge ("go ahead", "hazlo"). */
  goOn: string[];
  /** Verbs asking to change a value at a confirmation ("change", "fix", "cambiar"). */
  changeWords: string[];
  /** Words allowed between a slot's name and its value ("card ending in 1234", "reference is X"). */
  valueGap: string[];
  /** Articles that say "1" before the word naming a number slot ("one night", "a night"). */
  singular: string[];
  /** The word "one" said alone or before the asked slot's word ("one night", "una"). */
  oneWords: string[];
  /** Words between a name's key and the name ("name of Garcia", "nombre de Ana", "name is Li"). */
  nameKeyLinks: string[];
  /** Words that join groups of people said together ("2 adults and a kid", "yo mas 2"). */
  groupJoiners: string[];
  /**
   * Lower-case words of a capitalised name of this language ("María de la Cruz"); the particles
   * of many languages' names are `NAME_PARTICLES_ANY`, read with every pack.
   */
  nameParticles: string[];
  /** The word "and" that parts the items of a free list ("fever and a cough"). */
  andWords: string[];
  /**
   * Words that join a part of a place to the place ("hard shoulder of the A6"): the lower-case
   * words before them are part of the address. None in Spanish: "de" also opens "cerca de".
   */
  partOfWords: string[];
  /**
   * Words that open two things joined by "and" into one phrase ("between standard and premier",
   * "entre A y B"): that "and" parts no requests.
   */
  pairOpeners: string[];
  /** Only these between two values lists them ("no tv no wifi", "tv or internet"). */
  listJoins: string[];
  /** The word before the day something started ("since monday", "desde el lunes"): kept, not given up. */
  sinceWords: string[];
  /** Words before the day something ends ("until the 10th", "hasta el 10"). */
  untilWords: string[];
  /** The article said before a day ("the 10th", "el lunes"), after `sinceWords` or `untilWords`. */
  dayArticles: string[];
  /** Words between the two days of a range ("the 3rd to the 7th", "del 3 al 7"), in order. */
  rangeTo: string[];
  /**
   * A move between two values of one slot: the word before the one left ("from the first to
   * the second", "del primero al segundo") and the word before the one moved to.
   */
  changeFrom: string[];
  changeTo: string[];
  /**
   * Words for the end of a stay said with its second date ("leaving the 7th", "salgo el 7"): a
   * pattern.
   */
  departWords: string;
  /** Said with the weekend, these put it in the past ("last weekend", "el fin de semana pasado"). */
  weekendPast: string[];
  /** Said with the weekend, these make it the one after ("next weekend", "el que viene"). */
  weekendNext: string[];
  /** A negation right before a day given up ("not thursday", "no el jueves"). */
  dayNegations: string[];
  /** What may sit between a `dayNegations` word and its day ("not on friday"). */
  dayOn: string[];
  /** The words a "not" correction turns on ("X not Y", "X instead of Y", "X rather than Y"). */
  notInstead: string[];
  /** Words a "not" correction may open with ("not Ana, Pedro"). */
  notLeads: string[];
  /** The word before a value given up ("no ham, mushrooms instead", "the amount 600 no 60"). */
  givenUpLeads: string[];
  /** A word after the new value of a correction ("no ham, mushrooms instead"): no part of it. */
  insteadTails: string[];
  /** Articles and possessives dropped before the value a correction gives up ("not the ham"). */
  oldValueArticles: string[];
  /**
   * Openers before a corrected value ("actually", "sorry I meant", "make it", "en realidad"),
   * tried in order (a longer one that starts like a shorter one may follow it: each ends at a
   * word's end).
   */
  valueOpeners: string[];
  /** A word said before a cancel phrase that opens a message ("actually forget it", "wait, stop"). */
  cancelOpeners: string[];
  /** Pronouns standing for a person named earlier in the message ("pay her back"). */
  personPronouns: string[];
  /**
   * Words a name follows whatever word comes before them, in this language only (Spanish "a":
   * "le toca a Nora"): a capitalised word after one fills a trigger's name placeholder.
   */
  nameLeads: string[];
  /**
   * Words a capitalised name follows to say whose thing is meant, in this language only
   * (Spanish "de": "el herrado de Trueno"): with `nameLeads`, they lead a name in a flow that asks
   * for one name and no place.
   */
  ownerLeads: string[];
  /**
   * A question about a thing ("where do I find ...", "what do you mean by ...", "what's the
   * ..."): a pattern on the folded message.
   */
  slotQuestion: string;
  /**
   * Fillers before a question asked on the way ("wait, how much ...", "hmm what's ..."): a
   * pattern of one filler; any number of them open the folded message.
   */
  asideFillers: string;
  /**
   * Fillers before a question about a slot ("hmm where do I find the reference?"): a pattern of
   * one filler; any number of them open the folded message.
   */
  questionFillers: string;
  /** Possessives that make a beneficiary a relation ("my neighbour"), not a name. */
  relationOwners: string[];
  /** "it's" before a corrected value ("wrong one, it's Gran Via 22"): a pattern on the raw text. */
  itIs: string;
  /** Words between a slot's name and its new value ("the amount to 300", "should be 300"). */
  valueLeads: string[];
  /**
   * Patterns of the wrapping before an open answer ("ok", "it's", "my name is", "para"), tried in
   * order (a longer one that starts like a shorter one is listed first, or only its start goes).
   */
  answerLeads: string[];
  /** Courtesy said after an open answer ("please", "thanks", "gracias"): no part of it. */
  answerTails: string[];
  /** Courtesy or haste after an address that ends it ("Gran Via 22 please", "... asap"). */
  addressTails: string[];
  /**
   * Words naming a kind of street said before its name, and their abbreviations as typed
   * ("calle", "c/", "avda."): an address starts at one, without the words before it ("en la
   * calle Sol 4" -> "calle Sol 4", "en el portal, c/ Luna 3" -> "c/ Luna 3"). Folded, one word
   * each. English says the kind after the name ("Elm Road"): none.
   */
  streetWords: string[];
  /** The word before a free list's items ("with fever and a cough", "con fiebre"): no item. */
  itemsWith: string[];
  /** The endings of a day written as an ordinal ("21st", "3rd", "the 10th"). */
  ordinalSuffixes: string[];
  /** Determiners before a slot's own name that leads its answer ("the concept is", "el concepto es"). */
  slotLeadArticles: string[];
  /** Links after a slot's own name that leads its answer ("is", "should be", "es"). */
  slotLinks: string[];
  /**
   * Who has a listed item ("it's got a flat tyre", "we have been having delays"): a pattern of
   * the subject (typed before a space or apostrophe), and one of the verb of having.
   */
  havingSubjects: string;
  havingVerbs: string;
  /** Words that only count inside a number ("two hundred and fifty", "a hundred", "treinta y dos"). */
  numberJoiners: string[];
  /** Number words that are articles far more often than numbers on their own ("one", "un"). */
  numberArticles: string[];
  /** Articles never a count on their own, even before a slot's word ("pay a fine", "una multa"). */
  bareArticles: string[];
  /**
   * "a couple of days", "un par de noches": two. The word for a couple, the article before it,
   * the word after it ("of", "de"), and the word for us after that ("a couple of us" are people).
   */
  coupleWords: string[];
  coupleArticles: string[];
  coupleOf: string[];
  coupleUs: string[];
  /** Words besides fillers and yeses that may come before a change of mind ("no, actually ..."). */
  mindOpeners: string[];
  /** Words that ask for help as a message's first word ("help with my order", "ayuda por favor"). */
  helpOpeners: string[];
  /**
   * Nouns of a slot's name that say nothing about which slot is meant ("card_type", "name"),
   * unless no other slot of the flow has them.
   */
  genericNouns: string[];
  /** Number words and their values, added up in a number ("twenty", "five", "cinco", "doscientos"). */
  numberWords: Record<string, number>;
  /** Number words that multiply what came before them ("hundred", "thousand", "mil"). */
  numberScales: Record<string, number>;
  /** Words for a currency after an amount ("fifty bucks", "20 pavos"), each with its code ("bucks USD"). */
  currencyWords: string[];
  /**
   * Nouns for a currency ("currency", "moneda"): a free-text slot named by one takes the
   * currency an amount was said in ("send 45 euros" stores `EUR`).
   */
  currencyNouns: string[];
  /** Words multiplying the amount before them ("5 grand", "2 mil"), each with its factor ("grand 1000"). */
  amountMultipliers: string[];
}

/** Particles of names in many languages ("van", "von", "da", "di", "le"), read with every pack. */
export const NAME_PARTICLES_ANY: readonly string[] = ["van", "von", "da", "di", "le"];
