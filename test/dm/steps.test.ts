import { describe, expect, it } from "vitest";
import { TurnMachine } from "../../src/dm/engine.ts";
import type { Command } from "../../src/protocol/commands.ts";
import { emptyState } from "../../src/protocol/state.ts";
import { domainFromYaml, testRuntime } from "../runtime/helpers.ts";
import { say } from "../runtime/scripted-du.ts";

const SLOTS = `
slots:
  name: { type: string, prompt: "What's your name?" }
  city: { type: string }
  age: { type: integer, prompt: "How old are you?" }
  vip: { type: boolean, prompt: "Are you a VIP?" }
  ok: { type: boolean }
  greeting: { type: string, internal: true }
  total: { type: float, internal: true }
  count: { type: integer, internal: true }
  result: { type: string, internal: true }
`;

async function run(yaml: string, turns: Command[][], handlers = {}) {
  const domain = await domainFromYaml(yaml);
  const t = testRuntime(domain, handlers);
  const replies: string[][] = [];
  for (const commands of turns) {
    replies.push((await t.runtime.processMessage(say(...commands), "u1")).messages);
  }
  const state = (await t.checkpointer.load("u1"))!.state;
  return { replies, state, ...t };
}

const start = (flow: string, slots?: Record<string, string | number>): Command =>
  slots ? { type: "start_flow", flow, slots } : { type: "start_flow", flow };
const set = (slot: string, value: string | number | boolean): Command => ({
  type: "set_slot",
  slot,
  value,
});

describe("say and collect", () => {
  const yaml = `${SLOTS}
flows:
  hello:
    description: Say hello
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: ask_city, type: collect, slot: city }
      - { step: greet, type: say, message: "Hi {name} from {city}!" }
`;
  it("asks with the slot prompt, then a generic prompt, and renders templates", async () => {
    const { replies, state } = await run(yaml, [
      [start("hello")],
      [set("name", "Ana")],
      [set("city", "Vigo")],
    ]);
    expect(replies).toEqual([["What's your name?"], ["What is the city?"], ["Hi Ana from Vigo!"]]);
    expect(state.flow_stack).toEqual([]);
  });

  it("does not ask for slots given with start_flow", async () => {
    const { replies } = await run(yaml, [[start("hello", { name: "Ana", city: "Lugo" })]]);
    expect(replies[0]).toEqual(["Hi Ana from Lugo!"]);
  });

  it("coerces by slot type and re-asks with a message when coercion fails", async () => {
    const typed = `${SLOTS}
flows:
  profile:
    steps:
      - { step: ask_age, type: collect, slot: age }
      - { step: ask_vip, type: collect, slot: vip }
      - { step: show, type: say, message: "{age} / {vip}" }
`;
    const { replies } = await run(typed, [
      [start("profile")],
      [set("age", "forty")],
      [set("age", "40")],
      [{ type: "affirm" }],
    ]);
    expect(replies[1]).toEqual([
      'Sorry, "forty" is not a whole number; I need the age.',
      "How old are you?",
    ]);
    expect(replies[2]).toEqual(["Are you a VIP?"]);
    expect(replies[3]).toEqual(["40 / yes"]);
  });

  it("ask_always asks again even when the slot is filled", async () => {
    const yaml2 = `${SLOTS}
flows:
  again:
    steps:
      - { step: ask_name, type: collect, slot: name, ask_always: true, prompt: "Name again?" }
      - { step: show, type: say, message: "Hello {name}" }
`;
    const { replies } = await run(yaml2, [[start("again", { name: "Ana" })], [set("name", "Eva")]]);
    expect(replies).toEqual([["Name again?"], ["Hello Eva"]]);
  });
});

describe("action", () => {
  const yaml = `${SLOTS}
actions:
  compute:
    inputs: [name]
    outputs: [greeting, raw_total]
flows:
  mapped:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - step: call_it
        type: action
        action: compute
        map_outputs: { raw_total: total, greeting: greeting }
      - { step: show, type: say, message: "{greeting} {total}" }
  same_name:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: call_it, type: action, action: compute }
      - { step: show, type: say, message: "{greeting}|{total}" }
`;
  const handlers = {
    actions: {
      compute: (inputs: Record<string, unknown>) => ({
        greeting: `Hello ${inputs.name}`,
        raw_total: 12.5,
        unrelated: "x",
      }),
    },
  };

  it("passes declared inputs and writes map_outputs to slots", async () => {
    const { replies } = await run(yaml, [[start("mapped", { name: "Ana" })]], handlers);
    expect(replies[0]).toEqual(["Hello Ana 12.50"]);
  });

  it("without map_outputs writes only outputs named like declared slots", async () => {
    const { replies, state } = await run(yaml, [[start("same_name", { name: "Ana" })]], handlers);
    expect(replies[0]).toEqual(["Hello Ana|"]);
    expect(state.last_turn?.steps.map((s) => s.step)).toEqual(["ask_name", "call_it", "show"]);
  });
});

