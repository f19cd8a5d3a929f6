import { createInterface } from "node:readline";
import { type Command, Option } from "commander";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import type { DialogueState } from "../../protocol/state.ts";
import type { HandlerSet } from "../../runtime/handlers.ts";
import type { RuntimeLoop, TurnResult } from "../../runtime/runtime-loop.ts";
import { chosenHandlerModules, handlersOption } from "../handler-modules.ts";

interface ChatOptions {
  config: string;
  handlers?: string[];
  debug?: boolean;
  explain?: boolean;
  stubHandlers?: boolean;
  user: string;
  store: "memory" | "domain";
  clock?: string;
}

const HELP = "Type a message. /state shows the conversation, /reset starts over, /quit exits.";

export function registerChatCommand(program: Command): void {
  const command = program
    .command("chat")
    .description(
      "talk to an assistant in the terminal; with piped input, one message per line (scriptable)",
    )
    .option(
      "-c, --config <path>",
      "domain file or directory (default: $SONI_CONFIG_PATH or soni.yaml)",
      process.env.SONI_CONFIG_PATH || "soni.yaml",
    )
    .option("--debug", "show the commands, flow stack and slots after each turn")
    .option(
      "--explain",
      "before each reply, show how the offline DU reads the message (flows, scores, matched terms, values, rule); the conversation is kept in memory",
    )
    .option(
      "--stub-handlers",
      "run each action, validator or normalizer the domain names but no module exports as a stub (an action returns nothing, a validator accepts), to try the conversations before the handlers exist",
    )
    .option(
      "--clock <date>",
      "start the conversation's clock at this ISO date or date-time (a date alone: its noon); it runs on from there: handlers' ctx.now and relative dates read it",
    )
    .option("--user <id>", "conversation id", "cli-user")
    .addOption(
      new Option(
        "--store <where>",
        "memory: conversations end with the process; domain: the domain's settings.persistence",
      )
        .choices(["memory", "domain"])
        .default("memory"),
    );
  handlersOption(command).action(async (options: ChatOptions) => {
    process.exitCode = await chat(options);
  });
}

/**
 * A clock that starts at `iso` and runs on as real time passes; a date alone starts at its noon,
 * local time, as an evaluation set's `today:` is read. Null when `iso` is no real date.
 */
export function runningClock(iso: string, real: () => number = Date.now): (() => Date) | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(iso)) return null;
  const start = new Date(dateOnly ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(start.getTime())) return null;
  if (dateOnly) {
    const [y, m, d] = iso.split("-").map(Number);
    if (start.getFullYear() !== y || start.getMonth() + 1 !== m || start.getDate() !== d) {
      return null;
    }
  }
  const began = real();
  return () => new Date(start.getTime() + (real() - began));
}

