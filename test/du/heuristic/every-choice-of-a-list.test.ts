import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, inFlow } from "../helpers.ts";

/**
 * Asked a list with its choices, "all of them", "everything" or "I'll take them all" takes every
 * choice, in the list's order; a question about them, or "that is all", takes none. On a small
 * bike hire with accessories.
 */
const du = new HeuristicUnderstanding({ now: () => new Date(2028, 3, 12, 12) });
let bikes: LoadedDomain;
let bicis: LoadedDomain;

const lines = (language: string) => [
  `settings: { language: ${language} }`,
  "slots:",
  "  gear:",
  "    type: list",
  "    required: false",
  "    prompt: 'Any of helmet, lock, basket or lights?'",
  "    choices: [helmet, lock, basket, lights]",
  "flows:",
  "  hire_bike:",
  "    description: Hire a bike for the day",
  "    trigger: { intents: ['hire a bike'] }",
  "    steps:",
  "      - { step: g, type: collect, slot: gear }",
];

beforeAll(async () => {
  bikes = await domainFromLines(lines("en"), "bikes.yaml");
  bicis = await domainFromLines(lines("es"), "bicis.yaml");
});

const read = (domain: LoadedDomain, text: string) =>
  du.read(text, domain, inFlow(domain, "hire_bike", { waiting: "gear" }));
const every = [{ type: "set_slot", slot: "gear", value: ["helmet", "lock", "basket", "lights"] }];

describe("every choice of a list", () => {
  it("is taken by the words for all", () => {
    expect(read(bikes, "everything please")).toEqual(every);
    expect(read(bikes, "I'll have them all haha")).toEqual(every);
    expect(read(bikes, "yeah all four")).toEqual(every);
  });

  it("is read in Spanish", () => {
    expect(read(bicis, "todos, por favor")).toEqual(every);
    expect(read(bicis, "ponme todo jaja")).toEqual(every);
  });

  it("is not taken by a question or by an end", () => {
    expect(read(bikes, "is everything extra?")).not.toEqual(every);
    expect(read(bikes, "that is all")).not.toEqual(every);
  });
});
