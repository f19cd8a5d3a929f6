import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { createUnderstanding } from "../../../src/du/create.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { LlmUnderstanding } from "../../../src/du/llm/llm-understanding.ts";
import type { DialogueUnderstanding } from "../../../src/du/understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { inFlow, load, MINI_BANK } from "../helpers.ts";
import { completion, error, FakeOpenAiServer } from "./fake-openai-server.ts";

const KEY_ENV = "SONI_TEST_DU_KEY";

let base: LoadedDomain;
let server: FakeOpenAiServer;
let baseUrl: string;
let logs: Array<Record<string, unknown>>;
let du: DialogueUnderstanding | undefined;

function logger() {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  return pino({ level: "debug" }, sink);
}

/** The mini-bank domain with LLM settings pointing at the test server. */
function withLlm(du: Record<string, unknown>): LoadedDomain {
  const settings = base.domain.settings;
  return {
    ...base,
    domain: {
      ...base.domain,
      settings: {
        ...settings,
        du: {
          ...settings.du,
          mode: "llm",
          model: "test-model",
          base_url: baseUrl,
          api_key_env: KEY_ENV,
          ...du,
        },
      },
    },
  };
}

function make(
  settings: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = { [KEY_ENV]: "sk-test-123" },
) {
  const domain = withLlm(settings);
  du = createUnderstanding(domain, { logger: logger(), env });
  return { du, domain };
}

const ok = (commands: unknown) => (_r: unknown, res: Parameters<typeof completion>[1]) =>
  completion(JSON.stringify({ commands }), res);

beforeAll(async () => {
  base = await load(MINI_BANK);
});

beforeEach(async () => {
  logs = [];
  server = new FakeOpenAiServer();
  baseUrl = await server.start();
});

afterEach(async () => {
  await du?.close?.();
  du = undefined;
  await server.stop();
});

describe("LLM dialogue understanding", () => {
  it("sends a scoped, schema-constrained request and returns the model's commands", async () => {
    server.reply(ok([{ type: "set_slot", slot: "amount", value: 250 }]));
    const { du, domain } = make();
    expect(du).toBeInstanceOf(LlmUnderstanding);
    const state = inFlow(domain, "transfer_funds", {
      waiting: "amount",
      slots: { beneficiary_name: "Ana" },
    });
    const result = await du.understand("two hundred and fifty", { domain, state });

    expect(result).toMatchObject({
      source: "llm",
      commands: [{ type: "set_slot", slot: "amount", value: 250 }],
      usage: { prompt_tokens: 321, completion_tokens: 12 },
    });
    const [request] = server.requests;
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.headers.authorization).toBe("Bearer sk-test-123");
    const body = request!.body as {
      model: string;
      temperature: number;
      messages: Array<{ role: string; content: string }>;
      response_format: {
        type: string;
        json_schema: { name: string; schema: Record<string, unknown> };
      };
    };
    expect(body.model).toBe("test-model");
    expect(body.temperature).toBe(0);
    expect(body.response_format.type).toBe("json_schema");
    const schema = JSON.stringify(body.response_format.json_schema.schema);
    expect(schema).toContain('"commands"');
    expect(schema).toContain('"start_flow"');
    expect(schema).toContain('"correct_slot"');
    const prompt = body.messages.find((m) => m.role === "user")!.content;
    expect(prompt).toContain("Active flow: transfer_funds");
    expect(prompt).toContain("How much do you want to send?");
    expect(prompt).toContain("It asks for slot amount (float)");
    expect(prompt).toContain('"beneficiary_name":"Ana"');
    expect(prompt).toContain("- check_balance: Check the balance of an account");
    expect(prompt).toContain("two hundred and fifty");
    expect(prompt).not.toContain("- audit:");
    const info = logs.find((l) => l.msg === "LLM understanding");
    expect(info).toMatchObject({ prompt_tokens: 321, completion_tokens: 12, attempts: 1 });
  });

  it("falls back to the heuristic DU on invalid JSON, with a warning", async () => {
    server.reply((_r, res) => completion("Sure! I think the user wants a transfer.", res));
    const { du, domain } = make();
    const result = await du.understand("send 50 euros to Maria", {
      domain,
      state: emptyState("t"),
    });
    expect(result.source).toBe("fallback");
    expect(result.commands).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
      { type: "set_slot", slot: "amount", value: 50 },
      { type: "set_slot", slot: "beneficiary_name", value: "Maria" },
    ]);
    expect(logs.some((l) => l.level === 40 && String(l.reason).includes("not JSON"))).toBe(true);
  });

  it("drops invalid commands and keeps the valid ones", async () => {
    server.reply(
      ok([
        { type: "start_flow", flow: "no_such_flow" },
        { type: "start_flow", flow: "audit" },
        { type: "set_slot", slot: "amount" },
        { type: "teleport" },
        { type: "set_slot", slot: "amount", value: 75 },
      ]),
    );
    const { du, domain } = make();
    const state = inFlow(domain, "transfer_funds", { waiting: "amount" });
    const result = await du.understand("75", { domain, state });
    expect(result.source).toBe("llm");
    expect(result.commands).toEqual([{ type: "set_slot", slot: "amount", value: 75 }]);
    expect(logs.filter((l) => l.msg === "Dropped invalid command")).toHaveLength(4);
  });

  it("retries a 500 and then succeeds", async () => {
    server.reply((_r, res) => error(500, "upstream exploded", res), ok([{ type: "affirm" }]));
    const { du, domain } = make({ retries: 2 });
    const state = inFlow(domain, "transfer_funds", { confirm: true });
    const result = await du.understand("yes", { domain, state });
    expect(result).toMatchObject({ source: "llm", commands: [{ type: "affirm" }] });
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after the configured retries and falls back", async () => {
    server.reply((_r, res) => error(503, "overloaded", res));
    const { du, domain } = make({ retries: 1 });
    const result = await du.understand("cancel", {
      domain,
      state: inFlow(domain, "block_card", { waiting: "card_type" }),
    });
    expect(result).toMatchObject({ source: "fallback", commands: [{ type: "cancel_flow" }] });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a client error", async () => {
    server.reply((_r, res) => error(401, "bad key", res));
    const { du, domain } = make({ retries: 3 });
    const result = await du.understand("hello", { domain, state: emptyState("t") });
    expect(result.source).toBe("fallback");
    expect(server.requests).toHaveLength(1);
  });

  it("falls back when the server is slower than the timeout", async () => {
    server.reply((_r, res) => {
      setTimeout(() => completion('{"commands":[]}', res), 3_000).unref();
    });
    const { du, domain } = make({ timeout_ms: 200, retries: 0 });
    const started = Date.now();
    const result = await du.understand("what's my balance", { domain, state: emptyState("t") });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({
      source: "fallback",
      commands: [{ type: "start_flow", flow: "check_balance" }],
    });
    expect(logs.some((l) => String(l.reason).includes("TimeoutError"))).toBe(true);
  });

  it("switches to json_object mode when the server rejects json_schema", async () => {
    server.reply(
      (_r, res) => error(400, "response_format json_schema is not supported", res),
      ok([{ type: "human_handoff", reason: "asked for a person" }]),
    );
    const { du, domain } = make();
    const result = await du.understand("get me a person", { domain, state: emptyState("t") });
    expect(result).toMatchObject({ source: "llm", commands: [{ type: "human_handoff" }] });
    const second = server.requests[1]!.body as {
      response_format: { type: string };
      messages: Array<{ role: string; content: string }>;
    };
    expect(second.response_format.type).toBe("json_object");
    expect(second.messages[0]!.content).toContain("must match this JSON schema");
  });

  it("aborts the request in flight and closes its connections on close()", async () => {
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    server.reply(() => {
      arrived();
      // Never answers: only close() can end this request.
    });
    const { du, domain } = make({ timeout_ms: 30_000, retries: 3 });
    const started = Date.now();
    const pending = du.understand("what's my balance", { domain, state: emptyState("t") });
    await inFlight;
    await du.close!();
    const result = await pending;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.source).toBe("fallback");
    await expect.poll(() => server.closedSockets).toBeGreaterThanOrEqual(1);
    // Closed for good: later turns use the heuristic without calling the server.
    const later = await du.understand("hello", { domain, state: emptyState("t") });
    expect(later.source).toBe("fallback");
    expect(server.requests).toHaveLength(1);
    await du.close!();
  });

  it("sends no Authorization key when the env var is unset (local servers)", async () => {
    server.reply(ok([]));
    const { du, domain } = make({}, {});
    const result = await du.understand("asdf", { domain, state: emptyState("t") });
    expect(result).toMatchObject({ source: "llm", commands: [] });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer no-key");
  });
});

