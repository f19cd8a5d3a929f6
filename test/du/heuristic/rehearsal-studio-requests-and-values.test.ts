import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * On a small rehearsal studio: a slot named by a label of several words at the summary, a staff
 * word asking for a person, "I can't remember" to an optional question, a short weekday.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let studio: LoadedDomain;
const read = (text: string, state = emptyState("t")): Command[] => du.read(text, studio, state);

beforeAll(async () => {
  studio = await domainFromLines(
    [
      "vocabulary:",
      "  staff: [sound engineer]",
      "slots:",
      "  band_size: { type: integer, label: number of musicians, aliases: [musicians], prompt: 'How many musicians?' }",
      "  member_code: { type: string, extract: pattern, pattern: 'ST-\\\\d{4}', label: member number, prompt: 'Member number?' }",
      "  session_day: { type: date, prompt: 'Which day?' }",
      "  last_booking: { type: string, extract: pattern, pattern: 'BK-\\\\d{4}', required: false, label: last booking, prompt: 'Do you remember your last booking number? If not, say no.' }",
      "  ok: { type: boolean }",
      "flows:",
      "  book_session:",
      "    description: Book a rehearsal session in a studio",
      "    trigger: { intents: ['book a rehearsal session', 'rehearse on {session_day}'] }",
      "    steps:",
      "      - { step: n, type: collect, slot: band_size }",
      "      - { step: m, type: collect, slot: member_code }",
      "      - { step: d, type: collect, slot: session_day }",
      "      - { step: l, type: collect, slot: last_booking }",
      "      - { step: c, type: confirm, slot: ok, message: 'Book it?' }",
    ],
    "studio.yaml",
  );
});

describe("a slot named by a label of several words at the summary", () => {
  it("is the one to change, though one of its words names another slot", () => {
    const summary = () =>
      inFlow(studio, "book_session", {
        confirm: true,
        slots: { band_size: 4, member_code: "ST-1234", session_day: "2027-03-12" },
      });
    expect(read("no, the number of musicians is wrong", summary())).toEqual([
      { type: "deny", slot_to_change: "band_size" },
    ]);
    expect(read("no, the member number is wrong", summary())).toEqual([
      { type: "deny", slot_to_change: "member_code" },
    ]);
  });
});

describe("a domain's staff word", () => {
  it("asks for a person after a verb of asking for someone", () => {
    expect(read("could I speak to a sound engineer please")[0]?.type).toBe("human_handoff");
    expect(read("put me through to the sound engineer")[0]?.type).toBe("human_handoff");
  });

  it("is no handoff when nobody is asked for", () => {
    expect(read("is a sound engineer there on friday")[0]?.type).not.toBe("human_handoff");
  });
});

describe("saying one has no value to give", () => {
  const asked = (slot: string) => inFlow(studio, "book_session", { waiting: slot });

  it("declines an optional question", () => {
    for (const text of [
      "no clue, sorry",
      "I can't remember it",
      "I don't remember my last booking",
    ])
      expect(read(text, asked("last_booking"))).toEqual([
        { type: "skip_slot", slot: "last_booking" },
      ]);
  });

  it("gives the value when one is said after all", () => {
    expect(read("can't remember... oh wait, BK-4321", asked("last_booking"))).toEqual([
      { type: "set_slot", slot: "last_booking", value: "BK-4321" },
    ]);
  });

  it("declines nothing a required question asks", () => {
    expect(read("no clue, sorry", asked("member_code"))[0]?.type).not.toBe("skip_slot");
  });
});

describe("a short weekday that is also a word", () => {
  it("is the day when it ends a terse request", () => {
    expect(findDates("rehearsal session big room sun", EXAMPLE_NOW).map((d) => d.value)).toEqual([
      "2027-03-14",
    ]);
  });

  it("is the word after a subject or an article", () => {
    expect(findDates("we sat", EXAMPLE_NOW)).toEqual([]);
    expect(findDates("the drums dry in the sun", EXAMPLE_NOW)).toEqual([]);
  });
});
