import { Command } from "commander";
import { readVersion } from "../server/version.ts";
import { registerChatCommand } from "./commands/chat.ts";
import { registerExplainCommand } from "./commands/explain.ts";
import { registerGraphCommand } from "./commands/graph.ts";
import { registerInitCommand } from "./commands/init.ts";
import { registerMigrateCommand } from "./commands/migrate.ts";
import { registerOptimizeCommand } from "./commands/optimize.ts";
import { registerServerCommand } from "./commands/server.ts";
import { registerTestCommand } from "./commands/test.ts";
import { registerValidateCommand } from "./commands/validate.ts";

// `soni validate | head` closes the pipe early: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const program = new Command("soni")
  .description("Task-oriented conversational assistants: flows, slots and actions in YAML")
  .version(readVersion().version, "-v, --version", "print the version");

// One line per subcommand (each lives in ./commands/NAME.ts).
registerChatCommand(program);
registerExplainCommand(program);
registerGraphCommand(program);
registerInitCommand(program);
registerMigrateCommand(program);
registerOptimizeCommand(program);
registerServerCommand(program);
registerTestCommand(program);
registerValidateCommand(program);

await program.parseAsync(process.argv);
