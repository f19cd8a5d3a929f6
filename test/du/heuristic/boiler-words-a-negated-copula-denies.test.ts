import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * On a boiler service desk: a word the customer says the thing is not ("no es urgente", "it is not
 * urgent") names no flow; the rest of the message is read as said.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let boiler: LoadedDomain;
const read = (text: string): Command[] => du.read(text, boiler, emptyState("t"));

beforeAll(async () => {
  boiler = await domainFromLines(
    [
      "vocabulary:",
      "  synonyms:",
      "    urgencia: [urgencia, urgente, emergency, urgent]",
      "slots:",
      "  visit_day: { type: date, prompt: '¿Qué día?' }",
      "flows:",
      "  emergency:",
      "    description: Una urgencia con la caldera",
      "    trigger:",
      "      intents:",
      "        - es una urgencia",
      "        - tengo una urgencia con la caldera",
      "        - this is an emergency",
      "    steps:",
      "      - { step: s, type: say, message: 'Llama al 900 000 000.' }",
      "  book_visit:",
      "    description: Pedir cita para revisar la caldera",
      "    trigger:",
      "      intents:",
      "        - quiero pedir cita",
      "        - necesito una cita para revisar la caldera",
      "        - book an appointment",
      "    steps:",
      "      - { step: d, type: collect, slot: visit_day }",
      "  cancel_visit:",
      "    description: Anular una cita",
      "    trigger:",
      "      intents:",
      "        - anular mi cita",
      "        - cancel my appointment",
      "    steps:",
      "      - { step: s, type: say, message: 'Anulada.' }",
    ],
    "boiler.yaml",
  );
});

const started = (commands: Command[]) =>
  commands.flatMap((c) => (c.type === "start_flow" ? [c.flow] : []));

describe("a word after a negated copula", () => {
  it("names no flow: the emergency is not started", () => {
    for (const text of [
      "no es urgente pero cuando podeis venir a ver la caldera",
      "la caldera no es urgente, una cita normal",
      "no es urgente, una cita cuando podais",
      "it is not urgent, just an appointment",
    ]) {
      expect(started(read(text)), text).not.toContain("emergency");
    }
  });

  it("leaves the rest of the message to be read", () => {
    for (const text of [
      "no es urgente pero cuando podeis venir a ver la caldera",
      "la caldera no es urgente, una cita normal",
    ]) {
      expect(started(read(text)), text).toEqual(["book_visit"]);
    }
  });

  it("still reads the word said plainly", () => {
    for (const text of ["es urgente", "this is urgent", "tengo una urgencia con la caldera"]) {
      expect(started(read(text)), text).toEqual(["emergency"]);
    }
  });
});
