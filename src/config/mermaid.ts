import { END, type FlowGraph, type StepNode, successors } from "./flow-graph.ts";

/** The Mermaid node id of a step (or of the flow's end), so a viewer can mark the active one. */
export function stepNodeId(flow: string, stepId: string): string {
  return stepId === END ? `${flow}__end` : `${flow}__${stepId}`;
}

/** A flow as a Mermaid flowchart: one node per step, one edge per way control can go. */
export function flowToMermaid(graph: FlowGraph): string {
  const lines = [`flowchart TD`, `  %% flow: ${graph.flow}`];
  const id = (stepId: string) => stepNodeId(graph.flow, stepId);
  lines.push(`  ${graph.flow}__start((${graph.flow})) --> ${id(graph.first)}`);
  let usesEnd = graph.first === END;
  for (const stepId of graph.order) {
    const node = graph.nodes.get(stepId)!;
    lines.push(`  ${id(stepId)}${shape(node)}`);
    for (const [target, label] of labelledEdges(node)) {
      if (target === END) usesEnd = true;
      const arrow = label ? `-- ${escapeLabel(label)} -->` : "-->";
      lines.push(`  ${id(stepId)} ${arrow} ${id(target)}`);
    }
  }
  if (usesEnd) lines.push(`  ${id(END)}((end))`);
  return lines.join("\n");
}

function shape(node: StepNode): string {
  const step = node.step;
  const detail =
    step.type === "collect" || step.type === "confirm"
      ? ` ${step.slot}`
      : step.type === "action"
        ? ` ${step.action}`
        : step.type === "link" || step.type === "call"
          ? ` ${step.flow}`
          : "";
  const text = escapeLabel(`${step.step}: ${step.type}${detail}`);
  if (step.type === "branch" || step.type === "while") return `{"${text}"}`;
  if (step.type === "collect" || step.type === "confirm") return `[/"${text}"/]`;
  return `["${text}"]`;
}

function labelledEdges(node: StepNode): [string, string | undefined][] {
  const step = node.step;
  const edges = new Map<string, string | undefined>();
  const add = (target: string, label?: string) => {
    const existing = edges.get(target);
    edges.set(target, existing && label ? `${existing} / ${label}` : (label ?? existing));
  };
  switch (step.type) {
    case "branch":
      for (const [value, target] of Object.entries(step.cases ?? {})) add(target, value);
      if (step.then) add(step.then, step.if ?? "then");
      add(step.default ?? node.next, "default");
      break;
    case "confirm":
      add(step.on_confirm ?? step.jump_to ?? node.next, "yes");
      add(step.on_deny ?? step.jump_to ?? node.next, "no");
      break;
    case "while":
      add(node.next, step.condition);
      add(node.exit ?? END, "done");
      break;
    default:
      for (const target of successors(node)) add(target);
  }
  if (step.condition && step.type !== "while") add(node.next, `not ${step.condition}`);
  return [...edges];
}

function escapeLabel(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"));
}
