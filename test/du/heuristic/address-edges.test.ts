import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/**
 * Where an address starts and ends: the full stop of a short capitalised abbreviation ("Co.",
 * "St.") before a capitalised word ends no address; lower-case words naming whose place it is,
 * set off by a comma, are no part of it when the house number follows. On a small removals firm.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let removals: LoadedDomain;

beforeAll(async () => {
  removals = await domainFromLines(
    [
      "slots:",
      "  drop_address:",
      "    extract: address",
      "    prompt: 'Where should the van unload?'",
      "flows:",
      "  book_van:",
      "    description: Book a removal van",
      "    trigger: { intents: ['book a removal van', 'we need a van to move to {drop_address}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: drop_address }",
    ],
    "removals.yaml",
  );
});

describe("the end of an address", () => {
  it("is not at an abbreviation's full stop", () => {
    const said = du.read(
      "book a removal van to 3 Quay Road, Dunmore, Co. Wexford",
      removals,
      emptyState("t"),
    );
    expect(readValues(said)).toEqual({ drop_address: "3 Quay Road, Dunmore, Co. Wexford" });
  });

  it("is still at a sentence's full stop", () => {
    const said = du.read(
      "book a removal van to 3 Quay Road, Dunmore. Thanks a lot",
      removals,
      emptyState("t"),
    );
    expect(readValues(said)).toEqual({ drop_address: "3 Quay Road, Dunmore" });
  });
});

describe("the start of an address", () => {
  it('keeps the part of the place said before it with "of"', () => {
    const asked = inFlow(removals, "book_van", { waiting: "drop_address" });
    expect(readValues(du.read("back gate of the Old Mill, 4 Canal Walk", removals, asked))).toEqual(
      {
        drop_address: "back gate of the Old Mill, 4 Canal Walk",
      },
    );
    expect(
      readValues(du.read("loading bay of the A14 services, exit 52", removals, asked)),
    ).toEqual({
      drop_address: "loading bay of the A14 services, exit 52",
    });
  });

  it("still leaves out the words that open it", () => {
    const asked = inFlow(removals, "book_van", { waiting: "drop_address" });
    expect(readValues(du.read("it's at 9 Harbour Row, Cobh", removals, asked))).toEqual({
      drop_address: "9 Harbour Row, Cobh",
    });
  });

  it("is at the house number after whose place it is", () => {
    const asked = inFlow(removals, "book_van", { waiting: "drop_address" });
    expect(readValues(du.read("my uncle's, 21 Birch Lane, Navan", removals, asked))).toEqual({
      drop_address: "21 Birch Lane, Navan",
    });
  });
});
