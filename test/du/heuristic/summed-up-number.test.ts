import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/** A canoe-hire domain that asks how many paddlers come. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let canoes: LoadedDomain;

beforeAll(async () => {
  canoes = await domainFromLines(
    [
      "slots:",
      "  paddlers: { type: integer, prompt: 'How many people are paddling?' }",
      "actions:",
      "  hire: { inputs: [paddlers] }",
      "flows:",
      "  hire_canoe:",
      "    description: Hire canoes",
      "    trigger: { intents: ['hire a canoe'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: paddlers }",
      "      - { step: go, type: action, action: hire }",
    ],
    "canoes.yaml",
  );
});

const answer = (text: string) =>
  slotsOf(du.read(text, canoes, inFlow(canoes, "hire_canoe", { waiting: "paddlers" })));

describe("a total said after the numbers it sums up", () => {
  it("is the answer", () => {
    expect(answer("my two brothers, their three friends and me, so 6")).toEqual({ paddlers: 6 });
    expect(answer("3 grown-ups and 2 teenagers, 5 in total")).toEqual({ paddlers: 5 });
    expect(answer("mis dos primos y yo, o sea 3")).toEqual({ paddlers: 3 });
  });

  it("is not read from numbers said without such words", () => {
    expect(answer("between 4 and 6")).toEqual({});
  });
});
