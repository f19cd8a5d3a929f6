import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareAcknowledged, readTurnCounts } from "../../bench/lib/acknowledged.ts";
import { countOutcomes, startConversationLoad } from "../../bench/lib/conversation-load.ts";
import { conversationMessages, userSession } from "../../bench/lib/message-mix.ts";

/** A stand-in for soni server: counts turns per user; every 5th request is refused with 503. */
function fakeSoni(): Server {
  const turns = new Map<string, number>();
  let requests = 0;
  return createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.method === "GET" && req.url?.startsWith("/state/")) {
        const user = decodeURIComponent(req.url.slice("/state/".length));
        return res.end(JSON.stringify({ user_id: user, turn_count: turns.get(user) ?? 0 }));
      }
      const { user_id } = JSON.parse(body) as { user_id: string };
      if (++requests % 5 === 0) {
        res.statusCode = 503;
        return res.end(JSON.stringify({ error: { code: "busy", message: "try again" } }));
      }
      const count = (turns.get(user_id) ?? 0) + 1;
      turns.set(user_id, count);
      res.end(JSON.stringify({ response: "ok", messages: ["ok"], turn_count: count }));
    });
  });
}

describe("conversation load for drills", () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = fakeSoni();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("records every answer and the highest acknowledged turn per user", async () => {
    const result = await startConversationLoad({
      url,
      clients: 4,
      userPrefix: "t",
      maxRequests: 60,
      maxDurationMs: 10_000,
    }).done;
    expect(result.records).toHaveLength(60);
    expect(countOutcomes(result.records)).toEqual({ "200": 48, "503": 12 });
    const acknowledged = [...result.acked.values()].reduce((a, b) => a + b, 0);
    expect(acknowledged).toBe(48);
    const stored = await readTurnCounts(url, result.acked.keys());
    expect(compareAcknowledged(result.acked, stored).lostTurns).toBe(0);
  });

  it("stops a client at its first failure when asked to", async () => {
    const result = await startConversationLoad({
      url,
      clients: 2,
      userPrefix: "s",
      maxDurationMs: 10_000,
      stopClientOnFailure: true,
    }).done;
    expect(result.records.filter((r) => r.status !== 200)).toHaveLength(2);
  });

  it("plays a mix of conversations of the banking example", () => {
    const starts = Array.from({ length: 14 }, (_, i) => conversationMessages(i)[0]);
    expect(new Set(starts).size).toBeGreaterThan(5);
    expect(userSession(3, 10)).toHaveLength(10);
  });
});
