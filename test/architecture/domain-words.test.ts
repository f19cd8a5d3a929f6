import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * The framework knows no domain: no file under src/ names a flow, slot or choice of an example
 * domain, nor a word only such a domain uses. Comments are left out (they may illustrate with an
 * example); code and strings are not.
 */
const root = path.resolve(import.meta.dirname, "../..");

/** Words only a particular domain would use, beyond the names the examples declare. */
const DISTINCTIVE = [
  "landlord",
  "landlady",
  "beneficiary",
  "payee",
  "pizza",
  "topping",
  "toppings",
  "hotel",
  "reservation",
  "clinic",
  "appointment",
  "telecom",
  "broadband",
  "savings",
  "checking",
  "mastercard",
];

/**
 * Example names that are also generic words a framework may use: a slot kind the DSL declares
 * (`iban`, `date`), everyday words ("phone", "water") that name no domain concept, words the
 * framework uses in its own sense ("size" and "large" of a body or cache, "plus" in a clause
 * split) and words of the language packs ("good morning", "customer service").
 */
const ALLOWED = new Set([
  "size",
  "small",
  "medium",
  "large",
  "plus",
  "morning",
  "afternoon",
  "evening",
  "service",
  "iban",
  "date",
  "amount",
  "page",
  "currency",
  "balance",
  "phone",
  "water",
  "gas",
  "internet",
  "credit",
  "debit",
  "electricity",
  "reference",
  "name",
  "email",
  "address",
  // A type name of the original Soni dialect, mapped to string (config/dialect).
  "city",
  // The English verb ("connections checking interval").
  "checking",
  // A particle inside a person's name ("Ludwig van Beethoven"), a car class in car-rental.
  "van",
  // Words the framework uses in its own sense (a log or stream event, a config section) and a
  // decline phrase of the language packs ("no add-ons"); slots of the tickets example.
  "event",
  "section",
  "addons",
]);

/**
 * `soni init`'s scaffold is a small example domain by design: a user's starting point, written
 * into the new project, never read by the framework.
 */
const SCAFFOLD = /src\/cli\/init-template\.ts$/;

/**
 * The language packs are language, not domain: a word one holds ("high" of "too high", "order"
 * the verb) is no domain name there, so an example may name a choice with it. Only the
 * distinctive words are checked in them; anywhere else in src/ every example name still is.
 */
const PACK = /src\/du\/heuristic\/language\/(?!pack\.ts|words\.ts)[^/]+\.ts$/;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, ext);
    return ext.test(name) ? [full] : [];
  });
}

function domainWords(): Set<string> {
  const out = new Set(DISTINCTIVE);
  const examples = path.join(root, "examples");
  for (const domain of readdirSync(examples)) {
    const dir = path.join(examples, domain);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of files(dir, /\.ya?ml$/)) {
      if (
        file.includes(`${path.sep}tests${path.sep}`) ||
        file.includes(`${path.sep}eval${path.sep}`)
      )
        continue;
      const doc = parse(readFileSync(file, "utf8")) as Record<string, unknown> | null;
      if (!doc || typeof doc !== "object") continue;
      const slots = (doc.slots ?? {}) as Record<string, { choices?: unknown[] }>;
      for (const name of [...Object.keys(doc.flows ?? {}), ...Object.keys(slots)]) {
        out.add(name.toLowerCase());
      }
      for (const slot of Object.values(slots)) {
        for (const choice of slot?.choices ?? []) {
          if (typeof choice === "string") out.add(choice.toLowerCase());
        }
      }
    }
  }
  for (const word of ALLOWED) out.delete(word);
  return out;
}

/** Code without comments, as lowercase words and snake_case names. */
function codeWords(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const out = new Set<string>();
  for (const m of code.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) {
    out.add(m[0].toLowerCase());
    for (const part of m[0].split(/_|(?<=[a-z])(?=[A-Z])/)) out.add(part.toLowerCase());
  }
  return out;
}

describe("src/ names no domain", () => {
  it("has no flow, slot or choice name of an example domain, nor a distinctive domain word", () => {
    const banned = domainWords();
    expect(banned.has("transfer_funds")).toBe(true);
    const hits: string[] = [];
    for (const file of files(path.join(root, "src"), /\.ts$/).filter((f) => !SCAFFOLD.test(f))) {
      const words = codeWords(readFileSync(file, "utf8"));
      for (const word of PACK.test(file) ? DISTINCTIVE : banned) {
        if (words.has(word)) hits.push(`${path.relative(root, file)}: ${word}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
