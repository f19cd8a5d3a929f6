import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { readActs } from "../../../src/du/heuristic/acts.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "the mower won't start again": a negation (not a "no" answer) right before a cancel phrase
 * ("start again", "forget") says what does not happen; it cancels nothing. "no, forget it" and
 * "start again" on their own still cancel. A garden machinery repairer.
 */
const YAML = `
slots:
  machine: { type: string, prompt: "Which machine?", choices: [mower, hedge_trimmer, chainsaw] }
  fault:
    type: string
    prompt: "What's wrong with it?"
    choices: [no_start, blunt_blade, oil_leak]
    synonyms:
      no_start: [won't start, wont start, not starting]
      blunt_blade: [blunt, blade]
      oil_leak: [leaking oil, oil leak]
flows:
  repair:
    description: Book a machine repair
    trigger: { intents: ["my {machine} needs a repair", "book a repair"] }
    steps:
      - { step: m, type: collect, slot: machine }
      - { step: f, type: collect, slot: fault }
      - { step: done, type: say, message: "Booked." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string) => du.read(text, shop, inFlow(shop, "repair", { waiting: "fault" }));

beforeAll(async () => {
  shop = await domainFromYaml(YAML);
});

describe("a cancel phrase after a negation", () => {
  it("mentions no cancel", () => {
    expect(readActs("it wont start again it just clicks").cancelMentioned).toBeNull();
    expect(readActs("i cant forget the noise it made").cancelMentioned).toBeNull();
    expect(readActs("no forget it").cancelMentioned).toBe("forget it");
  });
  it("answers the question instead of cancelling", () => {
    for (const text of [
      "it won't start again, it just clicks",
      "it wont start again after the winter",
    ]) {
      expect(read(text)).toEqual([{ type: "set_slot", slot: "fault", value: "no_start" }]);
    }
  });
  it("a cancel phrase said alone still cancels", () => {
    expect(read("no, forget it")).toEqual([{ type: "cancel_flow" }]);
    expect(read("let's start again")).toEqual([{ type: "cancel_flow" }]);
  });
});
