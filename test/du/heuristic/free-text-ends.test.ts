import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * Where a free-text value said in a request ends, on a small bookshop: not over another slot's
 * choice, not into a clause about who it is for or where to collect it, not past a word the
 * trigger phrase says after it; capitalised words joined by "and" or "of" stay one title, and
 * an answer typed with its capitalised article keeps it.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string, state = emptyState("t")): Command[] => du.read(text, shop, state);

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  work:",
      "    extract: free_text",
      "    aliases: [book, work]",
      "    prompt: 'Which book?'",
      "  edition:",
      "    choices: [hardcover, paperback, ebook]",
      "    synonyms: { ebook: [e-book, e book], hardcover: [hardback] }",
      "    prompt: 'Hardcover, paperback or e-book?'",
      "  member: { type: string, extract: pattern, pattern: 'M-\\\\d{4}', aliases: [loyalty card], prompt: 'Loyalty card?' }",
      "  shop: { choices: [riverside, old_town], synonyms: { old_town: [old town] }, prompt: 'Which shop?' }",
      "flows:",
      "  order_book:",
      "    description: Order a book from the shop",
      "    trigger:",
      "      intents:",
      "        - order {work}",
      "        - order the {edition} of {work}",
      "        - is {work} in stock",
      "        - keep {work} for collection at {shop}",
      "        - put me on the list for {work}",
      "        - put a hold on {work}",
      "    steps:",
      "      - { step: w, type: collect, slot: work }",
      "      - { step: e, type: collect, slot: edition }",
      "      - { step: s, type: collect, slot: shop }",
      "      - { step: m, type: collect, slot: member }",
    ],
    "bookshop.yaml",
  );
});

describe("a free-text value in a request", () => {
  it("leaves out another slot's choice said before it", () => {
    const said = read("could you order the hardback of Middlemarch");
    expect(firstIntent(said)).toBe("order_book");
    expect(slotsOf(said)).toEqual({ work: "Middlemarch", edition: "hardcover" });
    expect(slotsOf(read("order the e-book of Beloved"))).toEqual({
      work: "Beloved",
      edition: "ebook",
    });
  });

  it("stops before a clause about who it is for and where to collect it", () => {
    expect(slotsOf(read("order a paperback of Ulysses for me to collect at Riverside"))).toEqual({
      work: "Ulysses",
      edition: "paperback",
      shop: "riverside",
    });
  });

  it("starts at no other slot's name, though a trigger phrase's word stands before it", () => {
    expect(slotsOf(read("order the hardback of Beloved on loyalty card M-1234"))).toMatchObject({
      work: "Beloved",
      edition: "hardcover",
    });
  });

  it("stops at the word the trigger phrase says after it", () => {
    expect(slotsOf(read("is Middlemarch in stock?"))).toEqual({ work: "Middlemarch" });
  });

  it("starts after the trigger phrase's word said again after request words", () => {
    expect(slotsOf(read("can you put me on the list for Beloved"))).toEqual({ work: "Beloved" });
  });

  it("keeps words that join capitalised words, and a capitalised article", () => {
    expect(slotsOf(read("order War and Peace"))).toEqual({ work: "War and Peace" });
    expect(slotsOf(read("please order The Name of the Rose"))).toEqual({
      work: "The Name of the Rose",
    });
  });
});

describe("an answer to a free-text question", () => {
  it("keeps a title's capitalised article, without the words around it", () => {
    const asked = () => inFlow(shop, "order_book", { waiting: "work" });
    expect(slotsOf(read("The Remains of the Day", asked()))).toEqual({
      work: "The Remains of the Day",
    });
    expect(slotsOf(read("it's The Waves please", asked()))).toEqual({ work: "The Waves" });
  });
});
