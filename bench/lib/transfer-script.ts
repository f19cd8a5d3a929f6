/**
 * The banking transfer conversation both frameworks run in the in-process benchmark, with what
 * each bot reply must contain, so a benchmark never times a bot that answers the wrong thing.
 */
export interface ScriptTurn {
  user: string;
  /** A fragment the bot's reply to this message must match. */
  expect: RegExp;
}

export const VALID_IBAN = "ES91 2100 0418 4502 0005 1332";
const NAMES = ["Maria Garcia", "John Smith", "Lucia Fernandez", "Ahmed Khan", "Sofia Rossi"];

/**
 * Three variants rotate so validators and the large-amount branch are exercised: a plain
 * transfer; a mistyped IBAN that is re-asked; an amount above 10,000 that needs the code.
 */
export function transferScript(variant: number): ScriptTurn[] {
  const name = NAMES[variant % NAMES.length]!;
  const kind = variant % 3;
  const turns: ScriptTurn[] = [
    { user: "I want to make a transfer", expect: /send the money to/i },
    { user: name, expect: /IBAN/ },
  ];
  if (kind === 1) {
    turns.push({ user: "ES00 1234 5678 9012", expect: /check it/i });
  }
  turns.push({ user: VALID_IBAN, expect: /how much/i });
  if (kind === 2) {
    turns.push({ user: "12500", expect: /security code/i });
    turns.push({ user: "493817", expect: /what is the transfer for/i });
  } else {
    turns.push({ user: String(50 + variant * 7), expect: /what is the transfer for/i });
  }
  turns.push(
    { user: "rent March", expect: /come from/i },
    { user: "checking", expect: /confirm/i },
    { user: "yes", expect: /transaction id/i },
  );
  return turns;
}
