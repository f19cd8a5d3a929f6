import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A tutoring service, written for these tests: a tutor's call with an optional topic. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tutoring: LoadedDomain;

beforeAll(async () => {
  tutoring = await domainFromLines(
    [
      "slots:",
      "  subject: { type: string, choices: [maths, physics], prompt: 'Maths or physics?' }",
      "  call_day: { type: date, prompt: 'Which day should the tutor call?' }",
      "  topic:",
      "    type: string",
      "    required: false",
      "    prompt: 'What would you like to go over? You can tell the tutor on the call.'",
      "flows:",
      "  tutor_call:",
      "    description: Ask a tutor to call",
      "    trigger: { intents: ['ask a tutor to call me', 'speak to a tutor'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: subject }",
      "      - { step: t, type: collect, slot: topic }",
      "      - { step: d, type: collect, slot: call_day }",
    ],
    "tutoring",
  );
});

const asked = () => inFlow(tutoring, "tutor_call", { waiting: "topic" });

describe("a refusal followed by what the speaker will do instead", () => {
  it.each([
    "nope I'll go through it with the tutor on the call",
    "no, I'd rather go over it face to face",
    "nah ill just bring my notes",
    "no, ya se lo explico yo en la llamada",
  ])("declines the optional question: %s", (message) => {
    expect(du.read(message, tutoring, asked())).toEqual([{ type: "skip_slot", slot: "topic" }]);
  });

  it("is still the answer when what follows the no is the topic", () => {
    const commands = du.read("no I want to go over quadratic equations", tutoring, asked());
    expect(commands[0]).toMatchObject({ type: "set_slot", slot: "topic" });
  });

  it("is no plain decline when the plan gives another slot's value", () => {
    const commands = du.read("no, I'll tell them on friday", tutoring, asked());
    expect(commands).not.toEqual([{ type: "skip_slot", slot: "topic" }]);
  });
});
