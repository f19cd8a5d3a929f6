import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/** A laundry that moves where it brings the clean clothes back. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let laundry: LoadedDomain;

beforeAll(async () => {
  laundry = await domainFromLines(
    [
      "slots:",
      "  drop_address: { extract: address, prompt: '¿Dónde te lo llevamos?' }",
      "actions:",
      "  move_drop: { inputs: [drop_address] }",
      "flows:",
      "  move_drop:",
      "    description: Cambiar el sitio donde devolvemos la ropa limpia",
      "    trigger: { intents: ['cambiar el sitio de la devolución', 'devolver la ropa en {drop_address}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: drop_address }",
      "      - { step: go, type: action, action: move_drop }",
    ],
    "laundry.yaml",
  );
});

describe("a street after a place preposition", () => {
  it("is the flow's only address after 'a'", () => {
    const commands = du.read(
      "cambiar el sitio de la devolución a Calle Olmo 7, Soria",
      laundry,
      emptyState("t"),
    );
    expect(readValues(commands)).toEqual({ drop_address: "Calle Olmo 7, Soria" });
  });

  it("is no address when a time follows it", () => {
    const commands = du.read("cambiar el sitio de la devolución a las 5", laundry, emptyState("t"));
    expect(readValues(commands)).toEqual({});
  });
});
