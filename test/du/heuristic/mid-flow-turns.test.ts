import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { inFlow } from "../helpers.ts";

/** Answers, corrections and asides said while a flow waits, on domains the DU was not written for. */
const root = path.resolve(import.meta.dirname, "../../..");
const now = () => new Date("2027-03-10T12:00:00");
const du = new HeuristicUnderstanding({ now });
let clinic: LoadedDomain;
let telecom: LoadedDomain;
let pizza: LoadedDomain;
beforeAll(async () => {
  pizza = await loadDomain(path.join(root, "examples/pizza"));
  clinic = await loadDomain(path.join(root, "examples/clinic"));
  telecom = await loadDomain(path.join(root, "examples/telecom"));
});

describe("a correction that also faults what was said before", () => {
  it("drops the negated old value and keeps the new one", () => {
    const state = () =>
      inFlow(clinic, "book_appointment", {
        waiting: "time_of_day",
        slots: { specialty: "dermatology", appointment_date: "2027-03-11" },
      });
    for (const text of [
      "actually let's say monday, tomorrow is impossible",
      "sorry, tomorrow doesn't suit me, monday then",
      "monday instead, tomorrow won't do",
    ]) {
      expect(du.read(text, clinic, state()), text).toEqual([
        { type: "correct_slot", slot: "appointment_date", value: "2027-03-15" },
      ]);
    }
  });

  it("leaves out a short judgement said in front of the new value", () => {
    const state = () =>
      inFlow(telecom, "report_outage", {
        waiting: "outage_since",
        slots: { service: "internet", outage_address: "Calle Luna 4, Cadiz" },
      });
    for (const text of [
      "oops, wrong address, it's Calle Luna 14, Cadiz",
      "sorry, that's incorrect: Calle Luna 14, Cadiz",
    ]) {
      expect(du.read(text, telecom, state()), text).toEqual([
        { type: "correct_slot", slot: "outage_address", value: "Calle Luna 14, Cadiz" },
      ]);
    }
  });
});

describe("a no at the summary that names the new value before the slot's name", () => {
  const summary = () =>
    inFlow(telecom, "change_plan", {
      confirm: true,
      slots: { phone_number: "611 222 333", plan: "basic", add_ons: ["extra_sim"] },
    });

  it("corrects the slot instead of asking it again", () => {
    for (const text of ["no, the unlimited plan would be better", "nope, unlimited plan then"]) {
      expect(du.read(text, telecom, summary()), text).toEqual([
        { type: "correct_slot", slot: "plan", value: "unlimited" },
      ]);
    }
  });

  it("still asks again when the held value is only judged", () => {
    expect(du.read("no, the basic plan is wrong", telecom, summary())).toEqual([
      { type: "deny", slot_to_change: "plan" },
    ]);
  });
});

describe("small talk while a question waits", () => {
  const asked = (waiting: string, slots = {}) =>
    inFlow(clinic, "book_appointment", { waiting, slots });

  it("answers a question about what the assistant is as small talk, not a handoff", () => {
    for (const text of [
      "wait, are you a robot or a human?",
      "am I chatting with a real person?",
      "is this a bot",
      "¿eres un robot?",
    ]) {
      const commands = du.read(text.replace(/^wait, /, ""), clinic, asked("appointment_date"));
      expect(
        commands.map((c) => c.type),
        text,
      ).toEqual(["chitchat"]);
    }
  });

  it("still hands over when a person is asked for", () => {
    for (const text of ["can I speak to a real person?", "I would like to talk to a person"]) {
      const commands = du.read(text, clinic, asked("appointment_date"));
      expect(
        commands.map((c) => c.type),
        text,
      ).toEqual(["human_handoff"]);
    }
  });

  it("reads a part of day with a please as the value of that slot, not a greeting", () => {
    const state = () => asked("specialty", { appointment_date: "2027-03-15" });
    expect(du.read("afternoon please", clinic, state())).toEqual([
      { type: "set_slot", slot: "time_of_day", value: "afternoon" },
    ]);
    expect(du.read("good afternoon", clinic, state()).map((c) => c.type)).toEqual(["chitchat"]);
  });
});

