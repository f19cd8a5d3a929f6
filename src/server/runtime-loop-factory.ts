import { RuntimeLoop } from "../runtime/runtime-loop.ts";
import type { RuntimeFactory } from "./runtime.ts";

/** The server's runtimes: RuntimeLoop on the domain's store, SQLite (`soni.db`) when it names none. */
export const createRuntimeLoop: RuntimeFactory = (domain, options) =>
  new RuntimeLoop(domain, {
    logger: options.logger,
    defaultBackend: "sqlite",
    resourceCloseTimeoutMs: options.resourceCloseTimeoutMs,
    ...(options.handlerModules ? { handlerModules: options.handlerModules } : {}),
  });
