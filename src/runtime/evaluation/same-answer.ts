import { sameValue } from "../../du/same-value.ts";

/** An expected value in an evaluation set: a slot value, or a list of strings. */
export type ExpectedValue = string | number | boolean | null | readonly string[];

const squeeze = (s: string) => s.replace(/\s+/g, "").toLowerCase();
const isList = (v: ExpectedValue | undefined): v is readonly string[] => Array.isArray(v);

/**
 * Whether a value read or passed to a handler is the expected answer: lists compare as sets,
 * strings ignore case and spacing ("612 345 678" = "612345678"), numbers to the cent.
 */
export function sameAnswer(got: unknown, expected: ExpectedValue | undefined): boolean {
  if (isList(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return false;
    const want = new Set(expected.map((e) => squeeze(String(e))));
    return got.every((g) => want.has(squeeze(String(g))));
  }
  if (expected === null) return got === null || got === undefined;
  if (typeof expected === "string" && typeof got === "string") {
    return squeeze(expected) === squeeze(got);
  }
  if (Array.isArray(got) || (typeof got === "object" && got !== null)) return false;
  return sameValue(got as string | number | boolean | undefined, expected);
}
