import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow, readValues, startedFlows } from "../helpers.ts";

/**
 * On a city-tours office: room asked after, a count with a choice before its unit, what happened
 * told beside a request, domain phrases, pack synonyms, a phone number's plus, and places and days
 * given up.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tours: LoadedDomain;
const first = (text: string): Command[] => du.read(text, tours, emptyState("t"));
const started = startedFlows;
const values = readValues;

beforeAll(async () => {
  tours = await loadDomainFromText(
    [
      "vocabulary:",
      "  synonyms:",
      "    refund: [refund, money back]",
      "    fee: [fee, cost, prices]",
      "slots:",
      "  tour:",
      "    type: string",
      "    choices: [castle, harbour, old_town]",
      "    synonyms: { old_town: [old town] }",
      "    label: tour",
      "    prompt: 'Which tour?'",
      "  ticket_type: { type: string, choices: [adult, child], prompt: 'Adult or child?' }",
      "  meeting_point: { type: string, choices: [north, south], prompt: 'North or south gate?', label: gate }",
      "  quantity: { type: integer, prompt: 'How many tickets?', aliases: [tickets, ticket] }",
      "  tour_date: { type: date, prompt: 'Which day?' }",
      "  booking_ref: { type: string, extract: pattern, pattern: 'MU-\\d{4}', prompt: 'Your booking reference?' }",
      "  phone:",
      "    extract: pattern",
      "    pattern: '\\+?\\d{9,12}'",
      "    prompt: 'A phone number?'",
      "  tour_price: { type: float, internal: true }",
      "  on_day: { type: date, required: false, prompt: 'Any particular day? (Say no to see all.)' }",
      "  new_date: { type: date, prompt: 'Which new date?' }",
      "  start_date: { type: date, prompt: 'From when?' }",
      "  end_date: { type: date, prompt: 'Until when?' }",
      "flows:",
      "  book_tour:",
      "    description: Book a guided tour",
      "    trigger:",
      "      intents: ['book a tour', 'I would like {quantity} tickets for the {tour} tour', 'book the {tour} tour on {tour_date}']",
      "    steps:",
      "      - { step: t, type: collect, slot: tour }",
      "      - { step: d, type: collect, slot: tour_date }",
      "      - { step: q, type: collect, slot: quantity }",
      "      - { step: k, type: collect, slot: ticket_type }",
      "      - { step: m, type: collect, slot: meeting_point }",
      "      - { step: p, type: collect, slot: phone }",
      "  refund_booking:",
      "    description: Refund a tour booking",
      "    trigger:",
      "      intents: ['I want a refund', 'refund booking {booking_ref}', 'I would like my money back']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "  move_booking:",
      "    description: Move a tour booking to another date",
      "    trigger:",
      "      intents: ['move my booking to another date', 'change the date of booking {booking_ref}']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "      - { step: d, type: collect, slot: new_date }",
      "  booking_status:",
      "    description: Check a booking or get the receipt sent again",
      "    trigger:",
      "      intents: ['where is my receipt', 'check booking {booking_ref}', 'send my receipt again']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "  return_guide:",
      "    description: Return a borrowed audio guide",
      "    trigger:",
      "      intents: ['return a borrowed item']",
      "    steps:",
      "      - { step: r, type: collect, slot: booking_ref }",
      "  opening_hours:",
      "    description: Opening hours of the tour office",
      "    trigger:",
      "      intents: ['what are your opening hours', 'when do you close']",
      "    steps:",
      "      - { step: s, type: say, message: 'Nine to five.' }",
      "  tour_prices:",
      "    description: The fee of a tour",
      "    trigger:",
      "      intents: ['what is the fee for the {tour} tour', 'prices of the tours']",
      "    steps:",
      "      - { step: t, type: collect, slot: tour }",
      "  list_tours:",
      "    description: See which tours run",
      "    trigger:",
      "      intents: ['which tours run {on_day}']",
      "    steps:",
      "      - { step: d, type: collect, slot: on_day }",
      "      - { step: s, type: say, message: 'Here they are.' }",
      "  hire_bike:",
      "    description: Hire a bike",
      "    trigger:",
      "      intents: ['hire a bike from {start_date} to {end_date}']",
      "    steps:",
      "      - { step: s, type: collect, slot: start_date }",
      "      - { step: e, type: collect, slot: end_date }",
    ].join("\n"),
    "tours.yaml",
  );
});

describe("asking whether there is room", () => {
  it("with 'places' or 'spots' is a request, not a question about an unknown thing", () => {
    const read = first("Are there still places on the castle tour? We need three");
    expect(started(read)).toEqual(["book_tour"]);
    expect(values(read)).toMatchObject({ tour: "castle", quantity: 3 });
  });
});

describe("a count with a choice before its unit", () => {
  it("'one adult ticket' is one ticket, and the choice is still read", () => {
    const read = first("one adult ticket for the harbour tour");
    expect(values(read)).toMatchObject({ quantity: 1, ticket_type: "adult", tour: "harbour" });
  });
  it("'one more ticket' counts nothing: 'more' is no choice", () => {
    expect(values(first("one more ticket for the harbour tour"))).not.toHaveProperty("quantity");
  });
});

describe("what happened, told beside a request", () => {
  it("a change told with its object is the reason, not the request", () => {
    const read = first("the museum moved the visit and now I can't go, I'd like a full refund");
    expect(started(read)).toEqual(["refund_booking"]);
  });
  it("'I want the date changed' still asks for the change", () => {
    expect(started(first("I want the date of my booking changed please"))).toEqual([
      "move_booking",
    ]);
  });
  it("a part that only tells what was done asks for nothing; the other part is the request", () => {
    const read = first("Could you send my receipt again? I deleted the email by accident");
    expect(started(read)).toEqual(["booking_status"]);
  });
  it("a plain 'need a' is no past: both requests are kept", () => {
    const read = first("refund booking MU-1234 and I also need a tour for friday");
    expect(started(read).sort()).toEqual(["book_tour", "refund_booking"]);
  });
});

describe("phrases", () => {
  it("a particle that ends a phrase of the domain makes no phrasal verb of another act", () => {
    const read = first("put the money back on my card please, booking MU-4821");
    expect(started(read)).toEqual(["refund_booking"]);
    expect(values(read)).toMatchObject({ booking_ref: "MU-4821" });
  });
  it("a packs' synonym the domain has no word for gives way to the task phrase", () => {
    const read = first("has my payment for MU-3001 gone through?");
    expect(started(read)).toEqual(["booking_status"]);
  });
  it("closing and prices in other words", () => {
    expect(started(first("what time does the office shut?"))).toEqual(["opening_hours"]);
    const read = first("how expensive is the castle tour");
    expect(started(read)).toEqual(["tour_prices"]);
    expect(values(read)).toMatchObject({ tour: "castle" });
  });
  it("'free up my place' asks to cancel: out of scope where no flow cancels", () => {
    expect(first("please free up my place on the tour")).toEqual([{ type: "out_of_scope" }]);
  });
});

describe("values", () => {
  it("a phone number keeps its plus", () => {
    const state = inFlow(tours, "book_tour", { waiting: "phone" });
    const read = du.read("+34611222333", tours, state);
    expect(values(read)).toEqual({ phone: "+34611222333" });
  });
  it("a choice after 'not at' is given up", () => {
    const read = first("book the castle tour, not at the north gate, at the south gate");
    expect(values(read)).toMatchObject({ meeting_point: "south" });
  });
  it("a day of the month after 'until' ends the span the first date starts", () => {
    const read = first("I'd like to hire a bike on May 20th and keep it until the 25th");
    expect(values(read)).toMatchObject({ start_date: "2027-05-20", end_date: "2027-05-25" });
  });
});

describe("declines, things already had and references", () => {
  it("'no, just show me everything' to an optional question that narrows a search skips it", () => {
    const state = inFlow(tours, "list_tours", { waiting: "on_day" });
    expect(du.read("no, just show me everything", tours, state)).toEqual([
      { type: "skip_slot", slot: "on_day" },
    ]);
    expect(du.read("no, all of them please", tours, state)).toEqual([
      { type: "skip_slot", slot: "on_day" },
    ]);
  });
  it("'paid but got nothing' asks after a thing already had", () => {
    expect(started(first("I paid for MU-2001 but got nothing"))).toEqual(["booking_status"]);
  });
  it("a reference of the domain's shape picks the flow that takes it over one that only reads the date", async () => {
    const venue = await loadDomainFromText(
      [
        "slots:",
        "  show_date: { type: date, prompt: 'Which day?' }",
        "  seats: { type: integer, prompt: 'How many seats?' }",
        "  order_ref: { type: string, extract: pattern, pattern: 'OR-\\d{4}', prompt: 'Reference?' }",
        "  new_date: { type: date, prompt: 'Which new day?' }",
        "flows:",
        "  book_seats:",
        "    description: Book seats for a show",
        "    trigger:",
        "      intents: ['book seats for a show', 'get {seats} seats on {show_date}']",
        "    steps:",
        "      - { step: d, type: collect, slot: show_date }",
        "      - { step: s, type: collect, slot: seats }",
        "  swap_seats:",
        "    description: Exchange seats for another day",
        "    trigger:",
        "      intents: ['exchange my seats', 'move order {order_ref} to {new_date}']",
        "    steps:",
        "      - { step: r, type: collect, slot: order_ref }",
        "      - { step: d, type: collect, slot: new_date }",
      ].join("\n"),
      "venue.yaml",
    );
    const read = du.read("please transfer my booking OR-1186 to the 20th", venue, emptyState("v"));
    expect(started(read)).toEqual(["swap_seats"]);
    expect(values(read)).toMatchObject({ order_ref: "OR-1186", new_date: "2027-03-20" });
    // Without a reference, the booking is a new one.
    expect(started(du.read("book seats for the 20th", venue, emptyState("v")))).toEqual([
      "book_seats",
    ]);
  });
  it("an ordinal after a reference's name is a day, not the reference", async () => {
    const bikes = await loadDomainFromText(
      [
        "slots:",
        "  hire_ref: { type: string, extract: pattern, pattern: 'BK-\\d{4}', prompt: 'Reference?', aliases: [booking, reservation] }",
        "  start_date: { type: date, prompt: 'From when?' }",
        "  end_date: { type: date, prompt: 'Until when?' }",
        "flows:",
        "  change_hire:",
        "    description: Change the dates of a bike hire",
        "    trigger:",
        "      intents: ['change my hire', 'change booking {hire_ref} to {start_date}']",
        "    steps:",
        "      - { step: r, type: collect, slot: hire_ref }",
        "      - { step: s, type: collect, slot: start_date }",
        "      - { step: e, type: collect, slot: end_date }",
      ].join("\n"),
      "bikes.yaml",
    );
    const read = du.read("change my hire, I reserved on the 21st", bikes, emptyState("b"));
    expect(values(read)).toEqual({ start_date: "2027-03-21" });
  });
  it("the time waited so far asks after a thing already had", () => {
    expect(started(first("it's been 5 days since I paid"))).toEqual(["booking_status"]);
  });
});
