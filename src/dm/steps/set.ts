import type { StepNode } from "../../config/flow-graph.ts";
import type { SetStep } from "../../config/schema.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import { toSlotValue } from "../slot-values.ts";
import type { Turn } from "../turn.ts";
import { after, type StepResult } from "./step-result.ts";

/**
 * Assigns slots from literals, `{slot}` templates or `{ expr }` expressions. Every value is
 * computed from the slots as they were before the step, so assignment order does not matter.
 */
export function runSet(turn: Turn, frame: FlowFrame, node: StepNode, step: SetStep): StepResult {
  const updates: [string, unknown][] = Object.entries(step.slots).map(([slot, value]) => {
    if (typeof value === "string") return [slot, turn.render(value, frame.slots, { stored: true })];
    if (value !== null && typeof value === "object")
      return [slot, turn.evaluate(value.expr, frame)];
    return [slot, value];
  });
  for (const [slot, value] of updates) frame.slots[slot] = toSlotValue(value);
  return { kind: "next", to: after(node) };
}
