import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "not yet, I'm calling the council after this" asked an optional "council reference": the
 * reason after the "no" names the thing asked about, which gives it no value; nor does a weak
 * task word ("yet") of "no, haven't been sent one yet". A lost property office.
 */
const YAML = `
slots:
  item: { type: string, prompt: "What did you lose?", choices: [bag, phone, keys] }
  council_ref:
    type: string
    required: false
    label: council reference
    prompt: "Do you have a council reference number? Say no if not."
flows:
  lost_item:
    description: Report a lost item
    trigger: { intents: ["I lost my {item}", "report a lost item"] }
    steps:
      - { step: i, type: collect, slot: item }
      - { step: r, type: collect, slot: council_ref }
      - { step: done, type: say, message: "Reported." }
  item_status:
    description: Check whether a lost item has turned up yet
    trigger: { intents: ["has my {item} been found yet", "any news on my lost item"] }
    steps:
      - { step: done, type: say, message: "Nothing yet." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let office: LoadedDomain;
const read = (text: string) =>
  du.read(text, office, inFlow(office, "lost_item", { waiting: "council_ref" }));
const SKIP = [{ type: "skip_slot", slot: "council_ref" }];

beforeAll(async () => {
  office = await domainFromYaml(YAML);
});

describe("a no with a reason naming the thing asked", () => {
  it("declines the optional question", () => {
    for (const text of [
      "not yet, I'm calling the council after this",
      "no, I still need to ring the council",
      "no, haven't been sent one yet",
      "nope, haven't been given one yet",
    ]) {
      expect(read(text), text).toEqual(SKIP);
    }
  });
});
