import { Pool } from "undici";
import { conversationMessages } from "./message-mix.ts";

/** What happened to one POST /message. Times are performance.now() values. */
export interface RequestRecord {
  user: string;
  turn: number;
  sentAt: number;
  doneAt: number;
  /** HTTP status, or null when the request failed at the network level. */
  status: number | null;
  error?: string;
  /** turn_count from a 200 answer: the server acknowledged this turn. */
  ackedTurn?: number;
}

export interface LoadOptions {
  url: string;
  clients: number;
  /** Prefix of the user_ids, unique per run so runs never share conversations. */
  userPrefix: string;
  /** Hard bound on the run's length. */
  maxDurationMs: number;
  /** Hard bound on the number of requests (all clients together). */
  maxRequests?: number;
  /** A client stops after its first failed request (shutdown drills: the server is going). */
  stopClientOnFailure?: boolean;
  requestTimeoutMs?: number;
  /** Pause after a failed request before the next one, so an outage is not a busy loop. */
  backoffMs?: number;
}

export interface LoadHandle {
  /** Requests sent and not answered yet. */
  inFlight(): number;
  /** Completed requests so far. */
  readonly records: RequestRecord[];
  /** Asks every client to stop after its current request. */
  stop(): void;
  done: Promise<LoadResult>;
}

export interface LoadResult {
  records: RequestRecord[];
  /** Highest acknowledged turn_count per user_id. */
  acked: Map<string, number>;
  durationMs: number;
}

/**
 * `clients` concurrent virtual users, each on its own keep-alive connection, each playing
 * conversations of the message mix one after another with fresh user_ids. Every answer is
 * recorded so drills can compare what was acknowledged with what the store holds.
 */
export function startConversationLoad(options: LoadOptions): LoadHandle {
  const pool = new Pool(options.url, {
    connections: options.clients,
    pipelining: 1,
    headersTimeout: options.requestTimeoutMs ?? 30_000,
    bodyTimeout: options.requestTimeoutMs ?? 30_000,
  });
  const records: RequestRecord[] = [];
  const acked = new Map<string, number>();
  const started = performance.now();
  let stopped = false;
  let sent = 0;
  let inFlight = 0;
  let nextConversation = 0;
  const timer = setTimeout(() => {
    stopped = true;
  }, options.maxDurationMs);

  const shouldStop = () =>
    stopped || (options.maxRequests !== undefined && sent >= options.maxRequests);

  const client = async () => {
    while (!shouldStop()) {
      const index = nextConversation++;
      const user = `${options.userPrefix}-${index}`;
      const messages = conversationMessages(index);
      for (let turn = 0; turn < messages.length && !shouldStop(); turn++) {
        sent++;
        inFlight++;
        const record: RequestRecord = {
          user,
          turn,
          sentAt: performance.now(),
          doneAt: 0,
          status: null,
        };
        try {
          const res = await pool.request({
            path: "/message",
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ user_id: user, message: messages[turn] }),
          });
          record.status = res.statusCode;
          const text = await res.body.text();
          if (res.statusCode === 200) {
            const count = (JSON.parse(text) as { turn_count?: unknown }).turn_count;
            if (typeof count === "number") {
              record.ackedTurn = count;
              if (count > (acked.get(user) ?? 0)) acked.set(user, count);
            }
          } else {
            record.error = text.slice(0, 300);
          }
        } catch (error) {
          const err = error as Error & { code?: string };
          record.error = err.code ?? err.message;
        } finally {
          inFlight--;
          record.doneAt = performance.now();
          records.push(record);
        }
        if (record.status !== 200) {
          if (options.stopClientOnFailure) return;
          if (options.backoffMs) await new Promise((r) => setTimeout(r, options.backoffMs));
        }
      }
    }
  };

  const done = Promise.all(Array.from({ length: options.clients }, client)).then(async () => {
    clearTimeout(timer);
    await pool.destroy();
    return { records, acked, durationMs: performance.now() - started };
  });
  return {
    inFlight: () => inFlight,
    records,
    stop() {
      stopped = true;
    },
    done,
  };
}

/** Counts of records by outcome: "200", "503", "ECONNRESET", ... */
export function countOutcomes(records: readonly RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) {
    const key = r.status === null ? (r.error ?? "error") : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
