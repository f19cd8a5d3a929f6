import { beforeAll, describe, expect, it } from "vitest";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { EXAMPLE_NOW, exampleReader, inFlow, slotsOf } from "../helpers.ts";

/**
 * Slot values in answers, corrections and long first messages: people counted without a unit,
 * a number named for another slot, items taken out of a list, addresses and codes after their
 * lead-ins, names after a relation, weekdays with a day of the month, past-looking date slots.
 */
const NOW = EXAMPLE_NOW;
const { domains, read, loadAll } = exampleReader();

beforeAll(() => loadAll(["hotel", "clinic", "telecom", "pizza"]));

describe("a number slot that counts people", () => {
  const asked = () => inFlow(domains.hotel!, "book_room", { waiting: "guests" });

  it("reads the speaker alone as one", () => {
    for (const text of ["just me", "only me", "myself", "just me, thanks"]) {
      expect(read("hotel", text, asked()), text).toEqual([
        { type: "set_slot", slot: "guests", value: 1 },
      ]);
    }
  });

  it("reads people words, leads and a pair in a first message", () => {
    expect(slotsOf(read("hotel", "a room in barna, 2 of us"))).toMatchObject({ guests: 2 });
    expect(slotsOf(read("hotel", "we are 3 adults coming to sevilla for 2 nights"))).toMatchObject({
      guests: 3,
      nights: 2,
    });
    expect(slotsOf(read("hotel", "a room for 2 ppl, 3 nights"))).toMatchObject({
      guests: 2,
      nights: 3,
    });
    expect(slotsOf(read("hotel", "book a room for me and my partner"))).toMatchObject({
      guests: 2,
    });
    expect(slotsOf(read("pizza", "a table for me and my wife tomorrow"))).toEqual({
      party_size: 2,
      booking_date: "2027-03-11",
    });
    expect(slotsOf(read("pizza", "table tomorrow, party of 6"))).toMatchObject({ party_size: 6 });
    // A number that counts something else leaves the pair's count; one that counts nothing
    // else is the count.
    expect(slotsOf(read("hotel", "me and my wife want 2 nights in Barcelona"))).toEqual({
      nights: 2,
      guests: 2,
      city: "barcelona",
    });
    expect(slotsOf(read("hotel", "book a room for me and my partner, 3 ppl"))).toMatchObject({
      guests: 3,
    });
  });

  it("counts nothing in a slot that does not count people", () => {
    const state = inFlow(domains.hotel!, "book_room", { waiting: "nights" });
    expect(read("hotel", "just me", state)).not.toContainEqual(
      expect.objectContaining({ slot: "nights" }),
    );
  });
});

describe("a number slot that counts days", () => {
  it("reads a count of weeks as seven days each, not a date or a shift", () => {
    expect(slotsOf(read("hotel", "a room in madrid for a week, two adults"))).toMatchObject({
      nights: 7,
      guests: 2,
    });
    expect(slotsOf(read("hotel", "a room in madrid for two weeks"))).toMatchObject({ nights: 14 });
    const asked = inFlow(domains.hotel!, "book_room", { waiting: "nights" });
    expect(read("hotel", "a week", asked)).toEqual([
      { type: "set_slot", slot: "nights", value: 7 },
    ]);
    expect(slotsOf(read("hotel", "a room in madrid in a week"))).not.toHaveProperty("nights");
    expect(slotsOf(read("hotel", "I need to shift HB-123456 by a week"))).not.toHaveProperty(
      "nights",
    );
  });
});

describe("a lone number in a request", () => {
  it("is no value when said as a shift", () => {
    expect(slotsOf(read("hotel", "I need to arrive two days later than planned"))).toEqual({});
    expect(slotsOf(read("hotel", "I want to change my dates, 2 more nights"))).toEqual({});
  });
});

