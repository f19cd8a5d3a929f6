import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow } from "../helpers.ts";

/**
 * On a small cooking school: a change told as what happened is no request, a cancel phrase in
 * front of a request, a mistyped word beside a number, a value never given to a pattern slot it
 * does not match, a synonym with an article, and a bare code several flows take said in the middle
 * of another flow.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;
const first = (text: string): Command[] => du.read(text, school, emptyState("t"));
const asked = (slot: string, text: string, slots: Record<string, string | number> = {}) =>
  du.read(text, school, inFlow(school, "book_class", { waiting: slot, slots }));

beforeAll(async () => {
  school = await domainFromLines(
    [
      "slots:",
      "  class_name:",
      "    type: string",
      "    choices: [pasta, sushi, baking]",
      "    synonyms: { pasta: [the noodle lab], baking: [la panaderia] }",
      "    prompt: 'Which class?'",
      "  class_date: { type: date, prompt: 'Which day?' }",
      "  seats: { type: integer, prompt: 'How many people?', aliases: [places, participants] }",
      "  kits: { type: integer, prompt: 'How many take-home kits?', aliases: [kits] }",
      "  contact:",
      "    type: string",
      "    extract: pattern",
      "    pattern: '[a-z0-9.]+@[a-z0-9.]+\\.[a-z]{2,}|\\+?\\d{9,12}'",
      "    prompt: 'Your email or phone?'",
      "  booking_code: { type: string, extract: pattern, pattern: 'CK-\\d{5}', prompt: 'Your booking code?' }",
      "  new_date: { type: date, prompt: 'Which new day?' }",
      "flows:",
      "  book_class:",
      "    description: Book a cooking class",
      "    trigger:",
      "      intents: ['book a cooking class', 'book the {class_name} class',",
      "                'sign me up for the {class_name} class on {class_date}', 'buy places in a class']",
      "    steps:",
      "      - { step: n, type: collect, slot: class_name }",
      "      - { step: d, type: collect, slot: class_date }",
      "      - { step: s, type: collect, slot: seats }",
      "      - { step: k, type: collect, slot: kits }",
      "      - { step: c, type: collect, slot: contact }",
      "  refund_class:",
      "    description: Refund a class booking",
      "    trigger:",
      "      intents: ['I want a refund', 'refund booking {booking_code}', 'refund my class',",
      "                'I would like my money back', 'money back for {booking_code}',",
      "                'cancel {booking_code} and refund me']",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
      "  move_class:",
      "    description: Move a class booking to another day",
      "    trigger:",
      "      intents: ['move my class to another day', 'change the date of booking {booking_code}',",
      "                'reschedule my class', 'move {booking_code} to {new_date}']",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
      "      - { step: d, type: collect, slot: new_date }",
      "  class_status:",
      "    description: Check a class booking",
      "    trigger:",
      "      intents: ['status of booking {booking_code}', 'is my class confirmed',",
      "                'is {booking_code} confirmed']",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
    ],
    "cooking-school.yaml",
  );
});

describe("a change told as what happened is the reason, not the request", () => {
  it("starts the flow the asking clause names", () => {
    for (const text of [
      "Hi, my class was moved and I can no longer come. Booking CK-12345, I would like my money back.",
      "the sushi class got rescheduled and I can't make it anymore, I want a refund for CK-12345",
    ]) {
      expect(firstIntent(first(text)), text).toBe("refund_class");
    }
  });

  it("still reads not coming beside a change asked for as the change", () => {
    expect(firstIntent(first("I can't make it on friday, can you move my class?"))).toBe(
      "move_class",
    );
  });
});

describe("a cancel phrase in front of a request, while a flow asks", () => {
  it("replaces the running flow with the requested one", () => {
    for (const text of [
      "never mind that, I would like a refund for CK-12345 please",
      "actually forget that, I want a refund on CK-12345",
    ]) {
      const commands = asked("class_date", text, { class_name: "pasta" });
      expect(commands[0], text).toEqual({ type: "cancel_flow" });
      expect(commands[1], text).toEqual({ type: "start_flow", flow: "refund_class" });
    }
  });

  it("a cancel phrase alone still only stops the flow", () => {
    expect(asked("class_date", "forget that", { class_name: "pasta" })).toEqual([
      { type: "cancel_flow" },
    ]);
  });
});

describe("a number beside a mistyped word", () => {
  it("reads 'by' where a verb stands as the verb, not a difference", () => {
    const commands = first("hi can i by 3 participants for the pasta class");
    expect(commands).toContainEqual({ type: "set_slot", slot: "seats", value: 3 });
  });

  it("names the slot by its word typed wrong", () => {
    const commands = first("book the pasta class, 2 kits and 3 plaaces");
    expect(commands).toContainEqual({ type: "set_slot", slot: "seats", value: 3 });
    expect(commands).toContainEqual({ type: "set_slot", slot: "kits", value: 2 });
  });

  it("still reads 'by' after a verb as a difference", () => {
    const commands = asked("seats", "can you raise it by 2", { class_name: "pasta", seats: 3 });
    expect(commands).not.toContainEqual({ type: "set_slot", slot: "seats", value: 2 });
  });
});

describe("a value never goes to a pattern slot it does not match", () => {
  it("leaves a bare number said for a choice out of the email-or-phone slot", () => {
    for (const text of ["4", "12"]) {
      const commands = asked("class_name", text);
      expect(
        commands.some((c) => c.type === "set_slot" && c.slot === "contact"),
        text,
      ).toBe(false);
    }
  });

  it("still gives a matching value early", () => {
    expect(asked("class_name", "ana@example.com")).toContainEqual({
      type: "set_slot",
      slot: "contact",
      value: "ana@example.com",
    });
  });

  it("still lets the asked slot's answer through for the DM to refuse", () => {
    expect(asked("contact", "1234", { class_name: "pasta" })).toContainEqual({
      type: "set_slot",
      slot: "contact",
      value: "1234",
    });
  });
});

describe("a choice synonym with an article", () => {
  it("reads the synonym without its article too", () => {
    expect(first("sign me up for noodle lab on friday")).toContainEqual({
      type: "set_slot",
      slot: "class_name",
      value: "pasta",
    });
    expect(asked("class_name", "panaderia")).toContainEqual({
      type: "set_slot",
      slot: "class_name",
      value: "baking",
    });
  });
});

describe("a bare code several flows take, said while another flow asks", () => {
  it("asks which flow is meant instead of picking one", () => {
    const commands = asked("class_date", "CK-12345", { class_name: "pasta" });
    expect(commands).toHaveLength(1);
    const [clarify] = commands;
    expect(clarify?.type).toBe("clarify");
    expect(clarify?.type === "clarify" ? [...(clarify.flows ?? [])].sort() : []).toEqual([
      "class_status",
      "move_class",
      "refund_class",
    ]);
  });

  it("starts the flow a word names", () => {
    const commands = asked("class_date", "I want a refund for CK-12345", { class_name: "pasta" });
    expect(commands).toContainEqual({ type: "start_flow", flow: "refund_class" });
  });
});
