import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A theatre's seats, written for these tests: choices of two words, told by their first or turned down. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let theatre: LoadedDomain;

beforeAll(async () => {
  theatre = await loadDomainFromText(
    [
      "slots:",
      "  seats:",
      "    choices: [stalls, upper_circle, dress_circle, no_preference]",
      "    choice_labels: { no_preference: no preference }",
      "    prompt: 'Stalls, upper or dress circle?'",
      "flows:",
      "  buy_seats:",
      "    description: Buy theatre seats",
      "    trigger: { intents: ['theatre seats in the {seats}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: seats }",
    ].join("\n"),
    "theatre.yaml",
  );
});

describe("a one-word answer that opens one choice's name", () => {
  it("is that choice", () => {
    const state = inFlow(theatre, "buy_seats", { waiting: "seats" });
    expect(du.read("upper", theatre, state)).toEqual([
      { type: "set_slot", slot: "seats", value: "upper_circle" },
    ]);
    expect(du.read("dress", theatre, state)).toEqual([
      { type: "set_slot", slot: "seats", value: "dress_circle" },
    ]);
  });

  it("is no choice when it ends several, or is a 'no'", () => {
    const state = inFlow(theatre, "buy_seats", { waiting: "seats" });
    expect(du.read("circle", theatre, state)).not.toContainEqual(
      expect.objectContaining({ type: "set_slot", slot: "seats" }),
    );
    expect(du.read("no", theatre, state)).not.toContainEqual({
      type: "set_slot",
      slot: "seats",
      value: "no_preference",
    });
  });
});

describe("a choice the answer says is not wanted", () => {
  it("is left out, and the one wanted is read", () => {
    const state = inFlow(theatre, "buy_seats", { waiting: "seats" });
    for (const text of [
      "I don't want the stalls again, dress circle please",
      "anything but the stalls, ideally the dress circle",
      "no quiero stalls, mejor dress circle",
    ]) {
      expect(du.read(text, theatre, state), text).toEqual([
        { type: "set_slot", slot: "seats", value: "dress_circle" },
      ]);
    }
  });
});
