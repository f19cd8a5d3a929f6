/**
 * Handlers of the banking example: actions with simulated bank data, validators and
 * normalizers. A plain module: the Soni runtime loads it from settings.handlers.
 * Each conversation gets its own simulated accounts, kept in ctx.data (saved with the
 * conversation), so transfers and payments change the balances the same user sees later, on
 * any server instance. Operations are recorded by idempotency key: a call repeated with the
 * same key returns the recorded result instead of moving money twice. Dates follow the
 * conversation's clock (ctx.now); clock and reference numbers can be overridden for tests.
 */
import { createHash } from "node:crypto";
import { type HandlerContext, type HandlerSet, type SlotValue, UserFacingError } from "soni";
import { compactIban, ibanProblem } from "./lib/iban.ts";
import { formatMoney, parseAmount } from "./lib/money.ts";

type Value = SlotValue | undefined;
type Account = "checking" | "savings" | "investment";

export interface BankingOptions {
  /** Overrides the conversation's clock (ctx.now, the default) for these handlers. */
  clock?: () => Date;
  /**
   * Next number of a reference sequence (TX-2026-000123, BLK-..., ...), for tests that pin
   * references. Without it the number is derived from the call's idempotency key, so it is
   * unique across conversations and server instances, and the same when a call is repeated.
   */
  nextId?: () => number;
}

/** What ctx.data holds for this example. */
interface BankData {
  balances?: Record<Account, number>;
  /** Operations done, newest last (at most HISTORY_SIZE), by idempotency key. */
  history?: Operation[];
}

interface Operation {
  key: string;
  kind: "transfer" | "card_block" | "card_request" | "bill_payment";
  outputs: Record<string, string>;
  amount?: number;
  account?: Account;
}

const OPENING_BALANCES: Readonly<Record<Account, number>> = {
  checking: 24_847.52,
  savings: 52_310.0,
  investment: 18_940.75,
};
const PAGE_SIZE = 5;
const HISTORY_SIZE = 50;
const DAY_MS = 86_400_000;
const PERIOD_DAYS: Record<string, [from: number, to: number, count: number]> = {
  this_week: [0, 6, 4],
  last_week: [7, 13, 6],
  this_month: [0, 29, 12],
  last_month: [30, 59, 14],
  last_3_months: [0, 89, 31],
};
const MERCHANTS: readonly [string, number, number][] = [
  ["Mercadona groceries", -25, -140],
  ["Coffee at Café Central", -2.5, -9],
  ["Salary ACME Corp", 2650, 2650],
  ["Netflix subscription", -12.99, -12.99],
  ["Renfe train tickets", -18, -96],
  ["Amazon order", -9.5, -180],
  ["Restaurant La Tagliatella", -22, -85],
  ["Shell fuel", -40, -75],
  ["Pharmacy", -6, -35],
  ["Transfer from Laura Gómez", 20, 150],
  ["Gym membership", -39.9, -39.9],
  ["Zara clothing", -19.95, -120],
];
const BILLERS: Record<string, [company: string, min: number, max: number]> = {
  electricity: ["Volta Energía", 38, 142],
  water: ["Aguas del Norte", 18, 64],
  gas: ["GasNatural Hogar", 27, 118],
  phone: ["Movilnet", 15, 58],
  internet: ["FibraNet", 25, 69],
};

const ACCOUNT_WORDS: Record<string, Account> = {
  checking: "checking",
  current: "checking",
  main: "checking",
  everyday: "checking",
  cheque: "checking",
  corriente: "checking",
  savings: "savings",
  saving: "savings",
  ahorro: "savings",
  ahorros: "savings",
  investment: "investment",
  investments: "investment",
  brokerage: "investment",
  portfolio: "investment",
  inversion: "investment",
  inversiones: "investment",
};
const CARD_WORDS: Record<string, "debit" | "credit"> = {
  debit: "debit",
  bank: "debit",
  cash: "debit",
  atm: "debit",
  credit: "credit",
  amex: "credit",
};
const BILL_WORDS: Record<string, string> = {
  electricity: "electricity",
  electric: "electricity",
  power: "electricity",
  light: "electricity",
  luz: "electricity",
  water: "water",
  agua: "water",
  gas: "gas",
  heating: "gas",
  phone: "phone",
  mobile: "phone",
  telephone: "phone",
  cell: "phone",
  cellphone: "phone",
  internet: "internet",
  broadband: "internet",
  wifi: "internet",
  fibre: "internet",
  fiber: "internet",
};
const PERIOD_WORDS: [RegExp, string][] = [
  [/\b(3|three)\s+months\b|\bquarter\b/, "last_3_months"],
  [/\b(last|previous|past)\s+month\b/, "last_month"],
  [/\b(this|current)\s+month\b/, "this_month"],
  [/\b(last|previous|past)\s+week\b/, "last_week"],
  [/\b(this|current)\s+week\b|\bthese days\b/, "this_week"],
];

