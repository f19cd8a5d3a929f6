import type { StepNode } from "../../config/flow-graph.ts";
import type { FlowFrame } from "../../protocol/state.ts";
import type { Effectful } from "../effects.ts";
import type { Turn } from "../turn.ts";
import { runAction } from "./action.ts";
import { runBranch } from "./branch.ts";
import { runCollect } from "./collect.ts";
import { runConfirm } from "./confirm.ts";
import { runSay } from "./say.ts";
import { runSet } from "./set.ts";
import type { StepResult } from "./step-result.ts";
import { runWhile } from "./while.ts";

/** Runs one step of the frame (its `condition` was already checked by the runner). */
export function* runStep(turn: Turn, frame: FlowFrame, node: StepNode): Effectful<StepResult> {
  const step = node.step;
  switch (step.type) {
    case "say":
      return runSay(turn, frame, node, step);
    case "collect":
      return runCollect(turn, frame, node, step);
    case "action":
      return yield* runAction(turn, frame, node, step);
    case "branch":
      return runBranch(turn, frame, node, step);
    case "confirm":
      return runConfirm(turn, frame, step);
    case "set":
      return runSet(turn, frame, node, step);
    case "while":
      return runWhile(turn, frame, node, step);
    case "link":
      return { kind: "link", flow: step.flow };
    case "call":
      return { kind: "call", flow: step.flow };
  }
}
