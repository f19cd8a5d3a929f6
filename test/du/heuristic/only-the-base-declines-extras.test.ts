import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "just the wash, nothing else" asked an optional list of add-ons: keeping only what the flow
 * is about turns the add-ons down. On a small car wash.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let wash: LoadedDomain;

beforeAll(async () => {
  wash = await domainFromLines(
    [
      "slots:",
      "  car_size:",
      "    choices: [small, family, van]",
      "    prompt: 'What size is the car?'",
      "  add_ons:",
      "    type: list",
      "    required: false",
      "    choices: [wax, vacuum, tyre_shine]",
      "    prompt: 'Any add-ons: wax, vacuum or tyre shine?'",
      "flows:",
      "  book_wash:",
      "    description: Book a car wash",
      "    trigger: { intents: ['book a car wash', 'wash my {car_size} car'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: car_size }",
      "      - { step: a, type: collect, slot: add_ons }",
    ],
    "wash.yaml",
  );
});

const read = (text: string) =>
  du.read(
    text,
    wash,
    inFlow(wash, "book_wash", { waiting: "add_ons", slots: { car_size: "van" } }),
  );
const skipped = [{ type: "skip_slot", slot: "add_ons" }];

describe("keeping only what the flow is about", () => {
  it("turns the add-ons down after a no", () => {
    expect(read("no thank you, just the wash is fine")).toEqual(skipped);
  });

  it("turns them down before a decline", () => {
    expect(read("only the car wash, nothing extra")).toEqual(skipped);
  });

  it("turns them down said alone", () => {
    expect(read("just the wash please")).toEqual(skipped);
  });

  it("is no decline when an add-on is named", () => {
    expect(read("just the wash and wax")).not.toEqual(skipped);
  });

  it("is no decline when it asks something", () => {
    expect(read("just the wash, is that ok?")).not.toEqual(skipped);
  });
});
