import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { readActs } from "../../../src/du/heuristic/acts.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * How four kinds of customer write, checked on a small flower shop no rule was written for: a
 * teenager's stretched letters and texting forms, an elderly customer's long polite letters
 * (thanks with "dear", a "no" followed by its reason, a reason clause at the end), a terse
 * professional's abbreviations and a non-native speaker's "it is coming?".
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string, state: DialogueState = emptyState("t")): Command[] =>
  du.read(text, shop, state);
const rule = (text: string, state: DialogueState = emptyState("t")) =>
  du.readWithRule(text, shop, state).rule;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  bouquet: { type: string, choices: [roses, tulips, lilies], prompt: 'Which flowers?' }",
      "  extras:",
      "    type: list",
      "    required: false",
      "    choices: [card, vase, chocolates]",
      "    prompt: 'Anything with it: a card, a vase or chocolates?'",
      "  wrapping: { type: string, required: false, choices: [paper, box], prompt: 'Wrapped in paper or a box?' }",
      "  delivery_address: { type: string, extract: address, prompt: 'Where should we deliver?' }",
      "  delivery_day: { type: date, prompt: 'Which day?' }",
      "  frequency: { type: string, choices: [weekly, monthly], prompt: 'Weekly or monthly?' }",
      "  order_ref: { type: string, extract: pattern, pattern: '\\d{5}', prompt: 'Your order number?' }",
      "flows:",
      "  send_flowers:",
      "    description: Send a bouquet of flowers",
      "    trigger: { intents: ['send flowers', 'send {bouquet} to {delivery_address}', 'I want to send a bouquet'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bouquet }",
      "      - { step: e, type: collect, slot: extras }",
      "      - { step: w, type: collect, slot: wrapping }",
      "      - { step: a, type: collect, slot: delivery_address }",
      "      - { step: d, type: collect, slot: delivery_day }",
      "  track_flowers:",
      "    description: Where a flower delivery is",
      "    trigger: { intents: ['where are my flowers', 'track order {order_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: order_ref }",
      "  change_subscription:",
      "    description: Change how often a flower subscription comes",
      "    trigger: { intents: ['change my subscription', 'switch to the {frequency} subscription'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: frequency }",
    ],
    "flower-shop.yaml",
  );
});

const asked = (waiting: string, slots: Record<string, string | string[] | null> = {}) =>
  inFlow(shop, "send_flowers", { waiting, slots: { bouquet: "roses", ...slots } });

describe("a letter typed several times", () => {
  it("is read once: stretched greetings and yeses", () => {
    expect(read("heyyy")).toMatchObject([{ type: "chitchat", kind: "greeting" }]);
    expect(read("hellooo there")).toMatchObject([{ type: "chitchat", kind: "greeting" }]);
    expect(firstIntent(read("sennnd flowers"))).toBe("send_flowers");
  });

  it("reads texting forms of yes", () => {
    for (const text of ["ye", "yea", "yesss", "yeahhh"])
      expect(readActs(text).affirm, text).toBe(true);
  });
});

describe("texting forms and capability questions", () => {
  it("reads 'ur' and 'u' as words in small talk and help", () => {
    expect(read("haha hows ur day going", asked("delivery_address"))).toMatchObject([
      { type: "chitchat" },
    ]);
    for (const text of ["sup", "yo wassup", "u there?"]) {
      expect(read(text), text).toMatchObject([{ type: "chitchat" }]);
    }
    for (const text of ["what can this thing do", "what kind of things can u help with"]) {
      expect(rule(text), text).toBe("help");
    }
  });
});

describe("thanks and praise said the polite way", () => {
  it("is small talk with an address word or a reason for thanks", () => {
    for (const text of [
      "Thank you for your help with me, dear.",
      "thanks so much dear, you have been most kind",
      "you guys are the best, it works now, thanks",
    ]) {
      expect(read(text), text).toMatchObject([{ type: "chitchat", kind: "thanks" }]);
    }
  });
});

describe("an offer turned down", () => {
  it("is declined behind a 'nah' or with words accepting it", () => {
    for (const text of ["nah as it comes", "nope, as it is is fine", "no keep it simple will do"]) {
      expect(read(text, asked("extras")), text).toEqual([{ type: "skip_slot", slot: "extras" }]);
    }
  });

  it("is declined when the 'no' is followed by its reason", () => {
    for (const text of [
      "No extras, thank you, she is on a diet these days.",
      "No thank you, dear, just the flowers will be lovely.",
    ]) {
      expect(read(text, asked("extras")), text).toEqual([{ type: "skip_slot", slot: "extras" }]);
    }
  });

  it("is no decline when the rest names a value or an address", () => {
    expect(slotsOf(read("no thanks, the tulips would be better", asked("extras")))).toMatchObject({
      bouquet: "tulips",
    });
    expect(read("No extras, thanks, it goes to 4 Elm Road, Leeds", asked("extras"))).not.toEqual([
      { type: "skip_slot", slot: "extras" },
    ]);
    expect(read("No extras, thank you, send them to Maria instead", asked("extras"))).not.toEqual([
      { type: "skip_slot", slot: "extras" },
    ]);
  });
});

describe("a long letter ending with a reason", () => {
  it("asks for what its asking clause says, not for what the reason names", () => {
    const text =
      "Good morning. We have had your lovely bouquets for years, and I should like to switch to the monthly subscription, as we are hardly ever at home to receive roses these days.";
    expect(firstIntent(read(text))).toBe("change_subscription");
  });
});

describe("a long letter closing with a hedge or thanks", () => {
  it("is read from the clause before the hedge", () => {
    for (const text of [
      "Good morning. It is my mother's birthday on Sunday and she has always been fond of flowers of every kind. Some tulips, I should think.",
      "Hello there. My neighbour has been so good to me while I was poorly that I want to say thank you properly. Some lilies, if possible, thank you.",
    ]) {
      expect(firstIntent(read(text)), text).toBe("send_flowers");
    }
  });
});

describe("asking after a delivery", () => {
  it("reads 'on her way' and 'it is coming?' as a look-up", () => {
    expect(firstIntent(read("I ordered flowers for my mother, is the driver on her way?"))).toBe(
      "track_flowers",
    );
    expect(firstIntent(read("hello, I send flowers, number 12345, it is coming soon?"))).toBe(
      "track_flowers",
    );
  });
});

describe("short forms of tomorrow and tonight", () => {
  it("are tomorrow", () => {
    for (const text of ["roses tmrw", "send roses 2moro", "roses for tmr pls"]) {
      expect(slotsOf(read(text)), text).toMatchObject({ delivery_day: "2027-03-11" });
    }
    expect(slotsOf(read("send roses 2nite"))).toMatchObject({ delivery_day: "2027-03-10" });
  });
});
