import type { FlowDefinition, Step, WhileStep } from "./schema.ts";

/** `end` finishes the flow wherever a step id is expected. */
export const END = "end";

export interface StepNode {
  id: string;
  step: Step;
  /** Where control goes after this step when nothing (jump_to, branch, loop) redirects it. */
  next: string;
  /** For a `while` step: where control goes when its condition is false or the bound is hit. */
  exit?: string;
  /** The innermost `while` whose body holds this step. */
  parentWhile?: string;
}

/**
 * A flow's steps flattened into a graph keyed by step id. `while` bodies are inlined: the
 * last body step's natural successor is the `while` step itself, which checks its condition
 * again. The DM walks this graph; validation checks reachability and loops on it.
 */
export interface FlowGraph {
  flow: string;
  first: string;
  nodes: Map<string, StepNode>;
  /** Step ids in document order. */
  order: string[];
  /** Step ids defined more than once (validation reports them; the graph keeps the first). */
  duplicates: string[];
}

export function buildFlowGraph(name: string, flow: FlowDefinition): FlowGraph {
  const nodes = new Map<string, StepNode>();
  const order: string[] = [];
  const duplicates: string[] = [];

  const visit = (steps: Step[], continuation: string, parentWhile?: string) => {
    steps.forEach((step, i) => {
      const next = steps[i + 1]?.step ?? continuation;
      if (nodes.has(step.step)) {
        duplicates.push(step.step);
        return;
      }
      const node: StepNode = { id: step.step, step, next };
      if (parentWhile) node.parentWhile = parentWhile;
      nodes.set(step.step, node);
      order.push(step.step);
      if (step.type === "while") {
        node.exit = step.jump_to ?? next;
        node.next = (step as WhileStep).do[0]?.step ?? step.step;
        visit(step.do, step.step, step.step);
      }
    });
  };
  visit(flow.steps, END);
  return { flow: name, first: flow.steps[0]?.step ?? END, nodes, order, duplicates };
}

/** Every step id control may go to from `node` (used for reachability and loop checks). */
export function successors(node: StepNode): string[] {
  const step = node.step;
  const out = new Set<string>();
  const natural = step.jump_to ?? node.next;
  switch (step.type) {
    case "branch":
      for (const target of Object.values(step.cases ?? {})) out.add(target);
      if (step.then) out.add(step.then);
      out.add(step.default ?? node.next);
      break;
    case "confirm":
      out.add(step.on_confirm ?? natural);
      out.add(step.on_deny ?? natural);
      break;
    case "action":
      out.add(natural);
      if (step.on_error) out.add(step.on_error);
      break;
    case "while":
      out.add(node.next);
      out.add(node.exit ?? END);
      break;
    case "link":
      out.add(END);
      break;
    default:
      out.add(natural);
  }
  // A step whose condition is false is skipped: control falls through to its successor.
  if (step.condition && step.type !== "while") out.add(node.next);
  return [...out];
}

/** Steps that hand control to the user (a loop through one of them cannot spin on its own). */
export function waitsForUser(step: Step): boolean {
  return step.type === "collect" || step.type === "confirm" || step.type === "call";
}
