/**
 * Handlers of the ticket-office example: a plain module (no framework import). A small event
 * catalogue and an order book. A few orders are seeded (TK-482913, TK-550217, TK-301774,
 * TK-118640, TK-900001); any other well-formed reference stands for an order of the back office,
 * derived from its digits so runs are repeatable, except references ending in 000, which are
 * not found. Changes (refunds, exchanges, new orders) are kept in the conversation's data.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  conversationId: string;
  data: Record<string, unknown>;
  /** The conversation's clock: "today" is its date, so tests with a fixed date stay fixed. */
  now: Date;
}

/** A failure the user is told about: the DM says `userMessage` instead of the generic error. */
class Refusal extends Error {
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.userMessage = message;
  }
}

type Section = "stalls" | "balcony" | "box" | "standing";
interface Event {
  name: string;
  city: string;
  venue: string;
  kind: string;
  /** A run (first to last night, inclusive) or a list of single dates. */
  from?: string;
  to?: string;
  dates?: string[];
  prices: Partial<Record<Section, number>>;
}

const EVENTS: Record<string, Event> = {
  swan_lake: {
    name: "Swan Lake",
    city: "madrid",
    venue: "Teatro Real",
    kind: "ballet",
    from: "2027-05-13",
    to: "2027-06-30",
    prices: { stalls: 85, balcony: 45, box: 150 },
  },
  hamlet: {
    name: "Hamlet",
    city: "barcelona",
    venue: "Teatre Lliure",
    kind: "play",
    from: "2027-05-14",
    to: "2027-07-15",
    prices: { stalls: 40, balcony: 25, box: 90 },
  },
  lion_king: {
    name: "The Lion King",
    city: "madrid",
    venue: "Teatro Lope de Vega",
    kind: "musical",
    from: "2027-05-01",
    to: "2027-12-31",
    prices: { stalls: 95, balcony: 55, box: 180 },
  },
  neon_rivers: {
    name: "Neon Rivers (live)",
    city: "valencia",
    venue: "Roig Arena",
    kind: "concert",
    dates: ["2027-05-22", "2027-05-29", "2027-06-12"],
    prices: { stalls: 70, balcony: 50, box: 160, standing: 45 },
  },
  jazz_festival: {
    name: "the Jazz Festival",
    city: "seville",
    venue: "Alameda Gardens",
    kind: "festival",
    from: "2027-06-04",
    to: "2027-06-06",
    prices: { stalls: 35, box: 90, standing: 25 },
  },
  city_derby: {
    name: "the City Derby",
    city: "madrid",
    venue: "Estadio Metropolitano",
    kind: "football match",
    dates: ["2027-05-23"],
    prices: { stalls: 80, balcony: 55, box: 250, standing: 40 },
  },
};

const ADDON_PRICES: Record<string, number> = {
  parking: 15,
  merch: 30,
  vip_lounge: 60,
  programme: 8,
};

interface Order {
  event: string;
  date: string;
  quantity: number;
  total: number;
  status: "tickets issued" | "payment pending" | "refunded";
  contact: string;
}

const SEEDED: Record<string, Order> = {
  "TK-482913": {
    event: "swan_lake",
    date: "2027-05-20",
    quantity: 2,
    total: 170,
    status: "tickets issued",
    contact: "ana.ruiz@example.com",
  },
  "TK-550217": {
    event: "city_derby",
    date: "2027-05-23",
    quantity: 4,
    total: 160,
    status: "tickets issued",
    contact: "+34612345678",
  },
  "TK-301774": {
    event: "neon_rivers",
    date: "2027-05-29",
    quantity: 1,
    total: 160,
    status: "payment pending",
    contact: "leo@example.org",
  },
  "TK-118640": {
    event: "hamlet",
    date: "2027-04-10",
    quantity: 2,
    total: 80,
    status: "tickets issued",
    contact: "marta.gil@example.com",
  },
  "TK-900001": {
    event: "lion_king",
    date: "2027-06-05",
    quantity: 3,
    total: 285,
    status: "refunded",
    contact: "sam@example.net",
  },
};

const BACK_OFFICE_EVENTS = ["lion_king", "hamlet", "swan_lake"];

function today(ctx: Ctx): string {
  return ctx.now.toISOString().slice(0, 10);
}

function text(value: Value): string {
  return value === null || value === undefined ? "" : String(value);
}

function orders(ctx: Ctx): Record<string, Order> {
  const book = ctx.data.orders;
  if (book && typeof book === "object") return book as Record<string, Order>;
  const fresh: Record<string, Order> = {};
  ctx.data.orders = fresh;
  return fresh;
}

