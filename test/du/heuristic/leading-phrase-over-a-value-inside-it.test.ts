import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A message that opens with one flow's trigger phrase word for word and goes on in words no
 * other flow's phrases know asks for that flow, though a value of another flow's slot ("how
 * much", a topic of prices) lies inside the phrase. On a small library desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let library: LoadedDomain;

beforeAll(async () => {
  library = await domainFromLines(
    [
      "slots:",
      "  member_card: { type: string, extract: digits, length: 6, prompt: 'Your card number?' }",
      "  topic:",
      "    choices: [fees, hours]",
      "    synonyms: { fees: [how much, fee, prices], hours: [opening times, open] }",
      "    prompt: 'Our fees or our opening times?'",
      "flows:",
      "  check_fines:",
      "    description: See the fines on your card",
      "    trigger: { intents: ['how much do I owe', 'do I have any fines'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: member_card }",
      "  library_info:",
      "    description: Fees and opening times",
      "    trigger:",
      "      intents:",
      "        - tell me your {topic}",
      "        - what are your opening times",
      "        - what do you charge for printing",
      "    steps:",
      "      - { step: t, type: collect, slot: topic }",
    ],
    "library.yaml",
  );
});

const read = (text: string) => startedFlow(du.read(text, library, emptyState("t")));

describe("a message opening with a flow's own phrase", () => {
  it("asks for that flow when the words after it name nothing", () => {
    expect(read("how much do I owe yous right now?")).toBe("check_fines");
  });

  it("asks for it when the words after it are only its own", () => {
    expect(read("how much do I owe yous, fines and all?")).toBe("check_fines");
  });

  it("leaves the question about fees to the information flow", () => {
    expect(read("how much do you charge for printing in colour?")).toBe("library_info");
  });
});
