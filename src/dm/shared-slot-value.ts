import type { SlotValue } from "../protocol/commands.ts";
import type { FlowFrame } from "../protocol/state.ts";
import type { Turn } from "./turn.ts";

/**
 * The value a `shared` slot already has in this conversation, for a flow about to ask it: the
 * nearest other frame on the stack that holds one, else the flow that ended or was cancelled
 * last (docs/dialogue.md, "Shared slots"). Undefined for a slot that is not shared.
 */
export function sharedSlotValue(turn: Turn, frame: FlowFrame, slot: string): SlotValue | undefined {
  if (!turn.domain.domain.slots[slot]?.shared) return undefined;
  const held = (value: SlotValue | undefined) => value !== undefined && value !== null;
  const holder = turn.state.flow_stack.findLast((f) => f !== frame && held(f.slots[slot]));
  if (holder) return holder.slots[slot];
  // The flow that ended last, or the one cancelled since: whichever held the value later.
  const { recent_flow: ended, cancelled_shared: cancelled } = turn.state;
  const fromEnded = ended?.slots[slot];
  const fromCancelled = cancelled?.slots[slot];
  if (held(fromCancelled) && (!held(fromEnded) || cancelled!.turn >= ended!.turn)) {
    return fromCancelled;
  }
  return held(fromEnded) ? fromEnded : undefined;
}
