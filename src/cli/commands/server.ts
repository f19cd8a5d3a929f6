import { type Command, InvalidArgumentError, Option } from "commander";
import { LOG_LEVELS, type LogLevel } from "../../server/logger.ts";
import { parseMilliseconds, parsePort, ServerConfigError } from "../../server/settings.ts";

/** After a clean shutdown nothing is left open and the process ends well before this fires. */
const FORCED_EXIT_AFTER_MS = 5_000;

interface ServerFlags {
  config?: string;
  handlers?: string[];
  host?: string;
  port?: number;
  shutdownTimeout?: number;
  shutdownDelay?: number;
  cleanupTimeout?: number;
  logLevel?: LogLevel;
  inspector?: boolean;
}

function asArgument<T>(parse: (value: string, what: string) => T, what: string) {
  return (value: string): T => {
    try {
      return parse(value, what);
    } catch (error) {
      if (error instanceof ServerConfigError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

export function registerServerCommand(program: Command): void {
  program
    .command("server")
    .description("run the HTTP server (POST /message, GET /state/:user_id, /health, ...)")
    .option(
      "-c, --config <path>",
      "domain file or directory (default: $SONI_CONFIG_PATH or soni.yaml)",
    )
    .option(
      "--handlers <files...>",
      "handler module(s) for the domain and any POSTed one, instead of settings.handlers (default: $SONI_HANDLERS, comma-separated)",
    )
    .option("--host <host>", "interface to listen on (default: $HOST or 127.0.0.1)")
    .option("-p, --port <port>", "port (default: $PORT or 8000)", asArgument(parsePort, "--port"))
    .option(
      "--shutdown-timeout <ms>",
      "how long in-flight requests may finish on shutdown (default: $SONI_SHUTDOWN_TIMEOUT_MS or settings.server, 30000)",
      asArgument(parseMilliseconds, "--shutdown-timeout"),
    )
    .option(
      "--shutdown-delay <ms>",
      "keep serving this long after SIGTERM before draining (default: $SONI_SHUTDOWN_DELAY_MS or settings.server, else 0; 5000 with NODE_ENV=production)",
      asArgument(parseMilliseconds, "--shutdown-delay"),
    )
    .option(
      "--cleanup-timeout <ms>",
      "bound on releasing stores and clients at shutdown (default: $SONI_CLEANUP_TIMEOUT_MS or settings.server, 10000)",
      asArgument(parseMilliseconds, "--cleanup-timeout"),
    )
    .option(
      "--inspector",
      "serve the web inspector at /inspector (default: settings.server.inspector, else on unless NODE_ENV=production)",
    )
    .option("--no-inspector", "do not serve the web inspector")
    .addOption(
      new Option(
        "--log-level <level>",
        "log level (default: $SONI_LOG_LEVEL or settings.logging)",
      ).choices(LOG_LEVELS),
    )
    .action(async (flags: ServerFlags) => {
      // Loaded here, not at the top, so `soni --help` and other commands stay fast.
      const [{ createServerLogger }, { createRuntimeLoop }, { runServer }] = await Promise.all([
        import("../../server/logger.ts"),
        import("../../server/runtime-loop-factory.ts"),
        import("../../server/start.ts"),
      ]);
      const envLevel = LOG_LEVELS.find((level) => level === process.env.SONI_LOG_LEVEL);
      const level = flags.logLevel ?? envLevel;
      const logger = createServerLogger(level ?? "info");
      const exitCode = await runServer({
        logger,
        logLevelFixed: level !== undefined,
        config: flags.config,
        handlers: flags.handlers,
        host: flags.host,
        port: flags.port,
        inspector: flags.inspector,
        shutdownTimeoutMs: flags.shutdownTimeout,
        shutdownDelayMs: flags.shutdownDelay,
        cleanupTimeoutMs: flags.cleanupTimeout,
        createRuntime: createRuntimeLoop,
        forceExit: () => process.exit(1),
      });
      process.exitCode = exitCode;
      // The safety net: logged, and unref()ed so it never holds the process itself.
      setTimeout(() => {
        logger.warn("Handles still open after shutdown; forcing the exit");
        process.exit(exitCode);
      }, FORCED_EXIT_AFTER_MS).unref();
    });
}
