import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../src/protocol/state.ts";

/** An original-dialect domain whose string slots name validators that are kinds of value. */
const yaml = `
version: "1.0"
slots:
  payee:
    type: string
    prompt: "Who gets the money?"
    validator: person_name
  account_number:
    type: string
    prompt: "Their IBAN?"
    validator: iban
  memo:
    type: string
    prompt: "A note?"
    validator: short_note
flows:
  pay_someone:
    description: "Pay a friend back"
    trigger:
      intents: ["pay a friend back"]
    steps:
      - { step: who, type: collect, slot: payee, message: "Who gets the money?" }
      - { step: where, type: collect, slot: account_number, message: "Their IBAN?" }
      - { step: note, type: collect, slot: memo, message: "A note?" }
`;

describe("the original's validators named as a kind of value", () => {
  it("make the slot read that kind; other validators leave it free text", async () => {
    const loaded = await loadDomainFromText(yaml, "pay.yaml");
    const slots = loaded.domain.slots;
    expect(slots.payee?.extract).toBe("person_name");
    expect(slots.account_number?.extract).toBe("iban");
    expect(slots.memo?.extract).toBeUndefined();
    // The IBAN of a first message is read as one, not left for the question.
    const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
    const read = du.readWithRule(
      "pay a friend back, IBAN ES9121000418450200051332",
      loaded,
      emptyState("t"),
    );
    expect(read.commands).toContainEqual({
      type: "set_slot",
      slot: "account_number",
      value: "ES9121000418450200051332",
    });
  });
});
