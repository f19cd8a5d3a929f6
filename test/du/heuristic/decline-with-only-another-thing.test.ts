import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "no thanks, bike only": a "no" to an optional list of extras, then "only" a thing that is
 * none of the extras (here the name of another flow's thing): nothing is added. A bike rental.
 */
const YAML = `
slots:
  extras: { type: list, required: false, prompt: "Any extras: a helmet, a lock or a child seat?", choices: [helmet, lock, child_seat] }
  model: { type: string, prompt: "Which bike?", choices: [city_bike, e_bike] }
flows:
  rent:
    description: Rent a bike
    trigger: { intents: ["rent a {model}"] }
    steps:
      - { step: m, type: collect, slot: model }
      - { step: x, type: collect, slot: extras }
  repair_kit:
    description: What a repair kit holds
    trigger: { intents: ["what is in the bike repair kit", "repair kit only"] }
    steps:
      - { step: s, type: say, message: "A pump and tyre levers." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string) =>
  du.read(text, shop, inFlow(shop, "rent", { waiting: "extras", slots: { model: "e_bike" } }));

beforeAll(async () => {
  shop = await domainFromYaml(YAML);
});

describe("a no, then only another thing", () => {
  it("adds nothing", () => {
    expect(read("no thanks, repair kit only")).toEqual([{ type: "skip_slot", slot: "extras" }]);
    expect(read("nah, just the bike")).toEqual([{ type: "skip_slot", slot: "extras" }]);
  });
  it("only an extra named is that extra", () => {
    expect(read("no thanks, just the lock")).not.toContainEqual({
      type: "skip_slot",
      slot: "extras",
    });
  });
});
