import { compileExpression } from "../config/expression.ts";
import type { FlowGraph } from "../config/flow-graph.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { templateSlots } from "../config/template.ts";

/** Which slots each flow touches, computed once per loaded domain. */
export interface FlowSlotUse {
  /** Slots a user command may fill in this flow: collected, or inputs of its actions. */
  accepts: Set<string>;
  /** Every slot the flow reads or writes anywhere (carried over by `link` and `call`). */
  references: Set<string>;
  /** Slot -> id of the first step that collects it, in document order. */
  collectedAt: Map<string, string>;
}

const cache = new WeakMap<LoadedDomain, Map<string, FlowSlotUse>>();

export function flowSlotUse(domain: LoadedDomain, flow: string): FlowSlotUse {
  let perFlow = cache.get(domain);
  if (!perFlow) {
    perFlow = new Map();
    cache.set(domain, perFlow);
  }
  let use = perFlow.get(flow);
  if (!use) {
    use = computeUse(domain, domain.graphs.get(flow));
    perFlow.set(flow, use);
  }
  return use;
}

function computeUse(domain: LoadedDomain, graph: FlowGraph | undefined): FlowSlotUse {
  const use: FlowSlotUse = { accepts: new Set(), references: new Set(), collectedAt: new Map() };
  if (!graph) return use;
  const ref = (names: Iterable<string>) => {
    for (const name of names) use.references.add(name);
  };
  const refExpression = (source: string | undefined) => {
    if (!source) return;
    try {
      ref(compileExpression(source).identifiers());
    } catch {
      // The loader reports malformed expressions; here they just reference nothing.
    }
  };
  const refTemplate = (source: string | undefined) => {
    if (!source) return;
    try {
      ref(templateSlots(source));
    } catch {
      // Same as above: malformed templates are a load error elsewhere.
    }
  };
  for (const id of graph.order) {
    const step = graph.nodes.get(id)!.step;
    refExpression(step.condition);
    switch (step.type) {
      case "collect":
        use.accepts.add(step.slot);
        use.references.add(step.slot);
        if (!use.collectedAt.has(step.slot)) use.collectedAt.set(step.slot, id);
        refTemplate(step.prompt ?? domain.domain.slots[step.slot]?.prompt);
        break;
      case "action": {
        const action = domain.domain.actions[step.action];
        // `inputs: all` takes whatever the flow holds: it names no slot of its own.
        const inputs = Array.isArray(action?.inputs) ? action.inputs : [];
        for (const input of inputs) use.accepts.add(input);
        ref(inputs);
        ref(Object.values(step.map_outputs ?? {}));
        ref((action?.outputs ?? []).filter((o) => o in domain.domain.slots));
        break;
      }
      case "say":
        refTemplate(step.message);
        break;
      case "confirm":
        use.references.add(step.slot);
        refTemplate(step.message);
        break;
      case "branch":
        if (step.slot) use.references.add(step.slot);
        refExpression(step.if);
        break;
      case "set":
        ref(Object.keys(step.slots));
        break;
      default:
        break;
    }
  }
  return use;
}
