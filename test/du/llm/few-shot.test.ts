import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { LlmUnderstanding } from "../../../src/du/llm/llm-understanding.ts";
import { buildPrompt } from "../../../src/du/llm/prompt.ts";
import { withExamples } from "../../../src/du/optimize/optimizer.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { inFlow } from "../helpers.ts";
import { completion, FakeOpenAiServer } from "./fake-openai-server.ts";

const DOMAIN = path.resolve(import.meta.dirname, "../../fixtures/optimize/domain");

let plain: LoadedDomain;
let domain: LoadedDomain;

beforeAll(async () => {
  plain = await loadDomain(DOMAIN);
  domain = withExamples(plain, {
    flows: { transfer_funds: ["pay back {beneficiary_name}"] },
    turns: [
      { text: "am I broke", commands: [{ type: "start_flow", flow: "check_balance" }] },
      {
        text: "the plastic one",
        context: { flow: "block_card", waiting: "card_type", slots: {} },
        commands: [{ type: "set_slot", slot: "card_type", value: "credit" }],
      },
      {
        text: "twenty quid",
        context: { flow: "transfer_funds", waiting: "amount", slots: { beneficiary_name: "Ana" } },
        commands: [{ type: "set_slot", slot: "amount", value: 20 }],
      },
      {
        text: "go for it",
        context: { flow: "transfer_funds", confirm: true, slots: {} },
        commands: [{ type: "affirm" }],
      },
    ],
  });
});

describe("few-shot turns in the LLM prompt", () => {
  it("has none when the domain has no example turns", () => {
    expect(buildPrompt("hi", plain, emptyState("t")).examples).toEqual([]);
  });

  it("puts the turns of the same flow and question first", () => {
    const state = inFlow(domain, "transfer_funds", {
      waiting: "amount",
      slots: { beneficiary_name: "Ana" },
    });
    const { examples } = buildPrompt("50", domain, state);
    expect(examples).toHaveLength(4);
    expect(examples[0]!.user).toContain('"twenty quid"');
    expect(examples[0]!.user).toContain("Active flow: transfer_funds");
    expect(examples[0]!.user).toContain("it asks for slot amount");
    expect(JSON.parse(examples[0]!.assistant)).toEqual({
      commands: [{ type: "set_slot", slot: "amount", value: 20 }],
    });
    // Then the same flow at another question, then a first message (a possible digression).
    expect(examples[1]!.user).toContain('"go for it"');
    expect(examples[2]!.user).toContain('"am I broke"');
    expect(examples[3]!.user).toContain('"the plastic one"');
  });

  it("puts first messages first when no flow is active", () => {
    const { examples } = buildPrompt("hello", domain, emptyState("t"));
    expect(examples[0]!.user).toContain("No flow is active.");
    expect(examples[0]!.user).toContain('"am I broke"');
  });

  it("lists examples.flows phrasings with the flow's trigger examples", () => {
    const { user } = buildPrompt("hello", domain, emptyState("t"));
    expect(user).toMatch(/- transfer_funds: .*\n {2}examples: .*"pay back \{beneficiary_name\}"/);
  });

  describe("in the request", () => {
    const server = new FakeOpenAiServer();
    let du: LlmUnderstanding;
    beforeAll(async () => {
      const baseUrl = await server.start();
      du = new LlmUnderstanding({
        model: "test-model",
        baseUrl,
        timeoutMs: 2_000,
        retries: 0,
        temperature: 0,
        logger: pino({ level: "silent" }),
        fallback: new HeuristicUnderstanding(),
      });
    });
    afterAll(async () => {
      await du.close();
      await server.stop();
    });

    it("sends them as user/assistant pairs between the system prompt and the message", async () => {
      server.reply((_r, res) =>
        completion(JSON.stringify({ commands: [{ type: "affirm" }] }), res),
      );
      const state = inFlow(domain, "transfer_funds", { confirm: true });
      await du.understand("sure", { domain, state });
      const body = server.requests[0]!.body as {
        messages: Array<{ role: string; content: string }>;
      };
      expect(body.messages.map((m) => m.role)).toEqual([
        "system",
        "user",
        "assistant",
        "user",
        "assistant",
        "user",
        "assistant",
        "user",
        "assistant",
        "user",
      ]);
      expect(body.messages[1]!.content).toContain('"go for it"');
      expect(body.messages[2]!.content).toBe('{"commands":[{"type":"affirm"}]}');
      expect(body.messages.at(-1)!.content).toContain('## Latest user message\n"sure"');
    });
  });
});
