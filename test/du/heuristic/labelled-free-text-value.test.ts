import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * A print shop, written for these tests: a banner with a caption, and a note for the team
 * (a flow with no trigger phrases, known by its question only). Both values are plain text.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  caption: { type: string, prompt: 'What should the banner say?' }",
      "  note: { type: string, prompt: 'Please write your note' }",
      "flows:",
      "  print_banner:",
      "    description: Print a banner",
      "    trigger: { intents: ['print a banner', 'I need a banner'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: caption }",
      "  leave_note:",
      "    description: Something for the staff",
      "    steps:",
      "      - { step: n, type: collect, slot: note }",
    ],
    "shop",
  );
});

describe("a free-text value after its slot's name and a colon", () => {
  it("runs to the end of its clause, digits included", () => {
    const commands = du.read("print a banner, caption: Happy 40th Ana", shop, emptyState("t"));
    expect(startedFlows(commands)).toEqual(["print_banner"]);
    expect(readValues(commands)).toEqual({ caption: "Happy 40th Ana" });
  });

  it("starts the flow that asks for it, as a form's filled field", () => {
    const commands = du.read("note: the van is parked at gate 4", shop, emptyState("t"));
    expect(startedFlows(commands)).toEqual(["leave_note"]);
    expect(readValues(commands)).toEqual({ note: "the van is parked at gate 4" });
  });

  it("stops at the digits when no colon labels it", () => {
    const commands = du.read("my note is bring 2 boxes", shop, emptyState("t"));
    expect(readValues(commands)).not.toEqual({ note: "bring 2 boxes" });
  });
});
