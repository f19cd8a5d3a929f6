import type { Logger } from "pino";
import { DomainLoadError, formatProblem } from "../config/errors.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { buildApp } from "./app.ts";
import {
  type ConfigLocation,
  loadConfiguredDomain,
  resolveConfigLocation,
  resolveHandlerModules,
} from "./domain-source.ts";
import { RuntimeUnavailableError } from "./errors.ts";
import type { Lifecycle } from "./lifecycle.ts";
import type { RuntimeFactory } from "./runtime.ts";
import {
  type ListenAddress,
  listenAddress,
  resolveOverrides,
  ServerConfigError,
  type SettingsOverrides,
} from "./settings.ts";
import { installSignalHandlers } from "./signals.ts";
import { readVersion } from "./version.ts";

export interface RunServerOptions extends SettingsOverrides {
  logger: Logger;
  /** Whether the log level was chosen by the caller; otherwise the domain's `settings.logging` applies. */
  logLevelFixed?: boolean;
  config?: string | undefined;
  /** Handler modules (`--handlers`) replacing the domain's settings.handlers; else SONI_HANDLERS. */
  handlers?: string[] | undefined;
  host?: string | undefined;
  port?: number | undefined;
  /** `--inspector` (true) / `--no-inspector` (false); unset: the domain's setting or the default. */
  inspector?: boolean | undefined;
  createRuntime: RuntimeFactory;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called for a SIGINT during shutdown; the CLI exits the process with code 1. */
  forceExit(): void;
  /** stderr, where an invalid domain's `file:line:col  message` lines go. */
  printError?(text: string): void;
}

/**
 * Runs `soni server` until it has shut down (docs/deployment.md, "Shutdown") and resolves its exit code: 0 after a
 * clean shutdown, 1 when the domain or options were invalid or a timeout/error forced the shutdown.
 * Signal handlers come first, so a signal at any point of startup still shuts down in order.
 */
export async function runServer(options: RunServerOptions): Promise<number> {
  const { logger } = options;
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const printError = options.printError ?? ((text: string) => process.stderr.write(`${text}\n`));

  let lifecycle: Lifecycle | null = null;
  let stoppedEarly = false;
  const uninstall = installSignalHandlers(logger, {
    shutdown: (signal) => {
      if (lifecycle) {
        void lifecycle.shutdown(signal);
      } else {
        // Nothing is open yet: announce now, and startup stops before opening anything.
        stoppedEarly = true;
        logger.info({ reason: signal }, "Soni server shutting down...");
      }
    },
    forceExit: () => options.forceExit(),
  });

  try {
    logger.info({ version: readVersion().version }, "Soni server starting");
    let overrides: SettingsOverrides;
    let address: ListenAddress;
    let location: ConfigLocation;
    let domain: LoadedDomain | null;
    let handlerModules: string[] | undefined;
    try {
      overrides = resolveOverrides(options, env);
      address = listenAddress(options, env);
      location = resolveConfigLocation(options.config, env, cwd);
      handlerModules = resolveHandlerModules(options.handlers, env, cwd);
      domain = await loadConfiguredDomain(location);
      if (domain && handlerModules) domain.domain.settings.handlers = handlerModules;
    } catch (error) {
      if (error instanceof DomainLoadError) {
        printError(`soni server: the domain is invalid\n${error.format(cwd)}`);
        logger.fatal({ problems: error.errors.length }, "Invalid domain; not starting");
        return 1;
      }
      if (error instanceof ServerConfigError) {
        printError(`soni server: ${error.message}`);
        logger.fatal(error.message);
        return 1;
      }
      throw error;
    }

    if (stoppedEarly) {
      logger.info({ exit_code: 0 }, "Soni server shutdown completed");
      return 0;
    }
    if (domain) {
      if (!options.logLevelFixed) logger.level = domain.domain.settings.logging.level;
      for (const warning of domain.warnings ?? []) logger.warn(formatProblem(warning, cwd));
      logger.info({ config: location.path, source: location.source }, "Domain loaded");
    } else {
      logger.warn(
        { config: location.path, source: location.source },
        `No domain at ${location.path}: starting unconfigured. POST a domain to /config, or restart with --config PATH (or SONI_CONFIG_PATH)`,
      );
    }

    const soni = buildApp({
      logger,
      createRuntime: options.createRuntime,
      overrides,
      domain,
      configBaseDir: cwd,
      handlerModules,
      inspector: options.inspector,
    });
    const current = soni.lifecycle;
    lifecycle = current;

    const listening = (async () => {
      if (current.shuttingDown) return false;
      await soni.app.listen(address);
      return true;
    })();
    current.trackStartup(listening);
    let listened = false;
    try {
      listened = await listening;
    } catch (error) {
      logger.fatal(
        { err: error, ...address },
        `Cannot listen on ${address.host}:${address.port}: ${(error as Error).message}`,
      );
      current.fail();
      void current.shutdown("listen failed");
    }

    if (listened && soni.inspector) {
      const port = (soni.app.server.address() as { port?: number } | null)?.port ?? address.port;
      logger.info(
        { url: `http://${address.host}:${port}/inspector` },
        "Inspector served at /inspector",
      );
    }
    if (domain && listened && !current.shuttingDown) {
      soni.install(domain).catch((error: unknown) => {
        if (error instanceof RuntimeUnavailableError) return; // shutdown began meanwhile
        logger.fatal({ err: error }, `Runtime failed to initialize: ${(error as Error).message}`);
        current.fail();
        void current.shutdown("initialization failed");
      });
    }
    return await current.finished;
  } finally {
    uninstall();
  }
}
