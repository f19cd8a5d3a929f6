/**
 * Reads amounts the way people type them: "1,500.50", "1.500,50", "1 500", "1.5k", "€200",
 * "200 euros". A group of exactly three digits after a single separator is read as
 * thousands ("1.500" = 1500), since a bank amount with three decimals makes no sense.
 */
export function parseAmount(input: unknown): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? roundCents(input) : null;
  if (typeof input !== "string") return null;
  let text = input.trim().toLowerCase();
  text = text.replace(/€|\$|£|\b(eur|euros?|usd|dollars?|gbp|pounds?)\b/g, "").trim();
  let multiplier = 1;
  const suffix = /^(.*\d)\s*(k|m)$/.exec(text);
  if (suffix) {
    text = suffix[1]!;
    multiplier = suffix[2] === "k" ? 1_000 : 1_000_000;
  }
  text = text.replace(/(\d)[\s\u00a0'](?=\d{3}\b)/g, "$1");
  if (!/^[+-]?[\d.,]+$/.test(text)) return null;
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the one that comes last is the decimal separator.
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    normalized = text.split(group).join("").replace(decimal, ".");
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? "," : ".";
    const thousands = new RegExp(`^[+-]?\\d{1,3}(\\${sep}\\d{3})+$`);
    normalized = thousands.test(text) ? text.split(sep).join("") : text.replace(",", ".");
  } else {
    normalized = text;
  }
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(normalized)) return null;
  const value = Number(normalized) * multiplier;
  return Number.isFinite(value) ? roundCents(value) : null;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** 12500.5 -> "12,500.50" */
export function formatMoney(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
