import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * A gym's lockers: asked what to do with a locker, of two values the one named where the
 * speaker tells what they did or what they know is no answer; the other one is.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let lockers: LoadedDomain;
const asked = (text: string) =>
  slotsOf(du.read(text, lockers, inFlow(lockers, "locker_help", { waiting: "locker_fix" })));

beforeAll(async () => {
  lockers = await domainFromLines(
    [
      "slots:",
      "  locker_fix:",
      "    type: string",
      "    choices: [new_code, open_locker]",
      "    synonyms: { new_code: [code, pin, new pin], open_locker: [open, jammed, stuck] }",
      "    prompt: 'Do you need a new code, or the locker opened?'",
      "  locker_number: { type: number, prompt: 'Which locker number?' }",
      "flows:",
      "  locker_help:",
      "    description: Help with a gym locker",
      "    trigger: { intents: ['my locker is stuck', 'I forgot my locker code'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: locker_fix }",
      "      - { step: n, type: collect, slot: locker_number }",
    ],
    "lockers.yaml",
  );
});

describe("a value in what the speaker did or knows", () => {
  it("is left for the other value said", () => {
    expect(asked("it's jammed I reckon, I typed the pin wrong three times")).toEqual({
      locker_fix: "open_locker",
    });
    expect(asked("just get it open, I still remember my code")).toEqual({
      locker_fix: "open_locker",
    });
    expect(asked("the door is stuck, ya me acuerdo del pin")).toEqual({
      locker_fix: "open_locker",
    });
  });
  it("is read when it is the only value", () => {
    expect(asked("I changed the code last week and now it's gone, a new pin please")).toEqual({
      locker_fix: "new_code",
    });
    expect(asked("a new code please")).toEqual({ locker_fix: "new_code" });
  });
  it("does not take 'I need' for a story", () => {
    expect(asked("I need a new pin, it's not stuck")).toEqual({ locker_fix: "new_code" });
  });
});
