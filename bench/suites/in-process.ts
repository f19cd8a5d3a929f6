import { createTransferBot } from "../botframework/transfer-dialog.ts";
import type { Metric, Section } from "../lib/report.ts";
import { createSoniDriver, type TurnDriver } from "../lib/soni-driver.ts";
import { median, percentile, round } from "../lib/stats.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { type ScriptTurn, transferScript } from "../lib/transfer-script.ts";

const RUNS = 5;
/** Conversations in progress at once; turns are interleaved between them like real traffic. */
const ACTIVE = 50;
/** Issue 16's targets (issue 7 asked for 3x and 2 ms). */
const RATIO_TARGET = 4;
/**
 * Conversations of the uncounted warm-up run, per engine. 60 left Soni's first counted run at
 * half its steady speed (its DU is more code for the JIT to optimize than a waterfall), which
 * measured the JIT, not the framework; both engines get the same warm-up.
 */
const WARMUP_CONVERSATIONS = 300;
const P99_TARGET_MS = 1;
/**
 * The targets apply to Soni with the memory store: the like-for-like match for Bot Framework's
 * MemoryStorage, and pure framework time. SQLite rows add the store's disk time, shown apart.
 */
const TARGET_ENGINE = "soni-memory";

interface RunFigures {
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Replies that did not match the script: must be 0 or the timing means nothing. */
  mismatches: number;
}

function botFrameworkDriver(): TurnDriver {
  const bot = createTransferBot();
  return {
    name: "botframework",
    send: async (id, text) => (await bot.send(id, text)).join("\n"),
    close: async () => {},
  };
}

/** Plays `conversations` transfer conversations, ACTIVE at a time, timing every turn. */
export async function playTransfers(
  driver: TurnDriver,
  conversations: number,
  prefix: string,
): Promise<RunFigures & { firstMismatch?: string }> {
  const durations: number[] = [];
  let mismatches = 0;
  let firstMismatch: string | undefined;
  let next = 0;
  const active: { id: string; script: ScriptTurn[]; turn: number }[] = [];
  const refill = () => {
    while (active.length < ACTIVE && next < conversations) {
      active.push({ id: `${prefix}-${next}`, script: transferScript(next), turn: 0 });
      next++;
    }
  };
  refill();
  const started = performance.now();
  while (active.length > 0) {
    for (let i = 0; i < active.length; i++) {
      const conversation = active[i]!;
      const turn = conversation.script[conversation.turn]!;
      const t0 = performance.now();
      const reply = await driver.send(conversation.id, turn.user);
      durations.push(performance.now() - t0);
      if (!turn.expect.test(reply)) {
        mismatches++;
        firstMismatch ??= `${driver.name}: "${turn.user}" -> "${reply}" (expected ${turn.expect})`;
      }
      conversation.turn++;
    }
    for (let i = active.length - 1; i >= 0; i--) {
      if (active[i]!.turn >= active[i]!.script.length) active.splice(i, 1);
    }
    refill();
  }
  const elapsed = performance.now() - started;
  return {
    turns: durations.length,
    turnsPerSecond: (durations.length / elapsed) * 1000,
    p50Ms: percentile(durations, 50),
    p99Ms: percentile(durations, 99),
    mismatches,
    firstMismatch,
  };
}

const ENGINES: { name: string; label: string; create(): Promise<TurnDriver> }[] = [
  {
    name: "botframework",
    label: "Bot Framework (botbuilder-dialogs, MemoryStorage)",
    create: async () => botFrameworkDriver(),
  },
  {
    name: "soni-memory",
    label: "Soni RuntimeLoop, memory",
    create: () => createSoniDriver("memory"),
  },
  {
    name: "soni-sqlite",
    label: "Soni RuntimeLoop, SQLite (default, synchronous=normal)",
    create: () => createSoniDriver("sqlite"),
  },
  {
    name: "soni-sqlite-full",
    label: "Soni RuntimeLoop, SQLite synchronous=full (fsync per turn)",
    create: () => createSoniDriver("sqlite", { persistence: { synchronous: "full" } }),
  },
];

/** The banking transfer conversation in-process: Soni (memory, SQLite) vs Bot Framework. */
export const inProcessSuite: Suite = {
  name: "in-process",
  title: "In-process transfer conversation (heuristic DU) vs Bot Framework",
  async run(context: SuiteContext): Promise<Section> {
    const conversations = context.quick ? 60 : 800;
    const runs = new Map<string, RunFigures[]>(ENGINES.map((e) => [e.name, []]));
    const problems: string[] = [];
    for (let run = -1; run < RUNS; run++) {
      // Run -1 warms up the JIT and is not counted. Engines alternate inside every run.
      for (const engine of ENGINES) {
        const driver = await engine.create();
        try {
          const figures = await playTransfers(
            driver,
            run < 0 ? Math.min(WARMUP_CONVERSATIONS, conversations) : conversations,
            `${engine.name}-r${run}`,
          );
          if (figures.firstMismatch && problems.length < 5) problems.push(figures.firstMismatch);
          if (run >= 0) runs.get(engine.name)!.push(figures);
          context.log(
            `in-process: ${run < 0 ? "warm-up" : `run ${run + 1}/${RUNS}`} ${engine.name}: ${Math.round(figures.turnsPerSecond)} turns/s, p99 ${figures.p99Ms.toFixed(3)} ms`,
          );
        } finally {
          await driver.close();
        }
      }
    }
    const metrics: Metric[] = [];
    for (const engine of ENGINES) {
      const figures = runs.get(engine.name)!;
      const p99 = median(figures.map((f) => f.p99Ms));
      const mismatches = figures.reduce((n, f) => n + f.mismatches, 0);
      metrics.push(
        {
          name: `${engine.label}: turns/s`,
          value: round(median(figures.map((f) => f.turnsPerSecond)), 0),
        },
        {
          name: `${engine.label}: p50 per turn`,
          value: round(median(figures.map((f) => f.p50Ms)), 3),
          unit: "ms",
        },
        {
          name: `${engine.label}: p99 per turn`,
          value: round(p99, 3),
          unit: "ms",
          ...(engine.name === TARGET_ENGINE
            ? { target: `< ${P99_TARGET_MS} ms`, met: p99 < P99_TARGET_MS }
            : {}),
        },
        {
          name: `${engine.label}: replies off script`,
          value: mismatches,
          target: "0",
          met: mismatches === 0,
        },
      );
    }
    for (const engine of ENGINES.filter((e) => e.name !== "botframework")) {
      const soni = runs.get(engine.name)!;
      const bf = runs.get("botframework")!;
      const ratio = median(soni.map((f, i) => f.turnsPerSecond / bf[i]!.turnsPerSecond));
      metrics.push({
        name: `ratio ${engine.label} / Bot Framework turns/s`,
        value: `${round(ratio, 2)}x`,
        ...(engine.name === TARGET_ENGINE
          ? { target: `>= ${RATIO_TARGET}x`, met: ratio >= RATIO_TARGET }
          : {}),
      });
    }
    const turns = runs.get("soni-memory")![0]?.turns ?? 0;
    return {
      name: "in-process",
      title: this.title,
      metrics,
      notes: [
        `${RUNS} runs (medians) of ${conversations.toLocaleString("en-US")} conversations = ${turns.toLocaleString("en-US")} turns per engine and run, ${ACTIVE} conversations interleaved; ratio = median of per-run ratios.`,
        ...problems.map((p) => `off script: ${p}`),
      ],
      details: Object.fromEntries(runs),
    };
  },
};
