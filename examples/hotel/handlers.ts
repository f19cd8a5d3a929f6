/**
 * Handlers of the hotel example: a plain module (no framework import). Every conversation
 * starts with two reservations (HB-222222 in Madrid, HB-123456 in Barcelona); new ones are
 * numbered HB-100001, HB-100002, ... per conversation, so runs are repeatable.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  conversationId: string;
}
interface Reservation {
  city: string;
  nights: number;
  cancelled: boolean;
}

const NIGHTLY: Record<string, number> = { madrid: 120, barcelona: 140, seville: 95, valencia: 90 };
const EXTRA_PER_NIGHT = 15;
const books = new Map<string, { reservations: Map<string, Reservation>; next: number }>();

function bookOf(ctx: Ctx) {
  let book = books.get(ctx.conversationId);
  if (!book) {
    book = {
      reservations: new Map([
        ["HB-222222", { city: "madrid", nights: 3, cancelled: false }],
        ["HB-123456", { city: "barcelona", nights: 2, cancelled: false }],
      ]),
      next: 100_001,
    };
    books.set(ctx.conversationId, book);
  }
  return book;
}

function refuse(userMessage: string): Error {
  return Object.assign(new Error(userMessage), { userMessage });
}

const countOf = (value: Value) => (Array.isArray(value) ? value.length : value ? 1 : 0);

/** "hb 123456", "HB123456", "123456" -> "HB-123456". */
function codeOf(value: Value): string {
  const digits = String(value ?? "").replace(/\D/g, "");
  return digits.length === 6 ? `HB-${digits}` : String(value ?? "").trim();
}

function found(code: string, ctx: Ctx): Reservation {
  const reservation = bookOf(ctx).reservations.get(code);
  if (!reservation || reservation.cancelled) throw refuse("I can't find that reservation.");
  return reservation;
}

export const actions = {
  book_room(inputs: Record<string, Value>, ctx: Ctx) {
    const book = bookOf(ctx);
    const code = `HB-${book.next++}`;
    const city = String(inputs.city);
    const nights = Number(inputs.nights);
    book.reservations.set(code, { city, nights, cancelled: false });
    const nightly = (NIGHTLY[city] ?? 100) + EXTRA_PER_NIGHT * countOf(inputs.extras);
    return { reservation_code: code, total_price: nightly * nights };
  },
  change_dates(inputs: Record<string, Value>, ctx: Ctx) {
    const reservation = found(codeOf(inputs.reservation_code), ctx);
    reservation.nights = Number(inputs.nights);
    return { total_price: (NIGHTLY[reservation.city] ?? 100) * reservation.nights };
  },
  cancel_reservation(inputs: Record<string, Value>, ctx: Ctx) {
    found(codeOf(inputs.reservation_code), ctx).cancelled = true;
  },
};

export const normalizers = {
  reservation_code: (value: Value) => codeOf(value),
};

export const validators = {
  known_reservation(value: Value, ctx: Ctx) {
    const reservation = bookOf(ctx).reservations.get(codeOf(value));
    return reservation !== undefined && !reservation.cancelled;
  },
  nights: (value: Value) => typeof value === "number" && value >= 1 && value <= 30,
  guests: (value: Value) => typeof value === "number" && value >= 1 && value <= 4,
};
