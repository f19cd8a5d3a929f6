/**
 * `npm run bench -- du-time [--against DIR] [--rounds N] [--warm-up N] [--set FILE]...`: times
 * the heuristic DU on the messages of evaluation sets (each read in its context, default the
 * banking evaluation set). With `--against`, another checkout's DU (its
 * src/du/heuristic/heuristic-understanding.ts, its domain loader and its copy of the domain when
 * it has one) reads the same messages interleaved with this one, message by message, the order
 * swapped every round, so load on a shared machine falls on both alike. Prints per
 * implementation the sum of per-message minimum and median times, p50, mean and p90 per message,
 * and this checkout's change against the other.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readDomainEvalSet } from "../src/runtime/evaluation/eval-file.ts";
import {
  DU_TIME_USAGE,
  type DuTimeSummary,
  parseDuTimeArgs,
  relativeChange,
  summarizeDuTimes,
} from "./lib/du-time.ts";

interface Reading {
  text: string;
  // The context type differs between checkouts; each reader gets the one its own code built.
  context: unknown;
}

interface Implementation {
  label: string;
  readings: Reading[];
  understand: (reading: Reading) => Promise<unknown>;
  times: number[][];
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function load(checkout: string, file: string): Promise<Implementation["readings"]> {
  const from = (rel: string) => import(pathToFileURL(path.join(checkout, rel)).href);
  const { loadDomain } = await from("src/config/loader.ts");
  const { stateFor } = await from("src/du/evaluation.ts");
  const { set, domainPath } = await readDomainEvalSet(file);
  // The other checkout reads its own copy of the domain, as it was with that code.
  const own = path.join(checkout, path.relative(root, domainPath));
  const domain = await loadDomain(existsSync(own) ? own : domainPath);
  return set.cases.map((c) => ({ text: c.text, context: { domain, state: stateFor(c, domain) } }));
}

async function implementation(label: string, checkout: string, files: string[]) {
  const { HeuristicUnderstanding } = await import(
    pathToFileURL(path.join(checkout, "src/du/heuristic/heuristic-understanding.ts")).href
  );
  const readings: Reading[] = [];
  const readers: { understand(text: string, context: unknown): Promise<unknown> }[] = [];
  for (const file of files) {
    const { set } = await readDomainEvalSet(file);
    const today = new Date(`${set.today}T12:00:00Z`);
    const du = new HeuristicUnderstanding({ now: () => today });
    for (const reading of await load(checkout, file)) {
      readings.push(reading);
      readers.push(du);
    }
  }
  const duOf = new Map(readings.map((r, i) => [r, readers[i]!]));
  return {
    label,
    readings,
    understand: (r: Reading) => duOf.get(r)!.understand(r.text, r.context),
    times: readings.map((): number[] => []),
  } satisfies Implementation;
}

export async function runDuTime(argv: readonly string[]): Promise<void> {
  const args = parseDuTimeArgs(argv);
  if (args.help) {
    process.stdout.write(`${DU_TIME_USAGE}\n`);
    return;
  }
  const files =
    args.sets.length > 0
      ? args.sets.map((f) => path.resolve(f))
      : [path.join(root, "test/fixtures/du/banking-eval.yaml")];
  const impls = [await implementation("this checkout", root, files)];
  if (args.against) {
    impls.push(await implementation(args.against, path.resolve(args.against), files));
  }
  const count = impls[0]!.readings.length;
  const loadBefore = loadavg()[0]!;
  for (let round = 0; round < args.rounds; round++) {
    const order = round % 2 === 0 ? impls : [...impls].reverse();
    for (let m = 0; m < count; m++) {
      for (const impl of order) {
        const reading = impl.readings[m]!;
        const started = performance.now();
        await impl.understand(reading);
        const ms = performance.now() - started;
        if (round >= args.warmUp) impl.times[m]!.push(ms);
      }
    }
  }
  const summaries = impls.map((i) => summarizeDuTimes(i.times));
  const names = files.map((f) => path.relative(process.cwd(), f)).join(", ");
  process.stdout.write(
    `DU time: ${count} messages (${names}), ${args.rounds} rounds, the first ${args.warmUp} warm-up` +
      `${impls.length > 1 ? ", interleaved" : ""}; load average ${loadBefore.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}\n\n`,
  );
  const columns: [string, (s: DuTimeSummary) => number][] = [
    ["sum of minima ms", (s) => s.sumOfMinimaMs],
    ["sum of medians ms", (s) => s.sumOfMediansMs],
    ["p50 ms", (s) => s.p50Ms],
    ["mean ms", (s) => s.meanMs],
    ["p90 ms", (s) => s.p90Ms],
  ];
  const width = Math.max(...impls.map((i) => i.label.length), "change".length);
  const row = (first: string, cells: string[]) =>
    `${first.padEnd(width)}  ${cells.map((c, i) => c.padStart(columns[i]![0].length)).join("  ")}\n`;
  process.stdout.write(
    row(
      "",
      columns.map(([name]) => name),
    ),
  );
  impls.forEach((impl, i) => {
    const s = summaries[i]!;
    process.stdout.write(
      row(
        impl.label,
        columns.map(([, get]) => get(s).toFixed(3)),
      ),
    );
  });
  if (summaries.length > 1) {
    const [mine, theirs] = summaries as [DuTimeSummary, DuTimeSummary];
    process.stdout.write(
      row(
        "change",
        columns.map(([, get]) => relativeChange(get(mine), get(theirs))),
      ),
    );
  }
}