describe("branch", () => {
  const yaml = `${SLOTS}
flows:
  by_slot:
    steps:
      - { step: ask_city, type: collect, slot: city }
      - step: route
        type: branch
        slot: city
        cases: { Vigo: vigo, Lugo: lugo }
        default: other
      - { step: vigo, type: say, message: "Vigo!", jump_to: end }
      - { step: lugo, type: say, message: "Lugo!", jump_to: end }
      - { step: other, type: say, message: "Elsewhere" }
  by_condition:
    steps:
      - { step: ask_age, type: collect, slot: age }
      - { step: route, type: branch, if: "age >= 18", then: adult, default: minor }
      - { step: adult, type: say, message: "adult", jump_to: end }
      - { step: minor, type: say, message: "minor" }
`;
  it("routes on slot cases (compared as strings) with a default", async () => {
    const a = await run(yaml, [[start("by_slot", { city: "Lugo" })]]);
    expect(a.replies[0]).toEqual(["Lugo!"]);
    const b = await run(yaml, [[start("by_slot", { city: "Ourense" })]]);
    expect(b.replies[0]).toEqual(["Elsewhere"]);
  });

  it("routes on if/then/default", async () => {
    const a = await run(yaml, [[start("by_condition", { age: 30 })]]);
    expect(a.replies[0]).toEqual(["adult"]);
    const b = await run(yaml, [[start("by_condition", { age: "12" })]]);
    expect(b.replies[0]).toEqual(["minor"]);
  });
});

describe("confirm", () => {
  const yaml = `${SLOTS}
flows:
  order:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: check, type: confirm, slot: ok, message: "Order for {name}?", on_deny: denied, on_confirm: confirmed }
      - { step: confirmed, type: say, message: "Ordered", jump_to: end }
      - { step: denied, type: say, message: "Not ordered" }
`;
  it("affirm goes to on_confirm and stores true", async () => {
    const { replies } = await run(yaml, [[start("order", { name: "Ana" })], [{ type: "affirm" }]]);
    expect(replies).toEqual([["Order for Ana?"], ["Ordered"]]);
  });

  it("deny goes to on_deny", async () => {
    const { replies } = await run(yaml, [[start("order", { name: "Ana" })], [{ type: "deny" }]]);
    expect(replies[1]).toEqual(["Not ordered"]);
  });

  it("deny with slot_to_change clears it and asks it again, then confirms again", async () => {
    const { replies } = await run(yaml, [
      [start("order", { name: "Ana" })],
      [{ type: "deny", slot_to_change: "name" }],
      [set("name", "Eva")],
      [{ type: "affirm" }],
    ]);
    expect(replies.slice(1)).toEqual([["What's your name?"], ["Order for Eva?"], ["Ordered"]]);
  });

  it("a message not understood at a confirmation says how to answer, then asks again", async () => {
    const { replies } = await run(yaml, [[start("order", { name: "Ana" })], []]);
    expect(replies[1]).toEqual([
      "Please answer yes to go ahead, or no to stop. You can also change any of the details.",
      "Order for Ana?",
    ]);
  });

  it("a yes/no while nothing asks is acknowledged, and a no is a goodbye", async () => {
    const { replies } = await run(yaml, [[{ type: "affirm" }], [{ type: "deny" }]]);
    expect(replies[0]).toEqual(["Sure. What can I do for you?"]);
    expect(replies[1]).toEqual(["Goodbye, and have a great day!"]);
  });
});

