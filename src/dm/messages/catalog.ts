import type { PatternName } from "../../config/schema.ts";
import type { CoercionFailure } from "../slot-values.ts";

/**
 * Every built-in sentence the DM says, in one language (`settings.language`). A domain's own
 * `patterns:` messages win over `patterns` and `patternsInFlow`. `slot` arguments are slot
 * labels ("IBAN", "beneficiary name"); `value` is the value as the user gave it.
 */
export interface MessageCatalog {
  /** Pattern defaults: templates with the variables listed per pattern in en.ts. */
  patterns: Readonly<Record<PatternName, string>>;
  /**
   * Wording while a flow is active, for patterns whose idle message would read oddly before the
   * pending question. A domain's `message_in_flow` wins; a domain `message` without one is used
   * in both cases.
   */
  patternsInFlow: Readonly<Partial<Record<PatternName, string>>>;
  /** The question of a collect step when neither the step nor the slot has a prompt. */
  askSlot(slot: string): string;
  /** The slot's normalizer failed (threw, timed out). */
  notNormalized(value: string, slot: string): string;
  /** The value is not of the slot's type. */
  notCoerced(value: string, failure: CoercionFailure, slot: string): string;
  /** The value is none of the slot's `choices`. */
  notAChoice(choices: string[]): string;
  /** The value does not match the slot's `pattern`. */
  notMatchingPattern(value: string, slot: string): string;
  /** The slot's validator failed (threw, timed out). */
  notChecked(slot: string): string;
  /** The slot's validator said no without a message of its own. */
  notValid(value: string, slot: string): string;
  /** How to answer a confirmation (clarification, or a message not understood there). */
  answerConfirmation: string;
  /** What the pending question needs, for a slot without a `description`. */
  needSlot(slot: string): string;
  /** Which of these flows (their summaries) the user meant. */
  didYouMean(flows: string[]): string;
  /** What the assistant can do (`{capabilities}`), from the summaries of the flows. */
  capabilities(flows: string[]): string;
  /**
   * The same as a bare list, for a message that writes its own lead-in before
   * `{capabilities}` ("I can help with: {capabilities}.").
   */
  capabilityList(flows: string[]): string;
}
