import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * "I can't do it anymore" is not coming, the reason of a change asked beside it; someone else
 * not making what was arranged for them ("he won't make his lesson") gives it up. On a small
 * music school's lessons.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;

beforeAll(async () => {
  school = await domainFromLines(
    [
      "slots:",
      "  lesson_code: { type: string, extract: pattern, pattern: 'ML-\\d{4}' }",
      "  lesson_day: { type: date }",
      "flows:",
      "  move_lesson:",
      "    description: Move a lesson to another day",
      "    trigger:",
      "      intents:",
      "        - reschedule my lesson",
      "        - move lesson {lesson_code} to {lesson_day}",
      "        - I can't make it on that day, can we change it",
      "    steps:",
      "      - { step: c, type: collect, slot: lesson_code }",
      "      - { step: d, type: collect, slot: lesson_day }",
      "  cancel_lesson:",
      "    description: Cancel a lesson",
      "    trigger: { intents: ['cancel my lesson', 'cancel lesson {lesson_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: lesson_code }",
    ],
    "school.yaml",
  );
});

const open = (text: string) => du.read(text, school, emptyState("t"));

describe("not being able to come", () => {
  it("is the reason of a change asked beside it", () => {
    expect(
      startedFlow(
        open("work got busy and I can't do ML-1234 anymore, could we push it to friday?"),
      ),
    ).toBe("move_lesson");
  });

  it("gives up what was arranged for someone else", () => {
    expect(startedFlow(open("my son has the flu so he won't make his lesson, it's ML-2345"))).toBe(
      "cancel_lesson",
    );
  });
});
