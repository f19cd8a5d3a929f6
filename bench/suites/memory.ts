import { spawn } from "node:child_process";
import { join } from "node:path";
import type { Metric, Section } from "../lib/report.ts";
import { PROJECT_ROOT } from "../lib/server-process.ts";
import { round } from "../lib/stats.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";

interface Sample {
  turns: number;
  rssMb: number;
  heapMb: number;
}

const TURNS_PER_USER = 10;
/** Growth allowed between the end of warm-up and the last sample for "flat". */
const FLAT_TOLERANCE = 0.1;
/** The first fifth of the run is warm-up (JIT, caches, the store filling up to its bound). */
const WARMUP_FRACTION = 0.2;

function runWorker(
  maxConversations: number,
  backend: string,
  conversations: number,
  samples: number,
): Promise<{ samples: Sample[]; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        join(PROJECT_ROOT, "bench", "suites", "memory-worker.ts"),
        "--backend",
        backend,
        "--conversations",
        String(conversations),
        "--turns",
        String(TURNS_PER_USER),
        "--samples",
        String(samples),
        "--max-conversations",
        String(maxConversations),
      ],
      { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.once("error", reject);
    child.once("exit", (code) => {
      const lines = out
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Sample & { done?: boolean; elapsedMs?: number });
      const done = lines.find((l) => l.done);
      if (code !== 0 || !done)
        return reject(
          new Error(`memory worker (${backend}) exited with ${code}:\n${err.slice(-2_000)}`),
        );
      resolve({ samples: lines.filter((l) => !l.done), elapsedMs: done.elapsedMs ?? 0 });
    });
  });
}

/** RSS while 10,000 users x 10 turns go through RuntimeLoop (memory store with eviction; SQLite). */
export const memorySuite: Suite = {
  name: "memory",
  title: "Memory: RSS over many turns (RuntimeLoop, heuristic DU)",
  async run(context: SuiteContext): Promise<Section> {
    const conversations = context.quick ? 400 : 10_000;
    // The memory store holds a tenth of the users, so eviction runs for most of the run.
    const maxConversations = conversations / 10;
    const metrics: Metric[] = [];
    const notes: string[] = [];
    const details: Record<string, unknown> = {};
    for (const backend of ["memory", "sqlite"]) {
      context.log(`memory: ${backend}, ${conversations * TURNS_PER_USER} turns`);
      const { samples, elapsedMs } = await runWorker(maxConversations, backend, conversations, 20);
      details[backend] = samples;
      const total = conversations * TURNS_PER_USER;
      const warm = samples.find((s) => s.turns >= total * WARMUP_FRACTION) ?? samples[0]!;
      const last = samples[samples.length - 1]!;
      const growth = (last.rssMb - warm.rssMb) / warm.rssMb;
      const heapGrowth = (last.heapMb - warm.heapMb) / warm.heapMb;
      const label =
        backend === "memory"
          ? `memory store (max ${maxConversations.toLocaleString("en-US")} conversations)`
          : "SQLite (default, synchronous=normal)";
      metrics.push(
        {
          name: `${label}: RSS after ${total.toLocaleString("en-US")} turns`,
          value: round(last.rssMb, 1),
          unit: "MB",
        },
        {
          name: `${label}: RSS after warm-up (${warm.turns.toLocaleString("en-US")} turns)`,
          value: round(warm.rssMb, 1),
          unit: "MB",
        },
        {
          name: `${label}: RSS growth after warm-up`,
          value: `${round(growth * 100, 1)}%`,
          target: `flat (<= ${FLAT_TOLERANCE * 100}%)`,
          met: growth <= FLAT_TOLERANCE,
        },
        { name: `${label}: heap growth after warm-up`, value: `${round(heapGrowth * 100, 1)}%` },
        { name: `${label}: turns/s during the run`, value: round((total / elapsedMs) * 1000, 0) },
      );
      notes.push(
        `${label} samples (turns: RSS MB / heap MB after GC): ${samples.map((s) => `${s.turns}: ${s.rssMb.toFixed(0)}/${s.heapMb.toFixed(0)}`).join(", ")}`,
      );
    }
    return {
      name: "memory",
      title: `${this.title}, ${conversations.toLocaleString("en-US")} conversations x ${TURNS_PER_USER} turns`,
      metrics,
      notes,
      details,
    };
  },
};
