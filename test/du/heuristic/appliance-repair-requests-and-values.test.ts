import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a home appliance repair desk: values in the clause that sets the scene, another flow's
 * choices, changes asked as questions, faults told with a cancel verb, what a choice means, a
 * story's last request. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let repairs: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

beforeAll(async () => {
  repairs = await domainFromLines(
    [
      "slots:",
      "  appliance: { type: string, choices: [washer, oven, fridge, tv], prompt: 'Which appliance?' }",
      "  visit_day: { type: date, prompt: 'Which day?' }",
      "  plan: { type: string, choices: [basic, premium], prompt: 'Which plan?' }",
      "  phone: { type: string, prompt: 'Which phone number?' }",
      "  new_day: { type: date, prompt: 'Which new day?' }",
      "  job_ref: { type: string, extract: pattern, pattern: 'RP-\\d{4}', prompt: 'Which job?' }",
      "  parts:",
      "    type: list",
      "    choices: [hose, filter, seal]",
      "    prompt: 'Which parts?'",
      "    synonyms: { hose: [hoses, water pipe], filter: [filters, lint filter], seal: [door seal] }",
      "flows:",
      "  book_repair:",
      "    description: Book a repair visit for a broken appliance",
      "    trigger:",
      "      intents:",
      "        - my {appliance} is broken",
      "        - the {appliance} keeps stopping",
      "        - can someone fix my {appliance}",
      "    steps:",
      "      - { step: a, type: collect, slot: appliance }",
      "      - { step: d, type: collect, slot: visit_day }",
      "      - { step: n, type: collect, slot: phone }",
      "  move_repair:",
      "    description: Move a booked repair visit to another day",
      "    trigger:",
      "      intents:",
      "        - move my repair visit to {new_day}",
      "        - can I change the day of my repair",
      "        - I need the engineer on another day, job {job_ref}",
      "    steps:",
      "      - { step: j, type: collect, slot: job_ref }",
      "      - { step: d, type: collect, slot: new_day }",
      "  order_parts:",
      "    description: Order spare parts for an appliance",
      "    trigger: { intents: ['order a {parts}', 'I want to buy a new {parts}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: parts }",
      "  parts_cover:",
      "    description: What the repair cover includes for each plan",
      "    trigger:",
      "      intents:",
      "        - is a hose included in the {plan} plan",
      "        - how many filters do I get with {plan}",
      "    steps:",
      "      - { step: p, type: collect, slot: plan }",
    ],
    "repairs.yaml",
  );
});

describe("a value said in the clause that sets the scene is not the one asked for", () => {
  it("'when I turn on my oven' leaves the washer", () => {
    const commands = read(repairs, "the washer keeps stopping when I turn on my oven");
    expect(firstIntent(commands)).toBe("book_repair");
    expect(slotsOf(commands)).toEqual({ appliance: "washer" });
    expect(
      slotsOf(read(repairs, "my tv goes off whenever I open the fridge, can someone fix it")),
    ).toEqual({
      appliance: "tv",
    });
  });
  it("a value said only in that clause is still read", () => {
    expect(slotsOf(read(repairs, "it trips the power when I use my oven"))).toEqual({
      appliance: "oven",
    });
  });
});

describe("a choice of a slot a flow does not take, named by that flow's own words", () => {
  it("is what the flow is about, not a value for the flow that takes it", () => {
    const commands = read(repairs, "do I get free filters on premium");
    expect(firstIntent(commands)).toBe("parts_cover");
    expect(slotsOf(commands)).toEqual({ plan: "premium" });
    expect(firstIntent(read(repairs, "are hoses part of the basic plan?"))).toBe("parts_cover");
  });
  it("the flow that takes the value still gets it when asked for", () => {
    const commands = read(repairs, "I'd like to order two filters");
    expect(firstIntent(commands)).toBe("order_parts");
    expect(slotsOf(commands)).toEqual({ parts: ["filter"] });
  });
});

describe("asked as a question, a change of a value the running flow holds corrects it", () => {
  it("'can I change the day to friday?' while the repair holds another day", () => {
    const state = inFlow(repairs, "book_repair", {
      waiting: "phone",
      slots: { appliance: "oven", visit_day: "2027-03-11" },
    });
    expect(du.read("actually can I change the day to friday?", repairs, state)).toEqual([
      { type: "correct_slot", slot: "visit_day", value: "2027-03-12" },
    ]);
  });
});

describe("of flows too close to tell apart, the one alone to take a reference said is meant", () => {
  it("a job reference beside a day and a thing the other flow takes", () => {
    const commands = read(repairs, "oven repair visit on the 17th, RP-1234");
    expect(firstIntent(commands)).toBe("move_repair");
    expect(slotsOf(commands)).toMatchObject({ job_ref: "RP-1234" });
  });
});

