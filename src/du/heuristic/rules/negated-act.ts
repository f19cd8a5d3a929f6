import type { Turn } from "../heuristic-understanding.ts";
import { NEGATED_ACT } from "../language/words.ts";

/** The acts of the task words `text` says with a negation before them, and of the others. */
export function actsBySign(turn: Turn): { negated: Set<string>; said: Set<string> } {
  const { analyzer } = turn.model;
  const text = turn.acts.flat;
  const negated = new Set<string>();
  let rest = text;
  for (const pattern of NEGATED_ACT) {
    for (const m of text.matchAll(pattern)) {
      const verb = m.groups?.verb;
      if (!verb) continue;
      const acts = [...analyzer.features(verb).tasks.values()].filter((t) => !t.weak);
      if (acts.length === 0) continue;
      for (const t of acts) negated.add(t.act);
      rest = rest.replace(m[0], " ");
    }
  }
  const said = new Set(
    [...analyzer.features(rest).tasks.values()].filter((t) => !t.weak).map((t) => t.act),
  );
  return { negated, said };
}

/**
 * "I don't want to cancel, just move it: HB-123456": of the flows a message leaves open, one
 * whose act the message says it does not want, and no other act of it, is not meant. When one
 * flow is left that does an act the message does say, that flow is started.
 */
export function withoutNegatedAct(turn: Turn, open: readonly string[]): string | null {
  const { negated, said } = actsBySign(turn);
  if (negated.size === 0) return null;
  const { index } = turn.model;
  const kept = open.filter((flow) => {
    const acts = [...index.actsOf(flow)];
    return !(acts.some((a) => negated.has(a) && !said.has(a)) && !acts.some((a) => said.has(a)));
  });
  if (kept.length !== 1 || kept.length === open.length) return null;
  return [...index.actsOf(kept[0]!)].some((a) => said.has(a)) ? kept[0]! : null;
}
