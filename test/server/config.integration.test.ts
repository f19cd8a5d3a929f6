import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postMessage, SERVER_FIXTURES, useSpawnedServers } from "./helpers/spawned-server.ts";

const SLOW = path.join(SERVER_FIXTURES, "slow.yaml");
const ADMIN_TOKEN = "integration-admin-token";
const ADMIN_ENV = { SONI_ADMIN_TOKEN: ADMIN_TOKEN };

const start = useSpawnedServers();

function postConfig(baseUrl: string, body: string, contentType = "text/yaml") {
  return fetch(`${baseUrl}/config`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${ADMIN_TOKEN}` },
    body,
  });
}

const incomingMessages = (line: { msg: string; req?: unknown }) =>
  line.msg === "incoming request" && (line.req as { url?: string } | undefined)?.url === "/message";

describe.sequential("POST /config on a running server (spawned)", () => {
  it("(f) swaps the domain while 50 requests run: none fails, later ones see the new domain", async () => {
    const server = await start({ config: SLOW, env: ADMIN_ENV });
    const turns = Array.from({ length: 50 }, (_, i) =>
      postMessage(server.url, `swap-${i}`, "run the slow job"),
    );
    await server.waitForCount(incomingMessages, 50);

    // A posted domain names no handler module: it runs on the server's (the startup domain's).
    const renamed = readFileSync(SLOW, "utf8")
      .replace("Work done: {result}", "New domain: {result}")
      .replace("  handlers: handlers.ts\n", "");
    const swap = await postConfig(server.url, renamed);
    expect(swap.status).toBe(200);
    expect(await swap.json()).toMatchObject({ success: true, flows: ["work"] });

    const after = await postMessage(server.url, "after-swap", "run the slow job");
    expect(after.body.response).toBe("New domain: ok");

    const answers = await Promise.all(turns);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.every((answer) => answer.body.response === "Work done: ok")).toBe(true);

    // The old runtime (generation 1) drained, then was cleaned up; the new one keeps serving.
    await server.waitForLog(
      (line) => line.msg === "Previous runtime retired" && line.generation === 1,
    );
    const oldCleanup = server.logs.filter((line) => line.generation === 1).map((line) => line.msg);
    expect(oldCleanup).toContain("RuntimeLoop cleanup starting...");
    expect(oldCleanup).toContain("RuntimeLoop cleanup completed");
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    server.signal("SIGTERM");
    expect((await server.exited).code, server.dump()).toBe(0);
    const newCleanup = server.logs.filter((line) => line.generation === 2).map((line) => line.msg);
    expect(newCleanup).toContain("RuntimeLoop cleanup completed");
  });

  it("(g) starts unconfigured, answers 503, then becomes healthy through POST /config", async () => {
    const server = await start({ env: ADMIN_ENV });
    expect(server.messages().some((msg) => msg.startsWith("No domain at "))).toBe(true);

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unconfigured", initialized: false });
    const refused = await postMessage(server.url, "u1", "hello");
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: { code: "not_configured" } });
    expect(String((refused.body.error as { message: string }).message)).toContain("POST a domain");

    const invalid = await postConfig(server.url, "flows:\n  greet:\n    steps: []\n");
    expect(invalid.status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(503);

    const domain = {
      flows: {
        greet: {
          description: "Say hello",
          trigger: { intents: ["hello"] },
          steps: [{ step: "hi", type: "say", message: "Hello from a posted domain" }],
        },
      },
    };
    const loaded = await postConfig(server.url, JSON.stringify(domain), "application/json");
    expect(loaded.status, await loaded.clone().text()).toBe(200);
    const healthy = await fetch(`${server.url}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: "healthy", initialized: true });
    const turn = await postMessage(server.url, "u1", "hello");
    expect(turn.status).toBe(200);
    expect(turn.body.turn_count).toBe(1);

    server.signal("SIGTERM");
    expect((await server.exited).code).toBe(0);
  });
});
