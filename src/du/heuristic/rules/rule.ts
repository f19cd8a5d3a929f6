import type { Command } from "../../../protocol/commands.ts";

/**
 * One named decision of the offline DU: a small function that either reads the message
 * (returns its commands) or passes (null). Rules run in their table's order; the first that
 * reads the message decides, and its name is what `soni explain` shows.
 */
export interface Rule<C> {
  name: string;
  run(context: C): Command[] | null;
}

/** What fired: the rule's name and its commands. */
export interface Fired {
  rule: string;
  commands: Command[];
}

/** Runs `rules` in order; the first that reads the message wins. */
export function firstRule<C>(rules: readonly Rule<C>[], context: C): Fired | null {
  for (const rule of rules) {
    const commands = rule.run(context);
    if (commands) return { rule: rule.name, commands };
  }
  return null;
}
