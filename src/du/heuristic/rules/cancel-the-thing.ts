import type { Command } from "../../../protocol/commands.ts";
import type { HeuristicUnderstanding, Turn } from "../heuristic-understanding.ts";
import { DENY, NO_OPENERS, WHOLE_THING } from "../language/words.ts";

const OPENERS = new Set([...NO_OPENERS, ...DENY.filter((p) => !p.includes(" "))]);

/** The words after the openers and refusals a message starts with ("no, cancel it" -> "cancel it"). */
function afterOpeners(text: string): string {
  const words = text.split(" ");
  let i = 0;
  while (i < words.length - 1 && OPENERS.has(words[i]!)) i++;
  return words.slice(i).join(" ");
}

/**
 * "actually no, just cancel AP-4821", "cancel it altogether" while the thing is being changed:
 * the cancel is of the thing itself, not of the change. In a flow that cancels nothing, a plain
 * cancel phrase that names a code the running flow also asks, of the one other flow that cancels
 * (or says the whole thing, pack `wholeThing`, when that flow asks a value the running flow
 * holds), stops the running flow and starts that one, with the code. A code the running flow
 * does not ask is of another thing ("first cancel AP-4821" while booking): read elsewhere.
 */
export function cancelTheThing(du: HeuristicUnderstanding, turn: Turn): Command[] | null {
  const frame = turn.frame;
  if (!frame) return null;
  const { index, analyzer, flowSlots } = turn.model;
  if (index.actsOf(frame.flow).has("cancel")) return null;
  // With no other flow that cancels, nothing below starts one: the message is not analysed.
  const cancellers = [...flowSlots.keys()].filter(
    (f) => f !== frame.flow && index.actsOf(f).has("cancel"),
  );
  if (cancellers.length === 0) return null;
  // "no, cancel it": the "no" opens the message, it negates no cancel.
  const tasks = analyzer.features(afterOpeners(turn.acts.flat)).tasks.values();
  if (![...tasks].some((t) => t.act === "cancel" && !t.bare && !t.weak)) return null;
  const asked = new Set((flowSlots.get(frame.flow) ?? []).map((s) => s.name));
  const coded = cancellers.filter((f) =>
    du
      .mentionsFor(turn, f, [], [])
      .some((m) => asked.has(m.slot) && turn.model.slots.get(m.slot)?.kind === "code"),
  );
  if (coded.length === 1) return [{ type: "cancel_flow" }, ...du.start(turn, coded[0]!)];
  if (coded.length > 1 || !WHOLE_THING.test(turn.acts.flat)) return null;
  const held = (flow: string) =>
    (flowSlots.get(flow) ?? []).filter((s) => (frame.slots[s.name] ?? null) !== null);
  const same = cancellers.filter((f) => held(f).length > 0);
  if (same.length !== 1) return null;
  const flow = same[0]!;
  const commands = du.start(turn, flow);
  for (const s of held(flow)) {
    if (!commands.some((c) => c.type === "set_slot" && c.slot === s.name))
      commands.push({ type: "set_slot", slot: s.name, value: frame.slots[s.name]! });
  }
  return [{ type: "cancel_flow" }, ...commands];
}
