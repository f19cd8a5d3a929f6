import autocannon from "autocannon";
import { conversationMessages } from "./message-mix.ts";

interface Cursor {
  user: string;
  messages: string[];
  turn: number;
}

export interface MixRunResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 200 answers whose body was not a Soni turn (no `response`): a broken server, not a fast one. */
  malformed: number;
  conversations: number;
}

/**
 * POST /message at fixed concurrency with autocannon, playing the message mix: each request
 * takes a conversation that has no turn in flight (or starts a new one with a fresh user_id)
 * and sends its next message, so conversations advance turn by turn as real users' would.
 */
export async function runMessageMix(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  userPrefix: string;
}): Promise<MixRunResult> {
  const idle: Cursor[] = [];
  let conversations = 0;
  let malformed = 0;
  let statusErrors = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: "/message",
        headers: { "content-type": "application/json" },
        setupRequest(request, context) {
          const cursor = idle.pop() ?? {
            user: `${options.userPrefix}-${conversations}`,
            messages: conversationMessages(conversations++),
            turn: 0,
          };
          context.cursor = cursor;
          const body = JSON.stringify({
            user_id: cursor.user,
            message: cursor.messages[cursor.turn],
          });
          return { ...request, body };
        },
        onResponse(status, body, context) {
          const cursor = context.cursor as Cursor | undefined;
          if (status !== 200) statusErrors++;
          else if (!body.includes('"response"')) malformed++;
          if (!cursor) return;
          cursor.turn++;
          if (cursor.turn < cursor.messages.length) idle.push(cursor);
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: Math.max(result.non2xx, statusErrors),
    errors: result.errors,
    timeouts: result.timeouts,
    malformed,
    conversations,
  };
}
