import { join } from "node:path";
import pino from "pino";
import { createCheckpointer } from "../../src/persistence/create.ts";
import { type AckComparison, compareAcknowledged } from "../lib/acknowledged.ts";
import { countOutcomes, startConversationLoad } from "../lib/conversation-load.ts";
import type { Section } from "../lib/report.ts";
import { findLog, spawnSoniServer } from "../lib/server-process.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { createTempDomain } from "../lib/temp-domain.ts";

const CLIENTS = 200;
const DB_FILE = "drill.db";

/** Stored turn_count per user, read straight from the SQLite file once the server is gone. */
async function storedTurnCounts(file: string, users: Iterable<string>) {
  const logger = pino({ level: "silent" });
  const store = await createCheckpointer(
    { backend: "sqlite", path: file },
    { baseDir: ".", logger },
  );
  const counts = new Map<string, number | null>();
  let turnLogGaps = 0;
  try {
    for (const user of users) {
      const stored = await store.load(user);
      counts.set(user, stored?.state.turn_count ?? null);
      const turns = await store.listTurns(user);
      const numbers = new Set(turns.map((t) => t.turn));
      for (let n = 1; n <= (stored?.state.turn_count ?? 0); n++) if (!numbers.has(n)) turnLogGaps++;
    }
  } finally {
    await store.close();
  }
  return { counts, turnLogGaps };
}

/** SIGTERM while 200 clients talk to the server: nothing in flight may fail or be lost. */
export const sigtermDrill: Suite = {
  name: "sigterm",
  title: `SIGTERM under load (${CLIENTS} concurrent clients, SQLite)`,
  async run(context: SuiteContext): Promise<Section> {
    const domain = createTempDomain({ persistence: { backend: "sqlite", path: DB_FILE } });
    try {
      const server = await spawnSoniServer(domain.dir, { cwd: domain.workDir });
      const load = startConversationLoad({
        url: server.url,
        clients: CLIENTS,
        userPrefix: "sigterm",
        maxDurationMs: 30_000,
        stopClientOnFailure: true,
      });
      await new Promise((r) => setTimeout(r, context.quick ? 1_000 : 3_000));
      const inFlightAtSignal = load.inFlight();
      context.log(
        `sigterm: ${load.records.length} turns answered, ${inFlightAtSignal} in flight; SIGTERM`,
      );
      const exit = await server.stop("SIGTERM", 40_000);
      load.stop();
      const result = await load.done;
      const before = result.records.filter((r) => r.sentAt < exit.signalledAt);
      const failed = before.filter(
        (r) => r.status === null || (r.status >= 500 && r.status !== 503),
      );
      const refused = before.filter((r) => r.status === 503).length;
      const { counts, turnLogGaps } = await storedTurnCounts(
        join(domain.workDir, DB_FILE),
        result.acked.keys(),
      );
      const cmp: AckComparison = compareAcknowledged(result.acked, counts);
      return {
        name: "sigterm",
        title: this.title,
        metrics: [
          { name: "turns acknowledged before exit", value: cmp.ackedTurns },
          { name: "requests in flight at SIGTERM", value: inFlightAtSignal },
          {
            name: "failed in-flight requests",
            value: failed.length,
            target: "0",
            met: failed.length === 0,
            note: "sent before SIGTERM, no answer or 5xx",
          },
          { name: "refused with 503 (not processed, client may retry)", value: refused },
          {
            name: "acknowledged turns missing from the store",
            value: cmp.lostTurns,
            target: "0",
            met: cmp.lostTurns === 0,
          },
          {
            name: "gaps in stored turn logs",
            value: turnLogGaps,
            target: "0",
            met: turnLogGaps === 0,
          },
          { name: "stored turns never acknowledged", value: cmp.unacknowledgedStored },
          { name: "SIGTERM to exit", value: Math.round(exit.at - exit.signalledAt), unit: "ms" },
          {
            name: "exit code / completion logged",
            value: `${exit.code} / ${findLog(server, "Soni server shutdown completed") ? "yes" : "no"}`,
            target: "0 / yes",
            met: exit.code === 0 && findLog(server, "Soni server shutdown completed") !== undefined,
          },
        ],
        notes: [
          `outcomes of requests sent before SIGTERM: ${JSON.stringify(countOutcomes(before))}`,
          `outcomes of requests sent after SIGTERM: ${JSON.stringify(countOutcomes(result.records.filter((r) => r.sentAt >= exit.signalledAt)))}`,
          ...(failed.length > 0
            ? [
                `failed in-flight requests had waited ${Math.round(Math.min(...failed.map((r) => exit.signalledAt - r.sentAt)))}-${Math.round(Math.max(...failed.map((r) => exit.signalledAt - r.sentAt)))} ms for an answer when SIGTERM came`,
              ]
            : []),
        ],
      };
    } finally {
      domain.remove();
    }
  },
};
