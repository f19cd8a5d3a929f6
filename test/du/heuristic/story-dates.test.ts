import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/** A ferry domain (today is Wednesday 2027-03-10): a crossing out and one back. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let ferries: LoadedDomain;

beforeAll(async () => {
  ferries = await domainFromLines(
    [
      "slots:",
      "  port: { type: string, choices: [oban, mallaig], prompt: 'Which port?' }",
      "  sail_out: { type: date, prompt: 'Which day do you sail out?' }",
      "  sail_back: { type: date, prompt: 'Which day do you sail back?' }",
      "actions:",
      "  book: { inputs: [port, sail_out, sail_back] }",
      "flows:",
      "  book_crossing:",
      "    description: Book a ferry crossing there and back",
      "    trigger:",
      "      intents: ['book a ferry crossing', 'sail to {port} on {sail_out}', 'back on {sail_back}']",
      "    steps:",
      "      - { step: p, type: collect, slot: port }",
      "      - { step: o, type: collect, slot: sail_out }",
      "      - { step: b, type: collect, slot: sail_back }",
      "      - { step: go, type: action, action: book }",
    ],
    "ferries.yaml",
  );
});

const values = (text: string) => readValues(du.read(text, ferries, emptyState("t")));

describe("a date told in a story before the request", () => {
  it("is no answer when more dates are said than the flow asks", () => {
    expect(
      values(
        "My grandson is christened in Oban on the 20th, so I'd sail there on the 19th and back on the 22nd",
      ),
    ).toMatchObject({ port: "oban", sail_out: "2027-03-19", sail_back: "2027-03-22" });
  });

  it("leaves a day said alone to be read from today, not from the story's date", () => {
    expect(
      values(
        "my uncle retires on the 28th of March. I want to sail out on the 26th, back on the 29th",
      ),
    ).toMatchObject({ sail_out: "2027-03-26", sail_back: "2027-03-29" });
  });

  it("keeps every date when no clause tells a story", () => {
    expect(values("sail to oban on the 19th and back on the 22nd")).toMatchObject({
      sail_out: "2027-03-19",
      sail_back: "2027-03-22",
    });
  });
});
