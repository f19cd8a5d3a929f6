import { describe, expect, it } from "vitest";
import type { Command } from "../../src/protocol/commands.ts";
import { scriptedConversation } from "../runtime/helpers.ts";

/** Conversation patterns of the DM driven by commands: capabilities, offers, repeats. */
const YAML = `
slots:
  amount: { type: float, prompt: "How much?", format: money }
  who: { type: string, prompt: "Who gets {amount}?" }
  ok: { type: boolean }
  size: { type: string, prompt: "Which size?", choices: [small, large] }
  pickup_day: { type: date, prompt: "Which day?" }
flows:
  hello:
    description: Say hello
    trigger: { intents: [hello] }
    steps:
      - { step: hi, type: say, message: "Hi!" }
  hours:
    description: Tell the opening hours
    capability: true
    steps:
      - { step: tell, type: say, message: "9 to 5." }
  pay:
    description: Pay someone
    steps:
      - { step: ask_amount, type: collect, slot: amount }
      - { step: ask_who, type: collect, slot: who }
      - { step: check, type: confirm, slot: ok, message: "Pay {amount} to {who}?" }
      - { step: done, type: say, message: "Paid {amount:number}." }
  order:
    description: Order a shirt
    steps:
      - { step: ask_size, type: collect, slot: size }
      - { step: done, type: say, message: "A {size} shirt." }
  pickup:
    description: Arrange a pick-up
    capability: false
    steps:
      - { step: ask_day, type: collect, slot: pickup_day }
      - { step: ask_who_gives, type: collect, slot: who }
`;

const conversation = () => scriptedConversation(YAML);

const nothing = () => [] as Command[];
const HANDOFF = "Let me connect you with a human agent. Please hold on.";

describe("what the assistant can do", () => {
  it("lists flows that do something, not a say-only greeting, unless it opts in", async () => {
    const { send } = await conversation();
    expect(await send({ type: "clarify" })).toEqual([
      "I can help you: tell the opening hours; pay someone; or order a shirt.",
    ]);
  });
});

describe("the offer of a human agent", () => {
  it("frustration offers a human without asking the question again; 'yes' hands off", async () => {
    const { send, runtime } = await conversation();
    await send({ type: "start_flow", flow: "pay" });
    expect(await send({ type: "chitchat", kind: "frustration" })).toEqual([
      "I'm sorry this isn't going well. Would you like me to connect you with a human agent, or shall we carry on with pay someone?",
    ]);
    expect((await runtime.getState("u")).waiting_for_slot).toBe("amount");
    expect(await send({ type: "affirm" })).toEqual([HANDOFF]);
    expect((await runtime.getState("u")).flow_state).toBe("idle");
  });

  it("'no' to the offer asks the pending question again and leaves a confirmation alone", async () => {
    const { send, runtime } = await conversation();
    await send({ type: "start_flow", flow: "pay" }, { type: "set_slot", slot: "amount", value: 5 });
    await send({ type: "set_slot", slot: "who", value: "Ana" });
    await send({ type: "chitchat", kind: "frustration" });
    expect(await send({ type: "deny" })).toEqual(["Alright.", "Pay 5.00 to Ana?"]);
    expect((await runtime.getState("u")).waiting_for_slot).toBe("ok");
  });

  it("the offer lasts one turn", async () => {
    const { send } = await conversation();
    await send({ type: "chitchat", kind: "frustration" });
    await send({ type: "start_flow", flow: "order" });
    expect(await send({ type: "affirm" })).toEqual(["Alright.", "Which size?"]);
  });

  it("cannot_handle offers a human; a 'yes' to a non-yes/no question accepts it", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "order" });
    await send(...nothing());
    await send(...nothing());
    expect(await send(...nothing())).toEqual([
      "I'm sorry, I'm having trouble understanding. Would you like to talk to a human agent? You can also rephrase your request.",
      "Which size?",
    ]);
    expect(await send({ type: "affirm" })).toEqual([HANDOFF]);
  });

  it("after cannot_handle at a confirmation, 'yes' confirms (the question was asked last)", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "pay" }, { type: "set_slot", slot: "amount", value: 5 });
    await send({ type: "set_slot", slot: "who", value: "Ana" });
    for (let i = 0; i < 3; i++) await send(...nothing());
    expect(await send({ type: "affirm" })).toEqual(["Paid 5."]);
  });
});

