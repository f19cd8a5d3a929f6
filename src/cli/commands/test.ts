import type { Command } from "commander";
import type { TestOptions } from "../actions/test.ts";
import { handlersOption } from "../handler-modules.ts";

export function registerTestCommand(program: Command): void {
  const command = program
    .command("test")
    .description(
      "run YAML conversation tests against a domain (exit 0 all passed, 1 a test failed, 2 not run)",
    )
    .argument("[tests]", "a test file or a directory of *.yaml test files", "tests")
    .option(
      "-c, --config <path>",
      "domain file or directory (default: $SONI_CONFIG_PATH or soni.yaml)",
      process.env.SONI_CONFIG_PATH || "soni.yaml",
    )
    .option("--filter <text>", "run only the tests whose name contains this text")
    .option("-v, --verbose", "print every turn of every test");
  handlersOption(command).action(async (tests: string, options: TestOptions) => {
    // Loaded here, not at the top, so `soni --help` and other commands stay fast.
    const { runTests } = await import("../actions/test.ts");
    process.exitCode = await runTests(tests, options);
  });
}