describe("confirm without on_deny", () => {
  const yaml = (next: string) => `${SLOTS}
flows:
  order:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: check, type: confirm, slot: ok, message: "Order for {name}?" }
${next}
`;
  const placesOrder = yaml("      - { step: place, type: say, message: Ordered }");
  const order = [start("order", { name: "Ana" })];

  it("a no asks what to change and runs nothing; a correction asks the confirmation again", async () => {
    const { replies } = await run(placesOrder, [
      order,
      [{ type: "deny" }],
      [{ type: "correct_slot", slot: "name", value: "Eva" }],
      [{ type: "affirm" }],
    ]);
    expect(replies[1]).toEqual(["What would you like to change? You can also say cancel."]);
    expect(replies[2]).toContain("Order for Eva?");
    expect(replies[3]).toEqual(["Ordered"]);
  });

  it("a second no drops the flow without running it", async () => {
    const { replies, state } = await run(placesOrder, [
      order,
      [{ type: "deny" }],
      [{ type: "deny" }],
    ]);
    expect(replies[2]).toEqual(["Okay, I've cancelled order."]);
    expect(replies.flat()).not.toContain("Ordered");
    expect(state.flow_stack).toEqual([]);
  });

  it("goes on to the next step when that step reads the answer", async () => {
    const branches =
      yaml(`      - { step: placed, type: say, message: Ordered, condition: "ok == true" }
      - { step: not_placed, type: say, message: Not ordered, condition: "ok == false" }`);
    const { replies } = await run(branches, [order, [{ type: "deny" }]]);
    expect(replies[1]).toEqual(["Not ordered"]);
  });
});

describe("set, condition, jump_to", () => {
  it("assigns literals, templates and expressions; skips steps whose condition is false", async () => {
    const yaml = `${SLOTS}
flows:
  calc:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: ask_age, type: collect, slot: age }
      - step: assign
        type: set
        slots: { greeting: "Hi {name}", total: { expr: "age * 2" }, count: 7, result: null }
      - { step: never, type: say, message: "hidden", condition: "count > 100" }
      - { step: show, type: say, message: "{greeting} {total} {count}" }
`;
    const { replies, state } = await run(yaml, [[start("calc", { age: 21, name: "Ana" })]]);
    expect(replies[0]).toEqual(["Hi Ana 42 7"]);
    expect(state.last_turn?.steps.find((s) => s.step === "never")?.note).toBe(
      "skipped: condition false",
    );
  });
});

describe("while", () => {
  it("repeats while the condition holds, counting iterations in the frame", async () => {
    const yaml = `${SLOTS}
flows:
  loop:
    steps:
      - { step: init, type: set, slots: { count: 0 } }
      - step: repeat
        type: while
        condition: "count < 3"
        do:
          - { step: bump, type: set, slots: { count: { expr: "count + 1" } } }
          - { step: tell, type: say, message: "pass {count}" }
      - { step: done, type: say, message: "done" }
`;
    const { replies } = await run(yaml, [[start("loop")]]);
    expect(replies[0]).toEqual(["pass 1", "pass 2", "pass 3", "done"]);
  });

  it("leaves the loop at max_iterations with a warning", async () => {
    const yaml = `${SLOTS}
flows:
  capped:
    steps:
      - step: repeat
        type: while
        condition: "true"
        max_iterations: 2
        do:
          - { step: tell, type: say, message: "again" }
      - { step: done, type: say, message: "stopped" }
`;
    const { replies, lines } = await run(yaml, [[start("capped")]]);
    expect(replies[0]).toEqual(["again", "again", "stopped"]);
    expect(lines.some((l) => l.msg === "Loop reached max_iterations; leaving it")).toBe(true);
  });
});

describe("link and call", () => {
  const yaml = `${SLOTS}
flows:
  main:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: sub, type: call, flow: get_city }
      - { step: show, type: say, message: "{name} lives in {city}" }
  get_city:
    internal: true
    steps:
      - { step: ask_city, type: collect, slot: city, prompt: "{name}, which city?" }
  hand_over:
    steps:
      - { step: ask_name, type: collect, slot: name }
      - { step: go, type: link, flow: farewell }
  farewell:
    internal: true
    steps:
      - { step: bye, type: say, message: "Bye {name}" }
`;
  it("call runs the sub-flow with the caller's slots, then continues with its slots copied back", async () => {
    const { replies, state } = await run(yaml, [
      [start("main", { name: "Ana" })],
      [set("city", "Vigo")],
    ]);
    expect(replies).toEqual([["Ana, which city?"], ["Ana lives in Vigo"]]);
    expect(state.flow_stack).toEqual([]);
  });

  it("the sub-flow is on the stack while it runs", async () => {
    const { state } = await run(yaml, [[start("main", { name: "Ana" })]]);
    expect(state.flow_stack.map((f) => [f.flow, f.step])).toEqual([
      ["main", "sub"],
      ["get_city", "ask_city"],
    ]);
  });

  it("link ends the flow and starts the target in its place with the slots it uses", async () => {
    const { replies, state } = await run(yaml, [[start("hand_over", { name: "Eva" })]]);
    expect(replies[0]).toEqual(["Bye Eva"]);
    expect(state.last_turn?.steps.map((s) => `${s.flow}.${s.step}`)).toEqual([
      "hand_over.ask_name",
      "hand_over.go",
      "farewell.bye",
    ]);
  });

  it("cancel inside a called sub-flow ends the caller too", async () => {
    const { replies, state } = await run(yaml, [
      [start("main", { name: "Ana" })],
      [{ type: "cancel_flow" }],
    ]);
    expect(replies[1]).toEqual(["Okay, I've cancelled main."]);
    expect(state.flow_stack).toEqual([]);
  });
});

