import type { Command } from "commander";
import type { ValidateOptions } from "../actions/validate.ts";
import { handlersOption } from "../handler-modules.ts";

export function registerValidateCommand(program: Command): void {
  const command = program
    .command("validate")
    .description("check a domain (a YAML file or a directory of them) and report every problem")
    .argument("[path]", "domain file or directory (default: $SONI_CONFIG_PATH or soni.yaml)")
    .option(
      "--skip-handlers",
      "check the YAML alone: do not import the handler modules named by settings.handlers nor match them with the domain",
    );
  handlersOption(command).action(async (target: string | undefined, options: ValidateOptions) => {
    // Loaded here, not at the top, so `soni --help` and other commands stay fast.
    const { runValidate } = await import("../actions/validate.ts");
    process.exitCode = await runValidate(
      target ?? (process.env.SONI_CONFIG_PATH || "soni.yaml"),
      options,
    );
  });
}
