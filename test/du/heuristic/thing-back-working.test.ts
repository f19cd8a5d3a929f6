import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * A housing association's repairs: "the heating is back", "it works again" tell how a thing is
 * now; "back" is no word of the flow whose phrase says nobody came back to the tenant.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let repairs: LoadedDomain;
const started = (text: string): string | undefined =>
  du
    .read(text, repairs, emptyState("t"))
    .find((c): c is Extract<Command, { type: "start_flow" }> => c.type === "start_flow")?.flow;

beforeAll(async () => {
  repairs = await domainFromLines(
    [
      "slots:",
      "  job_ref: { type: string, extract: pattern, pattern: 'JOB-\\d{4}', prompt: 'The job number?' }",
      "  utility: { type: string, choices: [heating, water, lights], prompt: 'What is it about?' }",
      "flows:",
      "  close_job:",
      "    description: Close a repair job that is done",
      "    trigger: { intents: ['close job {job_ref}', 'you can close {job_ref}, it is fixed'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: job_ref }",
      "  chase_job:",
      "    description: Ask how a repair job is going",
      "    trigger: { intents: ['any news on {job_ref}', 'nobody came back to me about my repair'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: job_ref }",
      "  report_repair:",
      "    description: Report something to repair",
      "    trigger: { intents: ['the {utility} is not working', 'report a repair'] }",
      "    steps:",
      "      - { step: u, type: collect, slot: utility }",
    ],
    "repairs.yaml",
  );
});

describe("a thing working again", () => {
  it("is no coming back of anyone", () => {
    expect(started("JOB-1234 can be closed, the heating is back")).toBe("close_job");
    expect(started("you can close JOB-1234, the lights are back")).toBe("close_job");
  });
  it("leaves a chase a chase", () => {
    expect(started("any news on JOB-1234? nobody came back to me")).toBe("chase_job");
  });
});
