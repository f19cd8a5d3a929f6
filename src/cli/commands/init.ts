import type { Command } from "commander";

export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description(
      "create a working assistant (soni.yaml, handlers.ts, tests/, package.json) in a folder; never overwrites a file",
    )
    .argument("[dir]", "the folder (created if missing)", ".")
    .action(async (dir: string) => {
      // Loaded here, not at the top, so `soni --help` and other commands stay fast.
      const { runInit } = await import("../actions/init.ts");
      process.exitCode = await runInit(dir);
    });
}
