/**
 * Handlers of the car-rental example: a plain module (no framework import). Every conversation
 * starts with two bookings (CR-1234 compact in Madrid, CR-5678 SUV in Malaga); new ones are
 * numbered CR-7001, CR-7002, ... per conversation, so runs are repeatable.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  conversationId: string;
}
interface Booking {
  city: string;
  carClass: string;
  pickup: string;
  back: string;
  cancelled: boolean;
}

const PER_DAY: Record<string, number> = { economy: 29, compact: 39, suv: 59, van: 69, premium: 99 };
const DEPOSIT: Record<string, number> = {
  economy: 300,
  compact: 400,
  suv: 600,
  van: 700,
  premium: 1200,
};
const EXTRA_PER_DAY: Record<string, number> = { child_seat: 5, gps: 7, extra_driver: 10 };
const DAY_MS = 86_400_000;

const desks = new Map<string, { bookings: Map<string, Booking>; next: number }>();

function deskOf(ctx: Ctx) {
  let desk = desks.get(ctx.conversationId);
  if (!desk) {
    desk = {
      bookings: new Map([
        [
          "CR-1234",
          {
            city: "madrid",
            carClass: "compact",
            pickup: "2027-03-20",
            back: "2027-03-24",
            cancelled: false,
          },
        ],
        [
          "CR-5678",
          {
            city: "malaga",
            carClass: "suv",
            pickup: "2027-04-02",
            back: "2027-04-09",
            cancelled: false,
          },
        ],
      ]),
      next: 7001,
    };
    desks.set(ctx.conversationId, desk);
  }
  return desk;
}

function refuse(userMessage: string): Error {
  return Object.assign(new Error(userMessage), { userMessage });
}

/** "cr 1234", "CR1234", "1234" -> "CR-1234". */
function codeOf(value: Value): string {
  const digits = String(value ?? "").replace(/\D/g, "");
  return digits.length === 4
    ? `CR-${digits}`
    : String(value ?? "")
        .trim()
        .toUpperCase();
}

const toTime = (iso: Value) => Date.parse(`${String(iso)}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

function found(value: Value, ctx: Ctx): Booking {
  const booking = deskOf(ctx).bookings.get(codeOf(value));
  if (!booking || booking.cancelled) throw refuse("I can't find that booking.");
  return booking;
}

export const actions = {
  work_out_dates(inputs: Record<string, Value>) {
    const pickup = toTime(inputs.pickup_date);
    if (inputs.return_date) {
      const days = Math.round((toTime(inputs.return_date) - pickup) / DAY_MS);
      if (!(days >= 1)) throw refuse("The return date must be after the pickup date.");
      return { return_date: inputs.return_date, rental_days: days };
    }
    const days = Number(inputs.rental_days);
    return { return_date: toIso(pickup + days * DAY_MS), rental_days: days };
  },

  book_rental(inputs: Record<string, Value>, ctx: Ctx) {
    const desk = deskOf(ctx);
    const carClass = String(inputs.car_class);
    const days = Number(inputs.rental_days);
    const extras = Array.isArray(inputs.extras) ? inputs.extras : [];
    const perDay =
      (PER_DAY[carClass] ?? 0) +
      extras.reduce((sum, extra) => sum + (EXTRA_PER_DAY[extra] ?? 0), 0);
    const code = `CR-${desk.next++}`;
    desk.bookings.set(code, {
      city: String(inputs.pickup_city),
      carClass,
      pickup: String(inputs.pickup_date),
      back: String(inputs.return_date),
      cancelled: false,
    });
    return { booking_code: code, total_price: perDay * days };
  },

  change_booking(inputs: Record<string, Value>, ctx: Ctx) {
    const booking = found(inputs.booking_code, ctx);
    booking.pickup = String(inputs.pickup_date);
    booking.back = String(inputs.return_date);
    return { car_class: booking.carClass, pickup_city: booking.city };
  },

  cancel_booking(inputs: Record<string, Value>, ctx: Ctx) {
    found(inputs.booking_code, ctx).cancelled = true;
    return {};
  },

  get_class_prices(inputs: Record<string, Value>) {
    const carClass = String(inputs.car_class);
    return { daily_price: PER_DAY[carClass], deposit: DEPOSIT[carClass] };
  },
};

export const validators = {
  known_booking(value: Value, ctx: Ctx) {
    const booking = deskOf(ctx).bookings.get(codeOf(value));
    return booking !== undefined && !booking.cancelled;
  },
  rental_days(value: Value) {
    const days = Number(value);
    return Number.isInteger(days) && days >= 1 && days <= 60;
  },
};
