import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { largeDomain } from "../../bench/lib/large-domain.ts";
import { freePort } from "../helpers/services.ts";
import { postMessage, useSpawnedServers } from "./helpers/spawned-server.ts";

const ADMIN_TOKEN = "hardening-admin-token";
const ADMIN_ENV = { SONI_ADMIN_TOKEN: ADMIN_TOKEN };
/**
 * /health answers while a 1 MB domain is posted. The goal is 100 ms; the bound is looser because
 * CI machines are shared, and still far below the seconds a blocked event loop took. The worst
 * single answer is bounded relative to the POST itself: a parse on the event loop blocks for most
 * of the POST, while a loaded machine can stall any one request for a second.
 */
const HEALTH_P95_BOUND_MS = 1_000;
const WORST_SHARE_OF_POST = 1 / 3;

const start = useSpawnedServers();

function postConfig(baseUrl: string, body: string, contentType = "text/yaml") {
  return fetch(`${baseUrl}/config`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${ADMIN_TOKEN}` },
    body,
  });
}

const GREET = `flows:
  greet:
    description: Say hello
    trigger:
      intents: [hello]
    steps:
      - step: hi
        type: say
        message: Hello from a posted domain
`;

describe.sequential("POST /config hardening (spawned server)", () => {
  it("is disabled without SONI_ADMIN_TOKEN, in development too", async () => {
    const server = await start({ env: { SONI_API_KEY: "api-key" } });
    const refused = await fetch(`${server.url}/config`, {
      method: "POST",
      headers: { "content-type": "text/yaml", authorization: "Bearer api-key" },
      body: GREET,
    });
    expect(refused.status).toBe(403);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("admin_disabled");
    expect(error.message).toContain("SONI_ADMIN_TOKEN");
  }, 60_000);

  it("refuses a posted domain naming any handler module and keeps serving", async () => {
    const server = await start({ env: ADMIN_ENV });
    for (const module of ["node_modules/typescript/bin/tsc", "./handlers.ts", "/etc/passwd"]) {
      const refused = await postConfig(server.url, `settings:\n  handlers: ${module}\n${GREET}`);
      expect(refused.status).toBe(400);
      const { error } = (await refused.json()) as { error: { code: string; details: string[] } };
      expect(error.code).toBe("invalid_domain");
      expect(error.details.join("\n")).toContain(
        "settings.handlers: a posted domain cannot name handler modules",
      );
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(503); // still unconfigured
    expect((await postConfig(server.url, GREET)).status).toBe(200);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await postMessage(server.url, "u1", "hello")).status).toBe(200);
    server.signal("SIGTERM");
    expect((await server.exited).code, server.dump()).toBe(0);
  }, 60_000);

  it("never connects to a posted persistence.url: open and closed ports get the same answer", async () => {
    let connections = 0;
    const listener: Server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    const open = (listener.address() as { port: number }).port;
    const closed = await freePort();
    try {
      const server = await start({ env: ADMIN_ENV });
      const answers: string[] = [];
      for (const backend of ["postgres", "redis"]) {
        for (const port of [open, closed]) {
          const url = `${backend}://user:secret@127.0.0.1:${port}/0`;
          const reply = await postConfig(
            server.url,
            `settings:\n  persistence:\n    backend: ${backend}\n    url: ${url}\n${GREET}`,
          );
          expect(reply.status).toBe(400);
          answers.push(await reply.text());
        }
      }
      expect(answers[0]).toContain("settings.persistence: the store cannot be changed");
      expect(answers[1]).toBe(answers[0]);
      expect(answers[3]).toBe(answers[2]);
      expect(answers.join("")).not.toContain(String(open));
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  }, 60_000);

  it("runs posted domains on the server's handler modules and names no server path", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "soni-admin-"));
    writeFileSync(
      path.join(cwd, "handlers.mjs"),
      'export const actions = { finish_job: async () => ({ outcome: "finished" }) };\n',
    );
    const server = await start({ cwd, env: { ...ADMIN_ENV, SONI_HANDLERS: "handlers.mjs" } });
    const mismatched = await postConfig(
      server.url,
      "actions:\n  other_job:\n    description: not exported by the server's handlers\n" + GREET,
    );
    expect(mismatched.status).toBe(400);
    const text = await mismatched.text();
    expect(JSON.parse(text).error.code).toBe("runtime_init_failed");
    expect(text).toContain("other_job");
    expect(text).toContain("handlers.mjs");
    expect(text).not.toContain(cwd);
    expect(text).not.toMatch(/"\/|\s\/[a-z]/);

    const matching = `slots:
  outcome:
    type: string
    internal: true
actions:
  finish_job:
    description: Finishes the job
    outputs: [outcome]
flows:
  job:
    description: Run the job
    trigger:
      intents: [run the job]
    steps:
      - step: run
        type: action
        action: finish_job
        map_outputs:
          outcome: outcome
      - step: tell
        type: say
        message: "Job {outcome}"
`;
    const loaded = await postConfig(server.url, matching);
    expect(loaded.status, await loaded.clone().text()).toBe(200);
    expect((await postMessage(server.url, "u1", "run the job")).body.response).toBe("Job finished");
  }, 60_000);

  it("keeps /health and /message answering while a 1 MB domain is validated and swapped in", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "soni-admin-"));
    writeFileSync(path.join(dir, "soni.yaml"), `settings:\n  du:\n    mode: heuristic\n${GREET}`);
    const server = await start({ config: path.join(dir, "soni.yaml"), env: ADMIN_ENV });
    const domain = largeDomain(1_000_000);
    expect(domain.length).toBeGreaterThan(990_000);

    const latencies: number[] = [];
    const turns: number[] = [];
    let posting = true;
    // A failed request ends its loop and is counted (as status 0), never left unhandled.
    const poll = (async () => {
      while (posting) {
        const sent = performance.now();
        const health = await fetch(`${server.url}/health`);
        await health.arrayBuffer();
        latencies.push(performance.now() - sent);
      }
    })().catch(() => latencies.push(Number.POSITIVE_INFINITY));
    const chat = (async () => {
      for (let i = 0; posting; i++)
        turns.push((await postMessage(server.url, `u${i}`, "hello")).status);
    })().catch(() => turns.push(0));
    const sent = performance.now();
    const reply = await postConfig(server.url, domain);
    const postMs = performance.now() - sent;
    posting = false;
    await Promise.all([poll, chat]);

    expect(turns.length).toBeGreaterThan(2);
    expect(new Set(turns)).toEqual(new Set([200]));
    expect(reply.status, await reply.clone().text()).toBe(200);
    const worst = Math.max(...latencies);
    console.log(
      `POST /config of ${domain.length} bytes: ${postMs.toFixed(0)} ms; /health answered ${latencies.length} times meanwhile, worst ${worst.toFixed(0)} ms; /message ${turns.length} times`,
    );
    expect(latencies.length).toBeGreaterThan(5);
    const sorted = [...latencies].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.95)]).toBeLessThan(HEALTH_P95_BOUND_MS);
    expect(worst).toBeLessThan(Math.max(HEALTH_P95_BOUND_MS, postMs * WORST_SHARE_OF_POST));
    server.signal("SIGTERM");
    expect((await server.exited).code, server.dump()).toBe(0);
    // The parser's worker thread was stopped with the rest: nothing held the process open.
    expect(server.messages()).not.toContain("Handles still open after shutdown; forcing the exit");
  }, 180_000);
});
