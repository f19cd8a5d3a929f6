import type { LanguagePack } from "./pack.ts";

const list = (...lines: string[]) => lines.join(" ").split(" ");
/** Pronouns attached to a verb ("cancélamelo", "olvídala"). */
const ATTACHED = list(
  "lo la los las le les me nos",
  "melo mela melos melas noslo nosla noslos noslas selo sela selos selas",
);

/** Spanish (folded: no accents). */
/** Pauses (pack field `pause`): a moment asked for, a look for the answer, where it is. */
const PAUSE_FILLERS = "eh+|mm+|hmm+|ah|pues|vale|bueno|oye|a ver|si|perdon|espera";
const PAUSE_ES =
  "(?:un (?:momento|momentito|segundo|segundito|minuto|minutito|sec)|esperame|espera(?: un (?:momento|segundo|minuto|poco))?|espere(?: un (?:momento|segundo|minuto))?|(?:dame|deme) un (?:momento|segundo|minuto)|aguarda)(?: por favor)?";
const LOOK_ES =
  "(?:(?:(?:deja(?:me)?|deje(?:me)?|voy a|tengo que|ahora)(?: que)? (?:lo |la )?(?:mir|busc|comprueb|comprob|revis|ver|pens)\\w*)|(?:ahora )?(?:lo|la) (?:miro|busco|compruebo|reviso))(?: (?:en|el|la|los|las|mi|mis|un|una)(?: (?!\\d)\\w+){1,3})?";
// "un segundo, que busco la dirección": after a pause asked for, "que" and the look itself.
const LOOK_AFTER_ES =
  "que (?:lo |la |los |las )?(?:busco|miro|compruebo|reviso|consulto|encuentro)(?: (?:en|el|la|los|las|mi|mis|un|una)(?: (?!\\d)\\w+){1,3})?";
const WHERE_ES =
  "(?:esta|lo tengo|la tengo) (?:en|por) (?:mi|mis|el|la|algun|alguno de mis)(?: (?!\\d)\\w+){1,3}";