describe("the pure core", () => {
  it("yields action effects, does not touch the input state, and records the turn", async () => {
    const domain = await domainFromYaml(`${SLOTS}
actions:
  compute: { inputs: [name], outputs: [greeting] }
flows:
  f:
    steps:
      - { step: a, type: action, action: compute }
      - { step: b, type: say, message: "{greeting}" }
`);
    const state = emptyState("c1");
    const before = JSON.stringify(state);
    const machine = new TurnMachine({
      domain,
      state,
      commands: [{ type: "start_flow", flow: "f", slots: { name: "Ana" } }],
      userMessage: "go",
      now: new Date("2026-01-01T00:00:00Z"),
      newId: () => "i1",
    });
    const first = machine.start();
    expect(first.done).toBe(false);
    if (first.done) return;
    expect(first.effect).toMatchObject({
      kind: "action",
      action: "compute",
      inputs: { name: "Ana" },
    });
    const last = machine.resume({ ok: true, value: { greeting: "hey" } });
    expect(last.done).toBe(true);
    if (!last.done) return;
    expect(last.output.messages).toEqual(["hey"]);
    expect(JSON.stringify(state)).toBe(before);
    expect(last.output.state.turn_count).toBe(1);
    expect(last.output.record).toMatchObject({
      turn: 1,
      at: "2026-01-01T00:00:00.000Z",
      user_message: "go",
      messages: ["hey"],
    });
    expect(JSON.parse(JSON.stringify(last.output.state))).toEqual(last.output.state);
  });
});

describe("choice values in replies", () => {
  const yaml = `
slots:
  boat:
    type: string
    choices: [rib, sail_boat, motor_yacht]
    choice_labels: { rib: RIB }
    prompt: "Which boat?"
  gear:
    type: list
    choices: [life_vest, cool_box]
    prompt: "Any gear?"
  copy: { type: string }
  note: { type: string, prompt: "Anything else?" }
flows:
  rent_boat:
    description: Rent a boat
    steps:
      - { step: ask_boat, type: collect, slot: boat }
      - { step: ask_gear, type: collect, slot: gear }
      - { step: keep, type: set, slots: { copy: "{boat}" } }
      - { step: sum_up, type: say, message: "A {boat} with {gear}." }
      - { step: ask_note, type: collect, slot: note }
`;

  it("render labels and words, while slots keep the ids", async () => {
    const { replies, state } = await run(yaml, [
      [start("rent_boat")],
      [set("boat", "rib")],
      [{ type: "set_slot", slot: "gear", value: ["life_vest", "cool_box"] }],
    ]);
    expect(replies[2]).toEqual(["A RIB with life vest and cool box.", "Anything else?"]);
    // The slots, and the set step's copy, hold the ids, not the labels.
    expect(state.flow_stack[0]?.slots).toMatchObject({
      boat: "rib",
      gear: ["life_vest", "cool_box"],
      copy: "rib",
    });
  });

  it("a correction reads the new choice as words", async () => {
    const { replies, runtime } = await run(yaml, [
      [start("rent_boat")],
      [set("boat", "rib")],
      [{ type: "correct_slot", slot: "boat", value: "sail_boat" }],
    ]);
    expect(replies[2]?.[0]).toBe("Okay, I've changed the boat to sail boat.");
    expect((await runtime.getState("u1")).slots.boat).toBe("sail_boat");
  });

  it("a value that is no choice lists the choices in their words", async () => {
    const { replies } = await run(yaml, [[start("rent_boat")], [set("boat", "canoe")]]);
    expect(replies[1]?.[0]).toBe("Please choose one of: RIB, sail boat, motor yacht.");
  });
});
