import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One figure of a report; `met` is set when the figure has a target from the issue. */
export interface Metric {
  name: string;
  value: number | string;
  unit?: string;
  target?: string;
  met?: boolean;
  note?: string;
}

export interface Section {
  name: string;
  title: string;
  metrics: Metric[];
  /** Raw material behind the metrics (per-run figures, samples), kept in the JSON only. */
  details?: unknown;
  /** Lines printed under the table (e.g. memory samples). */
  notes?: string[];
}

/** bench/results, or SONI_BENCH_RESULTS_DIR (tests write elsewhere). */
export function resultsDir(): string {
  return (
    process.env.SONI_BENCH_RESULTS_DIR ??
    join(dirname(fileURLToPath(import.meta.url)), "..", "results")
  );
}

function formatValue(metric: Metric): string {
  const { value, unit } = metric;
  const text =
    typeof value === "number"
      ? Number.isInteger(value)
        ? value.toLocaleString("en-US")
        : value.toLocaleString("en-US", { maximumFractionDigits: value < 10 ? 3 : 1 })
      : value;
  return unit ? `${text} ${unit}` : text;
}

function status(metric: Metric): string {
  if (metric.met === undefined) return "";
  return metric.met ? "met" : "MISSED";
}

export function formatSection(section: Section): string {
  const header = ["metric", "value", "target", "status"];
  const rows = section.metrics.map((m) => [
    m.note ? `${m.name} (${m.note})` : m.name,
    formatValue(m),
    m.target ?? "",
    status(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const out = [
    `## ${section.title}`,
    "",
    line(header),
    `|${widths.map((w, i) => (i === 1 ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`,
    ...rows.map(line),
  ];
  if (section.notes && section.notes.length > 0) out.push("", ...section.notes);
  return `${out.join("\n")}\n`;
}

export interface RunInfo {
  kind: "bench" | "drill";
  quick: boolean;
  startedAt: string;
  durationMs: number;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemMb: number };
}

/** Writes bench/results/<name>-<timestamp>.json and returns its path. */
export function writeResults(name: string, info: RunInfo, sections: Section[]): string {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const stamp = info.startedAt.replace(/[:.]/g, "-");
  const file = join(dir, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ ...info, sections }, null, 2)}\n`);
  return file;
}

/** The targets the run missed, for the closing summary. */
export function missedTargets(sections: Section[]): string[] {
  return sections.flatMap((s) =>
    s.metrics
      .filter((m) => m.met === false)
      .map((m) => `${s.title}: ${m.name} = ${formatValue(m)} (target ${m.target})`),
  );
}
