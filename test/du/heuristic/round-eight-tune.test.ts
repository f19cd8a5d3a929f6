import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/** Eighth round: a bakery's delivery desk, and a lift company's fault line, written for these tests. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bakery: LoadedDomain;
let lifts: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));
const asked = (domain: LoadedDomain, flow: string, slot: string, text: string) =>
  du.read(text, domain, inFlow(domain, flow, { waiting: slot }));

beforeAll(async () => {
  bakery = await loadDomainFromText(
    [
      "slots:",
      "  cake: { type: string, choices: [sponge, cheesecake, tart], prompt: 'Which cake?' }",
      "  decorations:",
      "    type: list",
      "    required: false",
      "    choices: [candles, sprinkles, icing]",
      "    prompt: 'Any decorations?'",
      "  delivery_ref: { type: string, extract: pattern, pattern: '\\d{5}', prompt: 'Which delivery number?' }",
      "flows:",
      "  order_cake:",
      "    description: Order a cake",
      "    trigger: { intents: ['order a cake', 'a {cake} cake please'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: cake }",
      "      - { step: d, type: collect, slot: decorations }",
      "  track_delivery:",
      "    description: Follow a cake delivery",
      "    trigger: { intents: ['where is my cake', 'status of delivery {delivery_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: delivery_ref }",
    ].join("\n"),
    "bakery.yaml",
  );
  lifts = await loadDomainFromText(
    [
      "slots:",
      "  fault:",
      "    type: string",
      "    choices: [doors, buttons, alarm]",
      "    synonyms: { alarm: [alarm calls, emergency calls] }",
      "    prompt: 'What fails: the doors, the buttons or the alarm?'",
      "  building: { type: string, extract: address, prompt: 'At which address?' }",
      "flows:",
      "  report_lift_fault:",
      "    description: Report a lift that does not work",
      "    trigger: { intents: ['the lift is broken', 'the {fault} of the lift fail'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: fault }",
      "      - { step: b, type: collect, slot: building }",
    ].join("\n"),
    "lifts.yaml",
  );
});

describe("'when is my ...' asks after a thing already had", () => {
  it("follows the delivery", () => {
    expect(firstIntent(read(bakery, "when is my cake coming"))).toBe("track_delivery");
    expect(firstIntent(read(bakery, "whens our cake turning up"))).toBe("track_delivery");
    expect(firstIntent(read(bakery, "cuando llega mi tarta"))).toBe("track_delivery");
  });
});

describe("'no extra X' declines an optional list", () => {
  it("skips the decorations", () => {
    for (const text of ["no extra decorations", "no additional decorations, thanks"]) {
      expect(asked(bakery, "order_cake", "decorations", text)).toEqual([
        { type: "skip_slot", slot: "decorations" },
      ]);
    }
  });
});

describe("a remark aside that opens with a laugh or thanks", () => {
  it("is small talk in a flow and at the start", () => {
    expect(asked(bakery, "order_cake", "cake", "haha my son just licked the screen")[0]?.type).toBe(
      "chitchat",
    );
    expect(read(bakery, "thanks a lot, the party yesterday went really well")[0]?.type).toBe(
      "chitchat",
    );
    expect(read(bakery, "jajaja mi hermano se ha comido la vela")[0]?.type).toBe("chitchat");
  });
  it("still reads a value or a request after the laugh", () => {
    expect(slotsOf(asked(bakery, "order_cake", "cake", "haha the tart obviously"))).toEqual({
      cake: "tart",
    });
    expect(firstIntent(read(bakery, "lol I need to order a cake for tomorrow"))).toBe("order_cake");
  });
});

describe("an activity that fails after 'can't make'", () => {
  it("reads the plural choice after a verb of doing", () => {
    expect(slotsOf(read(lifts, "the lift is broken, we can't make alarm calls"))).toMatchObject({
      fault: "alarm",
    });
    expect(
      slotsOf(asked(lifts, "report_lift_fault", "fault", "no podemos hacer alarm calls")),
    ).toEqual({
      fault: "alarm",
    });
  });
  it("still gives up an occasion", () => {
    expect(
      slotsOf(asked(lifts, "report_lift_fault", "fault", "I can't make the doors")).fault,
    ).toBeUndefined();
  });
});
