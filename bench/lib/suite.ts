import { cpus, totalmem } from "node:os";
import { relative } from "node:path";
import { parseBenchArgs } from "./args.ts";
import {
  formatSection,
  missedTargets,
  type RunInfo,
  type Section,
  writeResults,
} from "./report.ts";

export interface SuiteContext {
  quick: boolean;
  /** Progress lines go to stderr so stdout holds only the tables. */
  log(message: string): void;
}

export interface Suite {
  name: string;
  title: string;
  run(context: SuiteContext): Promise<Section>;
}

/**
 * Shared main of `npm run bench` and `npm run drill`: parses --quick/--only, runs the chosen
 * suites one after another, prints each table as it completes, writes the JSON results and
 * lists missed targets. A suite that throws is reported as failed and the others still run.
 */
export async function runSuites(kind: "bench" | "drill", suites: readonly Suite[]): Promise<void> {
  const names = suites.map((s) => s.name);
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(process.argv.slice(2), names);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(
      `usage: npm run ${kind} [-- --quick] [-- --only NAME[,NAME]]\n\n` +
        suites.map((s) => `  ${s.name.padEnd(18)} ${s.title}`).join("\n") +
        "\n",
    );
    return;
  }
  const chosen = args.only.length > 0 ? suites.filter((s) => args.only.includes(s.name)) : suites;
  const startedAt = new Date();
  const t0 = performance.now();
  const sections: Section[] = [];
  const failures: string[] = [];
  const context: SuiteContext = {
    quick: args.quick,
    log: (message) => process.stderr.write(`[${kind}] ${message}\n`),
  };
  process.stdout.write(
    `# Soni ${kind}${args.quick ? " (quick)" : ""}: ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}\n\n`,
  );
  for (const suite of chosen) {
    context.log(`${suite.name}: starting`);
    const started = performance.now();
    try {
      const section = await suite.run(context);
      sections.push(section);
      process.stdout.write(`${formatSection(section)}\n`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${suite.name}: ${message}`);
      process.stdout.write(`## ${suite.title}\n\nFAILED: ${message}\n\n`);
    }
    context.log(`${suite.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const info: RunInfo = {
    kind,
    quick: args.quick,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      totalMemMb: Math.round(totalmem() / 2 ** 20),
    },
  };
  const file = writeResults(kind, info, sections);
  const missed = missedTargets(sections);
  process.stdout.write(
    `Targets: ${missed.length === 0 ? "all met" : `${missed.length} missed`}${missed.map((m) => `\n- ${m}`).join("")}\n`,
  );
  process.stdout.write(
    `Total time: ${(info.durationMs / 1000).toFixed(1)} s. JSON: ${relative(process.cwd(), file)}\n`,
  );
  if (failures.length > 0) {
    process.stderr.write(`${failures.length} suite(s) failed:\n${failures.join("\n")}\n`);
    process.exitCode = 1;
  }
}
