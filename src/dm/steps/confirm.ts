import type { ConfirmStep } from "../../config/schema.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import type { Turn } from "../turn.ts";
import type { StepResult } from "./step-result.ts";

/** Shows the summary and waits; affirm/deny move the frame on (see apply-command.ts). */
export function runConfirm(turn: Turn, frame: FlowFrame, step: ConfirmStep): StepResult {
  turn.say(turn.render(step.message, frame.slots));
  turn.state.waiting_for = {
    kind: "confirm",
    slot: step.slot,
    flow_instance: frame.instance_id,
    step: step.step,
  };
  return { kind: "wait", note: "awaiting confirmation" };
}
