import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW } from "../helpers.ts";

/**
 * "move me from the basic plan to the top one": two values of one slot, the first after "from"
 * and the second after "to" (packs' `changeFrom`, `changeTo`): the move is to the second. A
 * gym's memberships.
 */
const YAML = `
slots:
  plan:
    type: string
    prompt: "Which plan: basic, plus or unlimited?"
    choices: [basic, plus, unlimited]
    synonyms: { basic: [cheapest], unlimited: [top, highest, everything] }
flows:
  change_plan:
    description: Change my membership plan
    trigger: { intents: ["change my plan", "switch to the {plan} plan", "upgrade to {plan}"] }
    steps:
      - { step: p, type: collect, slot: plan }
      - { step: done, type: say, message: "You're on {plan} now." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let gym: LoadedDomain;
const plan = (text: string) =>
  du.read(text, gym, emptyState("test")).find((c) => c.type === "set_slot" && c.slot === "plan");

beforeAll(async () => {
  gym = await domainFromYaml(YAML);
});

describe("a move from one value to another", () => {
  it("is to the second", () => {
    for (const [text, value] of [
      ["can I switch from basic to the top plan?", "unlimited"],
      ["is it possible to go from plus to unlimited", "unlimited"],
      ["change my plan from the cheapest one to plus please", "plus"],
      ["quiero pasar de basic a plus", "plus"],
    ] as const) {
      expect(plan(text), text).toEqual({ type: "set_slot", slot: "plan", value });
    }
  });
  it("one value after from alone is still that value", () => {
    expect(plan("switch to the plus plan, I'm moving up from basic")).toEqual({
      type: "set_slot",
      slot: "plan",
      value: "plus",
    });
  });
});
