import type { SlotValue } from "../protocol/commands.ts";

/** Two slot values are the same answer: numbers to the cent, strings ignoring case and spaces. */
export function sameValue(a: SlotValue | undefined, b: SlotValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 0.005;
  if (typeof a === "string" && typeof b === "string") {
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  }
  if (typeof a === "number" && typeof b === "string") return String(a) === b.trim();
  if (typeof a === "string" && typeof b === "number") return a.trim() === String(b);
  return a === b;
}
