import { expect } from "vitest";
import type { ConversationSnapshot } from "../../../src/dm/snapshot.ts";

/** The body of a 200 from POST /message. */
export interface TurnReply {
  response: string;
  messages: string[];
  flow_state: "idle" | "active" | "waiting_input";
  active_flow: string | null;
  turn_count: number;
}

/** Any answer of the server: status, parsed JSON body (or null) and headers. */
export interface RawReply {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** Sends anything to the server and never throws on a non-2xx status. */
export async function send(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: string | Uint8Array; contentType?: string | null } = {},
): Promise<RawReply> {
  const headers: Record<string, string> = {};
  if (init.contentType !== null) headers["content-type"] = init.contentType ?? "application/json";
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body,
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/**
 * One customer talking to the assistant over HTTP. Every turn must answer 200 with the next
 * turn_count, so a lost, doubled or failed turn fails the test where it happens.
 */
export class Customer {
  turns = 0;

  constructor(
    readonly baseUrl: string,
    readonly userId: string,
  ) {}

  async say(message: string): Promise<TurnReply> {
    const reply = await send(this.baseUrl, "/message", {
      body: JSON.stringify({ user_id: this.userId, message }),
    });
    expect(reply.status, `${this.userId} said ${JSON.stringify(message)}: ${reply.text}`).toBe(200);
    const turn = reply.body as TurnReply;
    this.turns += 1;
    expect(turn.turn_count, `turn count after ${JSON.stringify(message)}`).toBe(this.turns);
    expect(turn.response).toBe(turn.messages.join("\n"));
    return turn;
  }

  async state(): Promise<ConversationSnapshot> {
    const reply = await send(this.baseUrl, `/state/${encodeURIComponent(this.userId)}`);
    expect(reply.status, reply.text).toBe(200);
    const state = reply.body as ConversationSnapshot;
    expect(state.turn_count).toBe(this.turns);
    return state;
  }
}

/** A user id unique to this run, so reruns against one store never share a conversation. */
export function uniqueUser(name: string): string {
  return `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

export const TRANSACTION_ID = /TX-\d{4}-\d{6}/;
export const BLOCK_REFERENCE = /BLK-\d{4}-\d{6}/;
export const RECEIPT = /RCPT-\d{4}-\d{6}/;