describe("createUnderstanding", () => {
  it("picks the heuristic DU in auto mode without a model", () => {
    const created = createUnderstanding(base, { logger: logger(), env: {} });
    expect(created).toBeInstanceOf(HeuristicUnderstanding);
  });

  it("picks the LLM DU in auto mode when SONI_DU_MODEL is set, with SONI_DU_BASE_URL", async () => {
    server.reply(ok([{ type: "affirm" }]));
    du = createUnderstanding(base, {
      logger: logger(),
      env: { SONI_DU_MODEL: "env-model", SONI_DU_BASE_URL: baseUrl },
    });
    expect(du).toBeInstanceOf(LlmUnderstanding);
    await du.understand("yes", { domain: base, state: emptyState("t") });
    expect(server.requests[0]!.body.model).toBe("env-model");
  });

  it("auto mode with a model name alone stays offline and logs why, once", async () => {
    const lines: string[] = [];
    const log = pino(
      { level: "info" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const domain = withLlm({ mode: "auto", base_url: undefined, api_key_env: "SONI_TEST_NO_KEY" });
    const created = createUnderstanding(domain, { logger: log, env: {} });
    expect(created).toBeInstanceOf(HeuristicUnderstanding);
    const said = lines.filter((l) => l.includes("Dialogue understanding"));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("SONI_TEST_NO_KEY");
    expect(server.requests).toHaveLength(0);
  });

  it("auto mode uses the model when its API key is set, or when a base_url is given", async () => {
    const keyed = withLlm({ mode: "auto", base_url: undefined, api_key_env: "SONI_TEST_KEY" });
    expect(
      createUnderstanding(keyed, { logger: logger(), env: { SONI_TEST_KEY: "k" } }),
    ).toBeInstanceOf(LlmUnderstanding);
    server.reply(ok([{ type: "affirm" }]));
    du = createUnderstanding(withLlm({ mode: "auto" }), { logger: logger(), env: {} });
    expect(du).toBeInstanceOf(LlmUnderstanding);
    await du.understand("yes", { domain: base, state: emptyState("t") });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses llm mode without a model, saying how to fix it", () => {
    const domain = withLlm({ model: undefined });
    expect(() => createUnderstanding(domain, { logger: logger(), env: {} })).toThrow(
      /settings\.du\.model.*SONI_DU_MODEL/,
    );
  });

  it("honours heuristic mode even when a model is configured", () => {
    const domain = withLlm({ mode: "heuristic" });
    expect(createUnderstanding(domain, { logger: logger(), env: {} })).toBeInstanceOf(
      HeuristicUnderstanding,
    );
  });
});
