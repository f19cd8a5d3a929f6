import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * On a small garden centre: "take the compost out" (the item between the verb and its
 * particle) takes it off the list; "for me and my husband" is one group of people, not a second
 * request after its "and"; and a full name said while the day is asked is kept for the name
 * asked next.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let garden: LoadedDomain;

beforeAll(async () => {
  garden = await domainFromLines(
    [
      "slots:",
      "  plants:",
      "    type: list",
      "    choices: [compost, tulip_bulbs, seed_trays]",
      "    prompt: 'What would you like to order?'",
      "  order_ok: { type: boolean }",
      "  workshop:",
      "    type: string",
      "    choices: [pruning, planting]",
      "    prompt: 'Which workshop?'",
      "  workshop_day: { type: date, prompt: 'Which day?' }",
      "  attendee:",
      "    type: string",
      "    extract: person_name",
      "    prompt: 'And the name for the booking?'",
      "  collect_day: { type: date, prompt: 'Which day will you collect it?' }",
      "  parcel_ref: { type: string, extract: pattern, pattern: '^GC-\\d{4}$', prompt: 'Your order number?' }",
      "flows:",
      "  order_plants:",
      "    description: Order plants and garden supplies",
      "    trigger: { intents: ['order some compost', 'I want to order plants'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plants }",
      "      - { step: k, type: confirm, slot: order_ok, message: 'Order {plants}?' }",
      "  book_workshop:",
      "    description: Book a place on a gardening workshop",
      "    trigger: { intents: ['book a gardening workshop', 'a place on the {workshop} workshop'] }",
      "    steps:",
      "      - { step: w, type: collect, slot: workshop }",
      "      - { step: d, type: collect, slot: workshop_day }",
      "      - { step: a, type: collect, slot: attendee }",
      "  collect_order:",
      "    description: Collect an order from the shop",
      "    trigger: { intents: ['collect my order on {collect_day}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: collect_day }",
      "  track_order:",
      "    description: Track a delivery of an order",
      "    trigger: { intents: ['where is my delivery', 'track my order {parcel_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: parcel_ref }",
    ],
    "garden.yaml",
  );
});

const atSummary = () =>
  inFlow(garden, "order_plants", { confirm: true, slots: { plants: ["compost", "seed_trays"] } });

describe("an item taken out with the particle after it", () => {
  it('"take the compost out" keeps the rest', () => {
    expect(du.read("take the compost out", garden, atSummary())).toEqual([
      { type: "correct_slot", slot: "plants", value: ["seed_trays"] },
    ]);
  });

  it('"leave the seed trays off please" too', () => {
    expect(du.read("leave the seed trays off please", garden, atSummary())).toEqual([
      { type: "correct_slot", slot: "plants", value: ["compost"] },
    ]);
  });
});

describe("a pair of people", () => {
  it("parts no requests at its and", () => {
    const got = du.read(
      "book the pruning workshop for me and my husband on friday",
      garden,
      emptyState("t"),
    );
    expect(got.filter((c) => c.type === "start_flow")).toHaveLength(1);
    expect(got[0]).toEqual({ type: "start_flow", flow: "book_workshop" });
  });

  it("leaves two requests two", () => {
    const got = du.read(
      "book the pruning workshop for my husband and me, and where is my delivery GC-1234?",
      garden,
      emptyState("t"),
    );
    expect(got.filter((c) => c.type === "start_flow")).toHaveLength(2);
  });
});

describe("a name said before it is asked", () => {
  const askedDay = () =>
    inFlow(garden, "book_workshop", { waiting: "workshop_day", slots: { workshop: "pruning" } });

  it("is kept for the one name slot", () => {
    expect(du.read("Jane Doe", garden, askedDay())).toEqual([
      { type: "set_slot", slot: "attendee", value: "Jane Doe" },
    ]);
  });

  it("is not read from a capitalised day or a word of the domain", () => {
    expect(du.read("Next Friday", garden, askedDay())).toEqual([
      { type: "set_slot", slot: "workshop_day", value: "2027-03-12" },
    ]);
    expect(du.read("Pruning Workshop", garden, askedDay())).not.toContainEqual(
      expect.objectContaining({ slot: "attendee" }),
    );
  });
});