describe("a number followed by the word naming another slot", () => {
  it("corrects that slot instead of answering the question asked", () => {
    const state = inFlow(domains.hotel!, "book_room", {
      waiting: "guests",
      slots: { city: "seville", check_in: "2027-04-03", nights: 4 },
    });
    expect(read("hotel", "oh wait, 5 nights", state)).toEqual([
      { type: "correct_slot", slot: "nights", value: 5 },
    ]);
    expect(read("hotel", "5 nights", state)).toEqual([
      { type: "correct_slot", slot: "nights", value: 5 },
    ]);
  });
});

describe("lists", () => {
  it("takes out a held item said after a negation, whatever reason comes with it", () => {
    const state = inFlow(domains.hotel!, "book_room", {
      waiting: "guest_name",
      slots: { extras: ["breakfast", "parking"] },
    });
    expect(read("hotel", "actually no parking, we're taking the train", state)).toEqual([
      { type: "correct_slot", slot: "extras", value: ["breakfast"] },
    ]);
  });

  it("leaves out items said after a negation, in answers and first messages", () => {
    const state = inFlow(domains.hotel!, "book_room", { waiting: "extras" });
    expect(read("hotel", "breakfast but no parking", state)).toEqual([
      { type: "set_slot", slot: "extras", value: ["breakfast"] },
    ]);
    expect(read("hotel", "no parking thanks", state)).toEqual([
      { type: "skip_slot", slot: "extras" },
    ]);
    expect(slotsOf(read("pizza", "a large pizza with ham, no onions or olives"))).toEqual({
      size: "large",
      toppings: ["ham"],
    });
  });

  it("skips an optional slot declined with a short afterthought", () => {
    const state = inFlow(domains.pizza!, "order_pizza", { waiting: "toppings" });
    expect(read("pizza", "none thanks, just plain", state)).toEqual([
      { type: "skip_slot", slot: "toppings" },
    ]);
    // An afterthought with a word of the domain is something else.
    const drink = inFlow(domains.pizza!, "order_pizza", {
      waiting: "drink",
      slots: { size: "small" },
    });
    expect(read("pizza", "no, the large one", drink)).not.toContainEqual({
      type: "skip_slot",
      slot: "drink",
    });
  });
});

describe("addresses", () => {
  it("reads an address named before it past its number", () => {
    const text = "our fibre stopped working. Address is Avenida Diagonal 200, Barcelona.";
    expect(slotsOf(read("telecom", text))).toMatchObject({
      outage_address: "Avenida Diagonal 200, Barcelona",
    });
  });

  it("reads a street and number after a preposition, never a name and an amount", () => {
    expect(slotsOf(read("pizza", "new order for Calle Luna 5, Madrid"))).toEqual({
      delivery_address: "Calle Luna 5, Madrid",
    });
    expect(slotsOf(read("pizza", "a large pizza for Ana 50 euros"))).not.toHaveProperty(
      "delivery_address",
    );
  });

  it("starts an address at its street and ends it at its town", () => {
    const text = "the tv is not working at all at Plaza Nueva 7, Granada";
    expect(slotsOf(read("telecom", text))).toMatchObject({
      outage_address: "Plaza Nueva 7, Granada",
    });
    const story = "the wifi at Calle Toro 9, Salamanca went down on the 2nd of March";
    expect(slotsOf(read("telecom", story))).toMatchObject({
      outage_address: "Calle Toro 9, Salamanca",
      outage_since: "2027-03-02",
    });
    // A town of several words keeps its particles; a street's own "de" stays.
    const long = "the router at Avenida de la Paz 45, Alcala de Henares keeps failing";
    expect(slotsOf(read("telecom", long))).toMatchObject({
      outage_address: "Avenida de la Paz 45, Alcala de Henares",
    });
  });

  it("leaves the words around a corrected address out of it", () => {
    const asked = inFlow(domains.telecom!, "report_outage", {
      waiting: "outage_since",
      slots: { service: "tv", outage_address: "Calle Real 5, Cadiz" },
    });
    expect(read("telecom", "sorry, typo in the street, it's Calle Ancha 5, Cadiz", asked)).toEqual([
      { type: "correct_slot", slot: "outage_address", value: "Calle Ancha 5, Cadiz" },
    ]);
    // The answer to the address question stops where the date after it starts.
    const where = inFlow(domains.telecom!, "report_outage", {
      waiting: "outage_address",
      slots: { service: "tv" },
    });
    expect(read("telecom", "at Plaza Mayor 1, Soria since last friday", where)).toEqual([
      { type: "set_slot", slot: "outage_address", value: "Plaza Mayor 1, Soria" },
      { type: "set_slot", slot: "outage_since", value: "2027-03-05" },
    ]);
  });

  it("keeps the values a story states when its last clause starts the flow", () => {
    const text =
      "Hello, my aunt's landline at Calle Olmo 3, Toledo has gone quiet and she can't call her friends";
    expect(slotsOf(read("telecom", text))).toMatchObject({
      outage_address: "Calle Olmo 3, Toledo",
    });
  });

  it("corrects the filled address after a judgement or an opener", () => {
    const confirm = inFlow(domains.pizza!, "order_pizza", {
      confirm: true,
      slots: { size: "small", drink: "water", delivery_address: "Gran Via 20, Madrid" },
    });
    expect(read("pizza", "wait the address is wrong, it's Gran Via 22, Madrid", confirm)).toEqual([
      { type: "correct_slot", slot: "delivery_address", value: "Gran Via 22, Madrid" },
    ]);
    const asked = inFlow(domains.telecom!, "report_outage", {
      waiting: "outage_since",
      slots: { service: "internet", outage_address: "Calle Sol 3, Granada" },
    });
    expect(read("telecom", "oops, it's Calle Sol 13, Granada", asked)).toEqual([
      { type: "correct_slot", slot: "outage_address", value: "Calle Sol 13, Granada" },
    ]);
  });
});

