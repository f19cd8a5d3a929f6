import type { Logger } from "pino";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import type { RuntimeLoop } from "../runtime/runtime-loop.ts";
import type { TurnObserver } from "../runtime/turn-observer.ts";

/**
 * The part of RuntimeLoop the server drives. The server depends on this shape rather than the
 * class so its HTTP behaviour can be tested against a scripted runtime.
 */
export type ServerRuntime = Pick<
  RuntimeLoop,
  | "initialized"
  | "initialize"
  | "processMessage"
  | "getState"
  | "getTurns"
  | "resetState"
  | "cleanup"
>;

export interface RuntimeFactoryOptions {
  logger: Logger;
  /** Bound on each resource's close during cleanup (checkpointer, LLM client, ...). */
  resourceCloseTimeoutMs: number;
  /** The server's metrics, to be told about turns, handlers and store calls. */
  observer?: TurnObserver;
}

export type RuntimeFactory = (
  domain: LoadedDomain,
  options: RuntimeFactoryOptions,
) => ServerRuntime;
