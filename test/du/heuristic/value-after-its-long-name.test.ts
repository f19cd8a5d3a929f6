import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW } from "../helpers.ts";

/**
 * "membership number is GY-123456" with nothing running: the slot's name of two words or more
 * before its value says which value it is, and its words ("number") are no evidence for a flow
 * that tells phone numbers. A gym.
 */
const YAML = `
slots:
  member_id:
    type: string
    extract: pattern
    pattern: "GY-\\\\d{6}"
    label: membership number
    prompt: "What is your membership number?"
flows:
  freeze:
    description: Freeze my membership
    trigger: { intents: ["freeze my membership", "pause membership {member_id}"] }
    steps:
      - { step: m, type: collect, slot: member_id }
      - { step: done, type: say, message: "Frozen." }
  contact:
    description: Our phone number and opening hours
    trigger: { intents: ["what is your phone number", "what number do I call"] }
    steps:
      - { step: done, type: say, message: "Call 0100 200 300." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;
const read = (text: string) => du.read(text, gym, emptyState("test"));

beforeAll(async () => {
  gym = await domainFromYaml(YAML);
});

describe("a value after its slot's long name", () => {
  it("asks nothing of the flow sharing the name's words", () => {
    for (const text of ["membership number is GY-123456", "my membership number GY-123456"]) {
      expect(read(text), text).not.toContainEqual({ type: "start_flow", flow: "contact" });
    }
  });
  it("the words alone still ask for that flow", () => {
    expect(read("what number do I call?")).toContainEqual({
      type: "start_flow",
      flow: "contact",
    });
  });
});