describe("greetings", () => {
  it("reads no part of the day out of 'good morning' or 'good afternoon'", () => {
    const text = "Good afternoon! I'd like to book my son in with the children's doctor";
    expect(slotsOf(read("clinic", text))).toEqual({ specialty: "pediatrics" });
    const both = "good morning, could the skin doctor see me in the afternoon";
    expect(slotsOf(read("clinic", both))).toMatchObject({ time_of_day: "afternoon" });
    // The word alone, asked morning or afternoon, still answers.
    const asked = inFlow(domains.clinic!, "book_appointment", { waiting: "time_of_day" });
    expect(read("clinic", "morning", asked)).toEqual([
      { type: "set_slot", slot: "time_of_day", value: "morning" },
    ]);
  });
});

describe("choice synonyms in another word order", () => {
  it("reads 'doctor for kids' as the synonym 'kids doctor'", () => {
    const text = "my boy has to see a doctor for children tomorrow";
    expect(slotsOf(read("clinic", text))).toMatchObject({ specialty: "pediatrics" });
    expect(slotsOf(read("clinic", "is there a doctor for the heart free on friday"))).toMatchObject(
      { specialty: "cardiology" },
    );
  });
});

describe("choices given up", () => {
  it("reads the choice asked for, not the one after 'instead of' or 'rather than'", () => {
    expect(slotsOf(read("pizza", "one large pizza instead of a medium one"))).toMatchObject({
      size: "large",
    });
    const text = "please move my visit so it is in the morning rather than the afternoon";
    expect(slotsOf(read("clinic", text))).toMatchObject({ time_of_day: "morning" });
    const asked = inFlow(domains.clinic!, "book_appointment", { waiting: "time_of_day" });
    expect(read("clinic", "afternoon instead of morning", asked)).toEqual([
      { type: "set_slot", slot: "time_of_day", value: "afternoon" },
    ]);
    // Only given up: no value.
    expect(read("clinic", "anything instead of the morning", asked)).not.toContainEqual({
      type: "set_slot",
      slot: "time_of_day",
      value: "morning",
    });
  });
});

describe("digits after a lead-in", () => {
  it("reads 'ends in' and 'last digits ... are' for a digits slot, beside a phone number", () => {
    expect(slotsOf(read("telecom", "sim blocked on 699000111, card ends in 2290"))).toEqual({
      phone_number: "699000111",
      sim_last_digits: "2290",
    });
    const state = inFlow(domains.telecom!, "get_puk", { waiting: "phone_number" });
    expect(
      slotsOf(read("telecom", "612345678, the last digits on the card are 0417", state)),
    ).toMatchObject({ sim_last_digits: "0417" });
  });
});

