import type { Command } from "commander";
import { resolveHandlerModules } from "../server/domain-source.ts";

/** Comma-separated handler module paths, for when `--handlers` is not given. */
export const HANDLERS_ENV = "SONI_HANDLERS";

/** Adds `--handlers <files...>` (modules loaded instead of the domain's settings.handlers). */
export function handlersOption(command: Command): Command {
  return command.option(
    "--handlers <files...>",
    `handler module(s) to load instead of settings.handlers (default: $${HANDLERS_ENV}, comma-separated)`,
  );
}

/**
 * The handler modules chosen on the command line or in $SONI_HANDLERS, as absolute paths
 * (relative ones against the working directory); undefined = the domain's settings.handlers.
 */
export function chosenHandlerModules(
  flag: string[] | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string[] | undefined {
  return resolveHandlerModules(flag, env, cwd);
}
