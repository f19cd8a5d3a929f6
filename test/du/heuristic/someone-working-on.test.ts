import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent } from "../helpers.ts";

/**
 * "is anybody working on it?" asks whether someone deals with a job, not that the thing works:
 * a bike workshop that follows and withdraws repair jobs.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
const read = (text: string) => du.read(text, shop, emptyState("t"));

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  job: { type: string, extract: pattern, pattern: 'JOB-\\\\d{4}', prompt: 'Which job?' }",
      "flows:",
      "  job_status:",
      "    description: Follow a repair job",
      "    trigger: { intents: ['has anyone looked at {job}', 'status of my repair'] }",
      "    steps:",
      "      - { step: j, type: collect, slot: job }",
      "  withdraw_job:",
      "    description: Withdraw a repair job",
      "    trigger: { intents: ['it works now, withdraw {job}', 'withdraw my repair'] }",
      "    steps:",
      "      - { step: j, type: collect, slot: job }",
    ],
    "workshop.yaml",
  );
});

describe("someone working on a thing", () => {
  it("asks how the job stands ('anybody' is 'anyone')", () => {
    expect(firstIntent(read("is anybody actually working on JOB-1234"))).toBe("job_status");
  });
  it("the thing working still withdraws it", () => {
    expect(firstIntent(read("it's working now, withdraw JOB-1234"))).toBe("withdraw_job");
  });
});
