import type { PatternName } from "../config/schema.ts";
import type { ChitchatKind } from "../protocol/commands.ts";

/**
 * The pattern each kind of small talk is answered with (see docs/dialogue.md). The patterns'
 * built-in wording is in messages/, per language.
 */
export const CHITCHAT_PATTERNS: Readonly<Record<ChitchatKind, PatternName>> = {
  greeting: "greeting",
  thanks: "thanks",
  goodbye: "goodbye",
  frustration: "frustration",
  wait: "wait",
  other: "chitchat",
};
