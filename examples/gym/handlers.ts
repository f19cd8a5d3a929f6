/**
 * Handlers of the gym example: a plain module (no framework import). A small fixed timetable
 * per club and weekday, two members (123456 Alex Kim, 654321 Sam Patel) and two class bookings
 * (GB-10001, GB-10002) that every conversation starts with. New references are numbered per
 * conversation (GB-20001, TRIAL-301, ...), kept in ctx.data, so runs are repeatable.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  data: Record<string, unknown>;
  /** The conversation's clock: "today" is its date, so tests with a fixed date stay fixed. */
  now: Date;
}
interface ClassSlot {
  type: string;
  time: string; // HH:MM
  instructor: string;
}

/** A refusal the user should hear (the DM says userMessage instead of a generic error). */
function refuse(message: string): Error {
  return Object.assign(new Error(message), { userMessage: message });
}

const WEEKDAY_CLASSES: ClassSlot[] = [
  { type: "spinning", time: "07:00", instructor: "Marta" },
  { type: "yoga", time: "09:30", instructor: "Priya" },
  { type: "pilates", time: "12:30", instructor: "Chloe" },
  { type: "hiit", time: "13:15", instructor: "Dan" },
  { type: "boxing", time: "18:00", instructor: "Leon" },
  { type: "zumba", time: "19:00", instructor: "Rosa" },
  { type: "spinning", time: "19:30", instructor: "Marta" },
  { type: "yoga", time: "20:00", instructor: "Priya" },
];
const WEEKEND_CLASSES: ClassSlot[] = [
  { type: "yoga", time: "09:00", instructor: "Priya" },
  { type: "spinning", time: "10:00", instructor: "Marta" },
  { type: "pilates", time: "11:00", instructor: "Chloe" },
  { type: "zumba", time: "16:00", instructor: "Rosa" },
];
// Harbour is the small club: no boxing ring, no evening zumba.
const NO_CLASS: Record<string, string[]> = { harbour: ["boxing", "zumba"] };

const HOURS: Record<string, string> = {
  downtown: "24 hours, every day",
  riverside: "6am to 11pm on weekdays and 8am to 8pm at weekends",
  northgate: "6am to 10pm on weekdays and 8am to 6pm at weekends",
  harbour: "7am to 9pm on weekdays and 9am to 5pm at weekends",
};
const CLUB_NAMES: Record<string, string> = {
  downtown: "Downtown",
  riverside: "Riverside",
  northgate: "Northgate",
  harbour: "Harbour",
};
const CLASS_NAMES: Record<string, string> = {
  yoga: "yoga",
  spinning: "spinning",
  pilates: "pilates",
  boxing: "boxing",
  hiit: "HIIT",
  zumba: "zumba",
};

const MEMBERS: Record<string, string> = { "123456": "Alex Kim", "654321": "Sam Patel" };

interface Booking {
  summary: string;
  cancelled: boolean;
}
function initialBookings(): Record<string, Booking> {
  return {
    "GB-10001": { summary: "Yoga at Riverside on 2027-05-14 at 09:30", cancelled: false },
    "GB-10002": { summary: "Spinning at Downtown on 2027-05-13 at 19:30", cancelled: false },
  };
}
function bookings(ctx: Ctx): Record<string, Booking> {
  ctx.data.bookings ??= initialBookings();
  return ctx.data.bookings as Record<string, Booking>;
}
function nextNumber(ctx: Ctx, key: string, first: number): number {
  const n = typeof ctx.data[key] === "number" ? (ctx.data[key] as number) : first;
  ctx.data[key] = n + 1;
  return n;
}

function classesOn(club: string, isoDate: string): ClassSlot[] {
  const day = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  const list = day === 0 || day === 6 ? WEEKEND_CLASSES : WEEKDAY_CLASSES;
  const missing = NO_CLASS[club] ?? [];
  return list.filter((c) => !missing.includes(c.type));
}
function partOfDay(time: string): string {
  const hour = Number(time.slice(0, 2));
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
function member(number: Value): string {
  const name = MEMBERS[String(number ?? "")];
  if (!name)
    throw refuse(`I can't find membership number ${String(number)}. Please check your card.`);
  return name;
}
function today(ctx: Ctx): string {
  return ctx.now.toISOString().slice(0, 10);
}

export const actions = {
  book_class: ({ class_type, club, class_date, time_of_day }: Record<string, Value>, ctx: Ctx) => {
    const type = String(class_type);
    const where = String(club);
    const match = classesOn(where, String(class_date)).find(
      (c) => c.type === type && partOfDay(c.time) === time_of_day,
    );
    if (!match) {
      throw refuse(
        `Sorry, there's no ${CLASS_NAMES[type] ?? type} class at ${CLUB_NAMES[where] ?? where} on ${String(class_date)} in the ${String(time_of_day)}.`,
      );
    }
    const ref = `GB-${nextNumber(ctx, "nextBooking", 20001)}`;
    bookings(ctx)[ref] = {
      summary: `${CLASS_NAMES[type]} at ${CLUB_NAMES[where]} on ${String(class_date)} at ${match.time}`,
      cancelled: false,
    };
    return { new_booking_ref: ref, class_time: match.time, instructor: match.instructor };
  },

  find_booking: ({ booking_ref }: Record<string, Value>, ctx: Ctx) => {
    const booking = bookings(ctx)[String(booking_ref)];
    if (!booking) throw refuse(`I can't find a booking with reference ${String(booking_ref)}.`);
    if (booking.cancelled) throw refuse(`Booking ${String(booking_ref)} is already cancelled.`);
    return { booking_summary: booking.summary };
  },

  cancel_class_booking: ({ booking_ref }: Record<string, Value>, ctx: Ctx) => {
    const booking = bookings(ctx)[String(booking_ref)];
    if (!booking) throw refuse(`I can't find a booking with reference ${String(booking_ref)}.`);
    booking.cancelled = true;
    return {};
  },

  freeze_membership: ({ member_number, freeze_start, freeze_months }: Record<string, Value>) => {
    const name = member(member_number);
    return {
      member_name: name,
      freeze_end: addMonths(String(freeze_start), Number(freeze_months)),
    };
  },

  cancel_membership: ({ member_number }: Record<string, Value>, ctx: Ctx) => {
    const name = member(member_number);
    return { member_name: name, last_day: addDays(today(ctx), 30) };
  },

  get_opening_hours: ({ club }: Record<string, Value>) => ({
    opening_hours: HOURS[String(club)] ?? "6am to 10pm",
  }),

  get_timetable: ({ club, class_date }: Record<string, Value>) => {
    const list = classesOn(String(club), String(class_date));
    return { timetable: list.map((c) => `${CLASS_NAMES[c.type]} ${c.time}`).join(", ") };
  },

  book_trial: (_inputs: Record<string, Value>, ctx: Ctx) => ({
    trial_ref: `TRIAL-${nextNumber(ctx, "nextTrial", 301)}`,
  }),
};

export const validators = {
  freeze_months: (value: Value) => Number(value) >= 1 && Number(value) <= 3,
};
