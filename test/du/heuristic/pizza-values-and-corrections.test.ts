import { beforeAll, describe, expect, it } from "vitest";
import { findNumbers } from "../../../src/du/heuristic/extract/numbers.ts";
import { exampleReader, inFlow, slotsOf } from "../helpers.ts";

/**
 * Values and corrections said the way customers say them: "a couple of us", "at name of ...",
 * an interjection before a correction, a size word that describes the people.
 */
const { read, loadAll, domains } = exampleReader();

beforeAll(() => loadAll(["pizza", "hotel", "clinic"]));

describe("a couple of", () => {
  it("is two before a word that names what is counted", () => {
    expect(findNumbers("just a couple of nights").map((n) => n.value)).toEqual([2]);
    expect(findNumbers("un par de noches").map((n) => n.value)).toEqual([2]);
  });

  it("is no two in a couple of hundred", () => {
    expect(findNumbers("a couple of hundred").map((n) => n.value)).toEqual([100]);
  });

  it("counts two people as the answer and in a first message", () => {
    const asked = inFlow(domains.pizza!, "book_table", {
      waiting: "party_size",
      slots: { booking_date: "2027-03-12" },
    });
    expect(read("pizza", "there'll be a couple of us", asked)).toEqual([
      { type: "set_slot", slot: "party_size", value: 2 },
    ]);
    expect(
      slotsOf(read("pizza", "could we get a table for a couple of people tomorrow evening")),
    ).toMatchObject({ party_size: 2 });
    expect(
      slotsOf(read("hotel", "a room in madrid for a couple of nights from friday")),
    ).toMatchObject({ nights: 2 });
  });
});

describe("a name after the name's own word", () => {
  it("keeps only the name", () => {
    const asked = inFlow(domains.pizza!, "book_table", {
      waiting: "guest_name",
      slots: { booking_date: "2027-03-12", party_size: 4 },
    });
    for (const [text, name] of [
      ["in name of Okoye", "Okoye"],
      ["at the name of Lindqvist please", "Lindqvist"],
      ["name is Tomasz Nowak", "Tomasz Nowak"],
    ] as const) {
      expect(read("pizza", text, asked), text).toEqual([
        { type: "set_slot", slot: "guest_name", value: name },
      ]);
    }
  });
});

describe("an interjection before a correction", () => {
  it("corrects the held value instead of answering the question", () => {
    const asked = inFlow(domains.pizza!, "book_table", {
      waiting: "guest_name",
      slots: { booking_date: "2027-03-16", party_size: 2 },
    });
    for (const text of ["oh no, not tuesday, thursday", "uh, not tuesday, thursday"]) {
      expect(read("pizza", text, asked), text).toEqual([
        { type: "correct_slot", slot: "booking_date", value: "2027-03-11" },
      ]);
    }
  });
});

describe("a choice word right before the people counted", () => {
  it("describes the people and is no choice", () => {
    const commands = read("pizza", "we are a large group, 9 people, next saturday");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "book_table" });
    expect(slotsOf(commands)).toMatchObject({ party_size: 9 });
    expect(slotsOf(commands).size).toBeUndefined();
  });

  it("still reads the choice before anything else", () => {
    expect(slotsOf(read("pizza", "a big pizza for the four of us"))).toMatchObject({
      size: "large",
    });
  });
});

describe("what was had has not come", () => {
  it("asks where the order is", () => {
    for (const text of [
      "our pizzas still didn't come",
      "I haven't received my order yet",
      "the food was not delivered",
    ]) {
      expect(read("pizza", text)[0], text).toEqual({ type: "start_flow", flow: "order_status" });
    }
  });
});

describe("asking not to deliver", () => {
  it("cancels, with or without an article", () => {
    expect(read("pizza", "do not deliver order 1004, we had to go out")).toEqual([
      { type: "start_flow", flow: "cancel_order" },
      { type: "set_slot", slot: "order_number", value: "1004" },
    ]);
    expect(read("pizza", "please don't deliver it, plans changed")[0]).toEqual({
      type: "start_flow",
      flow: "cancel_order",
    });
  });
});

