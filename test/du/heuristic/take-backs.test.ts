import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { runConversations } from "../../../src/runtime/evaluation/conversations.ts";
import { loadHandlers } from "../../../src/runtime/handler-loader.ts";
import { inFlow } from "../helpers.ts";

/** Confirmations, take-backs and interruptions on domains the DU was not written for. */
const root = path.resolve(import.meta.dirname, "../../..");
const now = () => new Date("2027-03-10T12:00:00");
const du = new HeuristicUnderstanding({ now });
let hotel: LoadedDomain;
let clinic: LoadedDomain;
let pizza: LoadedDomain;
beforeAll(async () => {
  hotel = await loadDomain(path.join(root, "examples/hotel"));
  clinic = await loadDomain(path.join(root, "examples/clinic"));
  pizza = await loadDomain(path.join(root, "examples/pizza"));
});

const play = async (domain: LoadedDomain, turns: string[], action: string, not: string[] = []) => {
  const { handlers } = await loadHandlers(domain);
  const report = await runConversations(
    domain,
    [{ name: "c", turns, expect: { action, inputs: {}, not } }],
    { du, handlers, now },
  );
  return report.results[0]!;
};

describe("a yes that repeats the flow's own act at its confirmation", () => {
  const atCancel = () =>
    inFlow(clinic, "cancel_appointment", { confirm: true, slots: { appointment_code: "AP-4821" } });

  it("confirms, in English and Spanish", () => {
    for (const text of [
      "yes, cancel it",
      "yes please cancel the appointment",
      "sí, cancélala",
      "sorry, yes cancel it",
    ]) {
      expect(du.read(text, clinic, atCancel()), text).toEqual([{ type: "affirm" }]);
    }
  });

  it("still cancels without the yes, or when the act is not the flow's", () => {
    expect(du.read("forget it", clinic, atCancel())).toEqual([{ type: "cancel_flow" }]);
    const atBooking = inFlow(hotel, "book_room", { confirm: true });
    expect(du.read("yes, cancel it", hotel, atBooking)).toEqual([{ type: "cancel_flow" }]);
  });

  it("completes the cancellation", async () => {
    const turns = ["please get rid of my reservation", "HB-222222", "yes, cancel it"];
    expect((await play(hotel, turns, "cancel_reservation")).completed).toBe(true);
  });

  it("reads a 'no' behind an opener as a no, not as a cancel", () => {
    expect(du.read("hmm no actually, leave it", clinic, atCancel())).toEqual([{ type: "deny" }]);
  });
});

describe("taking back a declined confirmation", () => {
  it("runs the flow again when the yes is wrapped in apologies and sighs", async () => {
    const dates = ["change dates on HB-222222 to the 20th, 2 nights", "no"];
    expect(
      (await play(hotel, [...dates, "sorry, yes actually, do it", "yes"], "change_dates"))
        .completed,
    ).toBe(true);
    const cancel = ["cancel AP-4821 please", "no", "ugh, actually yes go ahead", "yes"];
    expect((await play(clinic, cancel, "cancel_appointment")).completed).toBe(true);
  });

  it("runs the flow again on an order to go on, not on a bare acknowledgement", async () => {
    const dates = ["change dates on HB-222222 to the 20th, 2 nights", "no"];
    for (const text of ["sorry, go ahead", "yes, do it"]) {
      const result = await play(hotel, [...dates, text, "yes"], "change_dates");
      expect(result.completed, text).toBe(true);
    }
    expect((await play(hotel, [...dates, "ok", "yes"], "change_dates")).completed).toBe(false);
  });

  it("runs the flow again on a yes to what it does, or a yes meant before", async () => {
    const cancel = ["cancel AP-4821 please", "no"];
    for (const text of ["perdona, sí, cancélala", "sorry I meant yes"]) {
      const result = await play(clinic, [...cancel, text, "yes"], "cancel_appointment");
      expect(result.completed, text).toBe(true);
    }
  });

  it("does not when the change of mind is a no", async () => {
    const turns = [
      "change dates on HB-222222 to the 20th, 2 nights",
      "no",
      "ok, actually no",
      "yes",
    ];
    expect((await play(hotel, turns, "change_dates")).completed).toBe(false);
  });
});

describe("a cancel of another flow's thing in the middle of a flow", () => {
  it("interrupts with that flow instead of cancelling the running one", () => {
    const state = inFlow(clinic, "book_appointment", {
      waiting: "time_of_day",
      slots: { specialty: "general_practice", appointment_date: "2027-03-15" },
    });
    expect(du.read("actually first cancel AP-4821", clinic, state)).toEqual([
      { type: "start_flow", flow: "cancel_appointment" },
      { type: "set_slot", slot: "appointment_code", value: "AP-4821" },
    ]);
    // The digits of a code are no number: another flow's request, not the nights.
    const nights = inFlow(hotel, "book_room", {
      waiting: "nights",
      slots: { city: "valencia", check_in: "2027-03-11" },
    });
    expect(du.read("wait, first I want to change the dates of HB-123456", hotel, nights)).toEqual([
      { type: "start_flow", flow: "change_dates" },
      { type: "set_slot", slot: "reservation_code", value: "HB-123456" },
    ]);
    // Typed with a space, the code is still that flow's value, and its digits no answer.
    expect(du.read("hold on, first I need to cancel hb 123456", hotel, nights)).toEqual([
      { type: "start_flow", flow: "cancel_reservation" },
      { type: "set_slot", slot: "reservation_code", value: "HB-123456" },
    ]);
    // Without another flow's value it still cancels the running one.
    expect(du.read("cancel it", clinic, state)).toEqual([{ type: "cancel_flow" }]);
  });

  it("resumes the interrupted flow afterwards", async () => {
    const turns = [
      "book me a room in valencia",
      "tomorrow",
      "hold on, first I need to cancel HB-123456",
      "yes",
      "ok back to the room, 2 nights",
      "1",
      "no",
      "Jo Park",
      "yes",
    ];
    const result = await play(hotel, turns, "book_room");
    expect(result.completed).toBe(true);
    expect(result.calls.map((c) => c.action)).toEqual(["cancel_reservation", "book_room"]);
  });
});

describe("a question word asking about a value", () => {
  it("keeps its object once the value is cut out of the ranked text", () => {
    for (const text of ["then just tell me where 1003 is", "where is 1003"]) {
      expect(du.read(text, pizza, emptyState("t")), text).toEqual([
        { type: "start_flow", flow: "order_status" },
        { type: "set_slot", slot: "order_number", value: "1003" },
      ]);
    }
  });
});

describe("a greeting word that is a value of the running flow", () => {
  it("is that value, unless the greeting says more", () => {
    const state = inFlow(clinic, "reschedule_appointment", {
      waiting: "appointment_date",
      slots: { appointment_code: "AP-3307" },
    });
    expect(du.read("morning", clinic, state)).toEqual([
      { type: "set_slot", slot: "time_of_day", value: "morning" },
    ]);
    expect(du.read("good morning", clinic, state)[0]).toMatchObject({
      type: "chitchat",
      kind: "greeting",
    });
  });
});
