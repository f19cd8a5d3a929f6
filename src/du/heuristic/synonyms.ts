import type { Domain } from "../../config/schema.ts";
import { stem, words } from "./text.ts";

/**
 * Synonym table: maps words and phrases to one canonical key so "wire", "send" and "transfer"
 * (or "current account" and "checking") count as the same term when flows are ranked.
 * Built-in groups are deliberately generic banking/service vocabulary; each domain adds its
 * slot choices and their `synonyms`.
 */
const BUILT_IN: Record<string, string[]> = {
  transfer: [
    "send",
    "wire",
    "transfer",
    "remit",
    "move",
    "transferencia",
    "transferir",
    "enviar",
    "envia",
    "mandar",
    "manda",
    "mandale",
  ],
  block: [
    "block",
    "freeze",
    "lock",
    "disable",
    "deactivate",
    "suspend",
    "lost",
    "stolen",
    "stole",
    "missing",
    "gone",
    "disappeared",
    "vanished",
    "bloquear",
    "bloquea",
    "bloqueo",
    "congelar",
    "robada",
    "robado",
    "robaron",
    "perdida",
    "perdi",
  ],
  balance: [
    "balance",
    "bal",
    "am i broke",
    "how broke am i",
    "how much money",
    "how much do i have",
    "how much have i got",
    "how much is there",
    "hw much",
    "do i have enough",
    "have i got enough",
    "is there enough",
    "enough money",
    "available funds",
    "whats left",
    "left in my account",
    "saldo",
    "cuanto dinero",
    "cuanto tengo",
  ],
  transaction: [
    "transaction",
    "txn",
    "txns",
    "where did my money go",
    "where has my money gone",
    "where does my money go",
    "where is my money going",
    "what did i spend",
    "what have i spent",
    "what did i buy",
    "en que me he gastado",
    "en que gaste",
    "statement",
    "movement",
    "activity",
    "history",
    "spent",
    "spend",
    "spending",
    "purchase",
    "charge",
    "operation",
    "movimiento",
    "extracto",
    "gasto",
    "operacion",
  ],
  card: ["card", "tarjeta"],
  bill: ["bill", "invoice", "utility", "factura", "recibo"],
  pay: ["pay", "paid", "paying", "payment", "settle", "pagar", "paga", "pago"],
  account: ["account", "acct", "cuenta"],
  new: [
    "send me a new",
    "send me another",
    "new",
    "replacement",
    "replace",
    "another",
    "expired",
    "nueva",
    "nuevo",
    "otra",
    "solicitar",
    "pedir",
  ],
  request: ["request", "order", "apply"],
  money: ["money", "cash", "dinero", "pasta"],
  hello: [
    "hello",
    "hi",
    "hey",
    "hiya",
    "yo",
    "howdy",
    "hola",
    "good morning",
    "good afternoon",
    "good evening",
    "buenos dias",
    "buenas tardes",
    "buenas noches",
    "buenas",
  ],
  last: ["last", "past", "previous", "recent", "latest", "ultimo", "ultima", "ultimos", "ultimas"],
};

export interface SynonymTable {
  /** stem -> canonical key */
  single: Map<string, string>;
  /** Multi-word phrases as sequences of single-word keys, longest first. */
  phrases: Array<{ keys: string[]; key: string }>;
}

/** Stem sequence of a phrase, as the matcher will see it. */
function phraseStems(phrase: string): string[] {
  return words(phrase).map(stem);
}

export function buildSynonyms(domain: Domain): SynonymTable {
  const table: SynonymTable = { single: new Map(), phrases: [] };
  const phrases: Array<{ stems: string[]; key: string }> = [];
  const add = (phrase: string, key: string) => {
    const stems = phraseStems(phrase);
    if (stems.length === 0) return;
    if (stems.length === 1) {
      // First definition wins: the domain cannot silently re-map a built-in word.
      if (!table.single.has(stems[0]!)) table.single.set(stems[0]!, key);
    } else phrases.push({ stems, key });
  };
  for (const [key, list] of Object.entries(BUILT_IN)) {
    for (const phrase of list) add(phrase, key);
  }
  for (const slot of Object.values(domain.slots)) {
    for (const [choice, list] of Object.entries(slot.synonyms ?? {})) {
      const key = phraseStems(choice).join("_");
      for (const phrase of list) add(phrase, key);
    }
  }
  // Phrases are matched on keys, so "how much cash" matches "how much money".
  table.phrases = phrases
    .map((p) => ({ keys: p.stems.map((s) => table.single.get(s) ?? s), key: p.key }))
    .sort((a, b) => b.keys.length - a.keys.length);
  return table;
}

/** Every surface word the synonym table knows (typo correction targets). */
export function synonymWords(domain: Domain): string[] {
  const out: string[] = [];
  for (const list of Object.values(BUILT_IN)) for (const p of list) out.push(...words(p));
  for (const slot of Object.values(domain.slots)) {
    for (const [choice, list] of Object.entries(slot.synonyms ?? {})) {
      out.push(...words(choice));
      for (const p of list) out.push(...words(p));
    }
  }
  return out;
}
