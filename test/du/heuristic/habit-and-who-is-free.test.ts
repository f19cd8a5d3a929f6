import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW } from "../helpers.ts";

const idle = () => emptyState("t");

/** A bike workshop, written for these tests: a repair slot booked in the morning or afternoon. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let workshop: LoadedDomain;

beforeAll(async () => {
  workshop = await loadDomainFromText(
    [
      "slots:",
      "  part_of_day:",
      "    choices: [morning, afternoon]",
      "    prompt: 'Morning or afternoon?'",
      "flows:",
      "  book_repair:",
      "    description: Book a bike repair",
      "    trigger: { intents: ['book a repair', 'can you fix my bike in the {part_of_day}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: part_of_day }",
      "  cancel_repair:",
      "    description: Cancel a bike repair",
      "    trigger: { intents: ['cancel my repair'] }",
      "    steps:",
      "      - { step: c, type: say, message: Cancelled }",
    ].join("\n"),
    "workshop.yaml",
  );
});

const partOfDay = expect.objectContaining({ type: "set_slot", slot: "part_of_day" });

describe("a part of the day after a word of habit", () => {
  it("tells when something keeps happening, not the time wanted", () => {
    for (const text of [
      "the chain squeaks every morning on my way to work, can I book a repair",
      "my brakes rub each afternoon after the ride home, book a repair please",
    ]) {
      const read = du.read(text, workshop, idle());
      expect(read, text).toContainEqual({ type: "start_flow", flow: "book_repair" });
      expect(read, text).not.toContainEqual(partOfDay);
    }
  });

  it("is still the time wanted without one", () => {
    expect(du.read("can you fix my bike in the morning", workshop, idle())).toContainEqual({
      type: "set_slot",
      slot: "part_of_day",
      value: "morning",
    });
  });
});

describe("asking who is free to do a thing", () => {
  it("asks for a time with them", () => {
    for (const text of [
      "my gears keep slipping. anyone free to fix them this week?",
      "the back wheel wobbles, is anyone free to check it?",
    ]) {
      expect(du.read(text, workshop, idle()), text).toContainEqual({
        type: "start_flow",
        flow: "book_repair",
      });
    }
  });
});

describe("a clause telling what keeps happening, beside one that asks", () => {
  it("says why; the clause that asks is the request", async () => {
    // A phone company's minutes, bundle and charges: the story's words are other flows' words.
    const phone = await loadDomainFromText(
      [
        "flows:",
        "  check_minutes:",
        "    description: Check the call minutes used",
        "    trigger: { intents: ['how many minutes have I used', 'check my minutes'] }",
        "    steps: [{ step: s, type: say, message: Ten }]",
        "  change_bundle:",
        "    description: Change the call bundle",
        "    trigger: { intents: ['change my bundle', 'upgrade my bundle'] }",
        "    steps: [{ step: c, type: say, message: Changed }]",
        "  check_charges:",
        "    description: Check the charges",
        "    trigger: { intents: ['what do I owe this month'] }",
        "    steps: [{ step: s, type: say, message: Nothing }]",
      ].join("\n"),
      "phone.yaml",
    );
    for (const text of [
      "I keep running out of minutes every month, I need a bigger bundle",
      "I am always short of minutes every month, I need a larger bundle",
    ]) {
      expect(du.read(text, phone, idle()), text).toEqual([
        { type: "start_flow", flow: "change_bundle" },
      ]);
    }
  });
});
