import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { inFlow } from "../helpers.ts";

const yaml = `
flows:
  move_lesson:
    description: "Move a piano lesson to another day"
    trigger:
      intents: ["move my lesson"]
    steps:
      - { step: ask_day, type: collect, slot: lesson_day }
      - { step: sure, type: confirm, slot: move_confirmed, message: "Move it to {lesson_day}?" }
slots:
  lesson_day:
    type: date
    extract: date
    prompt: "Which day?"
  move_confirmed:
    type: boolean
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "lessons.yaml");
});

describe("keeping the old value at a confirmation", () => {
  const sure = () =>
    inFlow(domain, "move_lesson", { confirm: true, slots: { lesson_day: "2027-03-12" } });

  it("is a plain no, not a wish to change the slot named", () => {
    for (const text of ["no, leave the old day", "no, keep the original day"]) {
      expect(du.read(text, domain, sure()), text).toEqual([{ type: "deny" }]);
    }
  });

  it("still asks to change a slot named to be changed", () => {
    expect(du.read("no, change the day", domain, sure())).toEqual([
      { type: "deny", slot_to_change: "lesson_day" },
    ]);
  });
});
