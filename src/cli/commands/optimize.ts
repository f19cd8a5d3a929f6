import type { Command } from "commander";
import type { OptimizeCliOptions } from "../actions/optimize.ts";

export function registerOptimizeCommand(program: Command): void {
  program
    .command("optimize")
    .description(
      "measure DU accuracy on a dataset of labelled turns and save the examples that raise it next to the domain",
    )
    .requiredOption("-d, --dataset <file>", "labelled turns (the DU evaluation-set format)")
    .option(
      "-c, --config <path>",
      "domain file or directory (default: the dataset's `domain`, $SONI_CONFIG_PATH or soni.yaml)",
    )
    .option(
      "-o, --out <file>",
      "where to write the examples (default: <domain dir>/90-du-examples.yaml, or <name>.examples.yaml beside a single-file domain)",
    )
    .option("--seed <n>", "seed of the train/validation split (default 1)")
    .option("--validation <share>", "share of each label's cases held out (default 0.3)")
    .option("--per-flow <n>", "at most this many examples added per flow (default 5)")
    .option("--max-examples <n>", "at most this many examples added in all (default 50)")
    .option(
      "--examples <kind>",
      "flows (phrasings, heuristic DU) or turns (few-shot turns, LLM DU); default follows the domain's DU",
    )
    .option("--dry-run", "print what would be chosen; write nothing")
    .action(async (options: OptimizeCliOptions) => {
      // Loaded here, not at the top, so `soni --help` and other commands stay fast.
      const { runOptimize } = await import("../actions/optimize.ts");
      process.exitCode = await runOptimize(options);
    });
}
