import type { LoadedDomain } from "../config/loaded-domain.ts";
import type { SlotValue } from "../protocol/commands.ts";
import type { DialogueState, FlowState } from "../protocol/state.ts";

/** The public view of a conversation (GET /state/:user_id, `/state` in chat). */
export interface ConversationSnapshot {
  user_id: string;
  flow_state: FlowState;
  active_flow: string | null;
  flow_stack: { flow: string; step: string | null; instance_id: string }[];
  /** The active flow's slots; internal slots are hidden. */
  slots: Record<string, SlotValue>;
  waiting_for_slot: string | null;
  turn_count: number;
}

export function flowStateOf(state: DialogueState): FlowState {
  if (state.flow_stack.length === 0) return "idle";
  return state.waiting_for ? "waiting_input" : "active";
}

export function snapshotOf(
  userId: string,
  state: DialogueState,
  domain: LoadedDomain,
): ConversationSnapshot {
  const top = state.flow_stack.at(-1);
  const slots: Record<string, SlotValue> = {};
  for (const [name, value] of Object.entries(top?.slots ?? {})) {
    if (!domain.domain.slots[name]?.internal) slots[name] = value;
  }
  return {
    user_id: userId,
    flow_state: flowStateOf(state),
    active_flow: top?.flow ?? null,
    flow_stack: state.flow_stack.map((f) => ({
      flow: f.flow,
      step: f.step,
      instance_id: f.instance_id,
    })),
    slots,
    waiting_for_slot: state.waiting_for?.slot ?? null,
    turn_count: state.turn_count,
  };
}
