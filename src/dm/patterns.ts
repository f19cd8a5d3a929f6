import type { PatternName } from "../config/schema.ts";

/**
 * Built-in wording of the conversation patterns. A domain overrides any of them under
 * `patterns:`; every message is a template that may use the variables listed per pattern.
 */
export const DEFAULT_PATTERN_MESSAGES: Record<PatternName, string> = {
  /** {flow} */
  cancel: "Okay, I've cancelled {flow}.",
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
    "I'm sorry, I'm having trouble understanding. You can rephrase, or ask to talk to a human agent.",
  /** {flow}: the flow being resumed. */
  resume: "Let's get back to {flow}.",
  /** {flow} */
  step_budget: "Sorry, something went wrong with {flow}, so I had to stop it.",
  /** {flow} {action} {error} */
  action_error:
    "Sorry, something went wrong while processing your request. Please try again later.",
  /** {flow}; only said when a flow ends and nothing else was said in the turn. */
  completed: "All done. Is there anything else I can help you with?",
};
