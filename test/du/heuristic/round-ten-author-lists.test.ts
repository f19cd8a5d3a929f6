import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * What two new authors listed as still wrong, checked on small domains no rule was written for.
 * Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let train: LoadedDomain;

beforeAll(async () => {
  train = await domainFromLines(
    [
      "slots:",
      "  origin_station: { type: string, prompt: 'From where?' }",
      "  outbound_day: { type: date, prompt: 'Which day do you leave?' }",
      "  back_day:",
      "    type: date",
      "    required: false",
      "    aliases: [return]",
      "    declined_by: [single ticket, single, no return ticket]",
      "    prompt: 'When do you come back?'",
      "  seat_note: { type: string, required: false, prompt: 'Any seat wishes?' }",
      "flows:",
      "  buy_ticket:",
      "    description: Buy a train ticket",
      "    trigger: { intents: ['buy a train ticket from {origin_station}'] }",
      "    steps:",
      "      - { step: o, type: collect, slot: origin_station }",
      "      - { step: d, type: collect, slot: outbound_day }",
      "      - { step: b, type: collect, slot: back_day }",
      "      - { step: s, type: collect, slot: seat_note }",
    ],
    "train.yaml",
  );
});

const read = (domain: LoadedDomain, text: string, flow?: string, waiting?: string): Command[] =>
  du.read(text, domain, flow ? inFlow(domain, flow, { waiting }) : emptyState("t"));

describe("an optional slot declined in the domain's own words (declined_by)", () => {
  it.each(["single ticket only", "just a single please", "no, single", "single"])(
    "'%s' skips the optional day",
    (text) => {
      expect(read(train, text, "buy_ticket", "back_day")).toEqual([
        { type: "skip_slot", slot: "back_day" },
      ]);
    },
  );

  it("a day is still the answer", () => {
    expect(read(train, "the 14th of march", "buy_ticket", "back_day")).toEqual([
      { type: "set_slot", slot: "back_day", value: "2027-03-14" },
    ]);
  });

  it("the phrase with more said is not a decline", () => {
    expect(
      read(train, "single ticket or maybe the 14th", "buy_ticket", "back_day"),
    ).not.toContainEqual({ type: "skip_slot", slot: "back_day" });
  });

  it("another optional slot without the key is not declined by those words", () => {
    expect(read(train, "single", "buy_ticket", "seat_note")).not.toContainEqual({
      type: "skip_slot",
      slot: "seat_note",
    });
  });
});

it("declined_by on a required slot is warned about: it is never read", async () => {
  const loaded = await loadDomainFromText(
    [
      "slots:",
      "  back_day: { type: date, declined_by: [single], prompt: 'When back?' }",
      "flows:",
      "  f:",
      "    steps:",
      "      - { step: b, type: collect, slot: back_day }",
      "",
    ].join("\n"),
    "d.yaml",
  );
  expect(loaded.warnings?.map((w) => w.code)).toContain("declined-by-required");
});
