import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * How customers write, read on a small bike-workshop domain no rule was written for: a clock
 * time for a part of day, a code typed as its digits, a code that points at the flow taking it,
 * a list answered in a sentence, a question about the assistant.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string, state: DialogueState = emptyState("t")): Command[] =>
  du.read(text, shop, state);
const started = (text: string) => firstIntent(read(text));

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  service: { type: string, choices: [tune_up, puncture, brakes], prompt: 'Which service?' }",
      "  drop_off_day: { type: date, prompt: 'Which day will you bring it?' }",
      "  shift: { type: string, choices: [am, pm], prompt: 'Morning or afternoon?',",
      "           synonyms: { am: [morning], pm: [afternoon] } }",
      "  faults: { type: list, extract: list, required: false, prompt: 'What is wrong with it?' }",
      "  job_code: { type: string, extract: pattern, pattern: 'BK-\\d{5}', prompt: 'Your job code?' }",
      "  ok: { type: boolean }",
      "flows:",
      "  book_service:",
      "    description: Book a bike service",
      "    trigger: { intents: ['book a service', 'I want a {service} on {drop_off_day}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: service }",
      "      - { step: d, type: collect, slot: drop_off_day }",
      "      - { step: h, type: collect, slot: shift }",
      "      - { step: f, type: collect, slot: faults }",
      "  move_service:",
      "    description: Move a booked service to another day",
      "    trigger: { intents: ['move my service {job_code}', 'change the day of my service'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: job_code }",
      "      - { step: d, type: collect, slot: drop_off_day }",
      "      - { step: h, type: collect, slot: shift }",
      "  drop_service:",
      "    description: Cancel a booked service",
      "    trigger: { intents: ['cancel my service {job_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: job_code }",
      "      - { step: k, type: confirm, slot: ok, message: 'Cancel {job_code}?' }",
    ],
    "bike-shop.yaml",
  );
});

describe("values typed the way customers type them", () => {
  it("reads a clock time glued to am/pm as that choice", () => {
    const state = inFlow(shop, "book_service", { waiting: "shift" });
    expect(read("around 5pm if that works", state)).toEqual([
      { type: "set_slot", slot: "shift", value: "pm" },
    ]);
    expect(slotsOf(read("a tune up on friday at 10am"))).toMatchObject({ shift: "am" });
  });

  it("writes the pattern's fixed letters back onto a code typed as its digits", () => {
    const state = inFlow(shop, "drop_service", { waiting: "job_code" });
    expect(read("it is 40213", state)).toEqual([
      { type: "set_slot", slot: "job_code", value: "BK-40213" },
    ]);
    // Digits that do not fit the pattern stay as typed, for the validator to refuse.
    expect(read("123", state)).toEqual([{ type: "set_slot", slot: "job_code", value: "123" }]);
  });

  it("reads a list answered in a sentence without who has the items", () => {
    const state = inFlow(shop, "book_service", { waiting: "faults" });
    expect(read("it's got a squeaky chain and a flat tyre", state)).toEqual([
      { type: "set_slot", slot: "faults", value: ["squeaky chain", "flat tyre"] },
    ]);
    expect(read("my daughter has been having trouble with the gears", state)).toEqual([
      { type: "set_slot", slot: "faults", value: ["trouble with the gears"] },
    ]);
  });
});

describe("a free list named in a first message", () => {
  it("reads the items after the list's name and a colon, up to the sentence's end", () => {
    expect(
      slotsOf(read("a tune up on friday morning. Faults: squeaky chain, a loose saddle. Thanks")),
    ).toMatchObject({ service: "tune_up", faults: ["squeaky chain", "loose saddle"] });
    expect(slotsOf(read("a tune up on friday, faults: none"))).not.toHaveProperty("faults");
  });
});

describe("which flow a first message asks for", () => {
  it("starts the cancelling flow when the details said are the booking flow's values", () => {
    // The service and the day are what booking takes; the cancel verb says what is asked.
    expect(started("please delete my brakes service on friday, sold the bike")).toBe(
      "drop_service",
    );
    expect(started("remove my tune up booking for monday")).toBe("drop_service");
    // Without a cancel word, the same details still book.
    expect(started("my brakes service on friday please")).toBe("book_service");
  });

  it("reads a Spanish speaker's 'anulate' as cancel", () => {
    expect(started("I want to anulate my service BK-12345")).toBe("drop_service");
  });

  it("starts the flow of a clause that asks with a weak request word ('we need')", () => {
    expect(started("we need a service for our tandem, the chain keeps slipping off")).toBe(
      "book_service",
    );
  });

  it("starts the one flow that takes every value said when the others take only part", () => {
    // The part of day fits booking too; the job code only moving and cancelling take.
    expect(started("could my service go to the afternoon instead? it is BK-12345")).toBe(
      "move_service",
    );
  });

  it("reads a question about the assistant as small talk, not a question about the business", () => {
    expect(started("are you a machine or a real human?")).toBe("chitchat");
    expect(started("do you repair electric scooters?")).toBe("out_of_scope");
  });
});
