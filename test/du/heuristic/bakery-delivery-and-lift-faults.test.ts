import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a bakery's delivery desk and a lift company's fault line: questions about a thing had,
 * declined extras, remarks aside, things that fail, cancels no flow takes, and typed choices.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bakery: LoadedDomain;
let lifts: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));
const asked = (domain: LoadedDomain, flow: string, slot: string, text: string) =>
  du.read(text, domain, inFlow(domain, flow, { waiting: slot }));

beforeAll(async () => {
  bakery = await domainFromLines(
    [
      "slots:",
      "  cake: { type: string, choices: [sponge, cheesecake, tart], prompt: 'Which cake?' }",
      "  cake_size:",
      "    type: string",
      "    choices: [small, large]",
      "    synonyms: { large: [big] }",
      "    prompt: 'Small or large?'",
      "  decorations:",
      "    type: list",
      "    required: false",
      "    choices: [candles, sprinkles, icing]",
      "    synonyms: { candles: [party] }",
      "    prompt: 'Any decorations?'",
      "  delivery_ref: { type: string, extract: pattern, pattern: '\\d{5}', prompt: 'Which delivery number?' }",
      "flows:",
      "  order_cake:",
      "    description: Order a cake",
      "    trigger: { intents: ['order a cake', 'a {cake} cake please'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: cake }",
      "      - { step: s, type: collect, slot: cake_size }",
      "      - { step: d, type: collect, slot: decorations }",
      "  track_delivery:",
      "    description: Follow a cake delivery",
      "    trigger: { intents: ['where is my cake', 'status of delivery {delivery_ref}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: delivery_ref }",
    ],
    "bakery.yaml",
  );
  lifts = await domainFromLines(
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
    ],
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

describe("a request to cancel where no flow cancels", () => {
  it("is out of scope, whatever flow its noun matches", () => {
    expect(read(lifts, "I want to terminate the lift maintenance")).toEqual([
      { type: "out_of_scope" },
    ]);
    expect(read(lifts, "quiero darme de baja del servicio del lift")).toEqual([
      { type: "out_of_scope" },
    ]);
  });
  it("still starts the flow when values of it are said", () => {
    expect(firstIntent(read(lifts, "changed my mind, the doors of the lift fail"))).toBe(
      "report_lift_fault",
    );
  });
});

describe("a list item said twice", () => {
  it("stands where it is said last, leaving the values between", () => {
    const commands = read(bakery, "it's for a party, I want a sponge cake with candles");
    expect(slotsOf(commands)).toEqual({ cake: "sponge", decorations: ["candles"] });
  });
});

describe("asking what the assistant does, or where to find the value", () => {
  it("asks for help", () => {
    expect(read(bakery, "what can this chat do?")).toEqual([{ type: "clarify" }]);
    expect(read(bakery, "¿para qué sirve este chat?")).toEqual([{ type: "clarify" }]);
    expect(asked(bakery, "track_delivery", "delivery_ref", "where do I even find that?")).toEqual([
      { type: "clarify", topic: "delivery_ref" },
    ]);
  });
});

describe("a degree question", () => {
  it("picks no choice its adjective names", () => {
    const commands = asked(bakery, "order_cake", "cake_size", "how big is each cake size?");
    expect(slotsOf(commands)).toEqual({});
    expect(slotsOf(asked(bakery, "order_cake", "cake_size", "a big one"))).toEqual({
      cake_size: "large",
    });
  });
});

describe("asking whether a thing had has left", () => {
  it("follows the delivery", () => {
    expect(firstIntent(read(bakery, "can you say whether delivery 40412 has left?"))).toBe(
      "track_delivery",
    );
  });
});

describe("a choice typed without its last letter", () => {
  it("reads four letters that start a five-letter choice", () => {
    expect(slotsOf(asked(bakery, "order_cake", "cake_size", "a smal one"))).toEqual({
      cake_size: "small",
    });
  });
});
