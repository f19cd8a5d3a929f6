import { Command } from "commander";
import { readVersion } from "../server/version.ts";
import { registerChatCommand } from "./commands/chat.ts";
import { registerExplainCommand } from "./commands/explain.ts";
import { registerGraphCommand } from "./commands/graph.ts";
import { registerOptimizeCommand } from "./commands/optimize.ts";
import { registerServerCommand } from "./commands/server.ts";
import { registerTestCommand } from "./commands/test.ts";
import { registerValidateCommand } from "./commands/validate.ts";

const program = new Command("soni")
  .description("Task-oriented conversational assistants: flows, slots and actions in YAML")
  .version(readVersion().version);

// One line per subcommand (each lives in ./commands/NAME.ts).
registerChatCommand(program);
registerExplainCommand(program);
registerGraphCommand(program);
registerOptimizeCommand(program);
registerServerCommand(program);
registerTestCommand(program);
registerValidateCommand(program);

await program.parseAsync(process.argv);
