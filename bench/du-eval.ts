/**
 * `npm run eval:du [-- <eval-set.yaml>] [--verbose]`: scores the heuristic DU on a labelled set
 * (default: the banking set) and prints intent accuracy, slot precision/recall and latency.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDomain } from "../src/config/loader.ts";
import { evaluate, readEvalSet } from "../src/du/evaluation.ts";
import { HeuristicUnderstanding } from "../src/du/heuristic/heuristic-understanding.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes("--verbose") || args.includes("-v");
const file = path.resolve(
  args.find((a) => !a.startsWith("-")) ?? path.join(here, "../test/fixtures/du/banking-eval.yaml"),
);

const { set, domainPath } = await readEvalSet(file);
const domain = await loadDomain(domainPath);
const today = new Date(`${set.today}T12:00:00`);
const du = new HeuristicUnderstanding({ now: () => today });
// A warm-up pass, so latencies are steady-state (the one-time index build and JIT compilation
// are not counted as a turn's latency).
await evaluate(du, domain, set.cases);
const report = await evaluate(du, domain, set.cases);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (verbose) {
  for (const r of report.results.filter((x) => !x.exact)) {
    const where = r.case.context
      ? ` [${r.case.context.flow}${r.case.context.waiting ? ` waiting ${r.case.context.waiting}` : r.case.context.confirm ? " confirming" : ""}]`
      : "";
    console.log(
      `${r.intentOk ? "slots " : "INTENT"} ${JSON.stringify(r.case.text)}${where}\n       expected ${r.case.intent} ${JSON.stringify(r.case.slots)}${r.case.change ? ` change=${r.case.change}` : ""}\n       got      ${JSON.stringify(r.commands)}`,
    );
  }
  console.log("");
}
console.log(
  `DU evaluation: heuristic on ${path.relative(process.cwd(), file)} (${report.cases} cases)`,
);
console.log(`  intent accuracy   ${pct(report.intentAccuracy)}`);
console.log(`  slot precision    ${pct(report.slotPrecision)}`);
console.log(`  slot recall       ${pct(report.slotRecall)}`);
console.log(`  exact match       ${pct(report.exactMatch)}`);
console.log(`  latency p50       ${report.p50Ms.toFixed(3)} ms`);
console.log(`  latency p99       ${report.p99Ms.toFixed(3)} ms`);
