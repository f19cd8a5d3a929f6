import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { inFlow } from "../helpers.ts";

/** String slots without choices, asked directly, as domains from the original Soni write them. */
const DOMAIN = `
slots:
  loan_format: { type: string }
  recipient: { type: string }
  note_text: { type: string }
  fine_amount: { type: float }
  card_number: { type: string }
flows:
  renew_book:
    description: Renew a book you have on loan
    trigger: { intents: ["renew my book", "I want to renew a book"] }
    steps:
      - { step: ask_format, type: collect, slot: loan_format, prompt: "Which format?" }
  send_note:
    description: Send a note to a member
    trigger: { intents: ["I want to send a note", "Send a note to {recipient}"] }
    steps:
      - { step: ask_recipient, type: collect, slot: recipient, prompt: "Who is it for?" }
      - { step: ask_text, type: collect, slot: note_text, prompt: "What should it say?" }
  pay_fine:
    description: Pay a late-return fine
    trigger: { intents: ["pay a fine"] }
    steps:
      - { step: ask_amount, type: collect, slot: fine_amount, prompt: "How much?" }
      - { step: ask_card, type: collect, slot: card_number, prompt: "Your card number?" }
`;

let domain: LoadedDomain;
const du = new HeuristicUnderstanding();

beforeAll(async () => {
  domain = await loadDomainFromText(DOMAIN, "library.yaml");
});

describe("a short answer to a free-text question", () => {
  it("fills the slot when the word is also one of the flow's request", () => {
    const state = inFlow(domain, "renew_book", { waiting: "loan_format" });
    expect(du.read("book", domain, state)).toEqual([
      { type: "set_slot", slot: "loan_format", value: "book" },
    ]);
    // More than one word of the request is the request said again.
    expect(du.read("renew my book", domain, state)).toEqual([
      { type: "start_flow", flow: "renew_book" },
    ]);
  });

  it("fills the slot with a number that is not the other slot's value said again", () => {
    const state = inFlow(domain, "pay_fine", {
      waiting: "card_number",
      slots: { fine_amount: 12 },
    });
    expect(du.read("204518", domain, state)).toEqual([
      { type: "set_slot", slot: "card_number", value: "204518" },
    ]);
    expect(du.read("12", domain, state)).toEqual([
      { type: "correct_slot", slot: "fine_amount", value: 12 },
    ]);
  });
});

describe("a trigger cue followed by the request's own words", () => {
  it("starts the flow without reading them as the slot's value", () => {
    expect(du.read("I want to send a note", domain, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "send_note" },
    ]);
    expect(du.read("send a note to Laura", domain, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "send_note" },
      { type: "set_slot", slot: "recipient", value: "Laura" },
    ]);
  });
});
