import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * A library's self-service kiosks: a chat message drops the subject of the author's phrase
 * ("can't log in ..." for "I can't log in"), and the phrase still opens it, whatever value of
 * another flow follows.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let kiosks: LoadedDomain;
const started = (text: string): string | undefined =>
  du
    .read(text, kiosks, emptyState("t"))
    .find((c): c is Extract<Command, { type: "start_flow" }> => c.type === "start_flow")?.flow;

beforeAll(async () => {
  kiosks = await domainFromLines(
    [
      "slots:",
      "  terminal:",
      "    type: string",
      "    choices: [kiosk, tablet, catalogue_pc]",
      "    synonyms: { catalogue_pc: [catalogue computer, computer] }",
      "    prompt: 'Which machine?'",
      "  card_number: { type: string, prompt: 'Your card number?' }",
      "flows:",
      "  member_login:",
      "    description: Help a member who cannot get into their account",
      "    trigger: { intents: [\"I can't log in\", 'reset my pin'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: card_number }",
      "  report_fault:",
      "    description: Report a machine that does not work",
      "    trigger: { intents: ['my {terminal} is broken', 'the {terminal} is not working'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: terminal }",
    ],
    "kiosks.yaml",
  );
});

describe("a phrase said without its subject", () => {
  it("opens the message as the phrase would", () => {
    expect(started("cant log in to the computer")).toBe("member_login");
    expect(started("can't log in to the kiosk today")).toBe("member_login");
  });
  it("leaves a fault of the machine a fault", () => {
    expect(started("the kiosk is not working")).toBe("report_fault");
  });
});