/** Builds the handler set; `actions`, `validators`, `normalizers` below use the defaults. */
export function createBankingHandlers(options: BankingOptions = {}) {
  const clock = (ctx: HandlerContext) => options.clock?.() ?? ctx.now;
  const number = (ctx: HandlerContext) =>
    options.nextId ? String(options.nextId()).padStart(6, "0") : numberFromKey(ctx.idempotencyKey);
  const reference = (prefix: string, ctx: HandlerContext) =>
    `${prefix}-${clock(ctx).getUTCFullYear()}-${number(ctx)}`;
  const bank = (ctx: HandlerContext) => ctx.data as BankData;
  const ledger = (ctx: HandlerContext) => {
    const data = bank(ctx);
    data.balances ??= { ...OPENING_BALANCES };
    return data.balances;
  };
  /** The outputs of this call if it already ran (same idempotency key), else runs and records it. */
  const once = (
    ctx: HandlerContext,
    kind: Operation["kind"],
    run: () => Omit<Operation, "key" | "kind">,
  ): Record<string, string> => {
    const data = bank(ctx);
    const done = data.history?.find((op) => op.key === ctx.idempotencyKey);
    if (done) return done.outputs;
    const operation: Operation = { key: ctx.idempotencyKey, kind, ...run() };
    data.history = [...(data.history ?? []), operation].slice(-HISTORY_SIZE);
    return operation.outputs;
  };
  const debit = (ctx: HandlerContext, account: Account, amount: number) => {
    const accounts = ledger(ctx);
    if (accounts[account] < amount) {
      // The customer hears why: a generic "something went wrong" would invite a retry.
      throw new UserFacingError(
        `Sorry, there isn't enough money in your ${account} account: ${formatMoney(accounts[account])} EUR available, ${formatMoney(amount)} EUR needed.`,
      );
    }
    accounts[account] = Math.round((accounts[account] - amount) * 100) / 100;
  };

  const actions = {
    get_balance({ account_type }: Record<string, Value>, ctx: HandlerContext) {
      const account = asAccount(account_type);
      return { balance: ledger(ctx)[account], currency: "EUR" };
    },

    get_transactions(
      { account_type, transaction_period, page }: Record<string, Value>,
      ctx: HandlerContext,
    ) {
      const period = String(transaction_period);
      const [from, to, count] = PERIOD_DAYS[period] ?? PERIOD_DAYS.this_month!;
      const account = asAccount(account_type);
      const all = simulatedTransactions(clock(ctx), account, period, from, to, count);
      const current = typeof page === "number" && page > 0 ? page : 1;
      const start = (current - 1) * PAGE_SIZE;
      const shown = all.slice(start, start + PAGE_SIZE);
      const lines = shown.map(
        (t) =>
          `${t.date}  ${t.label.padEnd(28)} ${t.amount > 0 ? "+" : ""}${formatMoney(t.amount)} EUR`,
      );
      const header =
        shown.length === 0
          ? `No transactions on your ${account} account for ${period.replace(/_/g, " ")}.`
          : `Transactions ${start + 1}-${start + shown.length} of ${all.length} (${account}, ${period.replace(/_/g, " ")}):`;
      return {
        transactions_text: [header, ...lines].join("\n"),
        has_more: start + PAGE_SIZE < all.length,
        next_page: current + 1,
      };
    },

    execute_transfer(inputs: Record<string, Value>, ctx: HandlerContext) {
      const amount = Number(inputs.amount);
      if (!(amount > 0)) throw new Error(`invalid amount ${String(inputs.amount)}`);
      if (amount > 10_000 && !/^\d{6}$/.test(String(inputs.security_code ?? ""))) {
        throw new Error("transfers above 10,000 EUR need a security code");
      }
      const account = asAccount(inputs.source_account);
      return once(ctx, "transfer", () => {
        debit(ctx, account, amount);
        const transactionId = reference("TX", ctx);
        ctx.logger.info({ transaction_id: transactionId, amount }, "transfer executed");
        return { outputs: { transaction_id: transactionId }, amount, account };
      });
    },

    block_card({ card_type, card_last_4 }: Record<string, Value>, ctx: HandlerContext) {
      return once(ctx, "card_block", () => {
        const blockReference = reference("BLK", ctx);
        ctx.logger.info(
          { card_type, card_last_4, block_reference: blockReference },
          "card blocked",
        );
        return { outputs: { block_reference: blockReference } };
      });
    },

    request_card({ card_type }: Record<string, Value>, ctx: HandlerContext) {
      return once(ctx, "card_request", () => ({
        outputs: {
          request_reference: reference(card_type === "credit" ? "CC" : "DC", ctx),
          delivery_estimate: humanDate(addBusinessDays(clock(ctx), 5)),
        },
      }));
    },

    lookup_bill({ bill_type, bill_reference }: Record<string, Value>, ctx: HandlerContext) {
      const ref = String(bill_reference ?? "");
      const biller = BILLERS[String(bill_type)];
      // References starting with NF simulate a bill the biller does not know.
      if (!biller || ref.startsWith("NF")) {
        return { bill_found: false, bill_amount: null, bill_company: null, bill_due_date: null };
      }
      const [company, min, max] = biller;
      const amount = Math.round((min + ((hash(ref) % 10_000) / 10_000) * (max - min)) * 100) / 100;
      return {
        bill_found: true,
        bill_amount: amount,
        bill_company: company,
        bill_due_date: humanDate(new Date(clock(ctx).getTime() + 10 * DAY_MS)),
      };
    },

    pay_bill({ bill_amount, payment_account }: Record<string, Value>, ctx: HandlerContext) {
      const amount = Number(bill_amount);
      if (!(amount > 0)) throw new Error(`invalid bill amount ${String(bill_amount)}`);
      // Flows written before payment_account existed pay from checking, as they always did.
      const account = asAccount(payment_account ?? "checking");
      return once(ctx, "bill_payment", () => {
        debit(ctx, account, amount);
        return { outputs: { payment_receipt: reference("RCPT", ctx) }, amount, account };
      });
    },
  };

  const validators = {
    iban: (value: Value) => ibanProblem(String(value ?? "")) ?? true,
    positive_amount: (value: Value) =>
      typeof value === "number" && Number.isFinite(value) && value > 0,
    security_code: (value: Value) => /^\d{6}$/.test(String(value ?? "")),
    card_last_4: (value: Value) => /^\d{4}$/.test(String(value ?? "")),
    bill_reference: (value: Value) => /^[A-Z0-9-]{6,}$/.test(String(value ?? "")),
  };

  const normalizers = {
    iban: (value: Value) => (typeof value === "string" ? compactIban(value) : (value ?? null)),
    amount: (value: Value) => parseAmount(value) ?? value ?? null,
    digits: (value: Value) =>
      typeof value === "number" ? String(value) : String(value ?? "").replace(/[\s-]/g, ""),
    account_type: (value: Value) => fromWords(value, ACCOUNT_WORDS),
    card_type: (value: Value) => fromWords(value, CARD_WORDS),
    bill_type: (value: Value) => fromWords(value, BILL_WORDS),
    bill_reference: (value: Value) =>
      String(value ?? "")
        .replace(/\s/g, "")
        .toUpperCase(),
    transaction_period: (value: Value) => {
      const text = String(value ?? "")
        .trim()
        .toLowerCase();
      for (const [pattern, period] of PERIOD_WORDS) if (pattern.test(text)) return period;
      return text.replace(/\s+/g, "_");
    },
  };

  return { actions, validators, normalizers } satisfies HandlerSet;
}

