import type { SlotValue } from "../protocol/commands.ts";
import type { FlowFrame } from "../protocol/state.ts";
import type { Turn } from "./turn.ts";

/**
 * The value a `shared` slot already has in this conversation, for a flow about to ask it: the
 * nearest other frame on the stack that holds one, else the flow that ended last
 * (docs/dialogue.md, "Shared slots"). Undefined for a slot that is not shared.
 */
export function sharedSlotValue(turn: Turn, frame: FlowFrame, slot: string): SlotValue | undefined {
  if (!turn.domain.domain.slots[slot]?.shared) return undefined;
  const held = (value: SlotValue | undefined) => value !== undefined && value !== null;
  const holder = turn.state.flow_stack.findLast((f) => f !== frame && held(f.slots[slot]));
  const value = holder?.slots[slot] ?? turn.state.recent_flow?.slots[slot];
  return held(value) ? value : undefined;
}
