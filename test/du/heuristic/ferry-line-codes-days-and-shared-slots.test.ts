import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import {
  domainFromLines,
  EXAMPLE_NOW,
  firstIntent,
  inFlow,
  readValues,
  slotsOf,
} from "../helpers.ts";

/**
 * On a small ferry line: pattern codes (a `[0-9]` class; capitals and digits typed apart), nothing
 * more to one of two optional questions, days gone by and days of the month, customer care, and a
 * place, a date or the speaker two slots or a list share.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let ferry: LoadedDomain;
const read = (text: string): Command[] => du.read(text, ferry, emptyState("t"));

beforeAll(async () => {
  ferry = await domainFromLines(
    [
      "slots:",
      "  voucher_code: { extract: pattern, pattern: '[A-Z]{2}[0-9]{4}', prompt: 'Voucher code?' }",
      "  sailing_no: { extract: pattern, pattern: 'FR\\d{2,3}', prompt: 'Which sailing?' }",
      "  locker_tag: { extract: pattern, pattern: '[A-Z0-9]{6}', prompt: 'Locker tag?' }",
      "  port_from: { choices: [oban, mull, islay], prompt: 'Sailing from where?' }",
      "  port_to: { choices: [oban, mull, islay], prompt: 'Sailing to where?' }",
      "  sail_day: { type: date, prompt: 'Which day?' }",
      "  back_day: { type: date, required: false, prompt: 'Coming back when?' }",
      "  crossing_ok: { type: boolean }",
      "  travellers: { type: integer, prompt: 'How many people are travelling?' }",
      "  add_ons: { type: list, choices: [cabin, breakfast], required: false, prompt: 'Any add-ons?' }",
      "flows:",
      "  redeem_voucher:",
      "    description: Redeem a gift voucher for a crossing",
      "    trigger: { intents: ['redeem my voucher', 'use a gift voucher'] }",
      "    steps:",
      "      - { step: v, type: collect, slot: voucher_code }",
      "  sailing_delays:",
      "    description: Whether a sailing leaves on time",
      "    trigger: { intents: ['is the ferry late', 'is {sailing_no} leaving on time'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: sailing_no }",
      "  book_crossing:",
      "    description: Book a ferry crossing to an island",
      "    trigger: { intents: ['book a crossing from {port_from} to {port_to}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: port_from }",
      "      - { step: p, type: collect, slot: port_to }",
      "      - { step: d, type: collect, slot: sail_day }",
      "      - { step: b, type: collect, slot: back_day }",
      "      - { step: n, type: collect, slot: travellers }",
      "      - { step: a, type: collect, slot: add_ons }",
      "      - { step: c, type: confirm, slot: crossing_ok, message: 'Book it?' }",
      "  open_locker:",
      "    description: Open a luggage locker on board",
      "    trigger: { intents: ['open my locker'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: locker_tag }",
    ],
    "ferry.yaml",
  );
});

describe("a code whose digits are a bracket class", () => {
  it("is read anywhere in a message, like one written with \\d", () => {
    const commands = read("hi, got a present, want to redeem it: gv8812 thanks");
    expect(firstIntent(commands)).toBe("redeem_voucher");
    expect(readValues(commands)).toEqual({ voucher_code: "GV8812" });
  });

  it("leaves a class of letters and digits loose: an everyday word is no locker tag", () => {
    const commands = read("please open locker");
    expect(firstIntent(commands)).toBe("open_locker");
    expect(readValues(commands)).toEqual({});
  });
});

describe("fixed capitals and digits typed with a space", () => {
  it("reads the code joined, as the pattern writes it", () => {
    const commands = read("my dad is on fr 27, is it running late?");
    expect(firstIntent(commands)).toBe("sailing_delays");
    expect(readValues(commands)).toEqual({ sailing_no: "FR27" });
  });

  it("does not join the capitals to a longer run of digits", () => {
    expect(readValues(read("is the ferry late, fr 27771"))).toEqual({});
  });
});

describe("nothing more, said to one of two optional questions", () => {
  it("declines the question asked, not the other optional slot it does not name", () => {
    const state = inFlow(ferry, "book_crossing", {
      waiting: "add_ons",
      slots: { port_from: "oban", port_to: "mull", sail_day: "2027-03-12" },
    });
    expect(du.read("nah, nothing extra", ferry, state)).toEqual([
      { type: "skip_slot", slot: "add_ons" },
    ]);
  });
});

describe("a day gone by, for a flow that asks a day to come", () => {
  it("does not pick the flow by that value alone", () => {
    const commands = read("our dog's lead was left on the ferry yesterday");
    expect(firstIntent(commands)).not.toBe("book_crossing");
    expect(readValues(commands)).toEqual({});
  });

  it("a day to come still picks it", () => {
    expect(firstIntent(read("I need to be on the ferry on friday"))).toBe("book_crossing");
  });
});

describe("a day of the month said after a date with its month", () => {
  it("runs on from that date, not from today", () => {
    const state = inFlow(ferry, "book_crossing", {
      waiting: "sail_day",
      slots: { port_to: "oban" },
    });
    expect(slotsOf(du.read("the 2nd of may, home again on the 9th", ferry, state))).toEqual({
      sail_day: "2027-05-02",
      back_day: "2027-05-09",
    });
  });

  it("a day alone still reads from today", () => {
    const state = inFlow(ferry, "book_crossing", {
      waiting: "sail_day",
      slots: { port_to: "oban" },
    });
    expect(slotsOf(du.read("the 20th", ferry, state))).toEqual({ sail_day: "2027-03-20" });
  });
});

describe("someone from customer care", () => {
  it("asks for a person", () => {
    expect(read("could I get somebody from customer care please")).toEqual([
      { type: "human_handoff", reason: "could I get somebody from customer care please" },
    ]);
  });
});

describe("a question whose one value is a choice two slots share", () => {
  it("is out of scope", () => {
    expect(firstIntent(read("how sunny is it on Mull"))).toBe("out_of_scope");
  });

  it("a word of the flow still asks for it", () => {
    expect(firstIntent(read("is there a crossing to Islay on friday?"))).toBe("book_crossing");
  });
});

describe("a name two slots share, at a summary that shows one of them", () => {
  it("names the one that holds a value", () => {
    const state = inFlow(ferry, "book_crossing", {
      confirm: true,
      slots: { port_from: "oban", port_to: "mull", sail_day: "2027-03-12" },
    });
    expect(du.read("hmm no, the date is not right", ferry, state)).toEqual([
      { type: "deny", slot_to_change: "sail_day" },
    ]);
  });
});

describe("the speaker, a relation and a group, listed as the answer", () => {
  const asked = () =>
    inFlow(ferry, "book_crossing", {
      waiting: "travellers",
      slots: { port_from: "oban", port_to: "mull", sail_day: "2027-03-12" },
    });

  it("adds them all up", () => {
    expect(slotsOf(du.read("me, my mum and 3 kids", ferry, asked()))).toEqual({ travellers: 5 });
  });

  it("without the speaker, guesses no sum", () => {
    expect(slotsOf(du.read("my mum and 3 kids", ferry, asked()))).not.toEqual({ travellers: 5 });
  });
});
