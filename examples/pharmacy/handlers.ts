// Hawthorn Pharmacy's handlers: a small in-memory book of repeat prescriptions and orders
// standing in for the dispensing system. What a conversation changes (new orders, cancelled
// or moved orders, bookings) is kept in ctx.data so every replica sees it. Refusals the
// customer hears are UserFacingErrors.
import { defineHandlers, UserFacingError } from "soni";

interface Prescription {
  patient: string;
  items: string;
  /** First day a repeat may be ordered (ISO); earlier requests are refused. */
  dueFrom: string;
}

interface Order {
  patient: string;
  what: string;
  stage: "waiting_gp" | "preparing" | "ready" | "out_for_delivery" | "collected" | "cancelled";
  fulfilment: "in_store" | "home_delivery";
  branch?: string;
  day: string;
}

interface Changes {
  orders?: Record<string, Order>;
  next?: number;
  contact?: Record<string, string>;
}

const PRESCRIPTIONS: Record<string, Prescription> = {
  "RX-104233": {
    patient: "Margaret Ellis",
    items: "Amlodipine 5mg and atorvastatin 20mg",
    dueFrom: "2028-11-01",
  },
  "RX-220871": { patient: "David Okafor", items: "A salbutamol inhaler", dueFrom: "2028-10-20" },
  "RX-318845": { patient: "Sian Price", items: "Levothyroxine 50mcg", dueFrom: "2028-11-10" },
  "RX-402217": { patient: "Tom Whitfield", items: "Sertraline 50mg", dueFrom: "2028-11-29" },
  "RX-517760": {
    patient: "Aisha Rahman",
    items: "Metformin 500mg and ramipril 2.5mg",
    dueFrom: "2028-11-12",
  },
};

const ORDERS: Record<string, Order> = {
  "HW-20418": {
    patient: "Margaret Ellis",
    what: "repeat prescription (amlodipine, atorvastatin)",
    stage: "ready",
    fulfilment: "in_store",
    branch: "clifton",
    day: "2028-11-14",
  },
  "HW-20533": {
    patient: "David Okafor",
    what: "repeat prescription (salbutamol inhaler)",
    stage: "preparing",
    fulfilment: "home_delivery",
    day: "2028-11-17",
  },
  "HW-20601": {
    patient: "Sian Price",
    what: "repeat prescription (levothyroxine)",
    stage: "waiting_gp",
    fulfilment: "in_store",
    branch: "bath",
    day: "2028-11-20",
  },
  "HW-19877": {
    patient: "Aisha Rahman",
    what: "repeat prescription (metformin, ramipril)",
    stage: "collected",
    fulfilment: "in_store",
    branch: "redland",
    day: "2028-11-02",
  },
  "HW-20650": {
    patient: "Gareth Lloyd",
    what: "shop order (hay fever tablets, plasters)",
    stage: "out_for_delivery",
    fulfilment: "home_delivery",
    day: "2028-11-15",
  },
};

const BRANCH_NAMES: Record<string, string> = {
  clifton: "Clifton",
  redland: "Redland",
  bedminster: "Bedminster",
  bath: "Bath",
  keynsham: "Keynsham",
};

const HOURS: Record<string, string> = {
  clifton: "Monday to Friday 8:30am to 7pm, Saturday 9am to 5:30pm, Sunday 10am to 4pm",
  redland: "Monday to Friday 9am to 6pm, Saturday 9am to 1pm, closed on Sunday",
  bedminster: "Monday to Saturday 8am to 10pm, Sunday 10am to 4pm",
  bath: "Monday to Saturday 9am to 6pm, closed on Sunday",
  keynsham: "Monday to Friday 9am to 6pm, Saturday 9am to 5pm, closed on Sunday",
};

const PRODUCT_PRICES: Record<string, number> = {
  paracetamol: 0.89,
  ibuprofen: 1.29,
  hay_fever_tablets: 3.49,
  cough_syrup: 4.99,
  plasters: 2.25,
  sun_cream: 6.5,
  vitamin_d: 3.99,
  throat_lozenges: 3.75,
  nasal_spray: 4.49,
  antiseptic_cream: 2.99,
};

const SERVICE_PRICES: Record<string, string> = {
  flu_jab:
    "The flu jab is free on the NHS if you're 65 or over, pregnant or have a long-term condition; otherwise it's £18.99.",
  covid_jab:
    "COVID-19 boosters are free for those eligible on the NHS; we don't offer a private one.",
  travel_consultation:
    "A travel consultation is £15, taken off the price of any vaccines you have. Vaccines start at £35 a dose.",
  blood_pressure_check: "A blood pressure check is free for anyone over 40.",
  cholesterol_check: "A cholesterol check is £20 and takes about 15 minutes.",
  prescription_charge:
    "The NHS prescription charge in England is £9.90 per item. Many people are exempt, for example if you're over 60.",
  delivery_charge:
    "Home delivery of prescriptions is free; shop orders under £15 cost £2.50 to deliver.",
  prepayment_certificate:
    "A 12-month prescription prepayment certificate is £114.50 and covers every NHS prescription you need.",
};

