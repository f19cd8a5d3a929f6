import type { StepNode } from "../../config/flow-graph.ts";
import type { SayStep } from "../../config/schema.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import type { Turn } from "../turn.ts";
import { after, type StepResult } from "./step-result.ts";

export function runSay(turn: Turn, frame: FlowFrame, node: StepNode, step: SayStep): StepResult {
  const before = turn.messages.length;
  turn.say(turn.render(step.message, frame.slots));
  if (step.rephrase !== false && turn.messages.length > before) turn.rephrasable.push(before);
  return { kind: "next", to: after(node) };
}
