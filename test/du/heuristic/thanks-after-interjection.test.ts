import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Thanks with a remark after it, said while a question waits, is small talk, also behind an
 * interjection ("ay muchas gracias, ...", "oh thanks, ..."). On a small bakery's orders.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bakery: LoadedDomain;

beforeAll(async () => {
  bakery = await domainFromLines(
    [
      "slots:",
      "  dia: { type: date, prompt: 'Which day? / ¿Qué día?' }",
      "flows:",
      "  encargar_tarta:",
      "    description: Order a cake",
      "    trigger: { intents: ['order a cake', 'encargar una tarta'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia }",
    ],
    "bakery.yaml",
  );
});

const kind = (text: string) =>
  du.read(text, bakery, inFlow(bakery, "encargar_tarta", { waiting: "dia" }))[0]?.type;

describe("thanks behind an interjection", () => {
  it("is small talk, the remark after it too", () => {
    for (const text of ["ay muchas gracias, qué majos sois", "oh thanks, you lot are lovely"]) {
      expect(kind(text), text).toBe("chitchat");
    }
  });
});
