/**
 * `npm run eval:du [-- <set.yaml> ...] [--verbose]`: scores the heuristic DU on labelled sets
 * and prints one table per domain: first-turn intent accuracy, slot precision and recall,
 * multi-turn completion (conversations played through the runtime with the domain's
 * handlers) and DU p50 latency. Default: the banking sets and every examples/<domain>/eval/*.yaml.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HeuristicUnderstanding } from "../src/du/heuristic/heuristic-understanding.ts";
import {
  evaluateSetFile,
  type SetEvaluation,
} from "../src/runtime/evaluation/domain-evaluation.ts";
import { readDomainEvalSet } from "../src/runtime/evaluation/eval-file.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose") || args.includes("-v");
const given = args.filter((a) => !a.startsWith("-")).map((f) => path.resolve(f));

/** The banking sets in test fixtures, then each example's eval/ folder (dev before final). */
async function defaultSets(): Promise<string[]> {
  const fixtures = path.join(root, "test/fixtures/du");
  const banking = (await readdir(fixtures))
    .filter((n) => /^banking-.*\.ya?ml$/.test(n))
    .sort((a, b) =>
      a === "banking-eval.yaml" ? -1 : b === "banking-eval.yaml" ? 1 : a.localeCompare(b),
    )
    .map((n) => path.join(fixtures, n));
  const examples = path.join(root, "examples");
  const domains: string[] = [];
  for (const domain of (await readdir(examples)).sort()) {
    const names = await readdir(path.join(examples, domain, "eval")).catch(() => []);
    const order = (n: string) => (n.startsWith("dev") ? 0 : n.startsWith("final") ? 2 : 1);
    for (const n of names.filter((x) => /\.ya?ml$/.test(x)).sort((a, b) => order(a) - order(b))) {
      domains.push(path.join(examples, domain, "eval", n));
    }
  }
  return [...banking, ...domains];
}

const files = given.length > 0 ? given : await defaultSets();
const byDomain = new Map<string, SetEvaluation[]>();
for (const file of files) {
  const { domainPath } = await readDomainEvalSet(file);
  const domain = path.relative(process.cwd(), domainPath) || domainPath;
  const result = await evaluateSetFile(file, (now) => new HeuristicUnderstanding({ now }));
  byDomain.set(domain, [...(byDomain.get(domain) ?? []), result]);
  if (verbose) printMisses(result);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
const header = ["set", "cases", "intent", "slot P", "slot R", "convs", "completed", "p50 ms"];

for (const [domain, results] of byDomain) {
  const widths = [Math.max(...results.map((r) => r.set.length), 3), 5, 7, 7, 7, 5, 9, 7];
  console.log(`\n${domain}`);
  console.log(row(header, widths));
  for (const r of results) {
    const { firstTurn: f, multiTurn: m } = r;
    console.log(
      row(
        [
          r.set,
          String(f.cases),
          f.cases ? pct(f.intentAccuracy) : "-",
          f.cases ? pct(f.slotPrecision) : "-",
          f.cases ? pct(f.slotRecall) : "-",
          m ? String(m.conversations) : "-",
          m ? pct(m.completion) : "-",
          f.cases ? f.p50Ms.toFixed(3) : "-",
        ],
        widths,
      ),
    );
  }
}

function printMisses(result: SetEvaluation): void {
  console.log(`\n# ${path.relative(process.cwd(), result.file)}`);
  for (const r of result.firstTurn.results.filter((x) => !x.exact)) {
    const c = r.case.context;
    const where = c
      ? ` [${c.flow}${c.waiting ? ` waiting ${c.waiting}` : c.confirm ? " confirming" : ""}]`
      : "";
    console.log(
      `${r.intentOk ? "slots " : "INTENT"} ${JSON.stringify(r.case.text)}${where}\n       expected ${r.case.intent} ${JSON.stringify(r.case.slots)}${r.case.change ? ` change=${r.case.change}` : ""}\n       got      ${JSON.stringify(r.commands)}`,
    );
  }
  for (const r of result.multiTurn?.results.filter((x) => !x.completed) ?? []) {
    const { expect } = r.conversation;
    console.log(
      `FAILED conversation "${r.conversation.name}": expected ${expect.action ?? "no call"} ${JSON.stringify(expect.inputs)}${expect.not.length ? ` and none of ${expect.not.join(", ")}` : ""}`,
    );
    for (const t of r.transcript)
      console.log(`       you> ${t.user}\n       bot> ${t.bot.replace(/\n/g, " / ")}`);
    console.log(`       calls: ${JSON.stringify(r.calls)}`);
  }
}
