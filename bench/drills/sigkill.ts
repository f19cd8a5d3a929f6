import { compareAcknowledged, readTurnCounts } from "../lib/acknowledged.ts";
import { countOutcomes, startConversationLoad } from "../lib/conversation-load.ts";
import { POSTGRES_URL, postgresUnavailable, scratchSchema } from "../lib/postgres.ts";
import type { Metric, Section } from "../lib/report.ts";
import { spawnSoniServer } from "../lib/server-process.ts";
import type { Suite, SuiteContext } from "../lib/suite.ts";
import { createTempDomain, type SettingsOverrides } from "../lib/temp-domain.ts";

const CLIENTS = 200;

async function killAndRestart(
  context: SuiteContext,
  label: string,
  persistence: SettingsOverrides["persistence"],
): Promise<Metric[]> {
  const domain = createTempDomain({ persistence });
  try {
    const first = await spawnSoniServer(domain.dir, { cwd: domain.workDir });
    const load = startConversationLoad({
      url: first.url,
      clients: CLIENTS,
      userPrefix: `sigkill-${label}`,
      maxDurationMs: 30_000,
      stopClientOnFailure: true,
    });
    await new Promise((r) => setTimeout(r, context.quick ? 1_000 : 3_000));
    const inFlight = load.inFlight();
    await first.stop("SIGKILL");
    load.stop();
    const result = await load.done;
    context.log(`sigkill ${label}: killed with ${inFlight} in flight; restarting`);

    const second = await spawnSoniServer(domain.dir, { cwd: domain.workDir });
    try {
      const stored = await readTurnCounts(second.url, result.acked.keys());
      const cmp = compareAcknowledged(result.acked, stored);
      // The conversations carry on after the restart from where the store left them.
      const sample = [...result.acked.keys()].slice(0, 20);
      let continued = 0;
      for (const user of sample) {
        const res = await fetch(`${second.url}/message`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ user_id: user, message: "hello" }),
        });
        const body = (await res.json()) as { turn_count?: number };
        if (res.status === 200 && body.turn_count === (stored.get(user) ?? 0) + 1) continued++;
      }
      return [
        { name: `${label}: turns acknowledged before SIGKILL`, value: cmp.ackedTurns },
        { name: `${label}: requests in flight at SIGKILL`, value: inFlight },
        {
          name: `${label}: acknowledged turns lost after restart`,
          value: cmp.lostTurns,
          target: "0",
          met: cmp.lostTurns === 0,
        },
        {
          name: `${label}: conversations that continue after restart`,
          value: `${continued}/${sample.length}`,
          target: `${sample.length}/${sample.length}`,
          met: continued === sample.length,
        },
        {
          name: `${label}: outcomes of requests`,
          value: Object.entries(countOutcomes(result.records))
            .map(([k, v]) => `${k}: ${v}`)
            .join(", "),
        },
      ];
    } finally {
      await second.stop("SIGTERM", 30_000);
    }
  } finally {
    domain.remove();
  }
}

/** SIGKILL mid-load, restart on the same store: every acknowledged turn must be there. */
export const sigkillDrill: Suite = {
  name: "sigkill",
  title: `SIGKILL under load (${CLIENTS} clients), then restart`,
  async run(context: SuiteContext): Promise<Section> {
    const metrics = await killAndRestart(context, "SQLite", {
      backend: "sqlite",
      path: "drill.db",
    });
    const notes: string[] = [];
    const skip = await postgresUnavailable();
    if (skip) {
      notes.push(`PostgreSQL: ${skip}`);
    } else {
      const scratch = await scratchSchema("sigkill");
      try {
        metrics.push(
          ...(await killAndRestart(context, "PostgreSQL", {
            backend: "postgres",
            url: POSTGRES_URL,
            schema: scratch.schema,
          })),
        );
      } finally {
        await scratch.drop();
      }
    }
    return { name: "sigkill", title: this.title, metrics, notes };
  },
};
