import { describe, expect, it } from "vitest";
import { useSpawnedServers } from "../server/helpers/spawned-server.ts";
import { BANK } from "./conversations.ts";

const start = useSpawnedServers();

async function call(
  base: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${route}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("an original-dialect domain over HTTP (spawned server)", () => {
  it("holds its conversations through the original's routes and the modern ones", async () => {
    const server = await start({ config: BANK.domain, args: ["--handlers", BANK.handlers] });
    const base = server.url;

    expect(await call(base, "GET", "/ready")).toMatchObject({
      status: 200,
      body: { ready: true, checks: { runtime_exists: true, components_initialized: true } },
    });
    expect(await call(base, "GET", "/startup")).toMatchObject({
      status: 200,
      body: { started: true, status: "started" },
    });

    // POST /chat: the original's request and response, with real values.
    const transfer = BANK.conversations[0]!;
    let last: Record<string, unknown> = {};
    const heard: string[] = [];
    for (const [i, message] of transfer.says.entries()) {
      const reply = await call(base, "POST", "/chat", { user_id: "ana", message });
      expect(reply.status).toBe(200);
      last = reply.body;
      heard.push(String(last.response));
      if (i === 1) {
        expect(last).toMatchObject({
          flow_state: "waiting_input",
          active_flow: "transfer_money",
          turn_count: 2,
        });
      }
    }
    for (const line of transfer.hears) expect(heard.join("\n")).toContain(line);
    expect(last).toEqual({
      response: "Sent 2000 to Maria. Reference TR-MAR-2000.",
      flow_state: "idle",
      active_flow: null,
      turn_count: transfer.says.length,
    });

    // The older POST /chat/:user_id and the modern POST /message reach the same conversation.
    const older = await call(base, "POST", "/chat/ana", { message: "review my security alerts" });
    expect(older).toEqual({
      status: 200,
      body: {
        response: "Alert 1: New login from Lisbon\nHave you read it? (yes/no)",
        user_id: "ana",
      },
    });
    const modern = await call(base, "POST", "/message", { user_id: "ana", message: "yes" });
    expect(modern.body.messages).toEqual([
      "Alert 2: Card used online",
      "Have you read it? (yes/no)",
    ]);

    // DELETE /state/:user_id forgets the conversation, like POST /reset/:user_id.
    expect(await call(base, "DELETE", "/state/ana")).toEqual({
      status: 200,
      body: { success: true, message: "Conversation 'ana' was reset" },
    });
    expect((await call(base, "GET", "/state/ana")).body).toMatchObject({ turn_count: 0 });

    // Malformed bodies get a 400 naming the field, as on the modern routes.
    const bad = await call(base, "POST", "/chat", { user_id: "ana" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("message");
  });

  it("answers /ready and /startup with 503 while unconfigured", async () => {
    const server = await start({});
    const base = server.url;
    expect(await call(base, "GET", "/ready")).toMatchObject({
      status: 503,
      body: { ready: false, checks: { runtime_exists: false } },
    });
    expect(await call(base, "GET", "/startup")).toMatchObject({
      status: 503,
      body: { started: false, status: "starting" },
    });
  });
});
