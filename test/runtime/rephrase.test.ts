import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { completion, error, FakeOpenAiServer } from "../du/llm/fake-openai-server.ts";
import { domainFromYaml, testRuntime } from "./helpers.ts";
import { say } from "./scripted-du.ts";

let server: FakeOpenAiServer;
let baseUrl: string;

beforeAll(async () => {
  server = new FakeOpenAiServer();
  baseUrl = await server.start();
});
afterAll(() => server.stop());
afterEach(() => {
  server.requests.length = 0;
});

const domainYaml = (du: string, timeoutMs = 10_000) => `
settings:
  du: { mode: heuristic${du} }
  rephrase: { enabled: true, tone: formal, timeout_ms: ${timeoutMs} }
slots:
  name: { type: string, prompt: "Your name?" }
flows:
  hello:
    description: Say hello
    steps:
      - { step: ask, type: collect, slot: name }
      - { step: greet, type: say, message: "Hi {name}, welcome!" }
      - { step: legal, type: say, message: "Terms apply.", rephrase: false }
`;

const start = say({ type: "start_flow", flow: "hello", slots: { name: "Ana" } });

describe("rephrasing say messages (settings.rephrase)", () => {
  it("rewords say messages through the configured model, in the configured tone", async () => {
    server.reply((_request, res) => completion("Good day, Ana. You are most welcome.", res));
    const domain = await domainFromYaml(domainYaml(`, model: test-model, base_url: "${baseUrl}"`));
    const { runtime } = testRuntime(domain);
    const result = await runtime.processMessage(start, "u1");
    expect(result.messages).toEqual(["Good day, Ana. You are most welcome.", "Terms apply."]);
    // One call, for the one rephrasable message; the original text and the tone are sent.
    expect(server.requests).toHaveLength(1);
    const messages = server.requests[0]!.body.messages as { role: string; content: string }[];
    expect(messages[0]!.content).toContain("formal");
    expect(messages[1]!.content).toBe("Hi Ana, welcome!");
    await runtime.cleanup();
  });

  it("says the message as written when the model fails", async () => {
    server.reply((_request, res) => error(500, "boom", res));
    const domain = await domainFromYaml(domainYaml(`, model: test-model, base_url: "${baseUrl}"`));
    const { runtime, lines } = testRuntime(domain);
    const result = await runtime.processMessage(start, "u1");
    expect(result.messages).toEqual(["Hi Ana, welcome!", "Terms apply."]);
    expect(lines.some((l) => l.msg === "Rephrasing failed; the message is said as written")).toBe(
      true,
    );
    await runtime.cleanup();
  });

  it("says the message as written when the model does not answer within the timeout", async () => {
    server.reply(() => new Promise(() => {}));
    const domain = await domainFromYaml(
      domainYaml(`, model: test-model, base_url: "${baseUrl}"`, 300),
    );
    const { runtime } = testRuntime(domain);
    const result = await runtime.processMessage(start, "u1");
    expect(result.messages).toEqual(["Hi Ana, welcome!", "Terms apply."]);
    await runtime.cleanup();
  });

  it("with a model name but no key nor base_url, makes no call and says why once", async () => {
    const domain = await domainFromYaml(
      domainYaml(", model: test-model, api_key_env: SONI_TEST_UNSET_KEY"),
    );
    const { runtime, lines } = testRuntime(domain);
    const result = await runtime.processMessage(start, "u1");
    expect(result.messages).toEqual(["Hi Ana, welcome!", "Terms apply."]);
    expect(server.requests).toHaveLength(0);
    const off = lines.filter((l) => String(l.msg).startsWith("Rephrasing off"));
    expect(off).toHaveLength(1);
    expect(String(off[0]!.msg)).toContain("SONI_TEST_UNSET_KEY");
    await runtime.cleanup();
  });
});
