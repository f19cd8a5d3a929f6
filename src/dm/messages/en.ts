import type { CoercionFailure } from "../slot-values.ts";
import type { MessageCatalog } from "./catalog.ts";

/** Why a value is not of the slot's type, after the value ("\"forty\" is not a whole number"). */
const COERCION: Readonly<Record<CoercionFailure, string>> = {
  empty: "is empty",
  not_integer: "is not a whole number",
  not_number: "is not a number",
  not_yes_no: "is not yes or no",
  not_date: "is not a date (use YYYY-MM-DD)",
};

/** "a, b, or c"; `separator` "; " for items that may hold commas themselves. */
function orList(items: string[], separator = ", "): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(separator)}${separator.trimEnd()} or ${items.at(-1)}`;
}

/** English, the default for a domain of any other language. */
export const en: MessageCatalog = {
  patterns: {
    /** {flow}: `chitchat` of kind greeting ("hello" while no flow of the domain answers it). */
    greeting: "Hello! How can I help you?",
    /** {flow}: `chitchat` of kind thanks. */
    thanks: "You're welcome! Is there anything else I can do for you?",
    /** {flow}: `chitchat` of kind goodbye, or a "no" when nothing was asked. */
    goodbye: "Goodbye, and have a great day!",
    /** {flow}: `chitchat` of kind wait ("hang on, let me look"); the question stays pending. */
    wait: "Sure, take your time.",
    /** {flow}: a "yes"/"ok" when nothing was asked. */
    acknowledge: "Sure. What can I do for you?",
    /** {flow} */
    cancel: "Okay, I've cancelled {flow}.",
    /**
     * {flow}: a "no" at a confirmation with no `on_deny` (docs/dialogue.md); the user names what
     * to change, or says no again to drop the flow.
     */
    ask_change: "What would you like to change? You can also say cancel.",
    /** {flow} {slot} {value} */
    correction: "Okay, I've changed the {slot} to {value}.",
    /** {explanation}: what the pending question means, the flows to choose from, or what I can do. */
    clarification: "{explanation}",
    /** {flow} (empty when idle) */
    chitchat: "I'm here to help with your requests.",
    /** {capabilities} */
    out_of_scope: "Sorry, I didn't understand that.",
    /** {flow} */
    human_handoff: "Let me connect you with a human agent. Please hold on.",
    /** {flow} */
    cannot_handle:
      "I'm sorry, I'm having trouble understanding. Would you like to talk to a human agent? You can also rephrase your request.",
    /**
     * {flow}: the user is fed up ("this is useless"); offers a human, and a "yes" next hands off.
     * The pending question is not asked again right after it.
     */
    frustration:
      "I'm sorry this isn't going well. Would you like me to connect you with a human agent?",
    /** {flow}: the flow being resumed. */
    resume: "Let's get back to {flow}.",
    /** {flow}: the next of several requests made in one message, which has not started yet. */
    next_request: "Now, about {flow}:",
    /** {flow} */
    step_budget: "Sorry, something went wrong with {flow}, so I had to stop it.",
    /** {flow} {action} {error} */
    action_error:
      "Sorry, something went wrong while processing your request. Please try again later.",
    /** {flow}; only said when a flow ends and nothing else was said in the turn. */
    completed: "All done. Is there anything else I can help you with?",
  },
  patternsInFlow: {
    greeting: "Hello again!",
    thanks: "You're welcome!",
    goodbye: "Goodbye! We can finish {flow} whenever you come back.",
    acknowledge: "Alright.",
    frustration:
      "I'm sorry this isn't going well. Would you like me to connect you with a human agent, or shall we carry on with {flow}?",
  },
  askSlot: (slot) => `What is the ${slot}?`,
  notNormalized: (value, slot) => `Sorry, I couldn't use "${value}" as the ${slot}.`,
  notCoerced: (value, failure, slot) =>
    `Sorry, "${value}" ${COERCION[failure]}; I need the ${slot}.`,
  notAChoice: (choices) => `Please choose one of: ${choices.join(", ")}.`,
  notMatchingPattern: (value, slot) => `Sorry, "${value}" doesn't look like a ${slot}.`,
  notChecked: (slot) => `Sorry, I couldn't check the ${slot}. Please try again.`,
  notValid: (value, slot) => `Sorry, "${value}" is not a valid ${slot}.`,
  answerConfirmation:
    "Please answer yes to go ahead, or no to stop. You can also change any of the details.",
  needSlot: (slot) => `I need the ${slot} to continue.`,
  didYouMean: (flows) => `Did you mean: ${orList(flows)}?`,
  capabilities: (flows) =>
    flows.length === 0
      ? "I can't do anything yet: this assistant has no flows."
      : `I can help you: ${orList(flows, "; ")}.`,
  capabilityList: (flows) => orList(flows, "; "),
};
