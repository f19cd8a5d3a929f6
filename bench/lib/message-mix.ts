import { transferScript, VALID_IBAN } from "./transfer-script.ts";

/**
 * The conversations HTTP benchmarks and drills replay: mostly transfers (with a mistyped
 * IBAN or a large amount now and then), balance checks, a digression in the middle of a
 * transfer, card blocking, help and small talk — a realistic mix of starts and answers.
 */
const OTHER_CONVERSATIONS: readonly (readonly string[])[] = [
  ["what's my balance", "savings"],
  ["hello", "show me my account balance", "checking"],
  ["send 50 euros to Maria", VALID_IBAN, "birthday gift", "savings", "yes"],
  [
    "I want to make a transfer",
    "Pedro",
    "what's my balance",
    "checking",
    VALID_IBAN,
    "120",
    "dinner",
    "checking",
    "no",
  ],
  ["block my card", "debit", "4821", "yes"],
  ["I want to make a transfer", "help", "cancel"],
  ["pay a bill", "electricity", "ELEC-123456", "yes"],
];

export function conversationMessages(index: number): string[] {
  // Every other conversation is a transfer, the others rotate through the rest.
  if (index % 2 === 0) return transferScript(index / 2).map((turn) => turn.user);
  return [...OTHER_CONVERSATIONS[((index - 1) / 2) % OTHER_CONVERSATIONS.length]!];
}

/** Exactly `turns` messages for one user: conversations of the mix played back to back. */
export function userSession(index: number, turns: number): string[] {
  const messages: string[] = [];
  for (let k = 0; messages.length < turns; k++) messages.push(...conversationMessages(index + k));
  return messages.slice(0, turns);
}
