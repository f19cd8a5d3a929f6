import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A language school, written for these tests: a course abroad in a city asked by name. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;

beforeAll(async () => {
  school = await domainFromLines(
    [
      "slots:",
      "  course: { type: string, choices: [french, japanese], prompt: 'French or Japanese?' }",
      "  city: { type: string, label: host city, prompt: 'Which city would you like to go to?' }",
      "flows:",
      "  course_abroad:",
      "    description: Book a language course abroad",
      "    trigger: { intents: ['book a {course} course abroad', 'study {course} abroad'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: course }",
      "      - { step: p, type: collect, slot: city }",
    ],
    "school",
  );
});

describe("a place followed by when", () => {
  it("ends before the month in a first message", () => {
    const commands = du.read(
      "I'm off to Lyon in September and want to book a french course abroad",
      school,
      emptyState("t"),
    );
    expect(commands).toContainEqual({ type: "set_slot", slot: "city", value: "Lyon" });
  });

  it.each([
    ["Kyoto in April", "Kyoto"],
    ["Quebec City from Monday", "Quebec City"],
    ["Osaka", "Osaka"],
  ])("ends before when in an answer: %s", (message, city) => {
    const commands = du.read(message, school, inFlow(school, "course_abroad", { waiting: "city" }));
    expect(commands[0]).toEqual({ type: "set_slot", slot: "city", value: city });
  });
});
