import { END, type StepNode } from "../../config/flow-graph.ts";
import type { ActionStep } from "../../config/schema.ts";
import type { SlotValue } from "../../protocol/commands.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import type { Effectful } from "../effects.ts";
import { toSlotValue } from "../slot-values.ts";
import type { Turn } from "../turn.ts";
import { after, type StepResult } from "./step-result.ts";

/**
 * Calls the handler with the action's declared inputs (`all`: every slot of the flow). Outputs
 * go to slots through `map_outputs`, or, without it, to the slots named like the outputs. A
 * handler returning no object has no outputs. A failure goes to `on_error`, else ends the flow
 * with the action_error message.
 */
export function* runAction(
  turn: Turn,
  frame: FlowFrame,
  node: StepNode,
  step: ActionStep,
): Effectful<StepResult> {
  const declared = turn.domain.domain.actions[step.action];
  let inputs: Record<string, SlotValue> = {};
  if (declared?.inputs === "all") inputs = { ...frame.slots };
  else for (const name of declared?.inputs ?? []) inputs[name] = frame.slots[name] ?? null;
  const result = yield {
    kind: "action",
    action: step.action,
    inputs,
    slots: { ...frame.slots },
    flow: frame.flow,
    step: step.step,
  };
  const failure = result.ok ? undefined : result.error;
  if (failure !== undefined) {
    // The handler's own words for the user ("not enough money") say more than "went wrong";
    // an `on_error` step still follows them. Such a refusal is expected: info, not error.
    const userMessage = !result.ok ? result.userMessage : undefined;
    turn.log(userMessage ? "info" : "error", "Action failed", {
      flow: frame.flow,
      step: step.step,
      action: step.action,
      error: failure,
      ...(!result.ok && result.timedOut ? { timed_out: true } : {}),
    });
    if (userMessage) turn.say(userMessage);
    if (step.on_error) return { kind: "next", to: step.on_error, note: `failed: ${failure}` };
    if (userMessage) return { kind: "next", to: END, note: `failed: ${failure}` };
    turn.sayPattern("action_error", {
      flow: turn.flowTitle(frame.flow),
      action: step.action,
      error: failure,
    });
    return { kind: "next", to: END, note: `failed: ${failure}` };
  }
  const value = result.ok ? result.value : undefined;
  if (isPlainObject(value)) writeOutputs(turn, frame, step, value);
  return { kind: "next", to: after(node) };
}

function writeOutputs(
  turn: Turn,
  frame: FlowFrame,
  step: ActionStep,
  outputs: Record<string, unknown>,
): void {
  if (step.map_outputs) {
    for (const [output, slot] of Object.entries(step.map_outputs)) {
      frame.slots[slot] = toSlotValue(outputs[output]);
    }
    return;
  }
  for (const [output, value] of Object.entries(outputs)) {
    if (Object.hasOwn(turn.domain.domain.slots, output)) frame.slots[output] = toSlotValue(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
