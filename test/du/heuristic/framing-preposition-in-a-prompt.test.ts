import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW } from "../helpers.ts";

/**
 * A prompt opening with a preposition names the word its answer follows only when a question
 * word comes next ("At which address ...?": "... at 4 Mill Lane"). "In a few words, what went
 * wrong?" opens with a phrase that frames the question: "in the shed" of a first message is no
 * description. A household repairs service.
 */
const YAML = `
slots:
  problem:
    type: string
    prompt: "What needs fixing?"
    choices: [leak, broken_lock, power_cut]
    synonyms: { leak: [leaking, dripping], broken_lock: [lock is broken, jammed lock], power_cut: [no power] }
  details:
    type: string
    extract: free_text
    prompt: "In a few words, what went wrong and what is damaged?"
  site:
    type: string
    extract: free_text
    prompt: "At which address is the job?"
flows:
  repair:
    description: Book a household repair
    trigger: { intents: ["I need a repair", "report a {problem}", "something is broken at home"] }
    steps:
      - { step: p, type: collect, slot: problem }
      - { step: d, type: collect, slot: details }
      - { step: s, type: collect, slot: site }
      - { step: done, type: say, message: "Booked." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let home: LoadedDomain;
const read = (text: string) => du.read(text, home, emptyState("test"));

beforeAll(async () => {
  home = await domainFromYaml(YAML);
});

describe("a preposition framing a prompt", () => {
  it("cues no description in a first message", () => {
    for (const text of [
      "I need a repair, the tap is dripping in the kitchen",
      "report a leak in the shed",
    ]) {
      const commands = read(text);
      expect(commands).toContainEqual({ type: "start_flow", flow: "repair" });
      expect(commands).not.toContainEqual(expect.objectContaining({ slot: "details" }));
    }
  });
  it("one before a question word still cues its answer", () => {
    expect(read("report a leak at Mill Lane")).toContainEqual({
      type: "set_slot",
      slot: "site",
      value: "Mill Lane",
    });
  });
});
