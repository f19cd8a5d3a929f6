import type { Logger } from "pino";

export interface SignalActions {
  /** The first SIGTERM or SIGINT: start the ordered shutdown. */
  shutdown(signal: NodeJS.Signals): void;
  /** SIGINT while shutting down: the operator wants out now. */
  forceExit(signal: NodeJS.Signals): void;
}

/**
 * SIGTERM/SIGINT handling: the first starts the shutdown, a repeated SIGTERM is logged and
 * ignored (it must not restart the sequence), a SIGINT during shutdown forces the exit.
 * Returns a function removing the handlers.
 */
export function installSignalHandlers(logger: Logger, actions: SignalActions): () => void {
  let first: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first === null) {
      first = signal;
      logger.info({ signal }, `Received ${signal}`);
      actions.shutdown(signal);
    } else if (signal === "SIGINT") {
      logger.warn({ signal }, "Received SIGINT again during shutdown: exiting immediately");
      actions.forceExit(signal);
    } else {
      logger.info({ signal }, `Received ${signal} again: shutdown already in progress`);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  };
}
