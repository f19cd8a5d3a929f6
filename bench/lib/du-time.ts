/**
 * The pure parts of `npm run bench -- du-time`: its options and the summary of per-message
 * reading times (bench/du-time.ts does the reading).
 */
import { median, percentile } from "./stats.ts";

export interface DuTimeArgs {
  /** Another checkout whose heuristic DU reads the same messages, interleaved with this one. */
  against: string | undefined;
  /** Passes over the messages, warm-up included. */
  rounds: number;
  /** The first passes, not measured (JIT, caches). */
  warmUp: number;
  /** Evaluation set files; empty = the banking evaluation set. */
  sets: string[];
  help: boolean;
}

export const DU_TIME_USAGE =
  "usage: npm run bench -- du-time [--against DIR] [--rounds N] [--warm-up N] [--set FILE]...";

export function parseDuTimeArgs(argv: readonly string[]): DuTimeArgs {
  const args: DuTimeArgs = { against: undefined, rounds: 12, warmUp: 2, sets: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new Error(`${flag} needs a value`);
      return v;
    };
    const whole = (min: number): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${flag} needs a whole number >= ${min}`);
      return n;
    };
    if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--against") args.against = value();
    else if (flag === "--rounds") args.rounds = whole(1);
    else if (flag === "--warm-up") args.warmUp = whole(0);
    else if (flag === "--set") args.sets.push(value());
    else throw new Error(`unknown option '${arg}'; ${DU_TIME_USAGE}`);
  }
  if (args.warmUp >= args.rounds) {
    throw new Error(`--rounds (${args.rounds}) must exceed --warm-up (${args.warmUp})`);
  }
  return args;
}

export interface DuTimeSummary {
  messages: number;
  /** Sum over messages of each message's fastest measured reading: the least noisy figure. */
  sumOfMinimaMs: number;
  /** Sum over messages of each message's median reading. */
  sumOfMediansMs: number;
  /** Percentiles and mean over every measured reading of every message. */
  p50Ms: number;
  meanMs: number;
  p90Ms: number;
}

/** `times[m]` holds message m's measured readings (milliseconds), one per round. */
export function summarizeDuTimes(times: readonly (readonly number[])[]): DuTimeSummary {
  const measured = times.filter((t) => t.length > 0);
  if (measured.length === 0) throw new Error("no measured reading");
  const all = measured.flat();
  return {
    messages: measured.length,
    sumOfMinimaMs: measured.reduce((sum, t) => sum + Math.min(...t), 0),
    sumOfMediansMs: measured.reduce((sum, t) => sum + median(t), 0),
    p50Ms: percentile(all, 50),
    meanMs: all.reduce((a, b) => a + b, 0) / all.length,
    p90Ms: percentile(all, 90),
  };
}

/** This checkout's figure over the other's, as a signed percentage ("+14%", "-3%"). */
export function relativeChange(mine: number, theirs: number): string {
  const change = (mine / theirs - 1) * 100;
  return `${change >= 0 ? "+" : ""}${change.toFixed(1)}%`;
}
