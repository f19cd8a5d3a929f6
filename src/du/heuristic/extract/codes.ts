/** Identifiers typed by the user: IBANs and digit codes ("ending in 1234", "ref ABC12345"). */

const IBAN = /\b([A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30})\b/g;

/** IBAN length by country (ISO 13616 registry), to know where a spaced-out IBAN ends. */
// biome-ignore format: a compact table
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18,
  FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23,
  IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27,
  MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29,
  PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26,
  UA: 29, VG: 24, XK: 20,
};

export interface CodeMatch {
  value: string;
  start: number;
  end: number;
}

/** IBAN-shaped strings, compacted and upper-cased (the checksum is the validator's job). */
export function findIbans(text: string): CodeMatch[] {
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
      raw = raw.replace(/[ -][A-Za-z]+$/, "");
    }
    const value = raw.replace(/[ -]/g, "").toUpperCase();
    if (!/\d.*\d.*\d.*\d/.test(value.slice(4))) continue;
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
