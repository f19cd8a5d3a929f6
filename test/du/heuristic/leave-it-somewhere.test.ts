import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A florist, written for these tests: a bouquet sent with an optional note for the courier. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let florist: LoadedDomain;

beforeAll(async () => {
  florist = await domainFromLines(
    [
      "slots:",
      "  bouquet: { type: string, choices: [roses, tulips], prompt: 'Roses or tulips?' }",
      "  courier_note:",
      "    type: string",
      "    required: false",
      "    prompt: 'Anything the courier should know? You can say no.'",
      "flows:",
      "  send_flowers:",
      "    description: Send a bouquet",
      "    trigger: { intents: ['send flowers', 'send a bouquet'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: bouquet }",
      "      - { step: n, type: collect, slot: courier_note }",
    ],
    "florist",
  );
});

const asked = () => inFlow(florist, "send_flowers", { waiting: "courier_note" });

describe("'leave it' or 'drop it' followed by where", () => {
  it.each([
    "leave it behind the blue gate",
    "please leave it with the shop downstairs",
    "drop it off at the caretaker's lodge",
    "just leave it on the bench by the door",
    "déjalo en conserjería, por favor",
  ])("is the answer, not a cancel: %s", (message) => {
    const commands = du.read(message, florist, asked());
    expect(commands[0]).toMatchObject({ type: "set_slot", slot: "courier_note" });
  });

  it.each(["leave it", "oh just leave it, I'll sort it myself", "let's leave it at that"])(
    "still cancels on its own or as the idiom: %s",
    (message) => {
      expect(du.read(message, florist, asked())).toEqual([{ type: "cancel_flow" }]);
    },
  );
});
