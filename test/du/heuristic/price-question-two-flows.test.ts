import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, slotsOf, startedFlow } from "../helpers.ts";

/**
 * A climbing wall written for this test: changing a membership plan speaks of prices ("a
 * cheaper price"), and an information flow tells them, with a phrase that says "charge" (a
 * word of paying, so it is not the domain's one price flow).
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let wall: LoadedDomain;

beforeAll(async () => {
  wall = await loadDomainFromText(
    [
      "slots:",
      "  plan: { choices: [monthly, yearly], prompt: 'Which plan?' }",
      "  topic:",
      "    choices: [hours, fees]",
      "    synonyms: { hours: [opening hours, open], fees: [prices, price, day pass, how much] }",
      "    prompt: 'Hours or prices?'",
      "flows:",
      "  change_plan:",
      "    description: Change your membership plan",
      "    trigger: { intents: ['change my plan', 'I want a better price on my membership'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plan }",
      "  wall_info:",
      "    description: Opening hours and prices",
      "    trigger: { intents: ['when are you open', 'how much do you charge for a day pass', 'tell me your {topic}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: topic }",
    ].join("\n"),
    "wall.yaml",
  );
});

const read = (text: string) => du.read(text, wall, emptyState("t"));

describe("a price question where two flows speak of prices", () => {
  it("goes to the flow that explains the whole question and ranks first", () => {
    const commands = read("how much do you charge for a day pass");
    expect(startedFlow(commands)).toBe("wall_info");
    expect(slotsOf(commands)).toMatchObject({ topic: "fees" });
    expect(startedFlow(read("what are the prices for a day pass"))).toBe("wall_info");
  });
  it("still starts the plan change when that is what is asked", () => {
    expect(startedFlow(read("change my plan to yearly"))).toBe("change_plan");
  });
});