export const ES: LanguagePack = {
  code: "es",
  stopWords: list(
    "el la los las un una unos unas yo me mi mis mio tu tus te de del al a en con por para que",
    "como cual cuando donde quiero quisiera necesito puedo puedes por favor porfa es son esta este",
    // The modal said to the business ("¿podéis venir?", "¿pueden mirarlo?"), as "puedes": it
    // asks whatever verb follows and names nothing itself. Not "puede" nor "podemos": "se
    // puede", "podemos ir" are how some authors' own phrases ask.
    "podeis podriais pueden podrian",
    // The polite past of wanting ("quería pedir cita") asks as "quiero" does.
    "queria queriamos quisieramos gustaria",
    "esto eso hay hacer ver mas muy lo le les se su sus y o pero si ya",
    // "¿tenéis alguno?": "alguno" is only ever a pronoun (before a noun it is "algún"), so it
    // stands for a thing named elsewhere and names nothing itself.
    "alguno",
    // Having, as "have" in English: "la reserva que tengo" names the booking, asks nothing.
    "tengo tienes tiene tenemos teneis tienen tenia",
    // Words of address ("gracias guapa", "hola majo") name whoever is spoken to, nothing asked.
    "guapa guapo maja majo reina cari carino crack",
    // Asking to be told, waiting and putting one thing first ("espera, antes dime ..."), as
    // "tell", "wait", "first" and "before" in English: they name nothing asked for.
    "dime digame decidme diganme espera espere esperad oye oiga primero antes",
  ),
  intentWords: list("donde cuando como cual"),
  // Verbs with the pronoun attached look like nouns one letter away ("pasame", "pasaje").
  keepWords: list(
    "pasame paseme pasenme pasadme pasarme ponme pongame dime digame llamame llameme",
    "avisame aviseme ayudame ayudeme mandame mandeme",
    // "mi pedido" (an order) is no typo of "perdido" (lost).
    "pedido pedidos",
    // "¿qué diferencia hay entre ellos?" asks for help; no typo of "diferente".
    "diferencia",
    // "no consigo encontrarlo": managing to, no typo of a domain's word ("codigo").
    "consigo",
    // The time a pause asks for ("un segundo, que lo busco"): no typo of a domain's word one
    // letter away.
    "segundo momento minuto",
  ),
  fillers: list(
    "por favor vale bueno pues eso lo la perdon perdona uf ay",
    // Words of address carry no act of their own: "gracias guapa", "hola majo".
    "guapa guapo maja majo reina cari carino crack",
  ),
  affirm: [
    "siguiente",
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
    // Chat spellings of "sí" ("sip", "sep"), as "nop" is of "no".
    "sip",
    "sep",
    // "eso es" (that's it) agrees; "ahora sí" agrees once a value was put right.
    "eso es",
    "ahora si",
  ],
  // "nop": the chat spelling of "no".
  deny: ["para nada", "incorrecto", "no gracias", "nop"],
  cancel: [
    "cancela",
    "cancelar",
    "olvida",
    // With pronouns attached, as typed ("cancélamelo", "cancelarla", "olvídala"): the cues read
    // the words as the user wrote them.
    ...list("cancela cancelar olvida").flatMap((v) => ATTACHED.map((p) => v + p)),
    "dejalo",
    // "déjala", "páralo": only on their own, as "deja" and "para" (ambiguousCancel).
    ...list("dejala dejalos dejalas paralo parala"),
    // Dropping it together ("mejor lo dejamos", "dejémoslo").
    "mejor lo dejamos",
    "dejemoslo",
    "deja",
    "para",
    "basta",
    "ya no",
    "no quiero",
  ],
  help: [
    "no se",
    // "es que no sé, ...": the hedge before not knowing.
    "es que no se",
    "es que no lo se",
    "ni idea",
    "no lo tengo",
    "para que",
    "para que lo necesitas",
    "ayuda",
    "ayudame",
    "ayudanos",
    "necesito ayuda",
    "no entiendo",
    "que significa",
    "que quieres decir",
    "que es eso",
    // Asking what the assistant is for ("¿qué puede hacer este chat?", "¿qué podéis hacer por
    // mí?"), said to "tú", "usted", "vosotros" or "ustedes".
    ...list("puedes puede podeis pueden").flatMap((v) => [
      `que ${v} hacer`,
      `que ${v} hacer por mi`,
      `que ${v} hacer por nosotros`,
      `en que me ${v} ayudar`,
    ]),
    // "¿qué (cosas) puedo hacer (por) aquí?": what the customer can do here is what it does.
    ...[
      "que puedo hacer",
      "que cosas puedo hacer",
      "que cosas puedo gestionar",
      "que puedo gestionar",
      "que cosas puedes hacer",
      "que se puede hacer",
      // "¿qué cosas se pueden hacer por aquí?": the same, said of the things.
      "que se pueden hacer",
      "que cosas se pueden hacer",
      "que cosas se puede hacer",
    ].flatMap((q) => [q, `${q} aqui`, `${q} por aqui`, `${q} contigo`]),
    ...list("chat bot asistente").flatMap((n) => [
      `que puede hacer este ${n}`,
      `para que sirve este ${n}`,
    ]),
    "cuales son las opciones",
    "que opciones hay",
    "que opciones tengo",
    "que necesitas de mi",
    "lo que necesitas de mi",
    "que sabes hacer",
    "que haces",
    "en que puedes ayudarme",
    "en que me ayudas",
    "para que sirves",
    "como funciona esto",
    "como funciona",
  ],
  greeting: ["hola", "buenas", "buenos dias", "buenas tardes", "buenas noches"],
  thanks: [
    "gracias",
    "muchas gracias",
    "mil gracias",
    "muchisimas gracias",
    "muchisimas gracias muy amables",
    "muchas gracias muy amables",
    "gracias muy amables",
    "muy amables",
    "muy amable",
  ],
  thanksWords: ["gracias"],
  thankingWords: [],
  goodbye: ["adios", "chao", "hasta luego", "hasta pronto", "nada mas", "eso es todo"],
  smallTalk: ["que tal", "como estas"],
  repeat: [
    ...["otra vez", "repite", "repitelo", "que dijiste", "que has dicho"],
    // Asked of "tú" ("¿me lo repites?", "¿puedes repetirlo?").
    ...["repites", "me lo repites", "repitemelo", "repetir", "repetirlo", "puedes repetir"],
    ...["me lo puedes repetir", "puedes repetirlo", "como dices"],
    // The question itself missed: "perdona, ¿qué me has preguntado?".
    ...[
      "que me preguntaste",
      "que me has preguntado",
      "que has preguntado",
      "cual era la pregunta",
    ],
    // "¿qué?", "perdona, ¿cómo?" said alone: what was said was not heard, as "sorry, what?".
    ...["que", "como", "que dices"],
  ],
  // "ningún extra": "ningún" is "ninguno" before its noun.
  none: list("ninguno ninguna ningun nada sin nadie salta nop", "no gracias"),
  itemNegators: [],
  nothing: list("nada ninguno ninguna ningun nadie"),
  // "nadie ha venido", "nada funciona": the word for nothing is who did it, no decline.
  nothingVerbs: list(
    "ha han habia hay es era fue esta estaba vino viene llego llega paso pasa funciona funciono",
    "aparece aparecio contesta contesto abre abrio sirve",
  ),
  everything: list("todo todos todas cualquiera"),
  allChoices: list("todo todos todas"),
  allChoicesAlong: list(
    "de ellos ellas los las lo pon ponme dame quiero me si vale por favor jaja jajaja",
    "tres cuatro cinco",
  ),
  acceptTail: ["esta bien", "me vale", "vale", "basta"],
  textingForms: [
    ...["q que", "xq porque", "pq porque", "tb tambien"],
    // "x la mañana", "kiero cita": how a chat shortens or sounds out a word.
    ...["x por", "kiero quiero"],
    // "mi tlf es ...": the phone, as a chat writes it short.
    ...["tlf telefono", "tfno telefono", "telf telefono", "tlfno telefono"],
  ],
  hedgeWords: list("creo supongo espero posible saludos antemano"),
  doubtWords: list("creo supongo parece aparentemente"),
  whichWords: list("otro otra otros otras"),
  reasonLeads: ["porque", "ya que", "puesto que"],
  commaReasonOpeners: ["que"],
  noLongerNeeded:
    "(?:ya )?no (?:me |nos )?hace falta (?:que|q)\\b|ya no (?:necesito|necesitamos) (?:que|q)\\b",
  contrasts: list("pero aunque"),
  declineOffer: [
    "estoy bien",
    "asi estoy bien",
    "asi esta bien",
    "paso",
    "no hace falta",
    "no me hace falta",
    // Guardarse una respuesta opcional: "prefiero no decirlo".
    "prefiero no decirlo",
    "prefiero no decir",
    "prefiero no contestar",
    "prefiero no responder",
    "mejor no digo",
    "no quiero decirlo",
    "sin comentarios",
    "me lo guardo",
    "saltar",
    "salta",
    "omitir",
    // Leaving the choice to the other side: "me da igual (quién)", "cualquiera", "el que sea".
    ...[
      "me da igual",
      "da igual",
      "me es igual",
      "es igual",
      "me da lo mismo",
      "da lo mismo",
    ].flatMap((p) => [p, `${p} quien`, `${p} cual`]),
    "no me importa",
    "no importa",
    "cualquiera",
    "quien sea",
    ...list("el la lo").flatMap((a) => [`${a} que sea`, `${a} que quieras`]),
    "sin preferencia",
    "sin preferencias",
    "no tengo preferencia",
    "no tengo preferencias",
    "ninguna preferencia",
  ],
  // "para" (stop / for) and "deja" (leave / let) cancel only on their own: "para el alquiler".
  ambiguousCancel: ["para", "deja", ...list("dejala dejalos dejalas paralo parala")],
  placingCancels: list("dejalo dejala dejalos dejalas"),
  placedBefore: list("en con junto al detras debajo fuera dentro encima"),
  placedNot: list("paz"),
  infinitive: "^[a-z]{2,}(?:ar|er|ir)(?:se|me|te|le|les|la|las|lo|los|nos)?$",
  // "¿sabéis algo?", "¿me lo guardáis?", "¿lo traéis?": the present said to vosotros.
  youPlural: { "^([a-z]{2,})ais$": "ar", "^([a-z]{2,})eis$": "er", "^([a-z]{2,})is$": "ir" },
  // "me anoto", "lo anulo", "que me lo arreglen", "¿me lo mandan?": the present and the
  // subjunctive, read as the infinitive the domain says. Not the past nor the participle: "me lo
  // trajeron roto", "ya está arreglada" tell what happened or is, no act asked.
  verbEndings: {
    o: ["ar", "er", "ir"],
    a: ["ar", "er", "ir"],
    as: ["ar", "er", "ir"],
    an: ["ar", "er", "ir"],
    e: ["ar", "er", "ir"],
    es: ["ar", "er", "ir"],
    en: ["ar", "er", "ir"],
    amos: ["ar"],
    emos: ["er", "ar"],
    imos: ["ir"],
    que: ["car"],
    ques: ["car"],
    quen: ["car"],
    gue: ["gar"],
    gues: ["gar"],
    guen: ["gar"],
  },
  // "pequeñito", "cochecito", "cafecillo": -ito, -ecito, -illo on the word made smaller.
  diminutive: "^([a-z]{2,}?)(?:ecit|cit|it|ecill|ill)([oa]s?)$",
  // The infinitive ("devolverla"), the gerund ("mandandolo"), or the imperative of tú ("anúlalo",
  // "cámbiamelo") or vosotros ("llevadlo"), with an indirect and/or a direct pronoun after it.
  enclitic:
    "^([a-z]{2,}?(?:ar|er|ir|ando|iendo|ad|ed|id|a|e))(?:(?:me|nos|te|se|os)(?:lo|la|los|las)?|lo|la|los|las|le|les)$",
  sameDay: ["mismo dia", "solo ese dia", "solo un dia", "un solo dia", "solo el dia"],
  deferrals: [
    "otro dia",
    "otro rato",
    "en otro momento",
    "en otra ocasion",
    "mas adelante",
    "mas tarde",
    "luego",
  ],
  judgement: list("mal incorrecto equivocado equivocada incorrecta"),
  promptAsks: list("que cual"),
  judgedHow: list("escrito escrita puesto puesta apuntado apuntada"),
  noOpeners: ["en realidad", "pues", "espera", "uy", "ay", "oh", "eh", "hmm", "mmm"],
  notKnown: [
    ...["ni idea", "no lo se", "no se", "no me acuerdo", "no lo recuerdo", "no recuerdo"],
    ...["lo olvide", "se me olvido", "no estoy seguro", "no estoy segura"],
  ],
  // "no lo tengo", "no lo encuentro", "no la veo", "no consigo encontrarlo".
  notAtHand:
    "no (?:lo |la |los |las )?(?:tengo|tenemos|encuentro|encontramos|veo|localizo)|no (?:lo |la |los |las )?(?:puedo|consigo) (?:encontrar|localizar)(?:lo|la|los|las)?",
  speakerKnows: "\\b(?:recuerdo|me acuerdo|me (?:lo|la) se)\\b",
  // "¿dónde lo encuentro?", "y eso, ¿dónde lo miro?": where to find what was asked.
  helpQuestion:
    "^(?:y (?:eso )?)?(?:donde|como) (?:lo |la )?(?:encuentro|veo|miro|se)\\b|^(?:(?:uf|ay|vaya|pues|hmm+|mm+|perdona|lo siento)\\s+)*(?:NOT_AT_HAND|NOT_KNOWN)\\b|^(?:cual es |que )?(?:la )?diferencia (?:hay )?entre\\b",
  valueAsked: list("hora horas horario precio precios coste costes"),
  whatIs: "^que (?:es|significa) (?:un |una |el |la )?",
  whatMeans: "^(?:que quiere decir|a que te refieres con) (?:un |una |el |la |lo de )?(.+)$",
  // "pásame / páseme / pásenme con un operador", "¿me puede pasar con alguien?", "póngame con
  // una persona": how a person is asked for in Spain and Latin America. "prefiero hablarlo con
  // ...": the verb with its object attached. "que me llame alguien": a call back from a person.
  humanVerbs:
    "hablar|hablarlo|hablarla|habla|hable|pasame|paseme|pasenme|pasadme|pasarme con|me pasa con|me pasas con|me pase con|me puede pasar con|me puedes pasar con|me podria pasar con|ponme con|pongame con|me pones con|me pone con|me puedes poner con|me podeis poner con|me puede poner con|comunicame|comuniqueme|comuniquenme|comunicar|me podeis pasar con|me pueden pasar con|me podriais pasar con|me llame|me llamen|me llameis|me atienda|me atiendan",
  humanNouns: "persona|agente|humano|alguien|operador|asesor|tecnico|tecnica",
  human:
    "^(?:quiero )?(?:un |una )?(?:persona|agente|humano)(?: por favor)?$|\\bpersona (?:real|de verdad)\\b|\\bno (?:con )?(?:una|un) (?:maquina|robot|bot)$",
  assistantQuestion:
    "^(?:eres|es usted|estoy hablando con)(?: \\w+)?? (?:un |una )?(?:bot|robot|maquina|programa|humano|persona|persona real)\\b|^con quien hablo\\b",
  frustration: "\\b(?:inutil|no sirve|no me ayudas|no me entiendes|no entiendes|que desastre)\\b",
  // "espera que lo miro en la agenda": a "que" may join the look to the pause.
  pause: `^(?:(?:${PAUSE_FILLERS}) )*(?:${PAUSE_ES}|${LOOK_ES})(?:,? (?:que )?(?:${PAUSE_ES}|${LOOK_ES}|${WHERE_ES}|${LOOK_AFTER_ES}))*$`,
  switchCues:
    "\\b(?:en vez|en lugar)\\b|^(?:(?:no)\\s+)*(?:en realidad|mejor)\\b|^(?:no)\\s+(?:quiero|prefiero)\\b",
  digressionCues: "\\b(?:primero|antes)\\b",
  correctionOpeners: "^(?:en realidad|perdon|mejor|quise decir|digo)\\b",
  correctionPhrases: "\\b(?:cambia(?:lo)?|ponlo|mejor)\\b",
  takeBack:
    "\\b(?:perdon|perdona|quiero decir|quise decir|digo|mejor dicho|no espera|espera|mejor|me equivoque)\\b|(?:^|\\s)(?:pongamos|digamos)$|\\b(?:va|funciona|esta|estan) bien,? pero\\b",
  fallback: "\\b(?:si no|sino|o si no|y si no|de lo contrario)$",
  ownerOf: "^(?:no )?(?:tiene|tienen|da|coge|pilla)(?: (?:mala|poca))?$",
  recallQuestion: "(?!)",
  listAdd: "^y\\b|\\b(?:anade|anadir|agrega|agregar|pon tambien|tambien|ademas)\\b",
  listRemove: "\\b(?:quita|quitar|quitame|quitadme|quiteme|sin|elimina|eliminar)\\b",
  thingQuestion:
    "^(?:(?:hola|oye|y)\\s+)*(?:hay(?: algun| alguna| un| una)?|(?:tienen|teneis|tienes|venden|vendeis|ofrecen|ofreceis|dan|dais|haceis)(?: algun| alguna| un| una)?|(?:me )?(?:puedes|podrias|puede) recomendar(?:me)?(?: algun| alguna| un| una)?|me recomiendas(?: algun| alguna| un| una)?)\\b",
  // "no lo anulo", "no la cancelo": a pronoun may stand between the no and the verb.
  negatedAct:
    "\\bno\\s+(?:(?:quiero|queremos|necesito|necesitamos|pienso)\\s+)?(?:(?:me|te|se|nos|os|lo|la|los|las|le|les)\\s+)?(?<verb>[a-z]+)",
  swapValue:
    "^(?:(?:puedes|podrias) )?(?:cambia|cambiar|cambiame|sustituye|sustituir|reemplaza|reemplazar) (?<old>.+?) (?:por|a) (?<new>.+)$",
  requestCues: "\\b(?:quiero|necesito|puedo|muestrame|dime|cuanto|cual)\\b",
  conditionLeads: ["cuando", "si"],
  questionStart: "^(?:quien|que|por que|como|cual|donde|cuando|puedo|puedes)\\b",
  // "que revisen también la presión", "que me lo dejen limpio": an unaccented "que", maybe the
  // pronouns, then a verb said of "them" (the people who do the work) is a wish, not "¿qué?".
  wishStart:
    "^que\\s+(?:(?:me|te|le|les|lo|la|los|las|se|nos)\\s+){0,2}(?:(?:tambien|también|no)\\s+)?[a-zñ]{2,}(?:en|an)\\b",
  stateQuestion: "^(?:esta|estan|sigue|siguen) (?:abiert[oa]s?|cerrad[oa]s?|el|la|los|las)\\b",
  businessQuestion:
    "^(?:venden|vendeis|tienen|teneis|hacen|haceis|aceptan|aceptais|abren|abris)\\b",
  yourQuestion:
    "^(?:cual es|cuales son|donde esta|donde estan|cuando abren) (?:su|sus|vuestro|vuestra|vuestros|vuestras)\\b",
  propertyQuestion:
    "^(?:(?:y|hola|oye)\\s+)*(?:que tan|cuan) (?<word>[a-z]+) (?:es|son|esta|estan|queda|quedan)\\b",
  tellerAfter:
    "^(?:(?:me|nos|le|les|ya|ha|han)\\s+)*(?:dijo|dice|dicho|recomendo|recomienda|recomendado|mando|mandado|derivo|derivado|aconsejo|aconsejado|sugirio|quiere)\\b",
  preferredAfter:
    "^(?:(?:es|seria|sera|me va|nos va|le va|les va|va)\\s+)?(?:mucho\\s+)?(?:mejor|preferible|ideal)\\b",
  priceQuestion:
    "\\b(?:cuanto (?:cuesta|cuestan|vale|valen|cobran|cobrais|sale|es (?:el|la|un|una|su)\\b|son (?:los|las|sus)\\b)|(?:cual es|que) (?:el |la )?(?:precio|coste|costo|tarifa)|(?:que|cuanto) (?:me |nos )?(?:cobrais|cobrariais|cobran|cobrarian|cobras|cobrarias))\\b",
  priceWords: list(
    "precio precios coste costo tarifa tarifas cuesta vale cobran cobrais cobrariais",
  ),
  refusedAsk:
    "^(?:(?:y|pero|por favor)\\s+)*no\\s+(?:me\\s+|nos\\s+)?(?:des|de|den|cambies|cambie|muevas|mueva|pongas|ponga|busques|busque|llames|llame)\\b",
  refusedWant: "^(?:(?:y|pero)\\s+)*(?:yo\\s+)?no\\s+(?:quiero|queremos|necesito|necesitamos)\\b",
  wholeThing: "\\b(?:del todo|por completo|completamente)\\b",
  remark: "\\b(?:verdad|no crees|no te parece|a que si)$",
  asks: "\\b(?:quiero|necesito|puedes|puedo|podeis|podriais|pueden|podrian|por favor|es posible|se puede)\\b",
  // biome-ignore format: a table reads better in rows
  months: {
    enero: 1, ene: 1, febrero: 2, marzo: 3, abril: 4, abr: 4, mayo: 5, junio: 6, julio: 7,
    agosto: 8, ago: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
    dic: 12,
  },
  // biome-ignore format: a table reads better in rows
  weekdays: {
    domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
  },
  weekdayShort: {},
  weekdayWords: {},
  relativeDays: { hoy: 0, manana: 1, ayer: -1, "pasado manana": 2, anteayer: -2 },
  ordinalDays: { primero: 1 },
  ordinals: {
    primero: 0,
    primera: 0,
    segundo: 1,
    segunda: 1,
    tercero: 2,
    tercera: 2,
    ultimo: -1,
    ultima: -1,
  },
  selfIntroBefore: ["soy", "aqui", "le habla", "te habla"],
  selfIntroAfter: ["aqui", "al habla"],
  // "soy" already takes one name ("soy Marta"): Spanish writes what one is in lower case.
  selfIntroFull: [],
  otherIntro: ["se llama"],
  possessives: ["mi", "mis", "nuestra", "nuestro"],
  titles: list("sr sra srta don dona senor senora dr dra"),
  relations: list(
    "hermana hermano madre padre mama papa hijo hija esposa esposo mujer marido novia novio",
    "amigo amiga primo prima tio tia abuela abuelo jefe jefa vecino vecina companero companera",
  ),
  relationsInEnglish: {
    madre: "mother",
    padre: "father",
    mama: "mum",
    papa: "dad",
    hermano: "brother",
    hermana: "sister",
    hijo: "son",
    hija: "daughter",
    esposa: "wife",
    mujer: "wife",
    esposo: "husband",
    marido: "husband",
    novia: "girlfriend",
    novio: "boyfriend",
    amigo: "friend",
    amiga: "friend",
    primo: "cousin",
    prima: "cousin",
    tio: "uncle",
    tia: "aunt",
    abuela: "grandmother",
    abuelo: "grandfather",
    jefe: "boss",
    jefa: "boss",
    vecino: "neighbour",
    vecina: "neighbour",
  },
  relationPossessives: ["mi", "mis"],

  phraseBreaks: list("a de desde con al para"),
  objectPronouns: list("mí mi nosotros nosotras él ella ellos ellas"),
  prepositions: list("desde en con para por hasta bajo"),
  synonyms: {
    hello: ["hola", "buenos dias", "buenas tardes", "buenas noches", "buenas"],
    last: ["ultimo", "ultima", "ultimos", "ultimas"],
    login: ["iniciar sesion", "inicio de sesion", "login"],
  },
  tasks: {
    reserve: [
      ...list("reservar reserva reservo agendar agenda programar concertar apartar"),
      ...list("alquilar alquila alquilo arrendar"),
      ...list("reservame reservamela apuntame"),
      // Asked of "vosotros" ("reservadme hora").
      ...list("reservad reservadme apuntadme"),
      // Asked of "ustedes" ("resérvenme una mesa").
      ...list("reserven reservenme apunten apuntenme"),
      "pedir hora",
      "pedir cita",
      "pedir una cita",
    ],
    cancel: [
      ...list(
        "cancelar cancela cancelo anular anula anulo eliminar elimina borrar borra borro elimino",
      ),
      // Asked of "vosotros" ("anulad la cita").
      ...list("cancelad anulad borrad eliminad"),
      // Asked of "usted" / "ustedes", as a customer writes to a company ("anulen mi envío").
      ...list("cancele cancelen anule anulen elimine eliminen borre borren"),
      ...list("cancelelo cancelenlo anulelo anulenlo cancelela cancelenla anulela anulenla"),
      // With the object pronoun attached ("cancélala"): the verb all the same.
      ...list("cancelalo cancelala cancelalos cancelalas anulalo anulala eliminalo eliminala"),
      ...list("borralo borrala"),
      // With the indirect pronoun attached ("anúlame la cita"): the verb all the same.
      ...list("anulame cancelame borrame eliminame anulamela cancelamela borramela"),
      // "darme de baja", "rescindir el contrato": leaving a service gives it up.
      ...list("rescindir rescindo"),
      // "echar atrás el envío", "me echo atrás": calling it off.
      ...["echar atras", "echarlo atras", "echad atras", "echen atras", "me echo atras"],
      "de baja",
      "ya no",
      "no voy a poder",
      "no puedo ir",
      "no podre ir",
      "no vamos a ir",
      "no hace falta",
      // Not attending, removing it, or asking for the money back gives it up.
      ...list("quitar quita reembolso"),
      // Pedir lo pagado de vuelta deja la compra ("¿cómo recupero mi dinero?").
      ...["recuperar mi dinero", "recupero mi dinero", "devuelvan mi dinero"],
      // "quitadme la cita", "quítamela": removing it, with the pronouns attached.
      ...list("quitad quitadme quitame quitamela quitadla quitala quitalo"),
      "no podre asistir",
      "no voy a asistir",
      "no vamos a asistir",
      "no asistire",
    ],
    change: [
      ...list("cambiar cambia cambio modificar modifica mover mueve reprogramar actualizar"),
      ...list("aplazar aplaza posponer pospon adelantar adelanta retrasar retrasa"),
      // Asked of "vosotros" ("retrasad la cita", "cambiadme la hora").
      ...list("cambiad cambiadme aplazad posponed adelantad retrasad"),
      // Asked of "usted" / "ustedes" ("cambien la fecha", "aplacen la entrega").
      ...list("cambie cambien modifique modifiquen aplace aplacen pospongan adelanten retrasen"),
      "otro dia",
      "otra hora",
      "otra fecha",
      ...list("alargar alarga ampliar amplia acortar acorta diferente distinto distinta"),
      ...list("cambiame cambiamela muevemela pasamela"),
    ],
    lookup: [
      ...list("consultar consulta ver mirar revisar comprobar saber estado"),
      // "rastreo del envío", "¿podéis rastrear mi pedido?": following a thing on its way.
      ...list("rastrear rastreo rastrea rastreame"),
      "donde esta",
      "donde estan",
      // "¿por dónde anda mi pedido?", "¿por dónde va?": where a thing on its way has got to.
      "por donde anda",
      "por donde andan",
      "por donde va",
      "por donde van",
      "cuanto tarda",
      "cuanto falta",
      // "¿ya ha salido?": asking how far a thing already had has got.
      "ha salido",
      // "¿está ya en camino lo que me mandó?": whether a thing sent is on its way.
      ...["esta en camino", "estan en camino", "esta ya en camino", "estan ya en camino"],
      // "¿cuándo llega mi pedido?": when a thing already had comes is asked.
      "cuando llega",
      "cuando llegan",
      "cuando viene",
      "no ha llegado",
      // "no me han llegado las entradas", "no he recibido el correo".
      "no me ha llegado",
      "no me han llegado",
      "no me llego",
      "no me llegaron",
      "no he recibido",
      "nunca llego",
      // "no sé si ha llegado": wondering whether it got there asks the same.
      "si ha llegado",
      "si han llegado",
      "ya se ha procesado",
      "se ha tramitado",
      "todavia no",
      "aun no",
      // "el autobús no aparece", "llevo media hora esperando": a thing already had that has not
      // come ("waiting", "never showed up").
      "no aparece",
      "no ha aparecido",
      "esperando",
      // "mi paquete lleva parado una semana", "el envío no se mueve": a thing had that is stuck
      // on its way ("stuck", "hasn't moved").
      "lleva parado",
      "lleva parada",
      "sigue parado",
      "sigue parada",
      "no se mueve",
      "no avanza",
    ],
    buy: list("comprar compra encargar encargo pedir pido"),
    pay: list("pagar pago pagos abonar debo deuda"),
    fault: [
      ...list("averia problema fallo roto rota caido estropeado"),
      "no funciona",
      "no va",
      // Un aparato o programa que no arranca, se cuelga o parpadea.
      ...list("arranca enciende carga").map((v) => `no ${v}`),
      ...["esta congelado", "esta congelada", "esta colgado", "esta colgada", "se cuelga"],
      ...list("parpadea parpadeando"),
    ],
    // Wanting a thing done to oneself ("quiero hacerme la manicura") asks for a new one (see
    // actFamilies). "quiero una ..." is no phrase here: "un"/"una" are read as numbers.
    create: [
      ...list("quiero queria quisiera necesito necesitaria").map((v) => `${v} hacerme`),
      ...["me gustaria hacerme", "me quiero hacer", "me queria hacer", "me tengo que hacer"],
      // The pronoun said before the verb of wanting ("me quiero depilar", "me queria cortar el
      // pelo"): the thing wanted is done to oneself.
      ...["me quiero", "me queria", "me gustaria"],
    ],
    // Reasons and stories told beside a request: no act ("el otro día" is a day gone by, not
    // "otro día", another one).
    story: [
      ...["el otro dia", "me ha surgido", "me ha salido", "un imprevisto"],
      // How soon, said beside the request: "cuanto antes" ("as soon as possible") asks no price.
      ...["cuanto antes", "lo antes posible", "lo mas pronto posible"],
    ],
  },
  negations: list("no nunca"),
  // "no voy a estar en casa el viernes", "no estaré el lunes": not being there that day.
  givenUp:
    "\\bno\\s+(?:\\w+\\s+){0,2}?(?:puedo|podre|podemos|voy|vamos|llego)(?:\\s+\\w+){0,2}$|\\bno\\s+(?:(?:voy|vamos) a\\s+)?(?:estar|estare|estaremos|estoy|estamos)(?:\\s+\\w+){0,3}$|\\ben (?:vez|lugar) del?$|\\b(?:no quiero|cualquiera menos|todo menos|excepto|salvo)$",
  // "el de tarde me viene fatal", "el de mañana no me cuadra": the choice had, left.
  suitsBadlyAfter:
    "^(?:no\\s+(?:me|nos)\\s+(?:va|viene|sirve|cuadra)|(?:me|nos)\\s+(?:va|viene)\\s+(?:fatal|mal|muy mal))\\b",
  amountReason: "\\b(?:demasiado|muy poco)\\b",
  // "el miércoles no me va", "el miércoles, pero me ha surgido un viaje", "tengo cita el jueves
  // y no puedo ir": the day had, given up.
  // "mañana no voy a estar en casa, ¿me lo traéis el lunes?", "el jueves trabajo todo el día",
  // "viene mañana pero no hay nadie en casa": the day nobody is there is given up too.
  givenUpAfter:
    "^(?:no\\s+(?:me\\s+|nos\\s+)?(?:va|viene|sirve|puedo|podemos)|(?:no\\s+(?:voy a estar|vamos a estar|estoy|estamos|estare|estaremos|hay nadie)|trabajo|trabajamos)\\b|,?\\s*(?:pero|y)\\s+(?:me ha surgido|me ha salido|nos ha surgido|no puedo|no podemos|no voy a poder|no vamos a poder|no podre|no voy a estar|no vamos a estar|no estoy|no estamos|no estare|no estaremos|no hay nadie|trabajo|trabajamos))\\b",
  actFamilies: {},
  verbNouns: list("reserva"),
  articleNouns: [],
  thingPresent: false,
  pointDecimal: false,
  morningDays: ["manana"],
  morningArticles: ["la"],
  participleEnds: [],
  pastNarrative: "(?!)",
  letterFrame: "(?!)",
  letterFrameWords: [],
  plainNo: ["no"],
  storyTurns: "(?!)",
  secondThoughts: "pensandolo (?:bien|mejor)|bien pensado",
  secondThoughtOpeners: list("bueno vale mmm oye pues"),
  statementOwners: [],
  statementLinks: [],
  restateCues: "(?!)",
  nameIsLead: "(?!)",
  aIsTo: true,
  toWords: ["a"],
  copulas: ["es"],
  listIntroWords: [],
  relationOwner: null,
  clauseOpeners:
    "\\s(?:y|pero)\\s+(?=(?:quiero|quisiera|quer[ií]a|querr[ií]a|necesito|me gustar[ií]a|nos gustar[ií]a)\\b)",
  differenceAfter: list("mas menos antes despues"),
  comparatives: list("mas menos"),
  differenceBefore: [],
  shiftBefore: [],
  // Spanish participles ("fue cambiado") are not read as past forms: nothing to tell apart.
  passiveAux: [],
  articles: list("el la los las un una unos unas"),
  vagueAmounts: list("algun alguna algunos algunas"),
  amountQuestions: list("cuanto cuanta cuantos cuantas"),
  capitalSelf: [],
  synonymJoins: list("de para"),
  synonymFlips: [],
  pmWords: ["tarde", "noche"],
  amWords: ["manana"],
  particles: [],
  particleObjects: [],
  askedPronouns: list("eso esto ello ellos ellas estos esos"),
  optionPronouns: "\\b(?:cuales|esos|esas|estos|estas|ellos|ellas|cada uno|cada una)\\b",
  irregular: {},
  // "desapuntar", "desreservar": undone, as "cancelar" says.
  undoPrefixes: { des: "cancelar" },
  verbLeads: list("me te nos favor y"),
  verbObjects: list("un una unos unas el la los las me nos mi"),
  // Spanish marks its verbs by their ending (`infinitive`), not by the word before them.
  infinitiveTo: [],
  kindWords: {
    money: ["importe", "cantidad"],
    date: ["fecha", "dia"],
    address: ["direccion"],
    person_name: ["nombre"],
    digits: ["digitos", "termina", "acaba"],
  },
  partsOfDay: { morning: ["manana"], afternoon: ["tarde"], evening: ["noche"] },
  whenWords: list(
    "finde findes festivos festivo hoy pronto temprano",
    "lunes martes miercoles jueves viernes sabados domingos",
  ),
  clockTime:
    "(?:\\b(?:a|sobre|hacia|para|desde|a partir de|antes de|despues de)\\s+|^\\s*)las?\\s+(?<hour>\\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?:[:.](?<minutes>\\d{2})|\\s+y\\s+(?:(?<half>media)|(?<quarter>cuarto))|\\s+menos\\s+(?<to>cuarto))?(?:\\s+(?:de|por)\\s+la\\s+(?<suffix>manana|tarde|noche))?(?=\\s*$|\\s*[,.!?;]|\\s+(?:por favor|porfa|si|o|mejor|y|en|con|el|del|para|que|pues|vale|gracias|hoy|manana|pasado|este|esta)\\b)",
  pastCues: list("desde empezo comenzo paso ocurrio"),
  monthDayCues: ["del mes", "de cada mes", "de todos los meses"],
  gonePartsOfToday: ["esta manana", "hoy por la manana"],
  dateEnd: list("hasta al devolver devuelvo vuelta regreso salgo salida termina"),
  // "el dia 15"; a bare "el 30" that is the whole answer ("el 30", "para el 30"), ends a "para
  // ..." clause ("para una boda el 30") or follows a word asking for room or a time ("teneis
  // algo el 30?", "hueco el 12", "puedo ir el 9"): followed by a unit or a noun it is an amount
  // or a count ("el 30 por ciento"). "al 26" (a + el: "¿se puede mover al 26?") and "al dia 15"
  // are days as "el 26" is; "del 12 al 15" is left to the range. "el 15 a las 11": a number
  // followed by a clock time is its day, wherever it is said.
  dayOfMonth:
    "\\b[ae]l\\s+dia\\s+(\\d{1,2})\\b|(?:^\\s*(?:(?:para|hasta)\\s+)?|(?<=\\bpara\\s(?:[a-z]+\\s){0,4})|(?<=\\b(?:algo|hueco|sitio|libre|libres|disponible|ir|venir|pasarme|hora)\\s))el\\s+(\\d{1,2})(?=\\s*$|\\s*[,.!?;]|\\s+(?:a las|por la|por favor|porfa|y|o|si|pero|mejor)\\b)|(?<!\\bdel?\\s+\\d{1,2}\\s+)\\bal\\s+(\\d{1,2})(?=\\s*$|\\s*[,.!?;]|\\s+(?:a las|por la|por favor|porfa|y|o|si|pero|mejor)\\b)|\\bel\\s+(\\d{1,2})(?=\\s+a\\s+las?\\s+\\d)",
  shiftWords: ["mas tarde", "antes", "despues", "mas", "menos"],
  dayWords: list("noche dia"),
  timesWords: list("vez veces"),
  weeks:
    "\\b(?<!(?:en|de|cada)\\s)(?<n>una|un|dos|tres|cuatro|\\d{1,2})\\s+semanas?\\b(?!\\s+(?:despues|antes|mas tarde))",
  peopleWords: list("personas persona huespedes comensales adultos grupo"),
  upTo: ["hasta", "menos de", "maximo"],
  unitNames: {
    kg: list("kg kgs kilo kilos kilogramo kilogramos"),
    g: list("g gr gramo gramos"),
    cm: list("cm centimetro centimetros"),
  },
  placeWords: list("donde ciudad pueblo pais lugar ubicacion destino"),
  // The kind follows its noun in Spanish ("un farol chino"): the word before it is none.
  kindNouns: [],
  placePrepositions: list("en a"),
  onlyWords: list("solo solamente unicamente"),
  childWords: list("nino ninos nina ninas bebe bebes crio crios"),
  conclusionLeads: ["asi que", "o sea", "entonces", "osea"],
  totalLeads: ["o sea", "asi que", "en total", "total"],
  peopleLeads: ["somos", "seremos", "grupo de", "familia de"],
  selfBefore: ["yo y", "yo y mis", "yo con", "yo con mis", "yo mas"],
  selfAfter: ["y yo", "mas yo"],
  selfOnly:
    "^(?:(?:para|pues|bueno)\\s+)*(?:(?:solo|solamente)\\s+(?:yo|para mi|una persona)|yo sol[oa]|yo solamente)(?:\\s+(?:gracias|por favor))*$",
  // "ay muchas gracias, ...": an interjection before the thanks opens the remark all the same.
  asideOpener: "^(?:(?:ay|oh|uy|ah|vaya) )?(?:(?:ja){2,}|(?:je){2,}|xd|gracias|muchas gracias)\\b",
  degreeAsks: list("tan"),
  degreeWords: list("tan muy demasiado"),
  phraseAdverbs: list("ya justo completamente totalmente"),
  excessWords: list("demasiado"),
  habitLeads: list("cada"),
  selfFuture: [],
  // "ya se lo explico yo", "ya lo cuento por teléfono", "prefiero decírselo en persona".
  selfSeeTo:
    "^(?:ya (?:(?:se|te|os|le|les) )?(?:lo |la )?[a-z]+(?:o|e|are|ere|ire)|prefiero [a-z]+(?:rselo|rlo|r))\\b",
  doVerbs: list("hacer hago recibir enviar mandar"),
  additionWords: list("extra adicional adicionales mas otro otros otra otras"),
  otherWords: list("otro otros otra otras"),
  toldInPerson:
    "^(?:prefiero|mejor|ya)\\s+(?:se lo |lo )?(?:cuento|digo|explico|contar(?:selo)?|decir(?:selo)?|explicar(?:selo)?)\\b(?:\\s+\\w+){0,4}?\\s+(?:en persona|cara a cara|alli|alla|en la consulta|cuando (?:llegue|vaya))$",
  nothingMore:
    "^(?:y\\s+|pero\\s+)?(?:nada|sin)\\s+(?:extra|adicional|adicionales|mas)(?:\\s+(?:gracias|por favor))*$",
  pastStory:
    "\\b(?:fue|fui|fuimos|era|eramos|estuve|estuvimos|vine|vinimos|tuve|tuvimos|la ultima vez)\\b",
  whQuestion:
    "^(?:que|quien|quienes|cual|cuales|cuanto|cuanta|cuantos|cuantas|como|donde|cuando|por que)\\b",
  selfBeing:
    "^(?:(?:y|pero|ademas) )?(?:soy|estoy)(?! (?:\\w+(?:ando|iendo)|interesad[oa]s?|pensando)\\b)\\b",
  allBut: "\\b(?:todo|todos|todas|de todo)\\s+(?:menos|excepto|salvo)\\b",
  pair: "\\byo y mi (?:REL)\\b|\\bmi (?:REL) y yo\\b",
  choiceNegations: list("ni sin"),
  negatedDeterminers: list("el la mi"),
  clearedAfter: [
    "no es el problema",
    "no es problema",
    "no son el problema",
    "no es la que",
    "no es el que",
  ],
  alternatives: list("ni o"),
  thingEnds: [],
  besidesWords: list("tambien ademas"),
  thingLinks: ["de"],
  // "¿hay hueco el viernes?", "¿queda sitio en alguna clase?": a place free, no unknown thing.
  anyThing: list(
    "algo alguno alguna algun hueco huecos sitio sitios plaza plazas disponibilidad libre libres",
    "alguien",
  ),
  followUp: ["y", "y que tal", "que tal"],
  sameAsBefore: list("mismo misma"),
  changeOfMind: ["en realidad", "pensandolo mejor", "quise decir"],
  afterAll: ["al final"],
  keepOld:
    "\\b(?:deja|dejad|deje|manten|mantened|mantenga|conserva)\\s+(?:el|la|los|las|mi|mis)\\s+(?:antiguo|antigua|antiguos|antiguas|actual|actuales|mismo|misma|mismos|mismas)\\b",
  keepIt:
    "(?:(?:mejor|prefiero)\\s+)?(?:me l[oa]s? quedo|nos l[oa]s? quedamos|quedarmel[oa]s?|quedarnosl[oa]s?)(?:\\s+(?:entonces|al final|gracias))?",
  leaveAsIs: "\\bdej(?:a|alo|ala|emoslo|adlo|elo) (?:como esta|como estaba|asi)\\b",
  goAhead: list("si vale hazlo"),
  goOn: list("hazlo adelante"),
  changeWords: list("cambiar cambia modificar corregir"),
  valueGap: list("en es de"),
  singular: list("un una uno"),
  oneWords: list("uno una"),
  nameKeyLinks: list("de es"),
  groupJoiners: list("y mas"),
  nameParticles: list("de del la las los y"),
  andWords: ["y"],
  pairOpeners: list("entre"),
  partOfWords: [],
  listJoins: list("ni y o"),
  sinceWords: ["desde"],
  untilWords: ["hasta"],
  dayArticles: ["el"],
  rangeTo: list("al a"),
  changeFrom: list("de desde del"),
  changeTo: list("a al"),
  departWords: "salgo|saliendo|salida",
  weekendPast: list("desde pasado"),
  weekendNext: ["proximo", "que viene"],
  dayNegations: ["no el", "no la"],
  dayOn: ["el"],
  // "el viernes, no el jueves", "Pedro en vez de Ana", "el traje y no la camisa".
  notInstead: ["no", "en vez de", "en lugar de", "y no"],
  // "oye, olvídalo, ...", "bueno, déjalo, ...", "no, mejor cancélalo".
  cancelOpeners: list("no oye bueno mejor espera vale pues"),
  // "... mi hermana Laura ..., así que le quiero pagar": "le"/"les" stand for her. The pronoun
  // attached to the verb ("pagarle") is not read apart.
  personPronouns: list("le les"),
  // "cuándo le toca a Nora": the personal "a" comes before a person or a pet named.
  nameLeads: ["a"],
  // "el herrado de Trueno", "la mesa de Irene": "de" says whose thing a name is.
  ownerLeads: ["de"],
  // "¿dónde encuentro el localizador?", "¿cuál es el ticket?", "¿qué quieres decir con ...?".
  slotQuestion:
    "^(?:donde|cual|cuales)\\b|\\b(?:que quieres decir|que quiere decir|a que te refieres|a que se refiere)\\b|^que (?:es|son) (?:el|la|los|las|un|una)\\b",
  // "oye, ¿cuál es ...?", "por cierto, ¿cuál ...?". Not "espera" nor "perdona": "espera, que
  // somos 3" takes a value back, and its "que" (folded, without the "¿") reads as a question.
  asideFillers: "oye|oiga|eh+|mm+|ah|bueno|pues|y|pero|vale|por cierto|a ver",
  notLeads: [],
  givenUpLeads: ["no"],
  insteadTails: [],
  oldValueArticles: [],
  valueOpeners: [
    "en realidad",
    "perdon",
    "perdona",
    "perdone",
    "disculpa",
    "disculpe",
    "mejor",
    "quise decir",
    "digo",
    "no,",
  ],
  questionFillers: "(?!)",
  relationOwners: ["mi"],
  itIs: "es",
  valueLeads: ["en", "por"],
  answerLeads: ["es", "son", "se llama", "a nombre de", "para", "pues", "el", "la"],
  answerTails: ["por favor", "gracias"],
  addressTails: [],
  // "en la calle Sol 4", "c/ Luna 3", "avda. de la Paz 8", "pº del Prado 2".
  streetWords: list(
    "calle c cl avenida avda av plaza pza paseo pº ronda camino carretera ctra",
    "travesia trav glorieta urbanizacion urb callejon pasaje bulevar poligono carrer rua",
  ),
  itemsWith: ["con"],
  ordinalSuffixes: [],
  slotLeadArticles: ["el", "la"],
  slotLinks: ["es"],
  havingSubjects: "(?!)",
  havingVerbs: "tiene|tengo|tenemos|tienen",
  numberJoiners: ["y"],
  numberArticles: list("un una uno"),
  bareArticles: list("un una"),
  coupleWords: ["par"],
  coupleArticles: ["un"],
  coupleOf: ["de"],
  coupleUs: ["nosotros"],
  mindOpeners: list("no espera"),
  helpOpeners: ["ayuda"],
  genericNouns: [],
  numberWords: {
    cero: 0,
    uno: 1,
    un: 1,
    una: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    once: 11,
    doce: 12,
    trece: 13,
    catorce: 14,
    quince: 15,
    dieciseis: 16,
    diecisiete: 17,
    dieciocho: 18,
    diecinueve: 19,
    veinte: 20,
    veintiuno: 21,
    veintidos: 22,
    veintitres: 23,
    veinticuatro: 24,
    veinticinco: 25,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    sesenta: 60,
    setenta: 70,
    ochenta: 80,
    noventa: 90,
    cien: 100,
    ciento: 100,
    doscientos: 200,
    doscientas: 200,
    trescientos: 300,
    cuatrocientos: 400,
    quinientos: 500,
    seiscientos: 600,
    setecientos: 700,
    ochocientos: 800,
    novecientos: 900,
  },
  numberScales: {
    mil: 1e3,
    millon: 1e6,
    millones: 1e6,
  },
  currencyWords: ["dolar USD", "dolares USD", "pavos EUR"],
  amountMultipliers: ["mil 1000", "millon 1000000", "millones 1000000"],
  currencyNouns: list("moneda divisa"),
};
