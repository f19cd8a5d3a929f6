import { writeFile } from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { DomainLoadError, displayPath } from "../../config/errors.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { loadDomain } from "../../config/loader.ts";
import { createUnderstanding } from "../../du/create.ts";
import { LlmUnderstanding } from "../../du/llm/llm-understanding.ts";
import type { Candidate, ExampleKind } from "../../du/optimize/candidates.ts";
import {
  checkDataset,
  type Dataset,
  DatasetError,
  readDataset,
} from "../../du/optimize/dataset.ts";
import { defaultExamplesFile, renderExamplesFile } from "../../du/optimize/examples-file.ts";
import { optimize, type Score } from "../../du/optimize/optimizer.ts";

export interface OptimizeCliOptions {
  config?: string;
  dataset: string;
  out?: string;
  seed?: string;
  validation?: string;
  perFlow?: string;
  maxExamples?: string;
  examples?: string;
  dryRun?: boolean;
}

/** A command-line number, or a clear error naming the option. */
function numberOption(
  value: string | undefined,
  name: string,
  check: (n: number) => boolean,
  rule: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${name} must be ${rule}; got "${value}"`);
  }
  return n;
}

class UsageError extends Error {}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

function describe(candidate: Candidate): string {
  if (candidate.kind === "flow") {
    const from = candidate.text === candidate.from ? "" : `  (from "${candidate.from}")`;
    return `${candidate.flow}: "${candidate.text}"${from}`;
  }
  const where = candidate.turn.context
    ? `[${candidate.turn.context.flow}${candidate.turn.context.waiting ? ` waiting ${candidate.turn.context.waiting}` : candidate.turn.context.confirm ? " confirming" : ""}] `
    : "";
  return `${where}"${candidate.turn.text}" -> ${JSON.stringify(candidate.turn.commands)}`;
}

function row(name: string, before: Score, after: Score): string {
  return `  ${name.padEnd(12)}${String(before.cases).padStart(6)}   ${pct(before.intentAccuracy)} -> ${pct(after.intentAccuracy)}   ${pct(before.exactMatch)} -> ${pct(after.exactMatch)}`;
}

/** `soni optimize`: chooses DU examples on a dataset and saves them next to the domain. */
export async function runOptimize(options: OptimizeCliOptions): Promise<number> {
  let dataset: Dataset;
  let loaded: LoadedDomain;
  let out: string;
  let domainTarget: string;
  let settings: {
    seed: number | undefined;
    validationShare: number | undefined;
    perFlowCap: number | undefined;
    maxExamples: number | undefined;
  };
  try {
    settings = {
      seed: numberOption(options.seed, "seed", Number.isSafeInteger, "an integer"),
      validationShare: numberOption(
        options.validation,
        "validation",
        (n) => n > 0 && n < 1,
        "a share between 0 and 1 (e.g. 0.3)",
      ),
      perFlowCap: numberOption(
        options.perFlow,
        "per-flow",
        (n) => Number.isInteger(n) && n > 0,
        "a positive integer",
      ),
      maxExamples: numberOption(
        options.maxExamples,
        "max-examples",
        (n) => Number.isInteger(n) && n > 0,
        "a positive integer",
      ),
    };
    if (options.examples !== undefined && !["flows", "turns"].includes(options.examples)) {
      throw new UsageError(`--examples must be "flows" or "turns"; got "${options.examples}"`);
    }
    dataset = await readDataset(options.dataset);
    domainTarget =
      options.config ?? dataset.domainPath ?? (process.env.SONI_CONFIG_PATH || "soni.yaml");
    // The examples file is the optimizer's own: it is re-derived from the rest of the domain.
    out = options.out
      ? path.resolve(options.out)
      : await defaultExamplesFile(domainTarget).catch(() => "");
    loaded = await loadDomain(domainTarget, out ? { exclude: [out] } : {});
    checkDataset(dataset, loaded);
  } catch (error) {
    if (error instanceof DatasetError || error instanceof DomainLoadError) {
      console.error(error.format());
      console.error(
        error instanceof DatasetError
          ? `${displayPath(options.dataset)}: not a usable dataset (see above)`
          : "the domain does not load (see above); `soni validate` shows the same problems",
      );
      return 1;
    }
    if (error instanceof UsageError) {
      console.error(`soni optimize: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const logger = pino({ level: "warn" }, pino.destination(2));
  const today = dataset.today ? new Date(`${dataset.today}T12:00:00`) : undefined;
  const du = createUnderstanding(loaded, { logger, ...(today ? { now: () => today } : {}) });
  const kind: ExampleKind =
    (options.examples as ExampleKind | undefined) ??
    (du instanceof LlmUnderstanding ? "turns" : "flows");
  const shownDomain = displayPath(path.resolve(domainTarget));
  console.log(
    `soni optimize: ${kind === "flows" ? "flow phrasings for the heuristic DU" : "few-shot turns for the LLM DU"}`,
  );
  console.log(`  domain   ${shownDomain}`);
  console.log(`  dataset  ${displayPath(dataset.file)} (${dataset.cases.length} cases)`);
  if (du instanceof LlmUnderstanding) {
    console.log("  note     every candidate is scored with model calls over the training cases");
  }
  try {
    const result = await optimize(du, loaded, dataset.cases, {
      kind,
      ...settings,
      onKeep: (step) =>
        console.log(
          `  + ${describe(step.candidate)}\n      train intent ${pct(step.train.intentAccuracy).trim()}, validation intent ${pct(step.validation.intentAccuracy).trim()}`,
        ),
    });
    console.log("");
    console.log(
      `split (seed ${result.seed}): ${result.train.length} train / ${result.validation.length} validation`,
    );
    console.log("  split        cases   intent accuracy     exact match");
    console.log(row("train", result.before.train, result.after.train));
    console.log(row("validation", result.before.validation, result.after.validation));
    console.log(
      `${result.steps.length} example${result.steps.length === 1 ? "" : "s"} chosen (${result.evaluations} evaluations)`,
    );
    for (const step of result.steps) console.log(`  ${describe(step.candidate)}`);

    if (options.dryRun) {
      console.log("dry run: nothing written");
      return 0;
    }
    if (!out) {
      console.error("soni optimize: cannot tell where the examples file goes; give --out FILE");
      return 1;
    }
    await writeFile(
      out,
      renderExamplesFile(result, { dataset: path.basename(dataset.file), kind }),
      "utf8",
    );
    console.log(`wrote ${displayPath(out)}`);
    // The file must load as part of the domain; say so when it is not where the loader looks.
    let reloaded: LoadedDomain;
    try {
      reloaded = await loadDomain(domainTarget);
    } catch (error) {
      if (!(error instanceof DomainLoadError)) throw error;
      console.error(error.format());
      console.error("soni optimize: the domain does not load with the examples written");
      return 1;
    }
    if (!reloaded.files.includes(out)) {
      console.log(
        `note: ${displayPath(out)} is not part of the domain ${shownDomain}, so it is not used; move it into the domain directory or name it ${path.basename(await defaultExamplesFile(domainTarget))}`,
      );
    }
    return 0;
  } finally {
    await du.close?.();
  }
}
