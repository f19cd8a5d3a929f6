import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml, testRuntime } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "hang on, let me look", "un momento, déjame mirarlo": the user asks for a moment before
 * answering. It is small talk of kind `wait`, never the answer (a free-text one least of all);
 * the DM says so and leaves the question pending. A bike workshop takes repair requests.
 */
const YAML = `
slots:
  bike: { type: string, prompt: "Which bike?", choices: [road_bike, mountain_bike] }
  fault: { type: string, extract: free_text, prompt: "What is wrong with it?" }
  job: { type: string, extract: pattern, pattern: "JOB-\\\\d{4}", prompt: "Which job number?" }
  balance: { type: string }
flows:
  repair:
    description: Book a repair
    trigger: { intents: ["my bike needs fixing", "book a repair for my {bike}"] }
    steps:
      - { step: b, type: collect, slot: bike }
      - { step: f, type: collect, slot: fault }
      - { step: done, type: say, message: "Booked: {fault}." }
  job_status:
    description: Follow a repair job
    trigger: { intents: ["how is my repair going", "status of {job}"] }
    steps:
      - { step: j, type: collect, slot: job }
      - { step: done, type: say, message: "{job} is on the stand." }
  account_balance:
    description: Check the balance of my workshop account
    trigger: { intents: ["check my account balance"] }
    steps:
      - { step: done, type: say, message: "You owe nothing." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string, flow: string, waiting: string) =>
  du.read(text, shop, inFlow(shop, flow, { waiting }));
const WAIT = (message: string) => [{ type: "chitchat", kind: "wait", message }];

beforeAll(async () => {
  shop = await domainFromYaml(YAML);
});

describe("a pause before the answer", () => {
  it("is no description of what is wrong", () => {
    for (const text of [
      "hmm hold on, I'll go and look at the chain",
      "one moment please",
      "give me a sec, let me check",
      "un momento, déjame mirarlo",
    ]) {
      expect(read(text, "repair", "fault")).toEqual(WAIT(text));
    }
  });
  it("is no answer to a typed question either, nor where the number is", () => {
    const text = "just a sec, it's in one of my emails";
    expect(read(text, "job_status", "job")).toEqual(WAIT(text));
  });
  it("an answer after the pause is still the answer", () => {
    expect(read("hang on... it's JOB-4411", "job_status", "job")).toContainEqual({
      type: "set_slot",
      slot: "job",
      value: "JOB-4411",
    });
    const said = read("hold on, let me see, the gears slip under load", "repair", "fault");
    expect(said).toEqual([
      { type: "set_slot", slot: "fault", value: "hold on, let me see, the gears slip under load" },
    ]);
  });
  it("another request named after it is still that request", () => {
    expect(
      read("hang on, let me check my account balance first", "repair", "fault"),
    ).toContainEqual({ type: "start_flow", flow: "account_balance" });
  });
  it("the DM leaves the question pending and takes the answer next", async () => {
    const t = testRuntime(shop, {}, { du });
    const send = async (text: string) => (await t.runtime.processMessage(text, "u")).messages;
    expect(await send("book a repair for my road bike")).toEqual(["What is wrong with it?"]);
    expect(await send("hang on, let me have a look")).toEqual(["Sure, take your time."]);
    expect(await send("the rear brake rubs")).toEqual(["Booked: rear brake rubs."]);
  });
});