describe("repeat", () => {
  it("says the last turn's messages again, without asking the question twice", async () => {
    const { send } = await conversation();
    await send({ type: "start_flow", flow: "pay" });
    expect(await send({ type: "repeat_last" })).toEqual(["How much?"]);
    await send(
      { type: "set_slot", slot: "amount", value: 7 },
      { type: "set_slot", slot: "who", value: "Bo" },
    );
    await send({ type: "affirm" });
    expect(await send({ type: "repeat_last" })).toEqual(["Paid 7."]);
  });

  it("with nothing said yet, greets", async () => {
    const { send } = await conversation();
    expect(await send({ type: "repeat_last" })).toEqual(["Hello! How can I help you?"]);
  });
});

describe("slot formats and several flows in one turn", () => {
  it("a slot's format applies to {slot} and to the correction message", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "pay" },
      { type: "set_slot", slot: "amount", value: 1500 },
    );
    expect(await send({ type: "correct_slot", slot: "amount", value: 1600 })).toEqual([
      "Okay, I've changed the amount to 1,600.00.",
      "Who gets 1,600.00?",
    ]);
  });

  it("a date slot with no format reads as a date in the correction message", async () => {
    const { send } = await conversation();
    await send(
      { type: "start_flow", flow: "pickup" },
      { type: "set_slot", slot: "pickup_day", value: "2027-04-26" },
    );
    expect((await send({ type: "correct_slot", slot: "pickup_day", value: "2027-04-27" }))[0]).toBe(
      "Okay, I've changed the pickup day to Tuesday 27 April.",
    );
  });

  it("slots given with each start_flow go to the flow that command started", async () => {
    const { send, runtime } = await conversation();
    expect(
      await send(
        { type: "start_flow", flow: "order", slots: { size: "large" } },
        { type: "start_flow", flow: "pay", slots: { amount: 3 } },
      ),
    ).toEqual(["Who gets 3.00?"]);
    await send({ type: "set_slot", slot: "who", value: "Al" });
    expect(await send({ type: "affirm" })).toEqual([
      "Paid 3.",
      // The shirt order never started: it is introduced, not resumed.
      "Now, about order a shirt:",
      "A large shirt.",
    ]);
    expect((await runtime.getState("u")).flow_state).toBe("idle");
  });
});

describe("a 'no' to an open question", () => {
  const described = `
slots:
  nights: { type: integer, prompt: "How many nights?", description: "Nights the room is held.", label: nights }
  note: { type: string, prompt: "Any note for the desk?", description: "A line the desk reads on arrival." }
flows:
  stay:
    description: Book a stay
    steps:
      - { step: n, type: collect, slot: nights }
      - { step: t, type: collect, slot: note }
      - { step: done, type: say, message: "Booked." }
`;

  it("to a typed question says the value is needed and asks again, not the description", async () => {
    const { send } = await scriptedConversation(described);
    await send({ type: "start_flow", flow: "stay" });
    expect(await send({ type: "deny" })).toEqual([
      "I need the nights to continue.",
      "How many nights?",
    ]);
  });

  it("to a free-text question gives its description as a hint", async () => {
    const { send } = await scriptedConversation(described);
    await send({ type: "start_flow", flow: "stay", slots: { nights: 2 } });
    expect(await send({ type: "deny" })).toEqual([
      "A line the desk reads on arrival.",
      "Any note for the desk?",
    ]);
  });
});