async function chat(options: ChatOptions): Promise<number> {
  let clock: (() => Date) | undefined;
  if (options.clock !== undefined) {
    clock = runningClock(options.clock) ?? undefined;
    if (!clock) {
      console.error(
        `--clock: not a date or date-time written YYYY-MM-DD or YYYY-MM-DDTHH:MM: ${options.clock}`,
      );
      return 2;
    }
  }
  // Loaded here, not at the top, so `soni --help` and other commands stay fast.
  const [
    { default: pino },
    { DomainLoadError },
    { loadDomain },
    handlerLoader,
    runtimeLoop,
    { MemoryCheckpointer },
  ] = await Promise.all([
    import("pino"),
    import("../../config/errors.ts"),
    import("../../config/loader.ts"),
    import("../../runtime/handler-loader.ts"),
    import("../../runtime/runtime-loop.ts"),
    import("../../persistence/memory.ts"),
  ]);
  const { HandlerLoadError, loadHandlers } = handlerLoader;
  const { InvalidInputError, RuntimeLoop } = runtimeLoop;
  // Logs go to stderr, and only warnings, so they don't mix with the conversation.
  const logger = pino({ level: "warn" }, pino.destination(2));
  let domain: LoadedDomain;
  let handlers: HandlerSet | undefined;
  try {
    domain = await loadDomain(options.config);
    const modules = chosenHandlerModules(options.handlers);
    if (options.stubHandlers) {
      const loaded = await loadHandlers(domain, { modules, stubMissing: true });
      handlers = loaded.handlers;
      if (loaded.stubbed.length > 0) {
        console.error(
          `stubbed ${loaded.stubbed.length} handler${loaded.stubbed.length === 1 ? "" : "s"} no module exports (actions return nothing, validators accept every value): ${loaded.stubbed.join(", ")}`,
        );
      }
    } else if (modules) handlers = (await loadHandlers(domain, { modules })).handlers;
  } catch (error) {
    if (error instanceof DomainLoadError) console.error(error.format());
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  // The conversation lives in memory unless --store says otherwise; --explain reads its state
  // before each message, so it always keeps it there.
  const store =
    options.store === "memory" || options.explain ? new MemoryCheckpointer() : undefined;
  const explain = options.explain ? await explainer(clock) : undefined;
  const runtime = new RuntimeLoop(domain, {
    logger,
    handlers,
    defaultBackend: "memory",
    ...(clock ? { clock } : {}),
    ...(store ? { checkpointer: store } : {}),
  });
  try {
    await runtime.initialize();
  } catch (error) {
    console.error(error instanceof HandlerLoadError ? error.message : String(error));
    await runtime.cleanup();
    return 1;
  }
  const interactive = Boolean(process.stdin.isTTY);
  const lines = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  const botPrefix = interactive ? "bot> " : "";
  let code = 0;
  if (interactive) {
    console.log(HELP);
    lines.setPrompt("you> ");
    lines.prompt();
  }
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === "/quit" || line === "/exit") break;
      if (line === "/reset") {
        const existed = await runtime.resetState(options.user);
        console.log(existed ? "(conversation reset)" : "(nothing to reset)");
      } else if (line === "/state") {
        console.log(JSON.stringify(await runtime.getState(options.user), null, 2));
      } else if (line !== "") {
        try {
          if (explain && store) {
            const stored = await store.load(options.user);
            const state =
              stored?.state ?? (await import("../../protocol/state.ts")).emptyState(options.user);
            for (const text of explain(line, domain, state)) console.log(`  [explain] ${text}`);
          }
          const result = await runtime.processMessage(line, options.user);
          for (const message of result.messages) {
            for (const text of message.split("\n")) console.log(botPrefix + text);
          }
          if (options.debug) await printDebug(runtime, options.user, result);
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          console.error(`error: ${error.message}`);
        }
      }
      if (interactive) lines.prompt();
    }
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  } finally {
    lines.close();
    const report = await runtime.cleanup();
    if (!report.ok) code = 1;
  }
  return code;
}

async function printDebug(runtime: RuntimeLoop, user: string, result: TurnResult): Promise<void> {
  const state = await runtime.getState(user);
  const commands = result.commands.map((c) => JSON.stringify(c)).join(" ") || "(none)";
  const stack =
    state.flow_stack.map((f) => `${f.flow}@${f.step ?? "end"}`).join(" > ") || "(empty)";
  console.log(`  [debug] commands: ${commands}`);
  console.log(`  [debug] flow stack: ${stack}; waiting for: ${state.waiting_for_slot ?? "-"}`);
  console.log(`  [debug] slots: ${JSON.stringify(state.slots)}`);
}

/** The offline DU's explanation of a message, as lines (loaded only with --explain). */
async function explainer(clock?: () => Date) {
  const [{ explainMessage, formatExplanation }, { HeuristicUnderstanding }] = await Promise.all([
    import("../../du/heuristic/explain.ts"),
    import("../../du/heuristic/heuristic-understanding.ts"),
  ]);
  const du = new HeuristicUnderstanding(clock ? { now: clock } : {});
  return (message: string, domain: LoadedDomain, state: DialogueState) =>
    formatExplanation(explainMessage(du, message, domain, state));
}
