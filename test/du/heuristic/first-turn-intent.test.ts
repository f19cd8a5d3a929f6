import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

/** First messages phrased the way no trigger says them: the request, not a lone value, decides. */
const fixtures = path.resolve(import.meta.dirname, "../../fixtures/du");
const root = path.resolve(import.meta.dirname, "../../..");
let visits: LoadedDomain;
let pizza: LoadedDomain;
let clinic: LoadedDomain;
let shop: LoadedDomain;
let hotel: LoadedDomain;
let telecom: LoadedDomain;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
beforeAll(async () => {
  visits = await loadDomain(path.join(fixtures, "service-visits.yaml"));
  pizza = await loadDomain(path.join(fixtures, "pizza-shop.yaml"));
  clinic = await loadDomain(path.join(root, "examples/clinic"));
  shop = await loadDomain(path.join(root, "examples/pizza"));
  hotel = await loadDomain(path.join(root, "examples/hotel"));
  telecom = await loadDomain(path.join(root, "examples/telecom"));
});
const read = (domain: LoadedDomain, text: string) => du.read(text, domain, emptyState("t"));
const started = (domain: LoadedDomain, text: string) => {
  const first = read(domain, text)[0];
  return first?.type === "start_flow" ? first.flow : first?.type;
};

describe("giving up a thing already arranged", () => {
  it("reads 'kill' and 'remove' of an existing thing as cancelling it", () => {
    expect(started(visits, "kill my visit VS-1234")).toBe("cancel_visit");
    expect(started(visits, "please remove my visit VS-1234")).toBe("cancel_visit");
  });

  it("reads not attending, or not wanting it, as cancelling", () => {
    expect(started(visits, "I won't be attending my visit")).toBe("cancel_visit");
    expect(started(visits, "I will not be attending the visit on friday")).toBe("cancel_visit");
    expect(started(pizza, "I don't want the pizza I ordered")).toBe("cancel_order");
    expect(started(pizza, "i want a refund for my order")).toBe("cancel_order");
    // The verb a negated want governs is given up, not asked for.
    expect(started(clinic, "we no longer need to see the pediatrician")).toBe("cancel_appointment");
  });
});

describe("the Spanish pack's counterparts", () => {
  it("reads not attending as cancelling and shortening as changing", () => {
    expect(started(clinic, "no podre asistir a mi cita")).toBe("cancel_appointment");
    expect(started(clinic, "quiero acortar mi cita")).toBe("reschedule_appointment");
  });
});

describe("asking how a thing is going", () => {
  it("reads a late arrival or readiness question as a look-up", () => {
    expect(started(pizza, "my pizza hasnt showed up")).toBe("track_order");
    expect(started(pizza, "is my pizza nearly ready")).toBe("track_order");
    expect(started(shop, "is 1003 still in the oven?")).toBe("order_status");
    expect(started(shop, "I still want a pizza")).toBe("order_pizza");
    expect(started(telecom, "streaming is slow, have I used up my gigs")).toBe("check_data_usage");
  });
});

describe("the point of a story", () => {
  it("does not take 'so far' for a turn to the point", () => {
    // The tail "far this month" would read as the monthly bill.
    const story =
      "we have been on holiday in Portugal for two weeks and I wonder about the data so far this month";
    expect(started(telecom, story)).not.toBe("check_bill");
  });
});

describe("texting and desire", () => {
  it("reads 'u' as 'you' and 'fancy a' as asking for one", () => {
    expect(started(shop, "do u do table bookings")).toBe("book_table");
    expect(started(shop, "i fancy a pizza")).toBe("order_pizza");
  });
});

describe("praise", () => {
  it("reads praise with or without thanks as small talk", () => {
    expect(read(pizza, "you're a lifesaver, thank you")[0]).toMatchObject({
      type: "chitchat",
      kind: "thanks",
    });
    expect(read(pizza, "thank you so much, you've been very helpful")[0]?.type).toBe("chitchat");
  });
});

describe("asking for a free time", () => {
  it("reads a question for slots as booking", () => {
    expect(started(visits, "are there any slots next week")).toBe("book_visit");
    expect(started(visits, "is there a free slot on friday")).toBe("book_visit");
  });
});