describe("declining while a question waits", () => {
  const toppings = () =>
    inFlow(pizza, "order_pizza", { waiting: "toppings", slots: { size: "medium" } });

  it("skips another optional slot declined by name and asks the question again", () => {
    for (const text of ["and nothing to drink", "no drinks for me please", "no drink, thanks"]) {
      expect(du.read(text, pizza, toppings()), text).toEqual([
        { type: "skip_slot", slot: "drink" },
      ]);
    }
  });

  it("skips both when the asked one is declined alongside, and keeps an answer", () => {
    expect(du.read("no drink and no toppings", pizza, toppings())).toEqual([
      { type: "skip_slot", slot: "toppings" },
      { type: "skip_slot", slot: "drink" },
    ]);
    expect(du.read("olives, nothing to drink", pizza, toppings())).toEqual([
      { type: "set_slot", slot: "toppings", value: ["olives"] },
      { type: "skip_slot", slot: "drink" },
    ]);
  });

  it("takes no 'nothing' as a required free-text answer", () => {
    const named = () =>
      inFlow(clinic, "book_appointment", {
        waiting: "patient_name",
        slots: { specialty: "pediatrics", appointment_date: "2027-03-12", time_of_day: "morning" },
      });
    for (const text of ["nothing to add here", "no, nobody", "nada"]) {
      expect(du.read(text, clinic, named()), text).toEqual([{ type: "deny" }]);
    }
    expect(du.read("Noelia Nadal", clinic, named())).toEqual([
      { type: "set_slot", slot: "patient_name", value: "Noelia Nadal" },
    ]);
  });

  it("skips an optional free list opened with 'nothing'", () => {
    const notes = inFlow(clinic, "book_appointment", {
      waiting: "symptoms",
      slots: {
        specialty: "pediatrics",
        appointment_date: "2027-03-12",
        time_of_day: "morning",
        patient_name: "Leo Diaz",
      },
    });
    expect(du.read("nothing worth mentioning", clinic, notes)).toEqual([
      { type: "skip_slot", slot: "symptoms" },
    ]);
  });
});

describe("cancel with no other object while a flow runs", () => {
  it("stops the running flow, whatever it is", () => {
    const asked = inFlow(pizza, "order_pizza", { waiting: "toppings", slots: { size: "small" } });
    for (const text of [
      "cancel",
      "stop please",
      "cancel the whole order",
      "cancel this pizza",
      "call it off",
    ]) {
      expect(du.read(text, pizza, asked), text).toEqual([{ type: "cancel_flow" }]);
    }
  });

  it("stops the order being placed at its summary, not another order", () => {
    const summary = inFlow(pizza, "order_pizza", {
      confirm: true,
      slots: { size: "small", delivery_address: "Calle Real 9" },
    });
    expect(du.read("please cancel my order", pizza, summary)).toEqual([{ type: "cancel_flow" }]);
  });

  it("confirms a cancellation when its own request is said again at its summary", () => {
    const summary = () =>
      inFlow(pizza, "cancel_order", { confirm: true, slots: { order_number: "1004" } });
    for (const text of ["cancel", "cancel the order please", "cancel order 1004"]) {
      expect(du.read(text, pizza, summary()), text).toEqual([{ type: "affirm" }]);
    }
    for (const text of ["never mind", "forget it"]) {
      expect(du.read(text, pizza, summary()), text).toEqual([{ type: "cancel_flow" }]);
    }
    expect(du.read("no, don't cancel", pizza, summary())).toEqual([{ type: "deny" }]);
  });
});

describe("taking back one value while the flow goes on", () => {
  const drink = () =>
    inFlow(pizza, "order_pizza", {
      waiting: "drink",
      slots: { size: "medium", toppings: ["olives"] },
    });

  it("changes the value when a change of mind names it, instead of cancelling", () => {
    for (const text of [
      "hmm, changed my mind on the size, a large one",
      "I don't want a medium anymore, make it large",
    ]) {
      expect(du.read(text, pizza, drink()), text).toEqual([
        { type: "correct_slot", slot: "size", value: "large" },
      ]);
    }
    expect(du.read("I changed my mind", pizza, drink())).toEqual([{ type: "cancel_flow" }]);
  });

  it("empties an optional slot given earlier when it is declined by name", () => {
    expect(du.read("oh and no toppings after all", pizza, drink())).toEqual([
      { type: "skip_slot", slot: "toppings" },
    ]);
  });
});
