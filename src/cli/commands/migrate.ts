import type { Command } from "commander";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description(
      "rewrite a domain written for the original Soni (Python) into this version's DSL, printing each change",
    )
    .argument("<domain>", "domain file or directory")
    .option("--out <dir>", "write the migrated files here (default: rewrite them in place)")
    .action(async (domain: string, options: { out?: string }) => {
      // Loaded here, not at the top, so `soni --help` and other commands stay fast.
      const { runMigrate } = await import("../actions/migrate.ts");
      process.exitCode = await runMigrate(domain, options);
    });
}
