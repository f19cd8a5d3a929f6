import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { inFlow } from "../helpers.ts";

/** Offers turned down without a "no", confirmations said loosely, "cancel" with nothing running. */
const root = path.resolve(import.meta.dirname, "../../..");
const now = () => new Date("2027-03-10T12:00:00");
const du = new HeuristicUnderstanding({ now });
let hotel: LoadedDomain;
let telecom: LoadedDomain;
let clinic: LoadedDomain;
let pizza: LoadedDomain;
beforeAll(async () => {
  hotel = await loadDomain(path.join(root, "examples/hotel"));
  telecom = await loadDomain(path.join(root, "examples/telecom"));
  clinic = await loadDomain(path.join(root, "examples/clinic"));
  pizza = await loadDomain(path.join(root, "examples/pizza"));
});

describe("an optional question turned down without a no", () => {
  const extras = () =>
    inFlow(hotel, "book_room", {
      waiting: "extras",
      slots: { city: "Madrid", check_in: "2027-03-20", nights: 2, guests: 2 },
    });
  const addOns = () =>
    inFlow(telecom, "change_plan", {
      waiting: "add_ons",
      slots: { phone_number: "611 222 333", plan: "basic" },
    });

  it("skips the slot on 'I'm fine', 'I'll pass' and the like, thanks or not", () => {
    for (const text of ["I'm fine, thank you", "we're all set thanks", "I'll pass"]) {
      expect(du.read(text, hotel, extras()), text).toEqual([{ type: "skip_slot", slot: "extras" }]);
    }
    for (const text of ["not for me, cheers", "no need", "estoy bien, gracias"]) {
      expect(du.read(text, telecom, addOns()), text).toEqual([
        { type: "skip_slot", slot: "add_ons" },
      ]);
    }
  });

  it("skips it when a short lead-in comes before the declining clause", () => {
    for (const text of ["as is, nothing extra", "as it comes, no thanks"]) {
      expect(du.read(text, hotel, extras()), text).toEqual([{ type: "skip_slot", slot: "extras" }]);
    }
  });

  it("still reads a value named in the lead-in", () => {
    const read = du.read("breakfast, nothing else", hotel, extras());
    expect(read.some((c) => c.type === "skip_slot")).toBe(false);
  });
});

describe("a confirmation said loosely", () => {
  it("reads 'go for it', 'let's do it', 'works for me' as yes", () => {
    const summary = () =>
      inFlow(pizza, "order_pizza", {
        confirm: true,
        slots: {
          size: "small",
          toppings: ["olives"],
          drink: "beer",
          delivery_address: "1 Sea Road",
        },
      });
    for (const text of [
      "go for it",
      "ok let's do it",
      "works for me",
      "sounds great, thanks",
      "spot on",
      "all correct",
    ]) {
      expect(du.read(text, pizza, summary()), text).toEqual([{ type: "affirm" }]);
    }
  });
});

describe("a cancel phrase with nothing running", () => {
  it("starts the flow whose own word it is", () => {
    expect(du.read("I'd like to cancel", clinic, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "cancel_appointment" },
    ]);
    expect(du.read("can I cancel please?", hotel, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "cancel_reservation" },
    ]);
  });

  it("stops nothing else when no flow has the word", () => {
    for (const text of ["never mind", "forget it", "stop"]) {
      expect(du.read(text, clinic, emptyState("t")), text).toEqual([{ type: "cancel_flow" }]);
    }
  });
});

describe("one held value put in another's place, the old one named first", () => {
  const summary = () =>
    inFlow(telecom, "change_plan", {
      confirm: true,
      slots: { phone_number: "611 222 333", plan: "basic", add_ons: ["roaming", "extra_sim"] },
    });

  it("swaps an item of a list, keeping the others", () => {
    for (const text of [
      "swap the roaming for international calls",
      "could you replace roaming with international calls",
    ]) {
      expect(du.read(text, telecom, summary()), text).toEqual([
        { type: "correct_slot", slot: "add_ons", value: ["extra_sim", "international_calls"] },
      ]);
    }
  });

  it("swaps a single value", () => {
    expect(du.read("change basic to unlimited", telecom, summary())).toEqual([
      { type: "correct_slot", slot: "plan", value: "unlimited" },
    ]);
  });
});

describe("a choice asked for politely, as a question", () => {
  it("is the answer, not a question outside the domain", () => {
    const addOns = () =>
      inFlow(telecom, "change_plan", {
        waiting: "add_ons",
        slots: { phone_number: "611 222 333", plan: "plus" },
      });
    expect(du.read("could I get roaming please?", telecom, addOns())).toEqual([
      { type: "set_slot", slot: "add_ons", value: ["roaming"] },
    ]);
    expect(du.read("can I get a mortgage?", telecom, addOns())).toEqual([{ type: "out_of_scope" }]);
  });
});

describe("an address that ends with a unit and its number", () => {
  it("keeps the flat or apartment, and still stops where the sentence goes on", () => {
    const asked = () =>
      inFlow(telecom, "report_outage", { waiting: "outage_address", slots: { service: "tv" } });
    const read = (text: string) =>
      du
        .read(text, telecom, asked())
        .find((c) => c.type === "set_slot" && c.slot === "outage_address");
    expect(read("it's Rua Nova 8, apt 3C")).toMatchObject({ value: "Rua Nova 8, apt 3C" });
    expect(read("Rua Nova 8, unit 12, Vigo")).toMatchObject({ value: "Rua Nova 8, unit 12, Vigo" });
    expect(read("Rua Nova 8, Vigo since 3 days")).toMatchObject({ value: "Rua Nova 8, Vigo" });
  });
});
