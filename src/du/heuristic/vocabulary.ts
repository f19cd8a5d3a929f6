/**
 * Built-in word lists in English and Spanish (both are always accepted; `settings.language` only
 * decides how ambiguous number formats read). Phrases are written folded: lowercase, no accents,
 * no apostrophes ("dont", "whats").
 */

export const STOP_WORDS = new Set(
  [
    // English
    "a an the i me my mine we our us you your it its this that these those is am are was were be",
    "been being do does did have has had having to of in on at for from with by about as into",
    "and or but if so than then there here what whats which who whom whose when where why how",
    "can could would should will shall may might must id im ive ill dont doesnt didnt cant wont",
    "please pls plz want wanna like need needs just also too very really some any all my myself",
    "let lets know tell give get got make now today again thing things something one much many",
    "yeah yes ok okay well oh um uh hmm first before after quickly hang hold on wait actually sorry",
    "instead someone somebody confirm go ahead he she him her his hers they them their",
    // Spanish
    "el la los las un una unos unas yo me mi mis mio tu tus te de del al a en con por para que",
    "como cual cuando donde quiero quisiera necesito puedo puedes por favor porfa es son esta este",
    "esto eso hay hacer ver mas muy lo le les se su sus y o pero si ya",
  ]
    .join(" ")
    .split(" "),
);

/** Words said around a dialogue act that do not change it ("yes please", "ok, cancel it then"). */
export const FILLERS = new Set(
  [
    "please pls just ok okay k well so then now oh um uh hmm yeah sure thanks thank you actually",
    "that it this one i id would like want to do can you could let lets me the a an",
    "por favor vale bueno pues eso lo la",
    // Address words ("cheers mate", "no mate") carry no act of their own.
    "mate buddy pal dude guys folks",
  ]
    .join(" ")
    .split(" "),
);

export const AFFIRM = [
  "yes",
  "more",
  "show more",
  "next",
  "next page",
  "continue",
  "go on",
  "keep going",
  "siguiente",
  "yeah",
  "yep",
  "yup",
  "ya",
  "y",
  "sure",
  "ok",
  "okay",
  "k",
  "correct",
  "right",
  "thats right",
  "thats correct",
  "confirm",
  "confirmed",
  "i confirm",
  "go ahead",
  "do it",
  "proceed",
  "absolutely",
  "of course",
  "definitely",
  "sounds good",
  "looks good",
  "all good",
  "perfect",
  "great",
  "fine",
  "exactly",
  "affirmative",
  "please do",
  "yes please",
  "please",
  "si",
  "claro",
  "vale",
  "correcto",
  "de acuerdo",
  "adelante",
  "perfecto",
  "exacto",
  "confirmo",
  "hazlo",
  "por supuesto",
  "dale",
  "venga",
  "si por favor",
];

export const DENY = [
  "no",
  "nope",
  "nah",
  "n",
  "not really",
  "negative",
  "wrong",
  "incorrect",
  "thats wrong",
  "not right",
  "thats not right",
  "no way",
  "dont",
  "do not",
  "not quite",
  "no thanks",
  "no thank you",
  "never",
  "para nada",
  "incorrecto",
  "no gracias",
];

export const CANCEL = [
  "cancel",
  "cancel it",
  "cancel that",
  "cancel this",
  "stop",
  "abort",
  "quit",
  "forget it",
  "forget about it",
  "forget that",
  "never mind",
  "nevermind",
  "nvm",
  "leave it",
  "drop it",
  "i changed my mind",
  "changed my mind",
  "i dont want to",
  "i dont want",
  "i do not want",
  "dont want to",
  "no longer",
  "not anymore",
  "dont bother",
  "scrap that",
  "start over",
  "start again",
  "start from scratch",
  "forget",
  "cancela",
  "cancelar",
  "cancelalo",
  "olvidalo",
  "olvida",
  "dejalo",
  "deja",
  "para",
  "basta",
  "ya no",
  "no quiero",
];

export const HELP = [
  "help",
  "no idea",
  "i dont know",
  "dont know",
  "i dont have it",
  "i dont have that",
  "not sure",
  "im not sure",
  "no se",
  "ni idea",
  "no lo tengo",
  "what do you need that for",
  "what do you need it for",
  "why do you need that",
  "why do you need it",
  "what for",
  "what is this for",
  "para que",
  "para que lo necesitas",
  "help me",
  "what do you mean",
  "what does that mean",
  "what does it mean",
  "what is that",
  "whats that",
  "i dont understand",
  "dont understand",
  "i dont get it",
  "explain",
  "can you explain",
  "why do you need",
  "why",
  "what should i say",
  "what can you do",
  "what are my options",
  "options",
  "ayuda",
  "ayudame",
  "no entiendo",
  "que significa",
  "que quieres decir",
  "que es eso",
];

