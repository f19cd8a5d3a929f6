import type { StepNode } from "../../config/flow-graph.ts";
import type { BranchStep } from "../../config/schema.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import type { Turn } from "../turn.ts";
import { after, type StepResult } from "./step-result.ts";

/**
 * `slot` + `cases`: the case whose key equals the slot value as a string (`null` for an empty
 * slot). `if` + `then`: `then` when the condition holds. Otherwise `default`, else the next step.
 */
export function runBranch(
  turn: Turn,
  frame: FlowFrame,
  node: StepNode,
  step: BranchStep,
): StepResult {
  const fallback = step.default ?? after(node);
  if (step.slot !== undefined) {
    const value = frame.slots[step.slot];
    const key = value === undefined || value === null ? "null" : String(value);
    const target = step.cases?.[key];
    return target !== undefined
      ? { kind: "next", to: target, note: `case ${key}` }
      : { kind: "next", to: fallback, note: `no case for ${key}` };
  }
  if (step.if !== undefined && turn.test(step.if, frame)) {
    return { kind: "next", to: step.then ?? after(node), note: "condition true" };
  }
  return { kind: "next", to: fallback, note: "condition false" };
}
