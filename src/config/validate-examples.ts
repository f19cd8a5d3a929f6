import type { Command } from "../protocol/commands.ts";
import type { DomainProblem } from "./errors.ts";
import type { FlowGraph } from "./flow-graph.ts";
import { didYouMean } from "./hints.ts";
import type { Domain, TurnContext } from "./schema.ts";
import { TemplateError, templateSlots } from "./template.ts";
import type { Locator, PathSegment } from "./yaml-source.ts";

type Path = readonly PathSegment[];

/** Names whose definitions were invalid (already reported): references to them are not. */
export interface KnownInvalid {
  slots: ReadonlySet<string>;
  flows: ReadonlySet<string>;
}

/**
 * Semantic checks of `examples:` (the schema checked the shapes): every flow, slot and step an
 * example names must exist, so an example can never teach the DU something the DM rejects.
 */
export function validateExamples(
  domain: Domain,
  graphs: ReadonlyMap<string, FlowGraph>,
  locate: Locator,
  invalid: KnownInvalid,
): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const report = (path: Path, message: string, key = false) => {
    problems.push({ ...locate(path, { key }), message, severity: "error" });
  };
  const flowNames = Object.keys(domain.flows);
  const slotNames = Object.keys(domain.slots);

  /** A startable flow; false (and reported) otherwise. */
  const startable = (flow: string, path: Path, what: string, key = false): boolean => {
    const def = domain.flows[flow];
    if (!def) {
      if (!invalid.flows.has(flow)) {
        report(
          path,
          `${what}: flow '${flow}' is not defined${didYouMean(flow, flowNames)} (declare it under flows:)`,
          key,
        );
      }
      return false;
    }
    if (def.internal) {
      report(
        path,
        `${what}: flow '${flow}' is internal (it only runs through call/link), so no user message can start it; remove the example`,
        key,
      );
      return false;
    }
    return true;
  };
  const slot = (name: string, path: Path, what: string, key = false) => {
    if (Object.hasOwn(domain.slots, name) || invalid.slots.has(name)) return;
    report(
      path,
      `${what}: slot '${name}' is not defined${didYouMean(name, slotNames)} (declare it under slots:)`,
      key,
    );
  };

  for (const [flow, utterances] of Object.entries(domain.examples.flows)) {
    const base = ["examples", "flows", flow];
    if (!startable(flow, base, "examples.flows", true)) continue;
    utterances.forEach((text, i) => {
      const at = [...base, i];
      let names: string[];
      try {
        names = templateSlots(text);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        report(
          at,
          `examples.flows.${flow}[${i}]: invalid placeholder in "${text}": ${error.message}`,
        );
        return;
      }
      for (const name of names) slot(name, at, `examples.flows.${flow}[${i}] placeholder`);
    });
  }

  domain.examples.turns.forEach((turn, i) => {
    const base = ["examples", "turns", i];
    const what = `examples.turns[${i}] ("${turn.text.length > 40 ? `${turn.text.slice(0, 37)}...` : turn.text}")`;
    if (turn.context) checkContext(turn.context, [...base, "context"], what);
    turn.commands.forEach((command, j) => {
      checkCommand(command, [...base, "commands", j], what);
    });
  });

  function checkContext(context: TurnContext, path: Path, what: string) {
    const graph = graphs.get(context.flow);
    if (!graph) {
      if (!invalid.flows.has(context.flow)) {
        report(
          [...path, "flow"],
          `${what}: context flow '${context.flow}' is not defined${didYouMean(context.flow, flowNames)}`,
        );
      }
      return;
    }
    const steps = [...graph.nodes.values()].map((n) => n.step);
    if (context.waiting !== undefined && context.confirm) {
      report(
        [...path, "confirm"],
        `${what}: a context waits either for a slot or for a confirmation, not both; remove 'waiting' or 'confirm'`,
        true,
      );
    }
    if (
      context.waiting !== undefined &&
      !steps.some((s) => s.type === "collect" && s.slot === context.waiting)
    ) {
      const asked = steps.flatMap((s) => (s.type === "collect" ? [s.slot] : []));
      report(
        [...path, "waiting"],
        `${what}: flow '${context.flow}' never asks for '${context.waiting}'${didYouMean(context.waiting, asked)}${asked.length ? ` (it asks for: ${asked.join(", ")})` : ""}`,
      );
    }
    if (context.confirm && !steps.some((s) => s.type === "confirm")) {
      report(
        [...path, "confirm"],
        `${what}: flow '${context.flow}' has no confirm step, so it never waits for a confirmation`,
      );
    }
    for (const name of Object.keys(context.slots)) {
      slot(name, [...path, "slots", name], `${what} context`, true);
    }
  }

  function checkCommand(command: Command, path: Path, what: string) {
    switch (command.type) {
      case "start_flow":
        startable(command.flow, [...path, "flow"], `${what} start_flow`);
        for (const name of Object.keys(command.slots ?? {})) {
          slot(name, [...path, "slots", name], `${what} start_flow`, true);
        }
        break;
      case "set_slot":
      case "correct_slot":
      case "clear_slot":
      case "skip_slot":
        slot(command.slot, [...path, "slot"], `${what} ${command.type}`);
        break;
      case "deny":
        if (command.slot_to_change !== undefined) {
          slot(command.slot_to_change, [...path, "slot_to_change"], `${what} deny`);
        }
        break;
      default:
        break;
    }
  }

  return problems;
}
