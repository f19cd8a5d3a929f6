import { type DestinationStream, type Logger, pino } from "pino";

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Most bytes of log lines waiting for stdout; past it, lines are dropped (and counted in a
 * warning) instead of the process's memory growing behind a stalled reader.
 */
export const LOG_BUFFER_BYTES = 16 * 1024 * 1024;

export interface ServerLoggerOptions {
  /** Where lines go; default stdout (file descriptor 1). */
  fd?: number;
  /** Bound on unwritten bytes; default LOG_BUFFER_BYTES. */
  maxBufferBytes?: number;
}

/**
 * JSON lines on stdout, written asynchronously: a line is buffered and written by the next
 * write that is not already in flight, so a busy server makes one write for many lines instead
 * of a blocking write per line, and an idle one writes each line at once. The process stays
 * alive until the buffer is written, so a normal exit (the end of the shutdown sequence) keeps
 * every line; on `process.exit()` pino writes what is buffered synchronously on the way out.
 */
export function createServerLogger(
  level: LogLevel = "info",
  options: ServerLoggerOptions = {},
): Logger {
  const destination = pino.destination({
    dest: options.fd ?? 1,
    sync: false,
    minLength: 0,
    maxLength: options.maxBufferBytes ?? LOG_BUFFER_BYTES,
    // Lines kept as bytes: in text mode each line re-measured the whole pending chunk (up to
    // 16 KiB, a UTF-8 length per line) and the chunk was encoded twice on its way out.
    contentMode: "buffer",
  });
  const logger = pino({ level, base: { pid: process.pid } }, asBytes(destination));
  reportDrops(destination, logger);
  return logger;
}

/**
 * What pino writes to: its lines (strings) handed to the destination as bytes. pino flushes the
 * destination itself at exit (it registered it when `pino.destination` made it), so this holds
 * nothing of its own.
 */
function asBytes(destination: ReturnType<typeof pino.destination>): DestinationStream {
  return {
    write: (line: string) => destination.write(Buffer.from(line) as unknown as string),
    flush: (cb?: (error?: Error) => unknown) => destination.flush(cb),
  } as DestinationStream;
}

/** One warning per second at most, saying how many lines the full buffer dropped. */
function reportDrops(destination: DestinationStream & NodeJS.EventEmitter, logger: Logger): void {
  let dropped = 0;
  destination.on("drop", () => {
    if (dropped++ > 0) return;
    setTimeout(() => {
      logger.warn({ dropped }, "Log lines dropped: stdout is not keeping up");
      dropped = 0;
    }, 1000).unref();
  });
}
