import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "haha what a week it's been" asked a choice: a remark opened with a laugh asks for no other
 * flow, though one of its words ("week") is another flow's; with a cue it still does. A gym.
 */
const YAML = `
slots:
  level: { type: string, prompt: "Beginner or advanced?", choices: [beginner, advanced] }
flows:
  join_class:
    description: Join a class
    trigger: { intents: ["join a class"] }
    steps:
      - { step: l, type: collect, slot: level }
  week_pass:
    description: Buy a pass for a week
    trigger: { intents: ["buy a week pass", "a pass for the week"] }
    steps:
      - { step: s, type: say, message: "Done." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;
const read = (text: string) => du.read(text, gym, inFlow(gym, "join_class", { waiting: "level" }));

beforeAll(async () => {
  gym = await domainFromYaml(YAML);
});

describe("a laugh at a question", () => {
  it("opens a remark, no request", () => {
    expect(read("haha what a week it's been")).toEqual([
      { type: "chitchat", kind: "other", message: "haha what a week it's been" },
    ]);
  });
  it("a request cue still asks for the other flow", () => {
    expect(read("lol can I buy a week pass too?")).toContainEqual({
      type: "start_flow",
      flow: "week_pass",
    });
  });
});
