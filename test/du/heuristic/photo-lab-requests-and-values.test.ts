import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a photo lab's counter: a past that tells what happened, 'what does X mean', a slot named
 * after a negation, questions about the business, 'oh wait' corrections, the one number left in an
 * answer. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let lab: LoadedDomain;
const read = (text: string): Command[] => du.read(text, lab, emptyState("t"));

beforeAll(async () => {
  lab = await domainFromLines([
    "slots:",
    "  finish: { type: string, choices: [matte, glossy, lustre], prompt: 'Which finish?' }",
    "  prints: { type: integer, prompt: 'How many prints?', aliases: [prints, copies] }",
    "  pickup_day: { type: date, prompt: 'Which day will you pick them up?' }",
    "  owner: { type: string, extract: person_name, prompt: 'Under which name?', aliases: [name] }",
    "  mail: { type: string, extract: pattern, pattern: '[a-z.]+@[a-z]+\\.[a-z]{2,}', prompt: 'Your email?', aliases: [email] }",
    "  ok: { type: boolean }",
    "  job_ref: { type: string, extract: pattern, pattern: 'PL-\\d{4}', prompt: 'Which job?' }",
    "flows:",
    "  order_prints:",
    "    description: Order prints of your photos",
    "    trigger: { intents: ['order {prints} {finish} prints', 'print my photos'] }",
    "    steps:",
    "      - { step: f, type: collect, slot: finish }",
    "      - { step: n, type: collect, slot: prints }",
    "      - { step: d, type: collect, slot: pickup_day }",
    "      - { step: o, type: collect, slot: owner }",
    "      - { step: m, type: collect, slot: mail }",
    "      - { step: c, type: confirm, slot: ok, message: 'Order it?' }",
    "  cancel_job:",
    "    description: Cancel a print job",
    "    trigger: { intents: ['cancel my print job {job_ref}', 'cancel my scans and refund me'] }",
    "    steps:",
    "      - { step: j, type: collect, slot: job_ref }",
    "  send_scans:",
    "    description: Send the scans of a job again",
    "    trigger: { intents: ['email the scans again', 'send my scans again'] }",
    "    steps:",
    "      - { step: j, type: collect, slot: job_ref }",
    "  lab_hours:",
    "    description: Opening hours of the lab",
    "    trigger: { intents: ['what are your opening hours', 'when are you open'] }",
    "    steps:",
    "      - { step: s, type: say, message: 'Nine to six.' }",
  ]);
});

describe("a past that tells what happened gives no flow its act", () => {
  it("'I deleted them by accident' beside a request for the scans again", () => {
    expect(
      firstIntent(read("could you email me the scans again, I deleted them by accident")),
    ).toBe("send_scans");
  });
});

describe("a word after a possessive is no weekday typed wrong", () => {
  it("'my mates' is not 'martes'", () => {
    const found = slotsOf(read("me and my mates want 6 glossy prints"));
    expect(found).toMatchObject({ prints: 6, finish: "glossy" });
    expect(found.pickup_day).toBeUndefined();
  });
});

describe("'what does X mean' asks what a term is", () => {
  it("a choice asked about is no answer", () => {
    const state = inFlow(lab, "order_prints", { waiting: "finish" });
    expect(du.read("what does lustre mean?", lab, state)).toEqual([
      { type: "clarify", topic: "lustre" },
    ]);
    expect(du.read("so what does lustre stand for", lab, state)).toEqual([
      { type: "clarify", topic: "lustre" },
    ]);
  });
});

describe("a slot's name right after a negation is the one not meant", () => {
  const slots = { finish: "matte", prints: 2, owner: "Ines Roca", mail: "ines@roca.com" };
  it("beside another slot's name, the other one is wrong", () => {
    const state = inFlow(lab, "order_prints", { confirm: true, slots });
    expect(du.read("no, not the name, the email is wrong", lab, state)).toEqual([
      { type: "deny", slot_to_change: "mail" },
    ]);
  });
  it("alone, it still names the slot", () => {
    const state = inFlow(lab, "order_prints", { confirm: true, slots });
    expect(du.read("no, that's not my email", lab, state)).toEqual([
      { type: "deny", slot_to_change: "mail" },
    ]);
  });
});

describe("words that only say when leave a question about the business to its flow", () => {
  it("'at weekends', 'how late'", () => {
    expect(firstIntent(read("what are your hours at weekends"))).toBe("lab_hours");
    expect(firstIntent(read("how late are you open"))).toBe("lab_hours");
  });
});

describe("a correction opened by 'oh wait'", () => {
  it("gives the new value, the clause about the old one left out", () => {
    const state = inFlow(lab, "order_prints", { waiting: "prints", slots: { finish: "matte" } });
    expect(du.read("oh wait, glossy, matte looks too dull", lab, state)).toEqual([
      { type: "correct_slot", slot: "finish", value: "glossy" },
    ]);
  });
});

describe("the one number left beside several values in an answer", () => {
  it("is the flow's one number slot", () => {
    const state = inFlow(lab, "order_prints", { waiting: "finish" });
    expect(slotsOf(du.read("glossy on friday and 12 in the envelope", lab, state))).toEqual({
      finish: "glossy",
      pickup_day: "2027-03-12",
      prints: 12,
    });
  });
  it("not when the answer is the only value", () => {
    const state = inFlow(lab, "order_prints", { waiting: "finish" });
    expect(slotsOf(du.read("glossy, 12 in the envelope", lab, state))).toEqual({
      finish: "glossy",
    });
  });
});
