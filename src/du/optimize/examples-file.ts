import { stat } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { examplesSidecar } from "../../config/loader.ts";
import type { ChosenExamples } from "./candidates.ts";
import type { OptimizeResult, Score } from "./optimizer.ts";

/** The file `soni optimize` writes into a directory domain (merged last: `90-` sorts late). */
export const EXAMPLES_FILE_NAME = "90-du-examples.yaml";

/**
 * Where the chosen examples go by default: `<dir>/90-du-examples.yaml` for a directory domain,
 * `<name>.examples.yaml` beside a single-file domain (the loader merges both).
 */
export async function defaultExamplesFile(domainTarget: string): Promise<string> {
  const resolved = path.resolve(domainTarget);
  const info = await stat(resolved);
  return info.isDirectory() ? path.join(resolved, EXAMPLES_FILE_NAME) : examplesSidecar(resolved);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const change = (a: Score, b: Score) =>
  `intent ${pct(a.intentAccuracy)} -> ${pct(b.intentAccuracy)}, exact ${pct(a.exactMatch)} -> ${pct(b.exactMatch)}`;

/** The examples as a domain file, with a header saying where they came from. No timestamp,
 * so the same run writes the same bytes (a clean diff in version control). */
export function renderExamplesFile(
  result: OptimizeResult,
  meta: { dataset: string; kind: string },
): string {
  const examples: Partial<ChosenExamples> = {};
  if (Object.keys(result.chosen.flows).length) examples.flows = result.chosen.flows;
  if (result.chosen.turns.length) examples.turns = result.chosen.turns;
  const header = [
    `# DU examples chosen by \`soni optimize\` (${meta.kind}) from ${meta.dataset}, seed ${result.seed}.`,
    "# Rewritten on every run: put hand-written examples in another file of the domain.",
    `# train (${result.train.length} cases):      ${change(result.before.train, result.after.train)}`,
    `# validation (${result.validation.length} cases): ${change(result.before.validation, result.after.validation)}`,
  ];
  return `${header.join("\n")}\n${stringify({ examples }, { lineWidth: 0 })}`;
}
