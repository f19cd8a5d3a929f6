import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a swimming pool's lessons desk whose author lets "am" and "pm" say the part of the day: "I
 * am" is the verb, not the morning; and a person's standing said by the person.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let pool: LoadedDomain;
let club: LoadedDomain;
const read = (text: string): Command[] => du.read(text, pool, emptyState("t"));

beforeAll(async () => {
  pool = await loadDomainFromText(
    [
      "slots:",
      "  session: { type: string, choices: [morning, evening], synonyms: { morning: [am, early], evening: [pm, late] }, prompt: 'Morning or evening?' }",
      "  pass_number: { type: string, extract: pattern, pattern: 'SW-\\d{4}', prompt: 'Your pass number?' }",
      "flows:",
      "  book_lesson:",
      "    description: Book a swimming lesson",
      "    trigger: { intents: ['book a swimming lesson', 'a lesson in the {session}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: session }",
      "  end_pass:",
      "    description: End a pool pass",
      "    trigger: { intents: ['end my pool pass', 'stop my pass {pass_number}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pass_number }",
    ].join("\n"),
    "pool.yaml",
  );
  club = await loadDomainFromText(
    [
      "slots:",
      "  court_ref: { type: string, extract: pattern, pattern: 'CT-\\d{4}', prompt: 'Which booking?' }",
      "  card: { type: string, extract: pattern, pattern: 'TC-\\d{4}', prompt: 'Your club card?' }",
      "flows:",
      "  cancel_court:",
      "    description: Cancel a court booking",
      "    trigger: { intents: ['cancel my court booking', 'cancel court {court_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: court_ref }",
      "  end_membership:",
      "    description: End a tennis club membership",
      "    trigger: { intents: ['cancel my membership', 'end membership {card}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: card }",
      "  try_club:",
      "    description: Try the club for a day",
      "    trigger: { intents: ['I am not a member, can I try a day', 'a trial day'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: card }",
    ].join("\n"),
    "club.yaml",
  );
});

describe("a function word spelling a choice, after a subject or a modal", () => {
  it("'I am' is the verb: it names no part of the day", () => {
    const free = read("I am free this week, any lesson?");
    expect(slotsOf(free).session).toBeUndefined();
    expect(read("I am not sure")).not.toContainEqual({
      type: "start_flow",
      flow: "book_lesson",
    });
    const asked = du.read(
      "I am not sure yet",
      pool,
      inFlow(pool, "book_lesson", { waiting: "session" }),
    );
    expect(slotsOf(asked).session).toBeUndefined();
  });

  it("the same word elsewhere still says the choice", () => {
    expect(slotsOf(read("book a swimming lesson, am please")).session).toBe("morning");
    const answer = du.read("am", pool, inFlow(pool, "book_lesson", { waiting: "session" }));
    expect(slotsOf(answer).session).toBe("morning");
  });
});

describe("a person's standing said by the person", () => {
  it("'no longer a member' is about the membership, not the day a non-member tries", () => {
    const started = (text: string) =>
      du.read(text, club, emptyState("t")).find((c) => c.type === "start_flow");
    expect(started("I don't want to be a member anymore")).toEqual({
      type: "start_flow",
      flow: "end_membership",
    });
    expect(started("I no longer want to be a member of the club")).toEqual({
      type: "start_flow",
      flow: "end_membership",
    });
    expect(started("please cancel, I won't be a member after june")).toEqual({
      type: "start_flow",
      flow: "end_membership",
    });
  });
});
