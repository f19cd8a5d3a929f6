import type { StepNode } from "../../config/flow-graph.ts";

/** What a step tells the runner: where to go, to wait for the user, or to change flows. */
export type StepResult =
  | { kind: "next"; to: string; note?: string }
  | { kind: "wait"; note?: string }
  | { kind: "link"; flow: string }
  | { kind: "call"; flow: string };

/** Where control goes after a step that ran normally: its jump_to, else the next step. */
export function after(node: StepNode): string {
  return node.step.jump_to ?? node.next;
}
