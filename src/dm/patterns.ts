import type { PatternName } from "../config/schema.ts";
import type { ChitchatKind } from "../protocol/commands.ts";

/**
 * Built-in wording of the conversation patterns. A domain overrides any of them under
 * `patterns:`; every message is a template that may use the variables listed per pattern.
 */
export const DEFAULT_PATTERN_MESSAGES: Record<PatternName, string> = {
  /** {flow}: `chitchat` of kind greeting ("hello" while no flow of the domain answers it). */
  greeting: "Hello! How can I help you?",
  /** {flow}: `chitchat` of kind thanks. */
  thanks: "You're welcome! Is there anything else I can do for you?",
  /** {flow}: `chitchat` of kind goodbye, or a "no" when nothing was asked. */
  goodbye: "Goodbye, and have a great day!",
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
};

/**
 * Wording while a flow is active, for patterns whose idle message would read oddly before the
 * pending question ("Is there anything else?" followed by "What is Maria's IBAN?"). A domain's
 * `message_in_flow` wins; a domain `message` without one is used in both cases.
 */
export const DEFAULT_IN_FLOW_MESSAGES: Partial<Record<PatternName, string>> = {
  greeting: "Hello again!",
  thanks: "You're welcome!",
  goodbye: "Goodbye! We can finish {flow} whenever you come back.",
  acknowledge: "Alright.",
  frustration:
    "I'm sorry this isn't going well. Would you like me to connect you with a human agent, or shall we carry on with {flow}?",
};

/** The pattern each kind of small talk is answered with (see docs/dialogue.md). */
export const CHITCHAT_PATTERNS: Readonly<Record<ChitchatKind, PatternName>> = {
  greeting: "greeting",
  thanks: "thanks",
  goodbye: "goodbye",
  frustration: "frustration",
  other: "chitchat",
};
