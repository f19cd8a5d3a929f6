import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

/** A flow's trigger phrases as the author wrote them, said whole or opening a longer message. */
const yaml = `
flows:
  browse_plants:
    description: "Browse the nursery catalogue"
    trigger:
      intents: ["I'm hunting for", "let me see"]
    steps:
      - { step: ask_plant, type: collect, slot: plant_wanted }
  basket_plant:
    description: "Put a plant in the basket"
    trigger:
      intents: ["I want to buy", "put in my basket"]
    steps:
      - { step: ask_plant, type: collect, slot: plant_wanted }
  settle_up:
    description: "Settle the bill"
    trigger:
      intents: ["buy it now", "settle up"]
    steps:
      - { step: ask_card, type: collect, slot: card_holder }
slots:
  plant_wanted:
    type: string
    prompt: "Which plant?"
  card_holder:
    type: string
    prompt: "Name on the card?"
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "nursery.yaml");
});
const fired = (text: string) => du.readWithRule(text, domain, emptyState("t"));

describe("trigger phrases", () => {
  it("a phrase said word for word starts its flow, though another flow's phrase reads the same", () => {
    // "I want to buy" and "buy it now" both come down to "buy" once request wording is gone.
    expect(fired("I'd like to buy").commands[0]?.type).toBe("clarify");
    const read = fired("I want to buy!");
    expect(read.rule).toBe("own-trigger-phrase");
    expect(read.commands[0]).toEqual({ type: "start_flow", flow: "basket_plant" });
  });

  it("a phrase opening a message of words no flow knows starts its flow", () => {
    for (const text of [
      "I'm hunting for a glazed terracotta bonsai dish",
      "Let me see those variegated succulents",
    ]) {
      const read = fired(text);
      expect(read.rule, text).toBe("leading-trigger-phrase");
      expect(read.commands[0], text).toEqual({ type: "start_flow", flow: "browse_plants" });
    }
  });

  it("the words after the phrase answer the flow's first question when it takes free text", () => {
    // A leading article is no part of the value, as in every other free-text reading.
    expect(fired("I'm hunting for a glazed terracotta bonsai dish.").commands).toEqual([
      { type: "start_flow", flow: "browse_plants" },
      { type: "set_slot", slot: "plant_wanted", value: "glazed terracotta bonsai dish" },
    ]);
  });

  it("an opening of function words only, or in the middle of the message, starts nothing", () => {
    // "let me" is no phrase; "let me see" not at the start is no opening.
    expect(fired("let me think about ornamental grasses").rule).not.toBe("leading-trigger-phrase");
    expect(fired("well, let me see ornamental grasses").rule).not.toBe("leading-trigger-phrase");
  });
});