describe("a cancel verb said of a thing in the present tells a fault, not a cancel", () => {
  let lines: LoadedDomain;
  beforeAll(async () => {
    lines = await domainFromLines(
      [
        "slots:",
        "  device: { type: string, choices: [router, modem, landline], prompt: 'Which device?' }",
        "  order_ref: { type: string, extract: pattern, pattern: 'OR-\\d{4}', prompt: 'Which order?' }",
        "flows:",
        "  report_fault:",
        "    description: Report a fault with a device on the line",
        "    trigger:",
        "      intents:",
        "        - my {device} is not working",
        "        - the {device} keeps failing",
        "    steps:",
        "      - { step: d, type: collect, slot: device }",
        "  close_order:",
        "    description: Close or cancel an open order",
        "    trigger:",
        "      intents:",
        "        - close my order {order_ref}",
        "        - cancel my order",
        "    steps:",
        "      - { step: o, type: collect, slot: order_ref }",
      ],
      "lines.yaml",
    );
  });
  it("'the router drops', 'connections drop', 'the app just closes' report the fault", () => {
    const drops = read(lines, "the router drops every evening around nine");
    expect(firstIntent(drops)).toBe("report_fault");
    expect(slotsOf(drops)).toEqual({ device: "router" });
    expect(firstIntent(read(lines, "landline calls drop after a minute or two"))).toBe(
      "report_fault",
    );
    expect(firstIntent(read(lines, "the modem lights blink and then it just closes"))).toBe(
      "report_fault",
    );
  });
  it("the verb said as a request still cancels", () => {
    expect(firstIntent(read(lines, "please close order OR-1234"))).toBe("close_order");
    expect(firstIntent(read(lines, "drop it, cancel the order"))).toBe("close_order");
  });
});

describe("asking the difference between choices asks what the question means", () => {
  it("'what's the difference between basic and premium?' while a plan is asked", () => {
    const state = inFlow(repairs, "parts_cover", { waiting: "plan" });
    expect(du.read("what's the difference between basic and premium?", repairs, state)).toEqual([
      { type: "clarify", topic: "plan" },
    ]);
  });
});

describe("a story's last request about the thing it named ('look at it') keeps the story's flow", () => {
  let shop: LoadedDomain;
  beforeAll(async () => {
    shop = await domainFromLines(
      [
        "slots:",
        "  gadget: { type: string, choices: [kettle, toaster, blender], prompt: 'Which gadget?' }",
        "flows:",
        "  report_fault:",
        "    description: Report a broken kitchen gadget",
        "    trigger:",
        "      intents: ['my {gadget} is broken', 'my {gadget} died', 'blue smoke from my {gadget}']",
        "    steps:",
        "      - { step: g, type: collect, slot: gadget }",
        "  repair_status:",
        "    description: Ask how a repair is going",
        "    trigger: { intents: ['has anyone looked at my repair', 'how is my repair going'] }",
        "    steps:",
        "      - { step: s, type: say, message: 'It is on the bench.' }",
      ],
      "shop.yaml",
    );
  });
  it("the fault told in the past, then 'can someone look at it'", () => {
    const commands = read(
      shop,
      "so I was making breakfast this morning and my toaster just died on me, blue smoke, can someone look at it",
    );
    expect(firstIntent(commands)).toBe("report_fault");
    expect(slotsOf(commands)).toMatchObject({ gadget: "toaster" });
  });
  it("a last request that names its own thing is still the request", () => {
    const text =
      "so I was making breakfast this morning and my toaster just died on me, blue smoke, can someone look at my repair";
    expect(firstIntent(read(shop, text))).toBe("repair_status");
  });
});

describe("a cancel verb's -s form asks in Spanish (pack thingPresent)", () => {
  let taller: LoadedDomain;
  beforeAll(async () => {
    taller = await loadDomainFromText(
      [
        "settings: { language: es }",
        "slots:",
        "  codigo: { type: string, extract: pattern, pattern: 'TB-\\d{4}', prompt: '¿Qué código?' }",
        "flows:",
        "  pedir_revision:",
        "    description: Pedir una revisión de la bici en el taller",
        "    trigger: { intents: ['quiero llevar la bici al taller'] }",
        "    steps:",
        "      - { step: c, type: say, message: Hecho }",
        "  anular_revision:",
        "    description: Anular una revisión",
        "    trigger: { intents: ['anular la revision {codigo}'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: codigo }",
      ].join("\n"),
      "taller.yaml",
    );
  });
  it("'nada, me la anulas' is 'you cancel it', no description of a thing", () => {
    expect(firstIntent(du.read("nada, me la anulas", taller, emptyState("t")))).toBe(
      "anular_revision",
    );
  });
});
