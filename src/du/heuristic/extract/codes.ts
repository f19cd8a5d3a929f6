/** Identifiers typed by the user: IBANs and digit codes ("ending in 1234", "ref ABC12345"). */
import { getCountrySpecifications } from "ibantools";

const IBAN = /\b([A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30})\b/g;

/** IBAN length by country (ibantools' copy of the ISO 13616 registry), to know where a spaced-out IBAN ends. */
const IBAN_LENGTHS: Record<string, number> = Object.create(null);
for (const [country, spec] of Object.entries(getCountrySpecifications())) {
  if (spec.chars && spec.IBANRegistry) IBAN_LENGTHS[country] = spec.chars;
}

export interface CodeMatch {
  value: string;
  start: number;
  end: number;
}

const MIN_IBAN = 15;

/** Recent answers: every reader of a message looks for IBANs in it. */
const recentIbans = new Map<string, readonly CodeMatch[]>();
const RECENT_SIZE = 256;

/** IBAN-shaped strings, compacted and upper-cased (the checksum is the validator's job). */
export function findIbans(text: string): readonly CodeMatch[] {
  let found = recentIbans.get(text);
  if (!found) {
    found = Object.freeze(searchIbans(text).map((m) => Object.freeze(m)));
    if (recentIbans.size >= RECENT_SIZE) recentIbans.clear();
    recentIbans.set(text, found);
  }
  return found;
}

function searchIbans(text: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  for (const m of text.matchAll(IBAN)) {
    let raw = m[1]!;
    const expected = IBAN_LENGTHS[raw.slice(0, 2).toUpperCase()];
    // Words typed after a spaced-out IBAN ("... 1332 ok") are not part of it.
    if (expected !== undefined) {
      let count = 0;
      let end = 0;
      while (end < raw.length && count < expected) {
        if (/[A-Za-z0-9]/.test(raw[end]!)) count++;
        end++;
      }
      raw = raw.slice(0, end);
    } else {
      // No IBAN country: a word group ends it ("HB123456 for 4 nights" is a code and prose).
      raw = raw.replace(/[ -][A-Za-z]+(?:[ -].*)?$/, "");
    }
    const value = raw.replace(/[ -]/g, "").toUpperCase();
    // Shorter than any country's IBAN (15, Norway): no IBAN.
    if (value.length < MIN_IBAN || !/\d.*\d.*\d.*\d/.test(value.slice(4))) continue;
    const start = m.index ?? 0;
    out.push({ value, start, end: start + raw.length });
  }
  return out;
}

/** Tokens that contain a digit and are not plain prose ("1234", "ABC-123456", "INV2024/77"). */
export function findCodes(text: string): CodeMatch[] {
  const out: CodeMatch[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9/_-]*\d[A-Za-z0-9/_-]*|\d/g)) {
    const value = m[0].replace(/[/_-]+$/, "");
    out.push({ value, start: m.index ?? 0, end: (m.index ?? 0) + value.length });
  }
  return out;
}

/** Groups of a reference: an optional upper-case prefix, then groups each with a digit. */
const GROUPS = "((?:[A-Z]{2,6}[\\s-]+)?\\d[\\d-]*(?:\\s+[A-Z0-9-]*\\d[A-Z0-9-]*)+)";
const GROUPS_AT_END = new RegExp(`(?:^|[\\s:#])${GROUPS}[\\s.!]*$`);
const GROUPS_AT_START = new RegExp(`^${GROUPS}(?![\\w-])`);

/**
 * A reference typed in groups: "TEL 5521 9930", "ELEC 2026 0042" -> one code with the spaces
 * removed (dashes kept: "GAS-2026-0042" stays). An upper-case prefix of letters counts ("TEL"),
 * since references are printed that way; a lower-case word is prose. `at: "end"` finds the
 * groups that end the text ("the reference is ELEC 2026 0042"), `at: "start"` the groups that
 * open it (after "ref"). Null unless there are at least two groups.
 */
export function groupedCode(text: string, at: "start" | "end", maxLength = 24): CodeMatch | null {
  const m = at === "end" ? GROUPS_AT_END.exec(text) : GROUPS_AT_START.exec(text);
  if (!m) return null;
  const raw = m[1]!;
  const value = raw.replace(/\s+/g, "");
  if (value.length > maxLength) return null;
  const start = m.index + m[0].indexOf(raw);
  return { value, start, end: start + raw.length };
}
