import { describe, expect, it } from "vitest";
import { loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { testRuntime } from "../runtime/helpers.ts";

/** An original-dialect domain whose free-text slots only their validators know the shape of. */
const yaml = `
version: "1.0"
flows:
  open_locker:
    description: "Open a gym locker"
    trigger:
      intents: ["open my locker"]
    steps:
      - { step: which, type: collect, slot: locker, message: "Which locker number?" }
      - { step: note, type: collect, slot: remark, message: "Anything to tell the staff?" }
      - { step: open, type: action, call: open_locker }
      - { step: done, type: say, message: "Locker {locker} is open ({remark})." }
slots:
  locker:
    type: string
    validator: locker_number
    validation_error_message: "Locker numbers have 3 digits."
  remark:
    type: string
    validator: polite
`;

describe("a free-text answer its validator refuses whole", () => {
  it("takes the word with a digit the validator accepts; other answers are refused as before", async () => {
    const domain = await loadDomainFromText(yaml, "locker.yaml");
    const t = testRuntime(
      domain,
      {
        actions: { open_locker: () => ({}) },
        validators: {
          locker_number: (v) => /^\d{3}$/.test(String(v)),
          polite: (v) => !/\d/.test(String(v)),
        },
      },
      { du: new HeuristicUnderstanding() },
    );
    const send = async (text: string) => (await t.runtime.processMessage(text, "u")).response;
    expect(await send("open my locker")).toBe("Which locker number?");
    expect(await send("it's the one with 12 on it")).toContain("Locker numbers have 3 digits.");
    expect(await send("I think it is 317, next to the door")).toBe("Anything to tell the staff?");
    // A value the validator refuses, whose words with digits it refuses too, stays refused.
    expect(await send("room 2 is cold")).toContain("Anything to tell the staff?");
    expect((await t.runtime.getState("u")).slots.remark ?? null).toBeNull();
    expect(await send("the key sticks")).toBe("Locker 317 is open (key sticks).");
  });
});
