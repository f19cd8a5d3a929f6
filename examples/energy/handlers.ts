// Brightwell Energy's handlers: an in-memory customer book standing in for the billing system.
// What a conversation changes (payments, readings, a closed account) is kept in ctx.data, so the
// book itself never changes and every replica sees the same account. Refusals the customer
// should hear are errors with a `userMessage` (docs/handlers.md), so the module needs no import.

interface Customer {
  holder: string;
  balance: number;
  lastBill: number;
  dueInDays: number;
  cards: string[];
  lastReadings: { electricity: number; gas: number | null };
}

// Per-conversation changes to the book, kept in ctx.data.
interface Changes {
  balances?: Record<string, number>;
  readings?: Record<string, number>;
  closed?: string[];
}

const CUSTOMERS: Record<string, Customer> = {
  "BW-104233": {
    holder: "Siobhan Kelly",
    balance: 142.35,
    lastBill: 142.35,
    dueInDays: 9,
    cards: ["4821", "0917"],
    lastReadings: { electricity: 23150, gas: 4411 },
  },
  "BW-220871": {
    holder: "Tom Brennan",
    balance: 0,
    lastBill: 88.1,
    dueInDays: 21,
    cards: ["3302"],
    lastReadings: { electricity: 9120, gas: null },
  },
  "BW-318004": {
    holder: "Aoife Murphy",
    balance: 311.9,
    lastBill: 205.4,
    dueInDays: -4,
    cards: ["7765"],
    lastReadings: { electricity: 51877, gas: 12004 },
  },
};

function refuse(message: string): Error {
  return Object.assign(new Error(message), { userMessage: message });
}

interface Ctx {
  now: Date;
  idempotencyKey: string;
  data: Changes;
}

function customer(ref: unknown, ctx: Ctx): Customer {
  const key = String(ref ?? "").toUpperCase();
  const found = CUSTOMERS[key];
  if (!found) {
    throw refuse(
      `I can't find an account ${String(ref)}. Please check the number at the top of your bill.`,
    );
  }
  if (ctx.data.closed?.includes(key)) throw refuse(`Account ${key} is already closed.`);
  return found;
}

const balanceOf = (ref: unknown, c: Customer, ctx: Ctx): number =>
  ctx.data.balances?.[String(ref).toUpperCase()] ?? c.balance;

const day = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
const round2 = (n: number): number => Math.round(n * 100) / 100;
// A short reference derived from the idempotency key, so a repeated call gives the same one.
const refFrom = (prefix: string, key: string): string => {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `${prefix}-${String(h % 1_000_000).padStart(6, "0")}`;
};

function ibanIsValid(raw: string): boolean {
  const iban = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith("IE") && iban.length !== 22) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch >= "A" && ch <= "Z" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

type Inputs = Record<string, unknown>;

export const actions = {
  submit_meter_reading: ({ account_ref, fuel, meter_reading }: Inputs, ctx: Ctx) => {
    const c = customer(account_ref, ctx);
    const kind = fuel === "gas" ? "gas" : "electricity";
    const readingKey = `${String(account_ref).toUpperCase()}/${kind}`;
    const previous = ctx.data.readings?.[readingKey] ?? c.lastReadings[kind];
    if (previous === null) {
      throw refuse(`Account ${String(account_ref)} has no gas supply with us, only electricity.`);
    }
    const value = Number(meter_reading);
    if (value < previous) {
      throw refuse(
        `That reading is lower than your last one (${previous}). Please check the meter again; if it has been replaced, call us on 01 555 0100.`,
      );
    }
    ctx.data.readings = { ...ctx.data.readings, [readingKey]: value };
    return { last_bill_amount: c.lastBill };
  },

  get_bill: ({ account_ref }: Inputs, ctx: Ctx) => {
    const c = customer(account_ref, ctx);
    return {
      balance_due: balanceOf(account_ref, c, ctx),
      due_date: day(addDays(ctx.now, c.dueInDays)),
      last_bill_amount: c.lastBill,
    };
  },

  take_payment: ({ account_ref, pay_amount, card_last4 }: Inputs, ctx: Ctx) => {
    const c = customer(account_ref, ctx);
    if (!c.cards.includes(String(card_last4))) {
      throw refuse(`There's no saved card ending ${String(card_last4)} on this account.`);
    }
    const balance = round2(balanceOf(account_ref, c, ctx) - Number(pay_amount));
    ctx.data.balances = { ...ctx.data.balances, [String(account_ref).toUpperCase()]: balance };
    return { payment_ref: refFrom("PAY", ctx.idempotencyKey), balance_due: balance };
  },

  register_move: ({ account_ref }: Inputs, ctx: Ctx) => {
    customer(account_ref, ctx);
    return {};
  },

  switch_tariff: ({ account_ref }: Inputs, ctx: Ctx) => {
    customer(account_ref, ctx);
    return {};
  },

  log_emergency: (_inputs: Inputs, ctx: Ctx) => ({
    incident_ref: refFrom("EM", ctx.idempotencyKey),
  }),

  set_direct_debit: ({ account_ref }: Inputs, ctx: Ctx) => {
    customer(account_ref, ctx);
    return {};
  },

  close_supply_account: ({ account_ref }: Inputs, ctx: Ctx) => {
    customer(account_ref, ctx);
    ctx.data.closed = [...(ctx.data.closed ?? []), String(account_ref).toUpperCase()];
    return { final_bill_ref: refFrom("FB", ctx.idempotencyKey) };
  },
};

export const validators = {
  meter_reading: (value: unknown) =>
    /^\d{4,6}$/.test(String(value)) ||
    "A meter reading has 4 to 6 digits. Please read the black or white numbers from left to right.",

  reading_date: (value: unknown, ctx: Ctx) => {
    const d = String(value);
    if (d > day(ctx.now)) return "That date is in the future. When did you read the meter?";
    if (d < day(addDays(ctx.now, -14))) {
      return "We can only accept readings from the last 14 days. Could you take a fresh one?";
    }
    return true;
  },

  pay_amount: (value: unknown) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return "The amount must be more than zero.";
    if (n > 5000) return "For payments over 5,000 euro please call us on 01 555 0100.";
    return true;
  },

  card_last4: (value: unknown) =>
    /^\d{4}$/.test(String(value)) || "I need the last four digits of the card.",

  move_date: (value: unknown, ctx: Ctx) => {
    const d = String(value);
    if (d < day(addDays(ctx.now, -7))) {
      return "We can only register a move up to a week after it happened; please call us on 01 555 0100.";
    }
    if (d > day(addDays(ctx.now, 90))) return "We can register a move up to 90 days ahead.";
    return true;
  },

  contact_phone: (value: unknown) =>
    /^0?\d{8,11}$/.test(String(value).replace(/\D/g, "")) ||
    "That doesn't look like a phone number. Could you give it again?",

  iban: (value: unknown) => ibanIsValid(String(value)) || "That IBAN isn't valid; please check it.",

  payment_day: (value: unknown) => {
    const n = Number(value);
    return (Number.isInteger(n) && n >= 1 && n <= 28) || false;
  },

  closing_date: (value: unknown, ctx: Ctx) => {
    const d = String(value);
    if (d < day(ctx.now)) return "The closing date can't be in the past.";
    if (d > day(addDays(ctx.now, 120))) return "We can close an account up to 120 days ahead.";
    return true;
  },
};
