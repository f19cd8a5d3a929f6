import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At a barber's, asked "Cancel your haircut?": a no followed by another flow's act ("no, better
 * move it") turns to that flow; a no with a cancel word or nothing else stays a no.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let barber: LoadedDomain;

beforeAll(async () => {
  barber = await domainFromLines(
    [
      "slots:",
      "  visit_day: { type: date, prompt: 'Which day?' }",
      "  new_day: { type: date, prompt: 'Which new day?' }",
      "  ok: { type: boolean, prompt: 'Sure?' }",
      "flows:",
      "  book_visit:",
      "    description: Book a haircut",
      "    trigger:",
      "      intents:",
      "        - book a haircut",
      "        - quiero pedir hora para cortarme el pelo",
      "    steps:",
      "      - { step: d, type: collect, slot: visit_day }",
      "  move_visit:",
      "    description: Move a haircut to another day",
      "    trigger:",
      "      intents:",
      "        - move my haircut to {new_day}",
      "        - change the day of my haircut",
      "        - quiero cambiar el dia de mi cita",
      "    steps:",
      "      - { step: d, type: collect, slot: new_day }",
      "  cancel_visit:",
      "    description: Cancel a haircut",
      "    trigger:",
      "      intents:",
      "        - cancel my haircut",
      "        - anular mi cita",
      "    steps:",
      "      - { step: c, type: confirm, slot: ok, message: 'Cancel your haircut?' }",
      "      - { step: s, type: say, message: 'Cancelled.' }",
    ],
    "barber.yaml",
  );
});

const read = (text: string) =>
  du.read(text, barber, inFlow(barber, "cancel_visit", { confirm: true }));

describe("a no then another flow's act at a confirmation", () => {
  it("turns to the flow the act names", () => {
    for (const text of [
      "espera no, mejor la cambio de dia",
      "no, better change the day",
      "no wait, move it to friday",
    ]) {
      const commands = read(text);
      expect(commands[0], text).toEqual({ type: "cancel_flow" });
      expect(commands[1], text).toEqual({ type: "start_flow", flow: "move_visit" });
    }
  });

  it("keeps a plain no, or a no that refuses the cancel, a no", () => {
    for (const text of ["no", "no, keep it", "no, don't cancel it", "no, no la anules"]) {
      expect(read(text), text).toEqual([{ type: "deny" }]);
    }
  });
});
