import type { Command } from "commander";
import type { GraphOptions } from "../actions/graph.ts";

export function registerGraphCommand(program: Command): void {
  program
    .command("graph")
    .description("draw the flows as a Mermaid flowchart (one subgraph per flow)")
    .argument("[path]", "domain file or directory (default: $SONI_CONFIG_PATH or soni.yaml)")
    .option("-f, --flow <name>", "draw only this flow")
    .option(
      "-o, --out <file>",
      "write to this file instead of stdout (a .md file gets a ```mermaid fence)",
    )
    .action(async (target: string | undefined, options: GraphOptions) => {
      // Loaded here, not at the top, so `soni --help` and other commands stay fast.
      const { runGraph } = await import("../actions/graph.ts");
      process.exitCode = await runGraph(
        target ?? (process.env.SONI_CONFIG_PATH || "soni.yaml"),
        options,
      );
    });
}
