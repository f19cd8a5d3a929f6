import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A courier's chat: asked a tracking code, a message that is only a pause names where the
 * answer is ("let me search my inbox"); the place is a value of another flow's slot, and its
 * own words ("let me") ask for nothing. A cue that puts a request first still does.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let courier: LoadedDomain;
const asked = (text: string): Command[] =>
  du.read(text, courier, inFlow(courier, "track_parcel", { waiting: "tracking_code" }));

beforeAll(async () => {
  courier = await domainFromLines(
    [
      "slots:",
      "  tracking_code: { type: string, extract: pattern, pattern: 'TR\\d{6}', prompt: 'The tracking code?' }",
      "  contact_channel:",
      "    type: string",
      "    choices: [email, sms]",
      "    synonyms: { email: [inbox, mail, emails], sms: [texts, messages] }",
      "    prompt: 'Email or SMS?'",
      "flows:",
      "  track_parcel:",
      "    description: Track a parcel by its code",
      "    trigger: { intents: ['where is my parcel', 'track {tracking_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: tracking_code }",
      "  change_contact:",
      "    description: Change how we contact you about deliveries",
      "    trigger: { intents: ['change my {contact_channel}', 'send updates by {contact_channel}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: contact_channel }",
    ],
    "courier.yaml",
  );
});

describe("a pause that names where the answer is", () => {
  it("waits, whatever flow the place is a value of", () => {
    expect(asked("hold on, let me search my inbox")).toMatchObject([
      { type: "chitchat", kind: "wait" },
    ]);
    expect(asked("one sec, let me dig through my texts")).toMatchObject([
      { type: "chitchat", kind: "wait" },
    ]);
  });
  it("still reads a request put first", () => {
    expect(asked("before that, change my email please")).not.toMatchObject([
      { type: "chitchat", kind: "wait" },
    ]);
  });
});
