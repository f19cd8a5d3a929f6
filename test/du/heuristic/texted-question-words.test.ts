import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

const yaml = `
flows:
  order_status:
    description: "Check on an order of flowers"
    trigger:
      intents: ["where are my flowers", "when will my flowers come"]
    steps:
      - { step: ask_code, type: collect, slot: order_code }
  order_flowers:
    description: "Order a bunch of flowers"
    trigger:
      intents: ["I want flowers", "send flowers"]
    steps:
      - { step: ask_code, type: collect, slot: order_code }
slots:
  order_code:
    type: string
    prompt: "Which order?"
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "flowers.yaml");
});

describe("a question word typed as it sounds", () => {
  it("asks as the question word does", () => {
    for (const text of ["wen will my flowers b here", "wen r my flowers coming"]) {
      expect(du.read(text, domain, emptyState("t"))[0], text).toEqual({
        type: "start_flow",
        flow: "order_status",
      });
    }
  });
});
