import { END, type StepNode } from "../../config/flow-graph.ts";
import type { WhileStep } from "../../config/schema.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import type { Turn } from "../turn.ts";
import type { StepResult } from "./step-result.ts";

/**
 * Checked each time control reaches the loop (first entry and after every pass of the body).
 * The iteration count lives in the frame so a loop that waits for the user stays bounded
 * across turns; it is reset on exit so the loop can run again later.
 */
export function runWhile(
  turn: Turn,
  frame: FlowFrame,
  node: StepNode,
  step: WhileStep,
): StepResult {
  const exit = node.exit ?? END;
  const done = frame.loop_counts[step.step] ?? 0;
  if (!turn.test(step.condition, frame)) {
    delete frame.loop_counts[step.step];
    return { kind: "next", to: exit, note: `condition false after ${done} iterations` };
  }
  if (done >= step.max_iterations) {
    delete frame.loop_counts[step.step];
    turn.log("warn", "Loop reached max_iterations; leaving it", {
      flow: frame.flow,
      step: step.step,
      max_iterations: step.max_iterations,
    });
    return { kind: "next", to: exit, note: "max_iterations reached" };
  }
  frame.loop_counts[step.step] = done + 1;
  return { kind: "next", to: node.next, note: `iteration ${done + 1}` };
}
