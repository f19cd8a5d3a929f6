/**
 * Handlers of the telecom example: a plain module (no framework import). Two lines exist,
 * 612 345 678 (SIM ending 0417) and 699 000 111 (SIM ending 2290); tickets are numbered
 * OUT-0001, OUT-0002, ... per conversation, so runs are repeatable.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  conversationId: string;
}

const LINES: Record<
  string,
  { bill: number; used: number; allowance: number; sim: string; puk: string }
> = {
  "612345678": { bill: 31.4, used: 7.2, allowance: 10, sim: "0417", puk: "83920174" },
  "699000111": { bill: 25, used: 41.5, allowance: 50, sim: "2290", puk: "10293847" },
};
const FEES: Record<string, number> = { basic: 15, plus: 25, unlimited: 35 };
const ADD_ON_FEE = 5;
const tickets = new Map<string, number>();

function refuse(userMessage: string): Error {
  return Object.assign(new Error(userMessage), { userMessage });
}

const digitsOf = (value: Value) => String(value ?? "").replace(/\D/g, "");

/** "612345678" -> "612 345 678". */
const spaced = (digits: string) => digits.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");

function lineOf(value: Value) {
  const line = LINES[digitsOf(value)];
  if (!line) throw refuse("I can't find that line.");
  return line;
}

const countOf = (value: Value) => (Array.isArray(value) ? value.length : value ? 1 : 0);

export const actions = {
  get_bill(inputs: Record<string, Value>) {
    return { bill_amount: lineOf(inputs.phone_number).bill, bill_due: "the 5th of next month" };
  },
  get_data_usage(inputs: Record<string, Value>) {
    const line = lineOf(inputs.phone_number);
    return { data_used_gb: line.used, data_allowance_gb: line.allowance };
  },
  report_outage(_inputs: Record<string, Value>, ctx: Ctx) {
    const n = (tickets.get(ctx.conversationId) ?? 0) + 1;
    tickets.set(ctx.conversationId, n);
    return { ticket_number: `OUT-${String(n).padStart(4, "0")}` };
  },
  change_plan(inputs: Record<string, Value>) {
    lineOf(inputs.phone_number);
    const fee = (FEES[String(inputs.plan)] ?? 0) + ADD_ON_FEE * countOf(inputs.add_ons);
    return { new_monthly_fee: fee };
  },
  get_puk(inputs: Record<string, Value>) {
    const line = lineOf(inputs.phone_number);
    if (digitsOf(inputs.sim_last_digits) !== line.sim) {
      throw refuse("Those digits don't match the SIM of that line, so I can't give the PUK here.");
    }
    return { puk_code: line.puk };
  },
};

export const normalizers = {
  phone_number: (value: Value) => {
    const digits = digitsOf(value).replace(/^34(?=\d{9}$)/, "");
    return digits.length === 9 ? spaced(digits) : String(value ?? "");
  },
  digits: (value: Value) => digitsOf(value),
};

export const validators = {
  known_line: (value: Value) => digitsOf(value) in LINES,
  four_digits: (value: Value) => /^\d{4}$/.test(digitsOf(value)),
};