function findOrder(ref: string, ctx: Ctx): Order {
  const own = orders(ctx)[ref];
  if (own) return own;
  const seeded = SEEDED[ref];
  if (seeded) return { ...seeded };
  const digits = ref.replace(/\D/g, "");
  if (!/^\d{6}$/.test(digits) || digits.endsWith("000")) {
    throw new Refusal(
      `I can't find an order ${ref}. Please check the reference on your confirmation email.`,
    );
  }
  const n = Number(digits);
  const event = BACK_OFFICE_EVENTS[n % BACK_OFFICE_EVENTS.length] as string;
  const quantity = (n % 4) + 1;
  const day = String(15 + (n % 14)).padStart(2, "0");
  return {
    event,
    date: `2027-06-${day}`,
    quantity,
    total: quantity * (EVENTS[event]?.prices.stalls ?? 50),
    status: "tickets issued",
    contact: "the email on the order",
  };
}

function plays(event: Event, date: string): boolean {
  if (event.dates) return event.dates.includes(date);
  return date >= (event.from ?? "") && date <= (event.to ?? "");
}

function when(event: Event): string {
  return event.dates ? event.dates.join(", ") : `${event.from} to ${event.to}`;
}

export const actions = {
  buy_tickets: (inputs: Record<string, Value>, ctx: Ctx) => {
    const event = EVENTS[text(inputs.event)];
    if (!event) throw new Error(`unknown event ${text(inputs.event)}`);
    const date = text(inputs.event_date);
    if (date < today(ctx)) throw new Refusal("That date has already passed.");
    if (!plays(event, date))
      throw new Refusal(`Sorry, ${event.name} isn't on that day. It's on ${when(event)}.`);
    const section = text(inputs.section) as Section;
    const price = event.prices[section];
    if (price === undefined) throw new Refusal(`${event.name} has no ${section} tickets.`);
    const quantity = Number(inputs.quantity);
    const addons = Array.isArray(inputs.addons) ? inputs.addons : [];
    const total = quantity * price + addons.reduce((sum, a) => sum + (ADDON_PRICES[a] ?? 0), 0);
    const book = orders(ctx);
    const ref = `TK-${String(700001 + Object.keys(book).length)}`;
    book[ref] = {
      event: text(inputs.event),
      date,
      quantity,
      total,
      status: "tickets issued",
      contact: text(inputs.contact),
    };
    return { new_order_ref: ref, total_price: total };
  },

  get_order: ({ order_ref }: Record<string, Value>, ctx: Ctx) => {
    const order = findOrder(text(order_ref), ctx);
    return {
      order_event: EVENTS[order.event]?.name ?? order.event,
      order_date: order.date,
      order_status: order.status,
      order_contact: order.contact,
      refund_amount: order.total,
    };
  },

  refund_order: ({ order_ref }: Record<string, Value>, ctx: Ctx) => {
    const ref = text(order_ref);
    const order = findOrder(ref, ctx);
    if (order.status === "refunded") throw new Refusal(`Order ${ref} has already been refunded.`);
    if (order.date < today(ctx))
      throw new Refusal(
        `The show of order ${ref} has already taken place, so it can't be refunded.`,
      );
    orders(ctx)[ref] = { ...order, status: "refunded" };
    return { refund_amount: order.total };
  },

  exchange_tickets: ({ order_ref, new_date }: Record<string, Value>, ctx: Ctx) => {
    const ref = text(order_ref);
    const order = findOrder(ref, ctx);
    const event = EVENTS[order.event];
    if (!event) throw new Error(`unknown event ${order.event}`);
    if (order.status === "refunded")
      throw new Refusal(`Order ${ref} was refunded, so there is nothing to exchange.`);
    const date = text(new_date);
    if (!plays(event, date))
      throw new Refusal(`${event.name} isn't on that day. It's on ${when(event)}.`);
    orders(ctx)[ref] = { ...order, date };
    return { order_date: date };
  },

  resend_tickets: ({ order_ref }: Record<string, Value>, ctx: Ctx) => {
    const order = findOrder(text(order_ref), ctx);
    return { order_contact: order.contact };
  },

  list_events: ({ city, on_date }: Record<string, Value>) => {
    const date = text(on_date);
    const found = Object.values(EVENTS).filter(
      (e) => e.city === text(city) && (!date || plays(e, date)),
    );
    if (found.length === 0)
      return { listing: "Nothing on there for that date, I'm afraid. Try another day or city." };
    const lines = found.map((e) => `${e.name} (${e.kind}) at ${e.venue}: ${when(e)}`);
    return { listing: `Here's what's on: ${lines.join("; ")}.` };
  },
};

export const validators = {
  quantity: (value: Value) =>
    Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 10,
};
