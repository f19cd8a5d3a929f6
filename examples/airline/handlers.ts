/**
 * Handlers of the airline example: a small in-memory set of bookings and flights that every
 * conversation starts with. New references are numbered per conversation in ctx.data, so runs
 * are repeatable.
 *
 * Bookings: K7XQ2P Ana Ruiz (London to Madrid, economy, flexible), B4TRM9 Tom Baker (Paris to
 * Rome, business), Z9PLK3 Sam Lee (Dublin to Lisbon, already flown: cannot be changed),
 * M2BASC Eva Novak (Berlin to Amsterdam, basic economy: no refund).
 * Flights: BW214 on time, BW377 delayed, BW902 cancelled, BW118 boarding.
 */
import { defineHandlers, UserFacingError } from "soni";

interface Booking {
  name: string;
  route: string;
  date: string;
  cabin: string;
  paid: number;
  refundable: boolean;
}

const BOOKINGS: Record<string, Booking> = {
  K7XQ2P: {
    name: "Ana Ruiz",
    route: "London to Madrid",
    date: "2027-03-10",
    cabin: "economy",
    paid: 180,
    refundable: true,
  },
  B4TRM9: {
    name: "Tom Baker",
    route: "Paris to Rome",
    date: "2027-03-22",
    cabin: "business_class",
    paid: 640,
    refundable: true,
  },
  Z9PLK3: {
    name: "Sam Lee",
    route: "Dublin to Lisbon",
    date: "2027-02-12",
    cabin: "economy",
    paid: 150,
    refundable: true,
  },
  M2BASC: {
    name: "Eva Novak",
    route: "Berlin to Amsterdam",
    date: "2027-04-02",
    cabin: "economy",
    paid: 95,
    refundable: false,
  },
};

const FLIGHTS: Record<string, string> = {
  BW214: "on time, leaving London at 09:40 and landing in Madrid at 13:05.",
  BW377: "delayed by 45 minutes; it now leaves Paris at 15:25.",
  BW902:
    "cancelled today. Everyone booked on it has been moved to BW904 tomorrow at 08:10; check your email.",
  BW118: "boarding now at gate B12.",
};

// A one-way adult fare per cabin, in euros; long haul costs three times as much.
const FARES: Record<string, number> = {
  economy: 89,
  premium_economy: 169,
  business_class: 390,
  first_class: 950,
};
const EXTRA_PRICES: Record<string, number> = {
  checked_bag: 35,
  extra_legroom: 25,
  priority_boarding: 12,
  inflight_meal: 15,
  sports_equipment: 60,
};
const ALLOWANCES: Record<string, string> = {
  economy: "one small bag under the seat (40x30x20 cm); checked bags are extra, €35 each.",
  premium_economy: "one cabin bag of 10 kg and one checked bag of 23 kg.",
  business_class: "two cabin bags of 10 kg in all and two checked bags of 32 kg.",
  first_class: "two cabin bags and three checked bags of 32 kg.",
};
const CHANGE_FEE = 50;

type Data = Record<string, unknown>;

function booking(reference: unknown): Booking {
  const found = BOOKINGS[String(reference ?? "").toUpperCase()];
  if (!found)
    throw new UserFacingError(
      `I can't find booking ${reference}. The reference is the six characters on your confirmation email.`,
    );
  return found;
}

function today(ctx: { now: Date }): string {
  return ctx.now.toISOString().slice(0, 10);
}

function nextRef(data: Data): string {
  const n = typeof data.next_ref === "number" ? data.next_ref : 0;
  data.next_ref = n + 1;
  return `N${n + 3}BW${String.fromCharCode(65 + (n % 26))}${(n * 7) % 10}`;
}

