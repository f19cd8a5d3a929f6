import { AM_WORDS, CLOCK_TIMES, PM_WORDS } from "../language/words.ts";
import { fold } from "../text.ts";
import { findWordNumbers } from "./numbers.ts";

/** A clock time found in a message: the hour of the day (0-23), its minutes, where it was said. */
export interface TimeMatch {
  hour: number;
  minutes: number;
  /** "HH:MM", on the 24-hour clock. */
  value: string;
  start: number;
  end: number;
  /** Said as a bare number, with no lead word, minutes or half of the day ("5"). */
  bare: boolean;
}

/** The packs' clock times, each searched all through a message. */
const CLOCK_TIMES_ALL: readonly RegExp[] = CLOCK_TIMES.map(
  (p) => new RegExp(p.source, `${p.flags.replace("g", "")}g`),
);

/**
 * The hour and minutes of one clock time the packs' `clockTime` matched ("a las cinco y media
 * de la tarde" -> 17:30, "quarter to ten" -> 9:45). An hour of 1 to 6 said with no half of the
 * day is the afternoon: nobody books at 5 in the morning. Null when it is no hour.
 */
export function clockOf(groups: Record<string, string | undefined>): {
  hour: number;
  minutes: number;
} | null {
  const said = groups.hour;
  if (!said) return null;
  let hour = /^\d+$/.test(said) ? Number(said) : (findWordNumbers(said)[0]?.value ?? -1);
  if (hour < 0 || hour > 23) return null;
  let minutes = groups.minutes ? Number(groups.minutes) : 0;
  if (minutes > 59) return null;
  if (groups.to) {
    hour = (hour + 23) % 24;
    minutes = 45;
  } else if (groups.half) minutes = 30;
  else if (groups.quarter) minutes = 15;
  const suffix = groups.suffix ?? "";
  const am = AM_WORDS.has(suffix);
  if (PM_WORDS.has(suffix) && hour < 12) hour += 12;
  else if (!am && hour >= 1 && hour <= 6) hour += 12;
  if (am && hour === 12) hour = 0;
  return { hour, minutes };
}

/** Every clock time said in `text` ("a las 5 y media", "at 17:30", "around 10am"), in order. */
export function findClockTimes(text: string): TimeMatch[] {
  const folded = fold(text);
  const out: TimeMatch[] = [];
  for (const pattern of CLOCK_TIMES_ALL) {
    pattern.lastIndex = 0;
    for (const m of folded.matchAll(pattern)) {
      const clock = m.groups ? clockOf(m.groups) : null;
      if (!clock) continue;
      const start = m.index + m[0].length - m[0].trimStart().length;
      const end = m.index + m[0].length;
      if (out.some((t) => t.start < end && start < t.end)) continue;
      const value = `${String(clock.hour).padStart(2, "0")}:${String(clock.minutes).padStart(2, "0")}`;
      const g = m.groups!;
      const bare =
        !g.minutes && !g.suffix && !g.half && !g.quarter && !g.to && m[0].trim() === g.hour;
      out.push({ ...clock, value, start, end, bare });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
