import { type Logger, pino } from "pino";

export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** JSON lines on stdout, written synchronously so nothing is lost when the process exits. */
export function createServerLogger(level: LogLevel = "info"): Logger {
  return pino({ level, base: { pid: process.pid } });
}