const defaults = createBankingHandlers();
export const actions = defaults.actions;
export const validators = defaults.validators;
export const normalizers = defaults.normalizers;

/** The first word of the value that names a known kind ("my current account" -> checking). */
function fromWords<T extends string>(value: Value, words: Record<string, T>): SlotValue {
  if (typeof value !== "string") return value ?? null;
  const text = value.trim().toLowerCase();
  for (const word of text.split(/[^a-záéíóúñ]+/)) {
    // Own keys only: "constructor" is a word here, not Object.prototype's.
    if (Object.hasOwn(words, word)) return words[word]!;
  }
  return text;
}

/** 12 digits from the idempotency key: unique in practice, the same for a repeated call. */
function numberFromKey(key: string): string {
  const digest = createHash("sha256").update(key).digest();
  return String(digest.readUIntBE(0, 6) % 1_000_000_000_000).padStart(12, "0");
}

function asAccount(value: Value): Account {
  const account = String(value);
  if (account === "checking" || account === "savings" || account === "investment") return account;
  throw new Error(`unknown account type ${JSON.stringify(value)}`);
}

interface SimulatedTransaction {
  date: string;
  label: string;
  amount: number;
}

/** The same account and period always give the same list (per day), newest first. */
function simulatedTransactions(
  now: Date,
  account: Account,
  period: string,
  fromDays: number,
  toDays: number,
  count: number,
): SimulatedTransaction[] {
  const seed = hash(`${account}:${period}`);
  const perAccount = account === "checking" ? count : Math.max(2, Math.floor(count / 3));
  return Array.from({ length: perAccount }, (_, i) => {
    const r = hash(`${seed}:${i}`);
    const [label, a, b] = MERCHANTS[r % MERCHANTS.length]!;
    const amount = Math.round((a + (((r >>> 8) % 1000) / 1000) * (b - a)) * 100) / 100;
    const days = fromDays + Math.floor((i * (toDays - fromDays + 1)) / perAccount);
    return {
      date: new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10),
      label:
        account === "checking"
          ? label
          : label.startsWith("Salary")
            ? "Interest"
            : "Monthly contribution",
      amount: account === "checking" ? amount : Math.abs(amount),
    };
  });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return date;
}

function humanDate(date: Date): string {
  return date.toLocaleDateString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