/** "where do I find the reference?": a question about how to answer, i.e. help. */
export const HELP_QUESTION =
  /^(?:where|how) (?:do|can|could|would|should) i (?:find|get|see|know|look)\b|^(?:donde|como) (?:encuentro|veo|se)\b|^(?:(?:um|hmm|sorry|well)\s+)*(?:i dont know|i do not know|dont know|i dunno|dunno|idk|no idea|no clue|not sure|im not sure|i dont have|i do not have|i cant find|i cannot find|i dont remember|i cant remember|no lo se|no se|no tengo|no me acuerdo|ni idea)\b/;

/** "what is an iban", "qué es un IBAN": a question about a term, i.e. help. */
export const WHAT_IS =
  /^(?:what|whats|wats) (?:do you mean by |is |s )?(?:a |an |the |this |that )?|^que (?:es|significa) (?:un |una |el |la )?/;

const HUMAN_VERBS =
  "talk|speak|chat|connect me|transfer me|put me|pass me|get me|hablar|habla|pasame|comunicame|comunicar";
const HUMAN_NOUNS =
  "person|human|agent|someone|somebody|representative|operator|advisor|adviser|staff|employee|real person|customer service|support|persona|agente|humano|alguien|operador|asesor";
export const HUMAN = new RegExp(
  `\\b(?:${HUMAN_VERBS})\\b.*\\b(?:${HUMAN_NOUNS})\\b|^(?:(?:i want|i need|id like|i would like|give me|get me|can i have|quiero)(?: to talk to| to speak to)? )?(?:a |an |un |una )?(?:human|agent|operator|representative|real person|persona|agente|humano)(?: please| por favor)?$|\\bhuman being\\b|\\breal person\\b|\\bpersona real\\b`,
);

export const GREETING = [
  "hi",
  "hello",
  "hey",
  "hiya",
  "howdy",
  "hi there",
  "hello there",
  "hey there",
  "hi again",
  "hello again",
  "hey again",
  "good morning",
  "good afternoon",
  "good evening",
  "greetings",
  "morning",
  "yo",
  "hola",
  "buenas",
  "buenos dias",
  "buenas tardes",
  "buenas noches",
];

export const THANKS = [
  "thanks",
  "thank you",
  "thank you very much",
  "thanks a lot",
  "many thanks",
  "cheers",
  "great thanks",
  "perfect thanks",
  "ok thanks",
  "ty",
  "thx",
  "gracias",
  "muchas gracias",
  "mil gracias",
  "thank you so much",
  "thanks so much",
  "thanks very much",
  "appreciate it",
  "much appreciated",
  "awesome thanks",
];

/** Leaving the conversation ("bye", "that's all for now"). */
export const GOODBYE = [
  "bye",
  "bye bye",
  "goodbye",
  "good bye",
  "see you",
  "see ya",
  "see you later",
  "have a nice day",
  "have a good day",
  "take care",
  "thats all",
  "thats all for now",
  "thats it for now",
  "nothing else",
  "im done",
  "adios",
  "chao",
  "hasta luego",
  "hasta pronto",
  "nada mas",
  "eso es todo",
];

/** Other small talk; answered with the generic chitchat message. */
export const SMALL_TALK = [
  "how are you",
  "how are you doing",
  "whats up",
  "who are you",
  "are you a bot",
  "are you a robot",
  "nice",
  "cool",
  "lol",
  "haha",
  "whats your name",
  "are you human",
  "que tal",
  "como estas",
];

/**
 * The user is fed up with the assistant ("this is useless", "you're not helping"): answered
 * with empathy and the offer of a human, not with the out-of-scope message.
 */
export const FRUSTRATION =
  /\b(?:useless|pointless|hopeless|not helping|not helpful|unhelpful|no help|stupid|dumb|idiot|annoying|frustrat\w*|ridiculous|waste of (?:my )?time|terrible|awful|rubbish|garbage|this sucks|you suck|you dont understand|you dont get it|not understanding|thats wrong|this is wrong|thats not what i (?:said|asked|meant|want)|inutil|no sirve|no me ayudas|no me entiendes|no entiendes|que desastre)\b/;

/**
 * A change of mind: the new request replaces the running flow instead of interrupting it
 * ("no wait, I want to order a card instead", "actually I'd rather check my balance").
 */
