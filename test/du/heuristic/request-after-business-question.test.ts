import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/**
 * "what's your fastest course? I want to sign up for it": a question about the business's own
 * things followed by a sentence asking for something is a request of the flow its words name.
 * The question alone still asks about the business. A driving school.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let school: LoadedDomain;

beforeAll(async () => {
  school = await domainFromLines(
    [
      "slots:",
      "  course: { choices: [intensive, weekly], label: course }",
      "flows:",
      "  sign_up:",
      "    description: Sign up for a driving course",
      "    trigger: { intents: ['sign up for a course', 'put me on the {course} course', 'enrol me'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: course }",
    ],
    "school.yaml",
  );
});

const read = (text: string) => du.read(text, school, emptyState("t"));

describe("a request after a question about the business", () => {
  it("starts the flow its words name", () => {
    expect(startedFlows(read("what's your quickest course? I want to sign up for it"))).toEqual([
      "sign_up",
    ]);
  });
  it("the question alone does not", () => {
    expect(read("what's your address?")).toEqual([{ type: "out_of_scope" }]);
  });
});
