import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type DomainProblem, formatProblem, sortProblems } from "../../config/errors.ts";
import { didYouMean } from "../../config/hints.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { schemaProblems } from "../../config/schema-issues.ts";
import { createLocator, type Locator, parseYamlSource } from "../../config/yaml-source.ts";
import { type EvalCase, evalSetSchema } from "../evaluation.ts";

/**
 * The dataset `soni optimize` learns from: a DU evaluation set (src/du/evaluation.ts) whose
 * `domain` and `today` may be left out (the domain then comes from --config).
 */
export const datasetSchema = evalSetSchema.extend({
  domain: z.string().optional(),
  today: evalSetSchema.shape.today.optional(),
});

/** Labels a case may carry besides a flow name (see evalCaseSchema). */
export const NON_FLOW_INTENTS = [
  "set_slot",
  "correct_slot",
  "affirm",
  "deny",
  "cancel",
  "help",
  "human",
  "chitchat",
  "clarify_flows",
  "out_of_scope",
] as const;

export interface Dataset {
  file: string;
  cases: EvalCase[];
  /** The domain the file names, resolved against the file's directory. */
  domainPath?: string;
  /** The date relative dates resolve against. */
  today?: string;
  locate: Locator;
}

/** A dataset that cannot be used; every problem carries file:line:column. */
export class DatasetError extends Error {
  readonly problems: readonly DomainProblem[];

  constructor(problems: readonly DomainProblem[]) {
    const sorted = sortProblems(problems);
    super(
      `invalid dataset: ${sorted.length} problem(s); first: ${sorted[0] ? formatProblem(sorted[0]) : "?"}`,
    );
    this.name = "DatasetError";
    this.problems = sorted;
  }

  format(cwd: string = process.cwd()): string {
    return this.problems.map((p) => formatProblem(p, cwd)).join("\n");
  }
}

/** Reads and shape-checks a dataset file; throws DatasetError with located problems. */
export async function readDataset(file: string): Promise<Dataset> {
  const resolved = path.resolve(file);
  let text: string;
  try {
    text = await readFile(resolved, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : (error as Error).message;
    throw new DatasetError([
      {
        file: resolved,
        line: 1,
        column: 1,
        message: `cannot read the dataset: ${reason}; give a YAML file of labelled turns (the DU evaluation-set format)`,
        severity: "error",
      },
    ]);
  }
  const { source, problems } = parseYamlSource(text, resolved);
  if (problems.some((p) => p.severity === "error")) throw new DatasetError(problems);
  const locate = createLocator([source], resolved);
  const parsed = datasetSchema.safeParse(source.data);
  if (!parsed.success) {
    throw new DatasetError(
      schemaProblems(parsed.error.issues, source.data, locate).map((p) => ({
        ...p,
        message: p.message.replace(/^the domain: /, "dataset: "),
      })),
    );
  }
  const { cases, domain, today } = parsed.data;
  return {
    file: resolved,
    cases,
    ...(domain !== undefined ? { domainPath: path.resolve(path.dirname(resolved), domain) } : {}),
    ...(today !== undefined ? { today } : {}),
    locate,
  };
}

/**
 * Checks the cases against the domain: labels, context flows, the slot a context waits for,
 * slot names. Throws DatasetError listing every problem, so a typo cannot silently score as a miss.
 */
export function checkDataset(dataset: Dataset, loaded: LoadedDomain): void {
  const { domain, graphs } = loaded;
  const problems: DomainProblem[] = [];
  const report = (at: (string | number)[], message: string, key = false) => {
    problems.push({ ...dataset.locate(at, { key }), message, severity: "error" });
  };
  const flows = Object.keys(domain.flows);
  const slots = Object.keys(domain.slots);
  const labels = [...flows, ...NON_FLOW_INTENTS];
  dataset.cases.forEach((c, i) => {
    const at = ["cases", i];
    const what = `case "${c.text}"`;
    if (!labels.includes(c.intent)) {
      report(
        [...at, "intent"],
        `${what}: intent '${c.intent}' is neither a flow of the domain nor one of ${NON_FLOW_INTENTS.join(", ")}${didYouMean(c.intent, labels)}`,
      );
    } else if (domain.flows[c.intent]?.internal) {
      report(
        [...at, "intent"],
        `${what}: flow '${c.intent}' is internal, so no message can start it; label the case with the flow that calls it`,
      );
    }
    for (const name of Object.keys(c.slots)) {
      if (!Object.hasOwn(domain.slots, name)) {
        report(
          [...at, "slots", name],
          `${what}: slot '${name}' is not defined in the domain${didYouMean(name, slots)}`,
          true,
        );
      }
    }
    if (c.change !== undefined && !Object.hasOwn(domain.slots, c.change)) {
      report(
        [...at, "change"],
        `${what}: slot '${c.change}' is not defined in the domain${didYouMean(c.change, slots)}`,
      );
    }
    for (const flow of c.offered ?? []) {
      if (!graphs.has(flow)) {
        report(
          [...at, "offered"],
          `${what}: offered flow '${flow}' is not defined${didYouMean(flow, flows)}`,
        );
      }
    }
    const context = c.context;
    if (!context) return;
    const graph = graphs.get(context.flow);
    if (!graph) {
      report(
        [...at, "context", "flow"],
        `${what}: context flow '${context.flow}' is not defined${didYouMean(context.flow, flows)}`,
      );
      return;
    }
    const steps = [...graph.nodes.values()].map((n) => n.step);
    const asked = steps.flatMap((s) => (s.type === "collect" ? [s.slot] : []));
    if (context.waiting !== undefined && !asked.includes(context.waiting)) {
      report(
        [...at, "context", "waiting"],
        `${what}: flow '${context.flow}' never asks for '${context.waiting}'${didYouMean(context.waiting, asked)}`,
      );
    }
    if (context.confirm && !steps.some((s) => s.type === "confirm")) {
      report([...at, "context", "confirm"], `${what}: flow '${context.flow}' has no confirm step`);
    }
    for (const name of Object.keys(context.slots)) {
      if (!Object.hasOwn(domain.slots, name)) {
        report(
          [...at, "context", "slots", name],
          `${what}: context slot '${name}' is not defined in the domain${didYouMean(name, slots)}`,
          true,
        );
      }
    }
  });
  if (problems.length) throw new DatasetError(problems);
}
