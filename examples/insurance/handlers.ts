// Kestrel Insurance's handlers: a small in-memory policy book standing in for the policy and
// claims systems. What a conversation changes (payments, drivers, cancellations) is kept in
// ctx.data so every replica sees it. Refusals the customer hears are UserFacingErrors.
import { defineHandlers, UserFacingError } from "soni";

interface Policy {
  holder: string;
  product: "car" | "home";
  cover: "essential" | "standard" | "premier";
  monthly: number;
  owed: number;
  dueDay: number;
  startedDaysAgo: number;
}

interface Changes {
  owed?: Record<string, number>;
  cover?: Record<string, string>;
  drivers?: Record<string, string[]>;
  cancelled?: string[];
  claims?: number;
}

const POLICIES: Record<string, Policy> = {
  "KI-1048213": {
    holder: "Priya Patel",
    product: "car",
    cover: "standard",
    monthly: 48.2,
    owed: 48.2,
    dueDay: 15,
    startedDaysAgo: 200,
  },
  "KI-2210987": {
    holder: "Gareth Jones",
    product: "home",
    cover: "premier",
    monthly: 31.75,
    owed: 0,
    dueDay: 1,
    startedDaysAgo: 40,
  },
  "KI-3307761": {
    holder: "Fiona Campbell",
    product: "car",
    cover: "essential",
    monthly: 36.9,
    owed: 73.8,
    dueDay: 20,
    startedDaysAgo: 330,
  },
};

const CLAIMS: Record<string, { progress: string; handler: string }> = {
  "CL-204518": {
    progress: "approved, repairs booked at an approved garage",
    handler: "Tom Hughes",
  },
  "CL-310077": { progress: "waiting for the loss adjuster's report", handler: "Aisha Khan" },
};

const COVER_MONTHLY = { essential: 0.8, standard: 1, premier: 1.3 } as const;
const QUOTE_BASE = { car: 540, buildings_and_contents: 310, contents_only: 120 } as const;

function changes(ctx: { data: Record<string, unknown> }): Changes {
  return ctx.data as Changes;
}

function policyOf(number: unknown, ctx: { data: Record<string, unknown> }): Policy {
  const key = String(number);
  const policy = POLICIES[key];
  if (!policy || changes(ctx).cancelled?.includes(key)) {
    throw new UserFacingError(`Sorry, I can't find an active policy ${key}.`);
  }
  return policy;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function today(ctx: { now: Date }): string {
  return ctx.now.toISOString().slice(0, 10);
}

export default defineHandlers({
  actions: {
    open_claim: ({ policy_number, claim_kind }, ctx) => {
      const policy = policyOf(policy_number, ctx);
      const home = ["water_damage", "storm_damage", "burglary", "fire"].includes(
        String(claim_kind),
      );
      if (home !== (policy.product === "home")) {
        throw new UserFacingError(
          `Policy ${policy_number} is a ${policy.product} policy, so it doesn't cover that. ` +
            "Please give the policy the claim is for.",
        );
      }
      const data = changes(ctx);
      data.claims = (data.claims ?? 0) + 1;
      return { claim_reference: `CL-${String(400000 + data.claims).padStart(6, "0")}` };
    },
    get_claim_progress: ({ claim_reference }) => {
      const claim = CLAIMS[String(claim_reference)];
      if (!claim) throw new UserFacingError(`Sorry, I can't find a claim ${claim_reference}.`);
      return { claim_progress: claim.progress, claim_handler: claim.handler };
    },
    make_quote: ({ insurance_product, cover_level }) => {
      const base = QUOTE_BASE[String(insurance_product) as keyof typeof QUOTE_BASE] ?? 400;
      const factor = COVER_MONTHLY[String(cover_level) as keyof typeof COVER_MONTHLY] ?? 1;
      return { quote_price: round2(base * factor) };
    },
    add_named_driver: ({ policy_number, driver_name, driver_age }, ctx) => {
      const policy = policyOf(policy_number, ctx);
      if (policy.product !== "car") {
        throw new UserFacingError(`Policy ${policy_number} is a home policy: it has no drivers.`);
      }
      if (Number(driver_age) < 17) {
        throw new UserFacingError("Named drivers must be at least 17 years old.");
      }
      const data = changes(ctx);
      data.drivers = data.drivers ?? {};
      const key = String(policy_number);
      data.drivers[key] = [...(data.drivers[key] ?? []), String(driver_name)];
      const young = Number(driver_age) < 25 ? 1.35 : 1.08;
      return { premium_amount: round2(policy.monthly * young) };
    },
    change_cover_level: ({ policy_number, cover_level }, ctx) => {
      const policy = policyOf(policy_number, ctx);
      const level = String(cover_level) as keyof typeof COVER_MONTHLY;
      if (level === policy.cover) {
        throw new UserFacingError(`Policy ${policy_number} is already on ${level} cover.`);
      }
      const data = changes(ctx);
      data.cover = { ...data.cover, [String(policy_number)]: level };
      const ratio = COVER_MONTHLY[level] / COVER_MONTHLY[policy.cover];
      return { premium_amount: round2(policy.monthly * ratio) };
    },
    get_premium: ({ policy_number }, ctx) => {
      const policy = policyOf(policy_number, ctx);
      const owed = changes(ctx).owed?.[String(policy_number)] ?? policy.owed;
      const now = ctx.now;
      const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), policy.dueDay));
      if (due.toISOString().slice(0, 10) < today(ctx)) due.setUTCMonth(due.getUTCMonth() + 1);
      return {
        premium_amount: policy.monthly,
        premium_due: due.toISOString().slice(0, 10),
        balance_due: owed,
      };
    },
    take_payment: ({ policy_number, payment_amount }, ctx) => {
      const policy = policyOf(policy_number, ctx);
      const amount = Number(payment_amount);
      if (!(amount > 0)) throw new UserFacingError("The amount to pay must be more than £0.");
      const data = changes(ctx);
      const owed = data.owed?.[String(policy_number)] ?? policy.owed;
      if (amount > owed + 0.005) {
        throw new UserFacingError(
          `You only owe £${owed.toFixed(2)} on ${policy_number}, so I can't take £${amount.toFixed(2)}.`,
        );
      }
      data.owed = { ...data.owed, [String(policy_number)]: round2(owed - amount) };
      const ref = `PAY-${String(52000 + ctx.turn)}`;
      return { payment_ref: ref, balance_due: round2(owed - amount) };
    },
    send_patrol: ({ breakdown_problem }, ctx) => {
      const eta = breakdown_problem === "locked_out" ? 45 : 60;
      return { rescue_ref: `BD-${String(7000 + ctx.turn)}`, rescue_eta: eta };
    },
    cancel_the_policy: ({ policy_number }, ctx) => {
      const policy = policyOf(policy_number, ctx);
      const data = changes(ctx);
      data.cancelled = [...(data.cancelled ?? []), String(policy_number)];
      // Within the 14-day cooling-off period the whole month comes back; later, half of it.
      const refund = policy.startedDaysAgo <= 14 ? policy.monthly : policy.monthly / 2;
      return { refund_amount: round2(refund) };
    },
    send_documents: ({ policy_number }, ctx) => {
      policyOf(policy_number, ctx);
      return {};
    },
  },
  validators: {
    not_in_future: (value, ctx) => String(value) <= today(ctx),
  },
});
