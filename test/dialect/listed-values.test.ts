import { describe, expect, it } from "vitest";
import { valuesListedIn } from "../../src/config/dialect/listed-values.ts";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../src/protocol/state.ts";

describe("the values a validation message lists", () => {
  it("reads lists of alternatives, and nothing from prose", () => {
    expect(valuesListedIn("Sorry, pick one of: small, medium, or large.")).toEqual([
      "small",
      "medium",
      "large",
    ]);
    // The head noun the list shares is not part of the last value.
    expect(valuesListedIn("We ship either standard or express parcels.")).toEqual([
      "standard",
      "express",
    ]);
    expect(valuesListedIn("We stock oak, pine or walnut boards.")).toEqual([
      "oak",
      "pine",
      "walnut",
    ]);
    expect(valuesListedIn("Just say yes or no.")).toEqual(["yes", "no"]);
    expect(
      valuesListedIn("Choose a slot: this morning, this afternoon, or tomorrow morning."),
    ).toEqual(["this morning", "this afternoon", "tomorrow morning"]);
    expect(valuesListedIn("Please type your full name.")).toBeUndefined();
    expect(valuesListedIn("Check the spelling and try again or ask a colleague.")).toBeUndefined();
    expect(valuesListedIn("Give the street, town, and post code.")).toBeUndefined();
  });
});

/** An original-dialect domain whose validators say in their messages which values they take. */
const yaml = `
version: "1.0"
slots:
  wood:
    type: string
    prompt: "Which wood?"
    validator: wood_kind
    validation_error_message: "We only cut oak, pine, or walnut."
  backing_wood:
    type: string
    prompt: "And the backing?"
    validator: wood_kind
    validation_error_message: "That wood is not in our yard."
  note:
    type: string
    prompt: "Anything to add?"
    validator: short_text
    validation_error_message: "Keep it under 80 characters or call us."
flows:
  order_shelf:
    description: "Order a made-to-measure shelf"
    trigger:
      intents: ["order a shelf"]
    steps:
      - { step: wood, type: collect, slot: wood, message: "Which wood?" }
      - { step: note, type: collect, slot: note, message: "Anything to add?" }
  order_cabinet:
    description: "Order a cabinet with a backing panel"
    trigger:
      intents: ["order a cabinet"]
    steps:
      - { step: backing, type: collect, slot: backing_wood, message: "And the backing?" }
`;

describe("an original-dialect slot whose validator message lists its values", () => {
  it("takes them as choices, shared by every slot of the same validator", async () => {
    const loaded = await loadDomainFromText(yaml, "shelf.yaml");
    const slots = loaded.domain.slots;
    expect(slots.wood?.choices).toEqual(["oak", "pine", "walnut"]);
    expect(slots.backing_wood?.choices).toEqual(["oak", "pine", "walnut"]);
    expect(slots.note?.choices).toBeUndefined();
    // The value said up front fills the slot instead of being asked again.
    const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
    const read = du.readWithRule("i'd like to order a shelf in walnut", loaded, emptyState("t"));
    expect(read.commands).toContainEqual({ type: "set_slot", slot: "wood", value: "walnut" });
  });

  it("leaves a domain in this version's dialect as written", async () => {
    const modern = `
version: "1"
slots:
  wood:
    type: string
    prompt: "Which wood?"
    validator: wood_kind
    validation_error_message: "We only cut oak, pine, or walnut."
flows:
  order_shelf:
    description: "Order a made-to-measure shelf"
    trigger:
      intents: ["order a shelf"]
    steps:
      - { step: wood, type: collect, slot: wood }
`;
    const loaded = await loadDomainFromText(modern, "shelf.yaml");
    expect(loaded.domain.slots.wood?.choices).toBeUndefined();
  });
});