describe("coming in", () => {
  it("reads coming in as a visit, and a negated trigger's words not as said plainly", () => {
    // The cancelling flow's trigger is "I won't be able to come to my appointment".
    expect(started(clinic, "can I come in on monday")).toBe("book_appointment");
    expect(started(clinic, "I can't come in on friday")).toBe("cancel_appointment");
    expect(started(clinic, "could I come over on friday")).not.toBe("cancel_appointment");
    // The negated trigger itself still weighs in full, and "to my appointment" is no verb.
    expect(started(clinic, "I won't be able to come to my appointment on Monday")).toBe(
      "cancel_appointment",
    );
  });
});

describe("what was done before the request", () => {
  it("reads a booking or purchase said in the past as the thing already had", () => {
    expect(started(visits, "I arranged a visit for friday, can I postpone it")).toBe("move_visit");
    expect(started(pizza, "I placed an order an hour ago, any news")).toBe("track_order");
    // Not after its subject, the form is a request's: "pizza brought to me".
    expect(started(pizza, "pizza brought to me please")).toBe("order_pizza");
  });

  it("gives the words of a reason told beside the request no weight", () => {
    // "came" of "something came up" is no "can't come" of the cancelling flow.
    expect(started(clinic, "something came up, can you change my appointment")).toBe(
      "reschedule_appointment",
    );
  });
});

describe("values and the words around them", () => {
  it("starts no flow on a date or number alone in a sentence about something else", () => {
    expect(read(shop, "what's the weather like in Madrid today")).toEqual([]);
    // A bare list of values, or several a flow takes, still asks for it.
    expect(started(shop, "4 people tomorrow")).toBe("book_table");
    expect(started(shop, "do you have room for six people on friday")).toBe("book_table");
  });

  it("lets a flow's own word outweigh values that fit another flow", () => {
    expect(started(shop, "feeding three hungry kids tonight, can you deliver something")).toBe(
      "order_pizza",
    );
    // A date the flow does not take neither explains nor dilutes its match.
    expect(started(shop, "hello, I want a pizza for tonight")).toBe("order_pizza");
  });

  it("reads a difference from an amount as no amount", () => {
    expect(read(hotel, "I need to arrive two days later than planned")).toEqual([
      { type: "start_flow", flow: "change_dates" },
    ]);
    expect(read(hotel, "extend my stay by 2 nights")).toEqual([
      { type: "start_flow", flow: "change_dates" },
    ]);
    expect(read(hotel, "a room for 2 nights")).toContainEqual({
      type: "set_slot",
      slot: "nights",
      value: 2,
    });
  });

  it("takes no short number after a code's name for a code of many digits", () => {
    expect(read(hotel, "I'd like to extend my reservation to 5 nights")).toEqual([
      { type: "start_flow", flow: "change_dates" },
      { type: "set_slot", slot: "nights", value: 5 },
    ]);
  });
});

describe("the verb decides between flows that share the nouns", () => {
  it("reads a different one of a thing had as changing it", () => {
    expect(started(visits, "I need a different slot for VS-1234")).toBe("move_visit");
  });

  it("starts the one close flow that does what the verb asks", () => {
    expect(started(hotel, "can i shorten my stay to just 1 night")).toBe("change_dates");
    expect(started(hotel, "plans changed, we need to annul the hotel")).toBe("cancel_reservation");
  });

  it("prefers the one flow doing the asked act to a best that only shares a noun", () => {
    expect(started(clinic, "please drop our booking")).toBe("cancel_appointment");
    expect(started(clinic, "kill the booking")).toBe("cancel_appointment");
  });

  it("prefers a runner-up that does the asked act to a best that only has the nouns", () => {
    expect(started(clinic, "I booked an appointment but need to change the day")).toBe(
      "reschedule_appointment",
    );
  });
});

describe("the examples' own words", () => {
  it("reads eating in as a table at the pizzeria", () => {
    expect(started(shop, "we would like to eat in")).toBe("book_table");
    expect(started(shop, "is it possible to dine in")).toBe("book_table");
  });

  it("reads a locked SIM as a blocked one at the operator", () => {
    expect(started(telecom, "it got locked after three tries")).toBe("get_puk");
  });
});
