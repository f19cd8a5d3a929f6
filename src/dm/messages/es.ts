import type { CoercionFailure } from "../slot-values.ts";
import type { MessageCatalog } from "./catalog.ts";

/** Why a value is not of the slot's type, after the value ("cuarenta" no es un número entero). */
const COERCION: Readonly<Record<CoercionFailure, string>> = {
  empty: "está vacío",
  not_integer: "no es un número entero",
  not_number: "no es un número",
  not_yes_no: "no es ni sí ni no",
  not_date: "no es una fecha (usa AAAA-MM-DD)",
};

/** "o" turns into "u" before a word that starts with the sound o ("siete u ocho", "u hoy"). */
function or(next: string): string {
  return /^h?[oó]/iu.test(next) ? "u" : "o";
}

/** "a, b o c"; with `separator` "; ", "a; b; o c" (items that may hold commas themselves). */
function orList(items: string[], separator = ", "): string {
  if (items.length <= 1) return items[0] ?? "";
  const last = items.at(-1)!;
  const head = items.slice(0, -1).join(separator);
  // A series split by semicolons keeps one before the conjunction too; a comma never does.
  const before = separator === "; " && items.length > 2 ? ";" : "";
  return `${head}${before} ${or(last)} ${last}`;
}

/**
 * Spanish, in the tú form. A slot is named by its label without an article (Spanish articles
 * agree with a gender the label does not tell), so sentences put it where none is needed:
 * "como {slot}", "este dato: {slot}".
 */
export const es: MessageCatalog = {
  patterns: {
    greeting: "¡Hola! ¿En qué puedo ayudarte?",
    thanks: "¡De nada! ¿Puedo ayudarte en algo más?",
    goodbye: "¡Hasta luego, que tengas un buen día!",
    wait: "Claro, tómate tu tiempo.",
    acknowledge: "De acuerdo. ¿Qué puedo hacer por ti?",
    cancel: "De acuerdo, he cancelado {flow}.",
    ask_change: "¿Qué te gustaría cambiar? También puedes decir «cancelar».",
    correction: "De acuerdo, ahora tengo {value} como {slot}.",
    clarification: "{explanation}",
    chitchat: "Estoy aquí para ayudarte con tus gestiones.",
    out_of_scope: "Lo siento, no te he entendido.",
    human_handoff: "Voy a pasarte con un agente humano. Espera un momento, por favor.",
    cannot_handle:
      "Lo siento, me está costando entenderte. ¿Quieres hablar con un agente humano? También puedes decírmelo de otra manera.",
    frustration: "Siento que esto no esté yendo bien. ¿Quieres que te pase con un agente humano?",
    resume: "Volvamos a {flow}.",
    next_request: "Ahora vamos con {flow}:",
    step_budget: "Lo siento, algo ha fallado con {flow} y he tenido que detenerlo.",
    action_error:
      "Lo siento, algo ha fallado al procesar tu solicitud. Por favor, inténtalo de nuevo más tarde.",
    completed: "Listo. ¿Puedo ayudarte en algo más?",
  },
  patternsInFlow: {
    greeting: "¡Hola de nuevo!",
    thanks: "¡De nada!",
    goodbye: "¡Hasta luego! Podemos terminar {flow} cuando vuelvas.",
    acknowledge: "De acuerdo.",
    frustration:
      "Siento que esto no esté yendo bien. ¿Quieres que te pase con un agente humano o seguimos con {flow}?",
  },
  askSlot: (slot) => `Necesito este dato: ${slot}.`,
  notNormalized: (value, slot) => `Lo siento, no he podido usar "${value}" como ${slot}.`,
  notCoerced: (value, failure, slot) =>
    `Lo siento, "${value}" ${COERCION[failure]}. Necesito este dato: ${slot}.`,
  notAChoice: (choices) => `Por favor, elige una de estas opciones: ${choices.join(", ")}.`,
  notMatchingPattern: (value, slot) => `Lo siento, "${value}" no parece válido como ${slot}.`,
  notChecked: (slot) =>
    `Lo siento, no he podido comprobar este dato: ${slot}. Por favor, inténtalo de nuevo.`,
  notValid: (value, slot) => `Lo siento, "${value}" no es válido como ${slot}.`,
  answerConfirmation:
    "Por favor, responde «sí» para seguir adelante o «no» para parar. También puedes cambiar cualquiera de los datos.",
  needSlot: (slot) => `Para continuar, necesito este dato: ${slot}.`,
  didYouMean: (flows) => {
    const list = orList(flows);
    // "a el saldo" contracts to "al saldo".
    return list.startsWith("el ") ? `¿Te refieres al ${list.slice(3)}?` : `¿Te refieres a ${list}?`;
  },
  capabilities: (flows) =>
    flows.length === 0
      ? "Todavía no puedo hacer nada: este asistente no tiene flujos."
      : `Puedo ayudarte con lo siguiente: ${orList(flows, "; ")}.`,
  capabilityList: (flows) => orList(flows, "; "),
};
