import type { StepNode } from "../../config/flow-graph.ts";
import type { CollectStep } from "../../config/schema.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import { sharedSlotValue } from "../shared-slot-value.ts";
import { slotLabel } from "../slot-values.ts";
import type { Turn } from "../turn.ts";
import { after, type StepResult } from "./step-result.ts";

/** The question a collect step asks: its own prompt, else the slot's, else a generic one. */
export function collectPrompt(turn: Turn, frame: FlowFrame, step: CollectStep): string {
  const template =
    step.prompt ??
    turn.domain.domain.slots[step.slot]?.prompt ??
    turn.catalog.askSlot(slotLabel(step.slot, turn.domain.domain.slots[step.slot]));
  return turn.render(template, frame.slots);
}

export function runCollect(
  turn: Turn,
  frame: FlowFrame,
  node: StepNode,
  step: CollectStep,
): StepResult {
  const value = frame.slots[step.slot];
  if (value !== undefined && value !== null && !step.ask_always) {
    return { kind: "next", to: after(node), note: "already filled" };
  }
  if (frame.skipped?.includes(step.slot) && !step.ask_always) {
    return { kind: "next", to: after(node), note: "declined (optional)" };
  }
  const shared = step.ask_always ? undefined : sharedSlotValue(turn, frame, step.slot);
  if (shared !== undefined) {
    frame.slots[step.slot] = shared;
    return { kind: "next", to: after(node), note: "shared value" };
  }
  turn.say(collectPrompt(turn, frame, step));
  turn.state.waiting_for = {
    kind: "slot",
    slot: step.slot,
    flow_instance: frame.instance_id,
    step: step.step,
  };
  return { kind: "wait", note: `asked ${step.slot}` };
}
