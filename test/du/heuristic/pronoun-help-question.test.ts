import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "where do I find that?", "what's the difference between them?": a help question whose object
 * is a pronoun (pack `askedPronouns`) asks about the pending question, though another flow of
 * the domain answers where things are or has a different thing. A ferry line.
 */
const YAML = `
slots:
  deck: { type: string, prompt: "Standard deck or premium deck?", choices: [standard_deck, premium_deck] }
  booking: { type: string, extract: pattern, pattern: "FR-\\\\d{5}", prompt: "Your booking code?" }
flows:
  book_crossing:
    description: Book a crossing
    trigger: { intents: ["book a crossing", "I want a different crossing"] }
    steps:
      - { step: d, type: collect, slot: deck }
  crossing_status:
    description: Follow a booking
    trigger: { intents: ["where is my booking {booking}", "status of my crossing"] }
    steps:
      - { step: b, type: collect, slot: booking }
  terminal_info:
    description: Where the terminal is
    trigger: { intents: ["where do I find the terminal", "where is the port office"] }
    steps:
      - { step: s, type: say, message: "Pier 4." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let ferry: LoadedDomain;
const read = (text: string, flow: string, waiting: string) =>
  du.read(text, ferry, inFlow(ferry, flow, { waiting }));

beforeAll(async () => {
  ferry = await domainFromYaml(YAML);
});

describe("a help question about 'that'", () => {
  it("asks where the asked thing is found", () => {
    expect(read("where would I find that?", "crossing_status", "booking")).toEqual([
      { type: "clarify", topic: "booking" },
    ]);
    expect(read("um where can i find it", "crossing_status", "booking")).toEqual([
      { type: "clarify", topic: "booking" },
    ]);
  });
  it("asks what tells the choices apart", () => {
    expect(read("whats the difference between those?", "book_crossing", "deck")).toEqual([
      { type: "clarify", topic: "deck" },
    ]);
  });
  it("a thing named is still that thing's question", () => {
    expect(read("where do I find the terminal?", "crossing_status", "booking")).toContainEqual({
      type: "start_flow",
      flow: "terminal_info",
    });
  });
});