describe("a story that only its values tie to one flow", () => {
  it("starts that flow when it is said as a wish", () => {
    const commands = read(
      "pizza",
      "my wife's birthday is on the 22nd and we would love to have dinner with you, 6 of us in total",
    );
    expect(commands[0]).toEqual({ type: "start_flow", flow: "book_table" });
    expect(slotsOf(commands)).toMatchObject({ booking_date: "2027-03-22", party_size: 6 });
  });

  it("starts nothing for values of the past", () => {
    expect(
      read(
        "pizza",
        "last time on the 4th we were 7 and the music was too loud, I would like to complain",
      ),
    ).toEqual([]);
  });

  it("does not guess the count among two numbers", () => {
    expect(
      read(
        "pizza",
        "my wife turns forty on the 22nd and we would love to have dinner with you, 6 of us",
      ),
    ).toEqual([]);
  });

  it("starts nothing for a story that asks for nothing", () => {
    expect(
      read(
        "pizza",
        "my wife turned forty on the 2nd and the 6 of us had a lovely evening with friends",
      ),
    ).toEqual([]);
  });
});

describe("a date after 'not' beside another date", () => {
  it("is the day given up in a first message", () => {
    expect(slotsOf(read("pizza", "not monday, tuesday: a table for 5"))).toMatchObject({
      booking_date: "2027-03-16",
      party_size: 5,
    });
  });
});

describe("a choice missing one letter", () => {
  it("is read as the choice", () => {
    expect(slotsOf(read("pizza", "a large one with mushroms and peperoni"))).toMatchObject({
      toppings: ["mushrooms", "pepperoni"],
    });
    expect(slotsOf(read("pizza", "medium pizza, onins please"))).toMatchObject({
      toppings: ["onions"],
    });
  });
});

describe("one held value taken back", () => {
  const held = () =>
    inFlow(domains.pizza!, "order_pizza", {
      confirm: true,
      slots: {
        size: "medium",
        toppings: ["pepperoni", "onions"],
        drink: "lemonade",
        delivery_address: "8 Mill Lane, Leeds",
      },
    });

  it("empties an optional slot instead of cancelling the flow", () => {
    for (const text of [
      "forget the lemonade",
      "cancel the lemonade please",
      "no lemonade after all",
      "scrap the drink",
      "take off the lemonade",
      "on second thought, no lemonade",
    ]) {
      expect(read("pizza", text, held()), text).toEqual([{ type: "skip_slot", slot: "drink" }]);
    }
  });

  it("keeps a list's other items", () => {
    expect(read("pizza", "ditch the onions", held())).toEqual([
      { type: "correct_slot", slot: "toppings", value: ["pepperoni"] },
    ]);
  });

  it("still cancels with nothing named, or with the whole thing named", () => {
    expect(read("pizza", "forget it", held())).toEqual([{ type: "cancel_flow" }]);
    expect(read("pizza", "cancel the order", held())).toEqual([{ type: "cancel_flow" }]);
  });

  it("works while another question waits", () => {
    const asked = inFlow(domains.pizza!, "order_pizza", {
      waiting: "delivery_address",
      slots: { size: "small", drink: "cola" },
    });
    expect(read("pizza", "oh, forget the cola", asked)).toEqual([
      { type: "skip_slot", slot: "drink" },
    ]);
  });
});

describe("an optional list", () => {
  const asked = () =>
    inFlow(domains.pizza!, "order_pizza", { waiting: "toppings", slots: { size: "small" } });

  it("is declined by asking for it plain", () => {
    for (const text of ["leave it plain", "keep it plain thanks", "as it comes"]) {
      expect(read("pizza", text, asked()), text).toEqual([{ type: "skip_slot", slot: "toppings" }]);
    }
  });

  it("takes every choice but those named after the exception", () => {
    expect(read("pizza", "all of them except ham and pineapple", asked())).toEqual([
      {
        type: "set_slot",
        slot: "toppings",
        value: ["mushrooms", "olives", "pepperoni", "onions", "peppers", "extra_cheese"],
      },
    ]);
  });
});

describe("every choice but some, in a first message", () => {
  it("lists the rest and leaves the other values alone", () => {
    const slots = slotsOf(
      read("pizza", "small with all the toppings except peppers and olives, and a water"),
    );
    expect(slots).toMatchObject({
      size: "small",
      drink: "water",
      toppings: ["ham", "pineapple", "mushrooms", "pepperoni", "onions", "extra_cheese"],
    });
  });
});

describe("a clause that asks, beside a story", () => {
  it("starts the flow the message ranks far ahead", () => {
    expect(
      read("pizza", "hey could you send me a pie, my flatmates and me are stuck revising")[0],
    ).toEqual({ type: "start_flow", flow: "order_pizza" });
  });
});