export const SWITCH_CUES =
  /\b(?:instead|rather|after all|en vez|en lugar)\b|^(?:(?:no|oh|hmm|ok|okay|um|sorry)\s+)*(?:actually|wait|no wait|scratch that|on second thought|change of plans?|en realidad|mejor)\b(?!\s+(?:who|what|whats|how|which|where|when|can you|could you|is|are|do|does)\b)|^(?:no|nah|nope)\s+(?:i|im|id|ill|lets|let me|just|quiero|prefiero)\b/;
/** ...unless the new request is meant to come first ("actually, first check my balance"). */
export const DIGRESSION_CUES =
  /\b(?:first|before|quickly|quick|meanwhile|primero|antes)\b|\blet me (?:just )?(?:check|see|look)\b/;

/** Words that open a correction: "actually make it 200", "sorry, I meant savings". */
export const CORRECTION_OPENERS =
  /^(?:actually|sorry|oops|wait|no wait|hmm|i meant|i mean|my mistake|my bad|correction|en realidad|perdon|mejor|quise decir|digo)\b/;
/** Correction phrases anywhere in the message. */
export const CORRECTION_PHRASES =
  /\b(?:make it|make that|change (?:it|that|the|my)\b|change to|should be|instead|not \w+ but|i meant|i mean|cambia(?:lo)?|ponlo|mejor)\b|\bnot (?:the |my |a )?\w+(?: one)?$/;

/** Asking the assistant to say its last message again. */
export const REPEAT = [
  "repeat",
  "repeat that",
  "repeat it",
  "say that again",
  "say it again",
  "say again",
  "again",
  "come again",
  "pardon",
  "sorry what",
  "what did you say",
  "what did you just say",
  "can you repeat that",
  "could you repeat that",
  "can you repeat",
  "one more time",
  "otra vez",
  "repite",
  "repitelo",
  "que dijiste",
  "que has dicho",
];

/** "what was the transaction id?": a question about something the assistant said before. */
export const RECALL_QUESTION =
  /^(?:what|whats) (?:was|were)\s+(?:the |my |that |your )?(?<term>.+?)(?: again)?$|^(?:what|whats) (?:is |s |are )?(?:the |my |that |your )?(?<again>.+?) again$/;

/** Ordinals used to pick one of the flows offered by a clarification. */
export const ORDINALS: Record<string, number> = {
  first: 0,
  "1": 0,
  "1st": 0,
  primero: 0,
  primera: 0,
  second: 1,
  "2": 1,
  "2nd": 1,
  segundo: 1,
  segunda: 1,
  third: 2,
  "3": 2,
  "3rd": 2,
  tercero: 2,
  tercera: 2,
  last: -1,
  ultimo: -1,
  ultima: -1,
};
// Looked up with the user's words: "constructor" or "__proto__" must find nothing.
Object.setPrototypeOf(ORDINALS, null);

/** Words that make a message a request rather than a bare value ("what's my balance?"). */
export const REQUEST_CUES =
  /\b(?:what|whats|how|show|see|check|can i|could i|can you|could you|i want|i wanna|i need|id like|i would like|i have to|let me|tell me|give me|quiero|necesito|puedo|muestrame|dime|cuanto|cual)\b|\?/;

/** Possessives before a relation word: "my sister Laura". */
export const POSSESSIVES = new Set(["my", "our", "mi", "mis", "nuestra", "nuestro"]);

/** People a customer pays by relation rather than by name ("to my landlord"). */
export const RELATIONS = new Set(
  [
    "sister brother mother mom mum dad father son daughter wife husband partner friend",
    "boyfriend girlfriend fiance fiancee cousin uncle aunt grandma grandmother grandpa",
    "grandfather niece nephew landlord landlady roommate flatmate housemate colleague boss",
    "neighbour neighbor babysitter nanny cleaner gardener plumber tenant",
    "hermana hermano madre padre mama papa hijo hija esposa esposo mujer marido novia novio",
    "amigo amiga primo prima tio tia abuela abuelo casero casera jefe jefa vecino vecina",
    "companero companera inquilino",
  ]
    .join(" ")
    .split(" "),
);

/** Words that end a free-text value said after its cue: "for rent FROM savings TO Ana". */
export const PHRASE_BREAKS = new Set(
  "to from with via using on at by and a de desde con al para".split(" "),
);

/** Opens a question rather than an answer ("who can I send to", "why do you need that"). */
export const QUESTION_START =
  /^(?:who|whom|what|whats|why|how|which|where|when|can|could|do|does|is|are|should|would|quien|que|por que|como|cual|donde|cuando|puedo|puedes)\b/;