function fare(inputs: Record<string, unknown>): number {
  const longHaul = inputs.departure_city === "new_york" || inputs.arrival_city === "new_york";
  const legs = inputs.return_date ? 2 : 1;
  const people = Math.max(1, Number(inputs.passenger_count) || 1);
  const perSeat = (FARES[String(inputs.cabin_class)] ?? FARES.economy ?? 89) * (longHaul ? 3 : 1);
  const extras = Array.isArray(inputs.booking_extras) ? inputs.booking_extras : [];
  const extrasEach = extras.reduce((sum: number, e) => sum + (EXTRA_PRICES[String(e)] ?? 0), 0);
  return (perSeat * legs + extrasEach) * people;
}

function checkDates(inputs: Record<string, unknown>, ctx: { now: Date }): void {
  const out = String(inputs.departure_date ?? "");
  if (out < today(ctx))
    throw new UserFacingError("That day has already passed; which day would you like to fly?");
  if (inputs.return_date && String(inputs.return_date) < out)
    throw new UserFacingError(
      "The return is before the outbound flight; please start again with the right dates.",
    );
}

export default defineHandlers({
  actions: {
    quote_flight: (inputs, ctx) => {
      if (Number(inputs.passenger_count) > 9)
        throw new UserFacingError(
          "Online bookings are for up to 9 passengers; groups of 10 or more book with our group desk.",
        );
      checkDates(inputs, ctx);
      return { fare_price: fare(inputs) };
    },

    book_flight: (inputs, ctx) => {
      checkDates(inputs, ctx);
      ctx.logger.info({ to: inputs.arrival_city }, "flight booked");
      return { new_reference: nextRef(ctx.data as Data), fare_price: fare(inputs) };
    },

    look_up_booking: ({ booking_reference }, ctx) => {
      const b = booking(booking_reference);
      if (b.date < today(ctx))
        throw new UserFacingError(
          `Booking ${String(booking_reference).toUpperCase()} was for a flight that has already flown.`,
        );
      return {
        flight_route: `${b.route} on ${b.date}`,
        change_fee: b.cabin === "business_class" ? 0 : CHANGE_FEE,
        refund_amount: b.refundable ? b.paid : 0,
      };
    },

    change_flight_date: ({ booking_reference, new_departure_date }, ctx) => {
      const b = booking(booking_reference);
      if (String(new_departure_date) < today(ctx))
        throw new UserFacingError("That day has already passed.");
      if (String(new_departure_date) === b.date)
        throw new UserFacingError(`The booking already flies on ${b.date}.`);
      return { change_fee: b.cabin === "business_class" ? 0 : CHANGE_FEE };
    },

    cancel_flight_booking: ({ booking_reference }) => {
      const b = booking(booking_reference);
      return { refund_amount: b.refundable ? b.paid : 0 };
    },

    get_flight_state: ({ flight_number }) => {
      const key = String(flight_number ?? "")
        .toUpperCase()
        .replace(/\s+/g, "");
      const state = FLIGHTS[key];
      if (!state)
        throw new UserFacingError(`I can't find a Bluewing flight ${flight_number} today.`);
      return { flight_state: state };
    },

    get_baggage_allowance: ({ cabin_class }) => {
      const text = ALLOWANCES[String(cabin_class)];
      if (!text) throw new UserFacingError("I don't know that cabin.");
      return { allowance_text: text };
    },

    add_extras: ({ booking_reference, extras_to_add }) => {
      const b = booking(booking_reference);
      const extras = Array.isArray(extras_to_add) ? extras_to_add.map(String) : [];
      if (extras.includes("checked_bag") && b.cabin === "business_class")
        throw new UserFacingError("Your business fare already includes two checked bags.");
      const price = extras.reduce((sum, e) => sum + (EXTRA_PRICES[e] ?? 0), 0);
      return { extras_price: price };
    },

    assign_seat: ({ booking_reference, seat_preference }) => {
      const b = booking(booking_reference);
      const letter: Record<string, string> = {
        window_seat: "A",
        aisle_seat: "C",
        middle_seat: "B",
        exit_row: "F",
      };
      const row = seat_preference === "exit_row" ? 14 : b.cabin === "business_class" ? 2 : 21;
      return { seat_number: `${row}${letter[String(seat_preference)] ?? "A"}` };
    },
  },
});