const STAGE_TEXT: Record<Order["stage"], (o: Order) => string> = {
  waiting_gp: () => "we're waiting for your GP to approve it; that usually takes two working days.",
  preparing: (o) =>
    o.fulfilment === "home_delivery"
      ? `it's being prepared and will be delivered on ${longDate(o.day)}.`
      : `it's being prepared for collection at ${BRANCH_NAMES[o.branch ?? ""]} on ${longDate(o.day)}.`,
  ready: (o) => `it's ready to collect at our ${BRANCH_NAMES[o.branch ?? ""]} branch.`,
  out_for_delivery: () => "it's out for delivery today; the driver will text you an hour before.",
  collected: (o) => `it was collected on ${longDate(o.day)}.`,
  cancelled: () => "it has been cancelled.",
};

function longDate(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return date.toLocaleDateString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function weekday(iso: string): number {
  return new Date(`${iso}T12:00:00Z`).getUTCDay();
}

function changes(data: Record<string, unknown>): Changes {
  return data as Changes;
}

function findOrder(ref: unknown, data: Record<string, unknown>): Order {
  const key = String(ref ?? "").toUpperCase();
  const order = changes(data).orders?.[key] ?? ORDERS[key];
  if (!order) {
    throw new UserFacingError(
      `I can't find an order ${key}. Please check the reference in your text or email from us.`,
    );
  }
  return order;
}

function saveOrder(ref: string, order: Order, data: Record<string, unknown>): void {
  const c = changes(data);
  c.orders = { ...(c.orders ?? {}), [ref]: order };
}

function nextRef(prefix: string, data: Record<string, unknown>): string {
  const c = changes(data);
  c.next = (c.next ?? 0) + 1;
  return `${prefix}-${20700 + c.next}`;
}

function book(prefix: string, appointmentDate: unknown, data: Record<string, unknown>) {
  const c = changes(data);
  c.next = (c.next ?? 0) + 1;
  const times = ["9:20am", "10:40am", "11:30am", "2:10pm", "3:50pm"];
  const day = String(appointmentDate ?? "");
  const time = times[(day.charCodeAt(day.length - 1) + c.next) % times.length] ?? "10:40am";
  return { booking_ref: `${prefix}-${3100 + c.next}`, booked_time: time };
}

/** The NHS number's check digit: weights 10..2 on the first nine digits, modulus 11. */
function validNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export default defineHandlers({
  actions: {
    find_prescription: ({ prescription_number }, ctx) => {
      const key = String(prescription_number ?? "").toUpperCase();
      const rx = PRESCRIPTIONS[key];
      if (!rx) {
        throw new UserFacingError(
          `I can't find prescription ${key}. The number is on the right-hand side of your repeat slip.`,
        );
      }
      if (rx.dueFrom > today(ctx.now)) {
        throw new UserFacingError(
          `${rx.items} isn't due again until ${longDate(rx.dueFrom)}, so I can't order it yet. If you're running low, a pharmacist can help: just ask to speak to one.`,
        );
      }
      return { order_items_text: rx.items };
    },
    place_repeat_order: ({ prescription_number, fulfilment, pharmacy_branch, ready_date }, ctx) => {
      const rx = PRESCRIPTIONS[String(prescription_number ?? "").toUpperCase()];
      const ref = nextRef("HW", ctx.data);
      saveOrder(
        ref,
        {
          patient: rx?.patient ?? "",
          what: `repeat prescription (${rx?.items.toLowerCase() ?? "medication"})`,
          stage: "waiting_gp",
          fulfilment: fulfilment === "home_delivery" ? "home_delivery" : "in_store",
          branch: fulfilment === "in_store" ? String(pharmacy_branch ?? "") : undefined,
          day: String(ready_date),
        },
        ctx.data,
      );
      return { new_order_ref: ref };
    },
    get_order_progress: ({ order_ref }, ctx) => {
      const order = findOrder(order_ref, ctx.data);
      return { order_progress: `your ${order.what}: ${STAGE_TEXT[order.stage](order)}` };
    },
    describe_order: ({ order_ref }, ctx) => {
      const order = findOrder(order_ref, ctx.data);
      if (order.stage === "collected" || order.stage === "cancelled") {
        throw new UserFacingError(
          `Order ${String(order_ref).toUpperCase()} can't be changed: ${STAGE_TEXT[order.stage](order)}`,
        );
      }
      if (order.stage === "out_for_delivery") {
        throw new UserFacingError(
          `Order ${String(order_ref).toUpperCase()} is already out for delivery today, so I can't change it now. Please speak to the driver or call the branch.`,
        );
      }
      const where =
        order.fulfilment === "home_delivery"
          ? `delivery on ${longDate(order.day)}`
          : `collection at ${BRANCH_NAMES[order.branch ?? ""]} on ${longDate(order.day)}`;
      return {
        order_summary: `Order ${String(order_ref).toUpperCase()} is your ${order.what}, for ${where}`,
      };
    },
    cancel_order: ({ order_ref }, ctx) => {
      const ref = String(order_ref).toUpperCase();
      saveOrder(ref, { ...findOrder(ref, ctx.data), stage: "cancelled" }, ctx.data);
      return {};
    },
    change_order_date: ({ order_ref, new_ready_date }, ctx) => {
      const ref = String(order_ref).toUpperCase();
      saveOrder(ref, { ...findOrder(ref, ctx.data), day: String(new_ready_date) }, ctx.data);
      return {};
    },
    book_vaccine_appointment: ({ appointment_date }, ctx) => book("VX", appointment_date, ctx.data),
    book_check_appointment: ({ appointment_date }, ctx) => book("HC", appointment_date, ctx.data),
    order_products: ({ otc_products, fulfilment, pharmacy_branch }, ctx) => {
      const items = Array.isArray(otc_products) ? otc_products.map(String) : [];
      if (items.length === 0) throw new UserFacingError("There's nothing in the order yet.");
      let total = items.reduce((sum, item) => sum + (PRODUCT_PRICES[item] ?? 0), 0);
      if (fulfilment === "home_delivery" && total < 15) total += 2.5;
      const ref = nextRef("HW", ctx.data);
      saveOrder(
        ref,
        {
          patient: "",
          what: `shop order (${items.join(", ").replaceAll("_", " ")})`,
          stage: "preparing",
          fulfilment: fulfilment === "home_delivery" ? "home_delivery" : "in_store",
          branch: fulfilment === "in_store" ? String(pharmacy_branch ?? "") : undefined,
          day: today(new Date(ctx.now.getTime() + 86_400_000)),
        },
        ctx.data,
      );
      return { new_order_ref: ref, basket_total: Math.round(total * 100) / 100 };
    },
    transfer_nomination: (_inputs, ctx) => {
      const c = changes(ctx.data);
      c.next = (c.next ?? 0) + 1;
      return { new_order_ref: `NM-${5400 + c.next}` };
    },
    request_callback: (_inputs, ctx) => {
      const hour = ctx.now.getUTCHours();
      return { callback_eta: hour < 17 ? "within the next hour" : "tomorrow morning after 9am" };
    },
    get_opening_hours: ({ pharmacy_branch }) => {
      const key = String(pharmacy_branch ?? "");
      return {
        hours_text: `Our ${BRANCH_NAMES[key] ?? key} branch is open ${HOURS[key] ?? "Monday to Saturday 9am to 6pm"}.`,
      };
    },
    get_price: ({ price_item }) => ({
      price_text:
        SERVICE_PRICES[String(price_item ?? "")] ?? "I don't have a price for that, sorry.",
    }),
    update_contact: ({ contact_field, new_contact_value }, ctx) => {
      const c = changes(ctx.data);
      c.contact = { ...(c.contact ?? {}), [String(contact_field)]: String(new_contact_value) };
      return {};
    },
  },
  validators: {
    day_ahead: (value, ctx) => {
      const day = String(value);
      const gap = daysBetween(today(ctx.now), day);
      if (!Number.isFinite(gap)) return "Please give me a day, like Friday or 22 November.";
      if (gap < 1) return "We need at least a day to get it ready. Tomorrow is the earliest.";
      if (gap > 28) return "We can only take orders up to four weeks ahead.";
      if (weekday(day) === 0)
        return "We don't prepare or deliver orders on Sundays. Could it be Saturday or Monday?";
      return true;
    },
    appointment_day: (value, ctx) => {
      const day = String(value);
      const gap = daysBetween(today(ctx.now), day);
      if (!Number.isFinite(gap)) return "Please give me a day, like Friday or 22 November.";
      if (gap < 0) return "That day has already passed.";
      if (gap > 56) return "We take bookings up to eight weeks ahead.";
      if (weekday(day) === 0)
        return "Our pharmacists don't run clinics on Sundays. Could you do Saturday or Monday?";
      return true;
    },
    nhs_number: (value) => validNhsNumber(String(value).replace(/\D/g, "")),
    uk_phone: (value) => /^0\d{9,10}$/.test(String(value).replace(/\D/g, "")),
  },
});
