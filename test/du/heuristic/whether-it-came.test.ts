import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

const yaml = `
flows:
  delivery_status:
    description: "Check where a delivery is"
    trigger:
      intents: ["where is my delivery", "track delivery {delivery_code}"]
    steps:
      - { step: ask_code, type: collect, slot: delivery_code }
  cancel_delivery:
    description: "Cancel a delivery"
    trigger:
      intents: ["cancel my delivery", "cancel delivery {delivery_code}"]
    steps:
      - { step: ask_code, type: collect, slot: delivery_code }
slots:
  delivery_code:
    type: string
    extract: pattern
    pattern: "\\\\d{5}"
    prompt: "Which delivery code?"
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "deliveries.yaml");
});

describe("wondering whether a thing came", () => {
  it("asks where it is, not to cancel it", () => {
    for (const text of [
      "hello, my partner says she sent one this morning and we dont know if it arrived, number 44120",
      "not sure whether it came, delivery 44120",
    ]) {
      expect(du.read(text, domain, emptyState("t"))[0], text).toEqual({
        type: "start_flow",
        flow: "delivery_status",
      });
    }
  });
});
