import type { Command } from "commander";

interface ExplainOptions {
  context?: string;
  slots?: string;
  json?: boolean;
  today?: string;
}

export function registerExplainCommand(program: Command): void {
  program
    .command("explain")
    .description(
      "show how the offline DU reads a message: candidate flows with scores and matched terms, slot values read, and the rule that fired",
    )
    .argument("<domain>", "domain file or directory")
    .argument("<message>", "the user's message")
    .option(
      "--context <flow[:slot|:confirm]>",
      "read the message inside FLOW, waiting for SLOT (or its confirmation)",
    )
    .option("--slots <json>", "slots already filled in the context flow, e.g. '{\"amount\": 50}'")
    .option("--json", "print the explanation as JSON")
    .option("--today <YYYY-MM-DD>", "read relative dates (today, tomorrow, friday) from this day")
    .action(async (domain: string, message: string, options: ExplainOptions) => {
      const { runExplain } = await import("../actions/explain.ts");
      process.exitCode = await runExplain(domain, message, options);
    });
}
