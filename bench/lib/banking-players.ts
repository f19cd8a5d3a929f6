import { transferScript } from "./transfer-script.ts";

/** Error codes of answers Soni gives on purpose when it cannot take a message right now. */
const REFUSALS = new Set(["shutting_down", "store_unavailable", "starting"]);
const RETRY_DELAY_MS = 100;
const MAX_RETRIES = 100;
const REQUEST_TIMEOUT_MS = 60_000;

export interface PlayerStats {
  requests: number;
  /** Requests with no answer, or a 5xx Soni does not give on purpose (a proxy's error page). */
  failed: number;
  /** Designed refusals (503 shutting_down, ...): not processed, sent again. */
  refused: number;
  /** 409: the conversation was busy with another turn past the wait bound. */
  busy: number;
  /** Replies that did not match the script; the conversation was abandoned. */
  unexpected: number;
  conversationsDone: number;
  /** Highest turn_count acknowledged per conversation. */
  acked: Map<string, number>;
  /** Replies acknowledging a transfer (a transaction id), per conversation. */
  ackedTransfers: Map<string, number>;
  /** A few failures, for the report. */
  samples: string[];
}

type Outcome =
  | { kind: "ok"; response: string; turnCount: number }
  | { kind: "refused" | "busy" | "failed"; detail: string };

/**
 * Clients playing whole banking transfers against `url` (a load balancer: each message may
 * land on any replica), each confirmation double-submitted, until stop() is called; each
 * client then finishes the message it is sending. A failed request ends its conversation (the
 * client cannot know whether it was processed) and the client starts a new one.
 */
export function startBankingPlayers(options: {
  url: string;
  clients: number;
  prefix: string;
  /** Pause between a reply and the client's next message, as a person reading it. Default 0. */
  thinkMs?: number;
}): {
  stop(): void;
  done: Promise<PlayerStats>;
} {
  const stats: PlayerStats = {
    requests: 0,
    failed: 0,
    refused: 0,
    busy: 0,
    unexpected: 0,
    conversationsDone: 0,
    acked: new Map(),
    ackedTransfers: new Map(),
    samples: [],
  };
  let stopped = false;

  const post = async (user: string, message: string): Promise<Outcome> => {
    stats.requests++;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${options.url}/message`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user_id: user, message }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      return { kind: "failed", detail: `no answer: ${(error as Error).message}` };
    }
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    if (status === 200 && body) {
      const turnCount = Number(body.turn_count);
      stats.acked.set(user, Math.max(stats.acked.get(user) ?? 0, turnCount));
      const response = String(body.response);
      if (/Transaction id: TX-/.test(response)) {
        stats.ackedTransfers.set(user, (stats.ackedTransfers.get(user) ?? 0) + 1);
      }
      return { kind: "ok", response, turnCount };
    }
    const code = (body?.error as { code?: string } | undefined)?.code;
    if (status === 503 && code && REFUSALS.has(code)) return { kind: "refused", detail: code };
    if (status === 409) return { kind: "busy", detail: code ?? "409" };
    return { kind: "failed", detail: `${status} ${text.slice(0, 120)}` };
  };

  /** Sends until answered or failed; designed refusals are sent again after a pause. */
  const send = async (user: string, message: string): Promise<Outcome> => {
    for (let retry = 0; ; retry++) {
      const outcome = await post(user, message);
      if (outcome.kind !== "refused" || retry >= MAX_RETRIES) return outcome;
      stats.refused++;
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    }
  };

  const fail = (user: string, outcome: Outcome) => {
    if (outcome.kind === "busy") stats.busy++;
    else stats.failed++;
    if (stats.samples.length < 10 && outcome.kind !== "ok") {
      stats.samples.push(`${user}: ${outcome.detail}`);
    }
  };

  const client = async (index: number) => {
    for (let n = 0; !stopped; n++) {
      const user = `${options.prefix}-${index}-${n}`;
      const script = transferScript(index + n);
      let completed = true;
      for (const [i, step] of script.entries()) {
        const last = i === script.length - 1;
        // The confirmation is double-submitted, as by a double click, to two replicas.
        const outcomes = await Promise.all(
          (last ? [step.user, step.user] : [step.user]).map((m) => send(user, m)),
        );
        for (const outcome of outcomes) if (outcome.kind !== "ok") fail(user, outcome);
        const answered = outcomes.filter((o) => o.kind === "ok");
        if (answered.length === 0 || outcomes.some((o) => o.kind === "failed")) {
          completed = false;
          break;
        }
        if (!answered.some((o) => step.expect.test(o.response))) {
          stats.unexpected++;
          if (stats.samples.length < 10) {
            stats.samples.push(
              `${user}: after ${JSON.stringify(step.user)} got ${JSON.stringify(answered.map((o) => o.response))}`,
            );
          }
          completed = false;
          break;
        }
        if (stopped && !last) {
          completed = false;
          break;
        }
        if (options.thinkMs) await new Promise((r) => setTimeout(r, options.thinkMs));
      }
      if (completed) stats.conversationsDone++;
    }
  };

  const done = Promise.all(Array.from({ length: options.clients }, (_, i) => client(i))).then(
    () => stats,
  );
  return {
    stop: () => {
      stopped = true;
    },
    done,
  };
}