describe("names in first messages", () => {
  it("reads a name after the name's key and after a relation", () => {
    expect(
      slotsOf(read("pizza", "table for five on the 19th under the name Okafor")),
    ).toMatchObject({ guest_name: "Okafor", party_size: 5 });
    const text = "I would like my daughter Lucia to be seen by the pediatrician on the 16th";
    expect(slotsOf(read("clinic", text))).toMatchObject({ patient_name: "Lucia" });
  });

  it("reads a full name set off by commas after a described relation", () => {
    const text = "could the dermatologist see my little brother, Pablo Ortega, next week";
    expect(slotsOf(read("clinic", text))).toMatchObject({ patient_name: "Pablo Ortega" });
    // A story around the request keeps the name it gives.
    const story =
      "Hello there, I trust all is well. Would it be possible to set up a visit for my teenage son, Marco Ruiz, with the skin doctor.";
    expect(slotsOf(read("clinic", story))).toMatchObject({
      patient_name: "Marco Ruiz",
      specialty: "dermatology",
    });
    // One word after a comma may be the person spoken to, not the patient.
    expect(slotsOf(read("clinic", "a visit for my son, Ana, is that possible"))).not.toHaveProperty(
      "patient_name",
    );
  });
});

describe("dates", () => {
  it("reads a weekday with an ordinal day, a day alone and short weekdays", () => {
    const one = (text: string) => findDates(text, NOW).map((d) => d.value);
    expect(one("Tuesday the 16th")).toEqual(["2027-03-16"]);
    expect(one("wednesday 24th")).toEqual(["2027-03-24"]);
    // The next 17th that is a Saturday.
    expect(one("saturday the 17th")).toEqual(["2027-04-17"]);
    expect(one("19th")).toEqual(["2027-03-19"]);
    expect(one("thurs pm")).toEqual(["2027-03-11"]);
    // "we'd" is no Wednesday, "my 2nd try" no day.
    expect(one("we'd like a room")).toEqual([]);
    expect(one("my 2nd try")).toEqual([]);
  });

  it("gives up a date after 'rather than'", () => {
    expect(slotsOf(read("hotel", "Could we arrive Monday rather than Sunday?"))).toEqual({
      check_in: "2027-03-15",
    });
  });

  it("gives up a date said not to work after it", () => {
    expect(
      slotsOf(read("hotel", "a room in Seville, Friday is no good, so Saturday")),
    ).toMatchObject({ check_in: "2027-03-13" });
    const asked = inFlow(domains.clinic!, "book_appointment", {
      waiting: "time_of_day",
      slots: { specialty: "dermatology", appointment_date: "2027-03-11" },
    });
    expect(read("clinic", "sorry, monday then, thursday won't work for me", asked)).toEqual([
      { type: "correct_slot", slot: "appointment_date", value: "2027-03-15" },
    ]);
    // A service that "doesn't work" is the one that is down, not given up.
    expect(slotsOf(read("telecom", "my internet doesn't work since monday"))).toMatchObject({
      service: "internet",
    });
  });

  it("reads a weekday back for a date slot asked about the past", () => {
    const state = inFlow(domains.telecom!, "report_outage", {
      waiting: "outage_since",
      slots: { service: "internet", outage_address: "Calle Sol 3, Granada" },
    });
    expect(read("telecom", "on Monday", state)).toEqual([
      { type: "set_slot", slot: "outage_since", value: "2027-03-08" },
    ]);
    const text = "our fibre stopped working on Monday. Address is Calle Sol 3, Granada";
    expect(slotsOf(read("telecom", text))).toMatchObject({ outage_since: "2027-03-08" });
    // A slot asked about the future still reads the next one.
    const clinic = inFlow(domains.clinic!, "book_appointment", { waiting: "appointment_date" });
    expect(slotsOf(read("clinic", "on Monday", clinic))).toEqual({
      appointment_date: "2027-03-15",
    });
  });
});
