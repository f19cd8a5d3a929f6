// Kirkgate Lettings' handlers: a small in-memory book of tenancies, advertised properties,
// repairs and viewings standing in for the agency's lettings software. What a conversation
// changes (bookings, payments, notices) is kept in ctx.data so every replica sees it.
// Refusals the customer hears are UserFacingErrors or validator messages.
import { defineHandlers, UserFacingError } from "soni";

interface Tenancy {
  tenant: string;
  address: string;
  rent: number;
  /** What the tenant owes today, in pounds. */
  owed: number;
  deposit: number;
  /** Rent received, newest first: [ISO date, amount]. */
  payments: Array<[string, number]>;
  ended?: string;
}

interface Property {
  summary: string;
  area: string;
  bedrooms: number;
  rent: number;
  pets: boolean;
}

interface Repair {
  tenancy: string;
  what: string;
  progress: string;
}

interface Viewing {
  property: string;
  day: string;
  at: string;
  cancelled?: boolean;
}

interface Changes {
  next?: number;
  owed?: Record<string, number>;
  viewings?: Record<string, Viewing>;
}

const TENANCIES: Record<string, Tenancy> = {
  "KT-204518": {
    tenant: "Emma Clarke",
    address: "14 Cardigan Road, Headingley",
    rent: 950,
    owed: 0,
    deposit: 1096,
    payments: [
      ["2028-11-01", 950],
      ["2028-10-01", 950],
      ["2028-09-01", 950],
      ["2028-08-01", 950],
      ["2028-07-01", 950],
      ["2028-06-01", 950],
    ],
  },
  "KT-311702": {
    tenant: "Daniel Hughes",
    address: "Flat 3, 22 Park Row, Leeds city centre",
    rent: 875,
    owed: 475,
    deposit: 1009,
    payments: [
      ["2028-11-03", 400],
      ["2028-10-02", 875],
      ["2028-09-01", 875],
    ],
  },
  "KT-418830": {
    tenant: "Priya Nair",
    address: "7 Montreal Avenue, Chapel Allerton",
    rent: 1200,
    owed: 1200,
    deposit: 1384,
    payments: [
      ["2028-10-01", 1200],
      ["2028-09-01", 1200],
    ],
  },
  "KT-520064": {
    tenant: "Tom Bennett",
    address: "31 Town Street, Horsforth",
    rent: 1100,
    owed: 0,
    deposit: 1269,
    payments: [["2028-10-01", 1100]],
    ended: "2028-11-15",
  },
  "KT-633291": {
    tenant: "Sophie Walsh",
    address: "2 Ash Grove, Hyde Park",
    rent: 720,
    owed: 0,
    deposit: 830,
    payments: [
      ["2028-11-05", 720],
      ["2028-10-05", 720],
    ],
  },
};

const PROPERTIES: Record<string, Property> = {
  "KP-3107": {
    summary: "the 2-bed flat on Otley Road, Headingley",
    area: "headingley",
    bedrooms: 2,
    rent: 1050,
    pets: false,
  },
  "KP-3350": {
    summary: "the 1-bed flat on Ash Road, Headingley",
    area: "headingley",
    bedrooms: 1,
    rent: 780,
    pets: true,
  },
  "KP-2214": {
    summary: "the 1-bed flat at Quarry House, city centre",
    area: "city_centre",
    bedrooms: 1,
    rent: 895,
    pets: false,
  },
  "KP-6012": {
    summary: "the 2-bed flat on Wellington Street, city centre",
    area: "city_centre",
    bedrooms: 2,
    rent: 1200,
    pets: false,
  },
  "KP-4420": {
    summary: "the 3-bed house on Stainbeck Lane, Chapel Allerton",
    area: "chapel_allerton",
    bedrooms: 3,
    rent: 1400,
    pets: true,
  },
  "KP-1186": {
    summary: "the studio on Brudenell Road, Hyde Park",
    area: "hyde_park",
    bedrooms: 0,
    rent: 650,
    pets: false,
  },
  "KP-5032": {
    summary: "the 4-bed house on Low Lane, Horsforth",
    area: "horsforth",
    bedrooms: 4,
    rent: 1750,
    pets: true,
  },
  "KP-2871": {
    summary: "the 2-bed house on Street Lane, Roundhay",
    area: "roundhay",
    bedrooms: 2,
    rent: 1150,
    pets: true,
  },
};

const REPAIRS: Record<string, Repair> = {
  "KR-50112": {
    tenancy: "KT-204518",
    what: "the boiler",
    progress: "A Gas Safe engineer is booked for Friday 24 November between 8am and 12pm.",
  },
  "KR-50187": {
    tenancy: "KT-311702",
    what: "the leaking shower",
    progress:
      "We're waiting for the landlord to approve the plumber's quote; we expect an answer by Monday.",
  },
  "KR-49920": {
    tenancy: "KT-418830",
    what: "the broken window latch",
    progress:
      "This was completed on 14 November. If it's still not right, just tell us and we'll reopen it.",
  },
  "KR-50231": {
    tenancy: "KT-633291",
    what: "the oven",
    progress:
      "The part is on order and the electrician will fit it as soon as it arrives, usually within a week.",
  },
};

const VIEWINGS: Record<string, Viewing> = {
  "KV-7731": { property: "KP-3107", day: "2028-11-24", at: "11:00" },
  "KV-7745": { property: "KP-4420", day: "2028-11-25", at: "14:30" },
};

const BRANCHES: Record<string, string> = {
  headingley_office:
    "Our Headingley branch is at 58 Otley Road, LS6 2AL, phone 0113 496 0101. Open Monday to Friday 9am to 5:30pm, Saturday 10am to 4pm.",
  city_office:
    "Our City Centre branch is at 12 Park Row, LS1 5HD, phone 0113 496 0202. Open Monday to Friday 9am to 5:30pm, Saturday 10am to 4pm.",
  chapel_allerton_office:
    "Our Chapel Allerton branch is at 101 Harrogate Road, LS7 3PQ, phone 0113 496 0303. Open Monday to Friday 9am to 5:30pm, Saturday 10am to 4pm.",
  horsforth_office:
    "Our Horsforth branch is at 40 Town Street, LS18 4RJ, phone 0113 496 0404. Open Monday to Friday 9am to 5:30pm, Saturday 10am to 4pm.",
};

const AREA_NAMES: Record<string, string> = {
  headingley: "Headingley",
  city_centre: "the city centre",
  chapel_allerton: "Chapel Allerton",
  horsforth: "Horsforth",
  hyde_park: "Hyde Park",
  roundhay: "Roundhay",
};

/** "Friday 24 November" for an ISO day. */
function spoken(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function changes(data: Record<string, unknown>): Changes {
  return data as Changes;
}

/** A reference with the given prefix and the conversation's next number. */
function nextRef(data: Record<string, unknown>, prefix: string, start: number): string {
  const c = changes(data);
  c.next = (c.next ?? 0) + 1;
  return `${prefix}-${start + c.next}`;
}

function owedNow(data: Record<string, unknown>, ref: string): number {
  const kept = changes(data).owed?.[ref];
  return kept ?? TENANCIES[ref]?.owed ?? 0;
}

function money(n: number): string {
  return n.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function tenancyOf(ref: unknown): Tenancy {
  const tenancy = TENANCIES[String(ref)];
  if (!tenancy) throw new UserFacingError(`I can't find tenancy ${String(ref)}.`);
  return tenancy;
}

function propertyOf(ref: unknown): Property {
  const property = PROPERTIES[String(ref)];
  if (!property) throw new UserFacingError(`I can't find property ${String(ref)} on our books.`);
  return property;
}

const MONTHS_BACK: Record<string, number> = {
  last_month: 1,
  last_three_months: 3,
  last_six_months: 6,
  whole_tenancy: 120,
};

export default defineHandlers({
  actions: {
    describe_property: ({ property_ref }) => ({
      property_summary: propertyOf(property_ref).summary,
    }),

    book_viewing: ({ property_ref, viewing_date, viewing_time }, ctx) => {
      propertyOf(property_ref);
      const ref = nextRef(ctx.data, "KV", 7800);
      const c = changes(ctx.data);
      c.viewings ??= {};
      c.viewings[ref] = {
        property: String(property_ref),
        day: String(viewing_date),
        at: String(viewing_time),
      };
      return { booking_ref: ref };
    },

    find_viewing: ({ viewing_ref }, ctx) => {
      const ref = String(viewing_ref);
      const viewing = changes(ctx.data).viewings?.[ref] ?? VIEWINGS[ref];
      if (!viewing || viewing.cancelled)
        throw new UserFacingError(`I can't find a booked viewing ${ref}.`);
      return {
        viewing_summary: `${propertyOf(viewing.property).summary} on ${spoken(viewing.day)} at ${viewing.at}`,
      };
    },

    cancel_viewing: ({ viewing_ref }, ctx) => {
      const ref = String(viewing_ref);
      const c = changes(ctx.data);
      c.viewings ??= {};
      const viewing = c.viewings[ref] ?? VIEWINGS[ref];
      if (viewing) c.viewings[ref] = { ...viewing, cancelled: true };
      return {};
    },

    search_properties: ({ search_area, bedrooms, max_rent }) => {
      const beds = Number(bedrooms);
      const limit =
        max_rent === null || max_rent === undefined ? Number.POSITIVE_INFINITY : Number(max_rent);
      const found = Object.entries(PROPERTIES).filter(
        ([, p]) => p.area === search_area && p.bedrooms >= beds && p.rent <= limit,
      );
      const where = AREA_NAMES[String(search_area)] ?? String(search_area);
      if (found.length === 0) {
        return {
          search_results: `We've nothing with ${beds} bedroom(s) or more in ${where} in that budget right now. Try another area or a higher budget, or ask us to alert you when something comes up.`,
        };
      }
      const lines = found.map(
        ([ref, p]) =>
          `${ref}: ${p.summary}, £${money(p.rent)} a month${p.pets ? ", pets considered" : ""}`,
      );
      return {
        search_results: `Here's what we have in ${where}: ${lines.join("; ")}. Ask me to book a viewing of any of them.`,
      };
    },

    submit_application: ({ property_ref, pets }, ctx) => {
      const property = propertyOf(property_ref);
      if (Array.isArray(pets) && pets.length > 0 && !property.pets) {
        throw new UserFacingError(
          `Sorry, the landlord of ${property.summary} doesn't accept pets, so I can't send this application. Ask me for properties where pets are considered.`,
        );
      }
      return { booking_ref: nextRef(ctx.data, "KA", 9100) };
    },

    log_repair: ({ tenancy_ref }, ctx) => {
      tenancyOf(tenancy_ref);
      return { booking_ref: nextRef(ctx.data, "KR", 50300) };
    },

    repair_progress: ({ repair_job_ref }) => {
      const repair = REPAIRS[String(repair_job_ref)];
      if (!repair) throw new UserFacingError(`I can't find repair ${String(repair_job_ref)}.`);
      return {
        repair_progress_note: `Repair ${String(repair_job_ref)} (${repair.what}): ${repair.progress}`,
      };
    },

    rent_owed: ({ tenancy_ref }, ctx) => {
      const tenancy = tenancyOf(tenancy_ref);
      return { rent_due: owedNow(ctx.data, String(tenancy_ref)), tenant_name: tenancy.tenant };
    },

    take_rent_payment: ({ tenancy_ref, rent_amount }, ctx) => {
      tenancyOf(tenancy_ref);
      const amount = Number(rent_amount);
      const c = changes(ctx.data);
      c.owed ??= {};
      const left = Math.max(0, owedNow(ctx.data, String(tenancy_ref)) - amount);
      c.owed[String(tenancy_ref)] = left;
      return { booking_ref: nextRef(ctx.data, "PAY", 3000), rent_due: left };
    },

    rent_statement: ({ tenancy_ref, statement_period }, ctx) => {
      const tenancy = tenancyOf(tenancy_ref);
      const back = MONTHS_BACK[String(statement_period)] ?? 1;
      const from = new Date(ctx.now);
      from.setUTCMonth(from.getUTCMonth() - back);
      const since = from.toISOString().slice(0, 10);
      const paid = tenancy.payments.filter(([day]) => day >= since);
      const list = paid.length
        ? paid.map(([day, amount]) => `${day} £${money(amount)}`).join(", ")
        : "no payments";
      const owed = owedNow(ctx.data, String(tenancy_ref));
      return {
        statement_text: `Rent statement for ${tenancy.address} (rent £${money(tenancy.rent)} a month). Payments received: ${list}. Balance owed today: £${money(owed)}. A PDF copy is on its way to your email.`,
      };
    },

    request_deposit_return: ({ tenancy_ref }, ctx) => {
      const tenancy = tenancyOf(tenancy_ref);
      return { booking_ref: nextRef(ctx.data, "KD", 4400), tenant_name: tenancy.tenant };
    },

    record_notice: ({ tenancy_ref }, ctx) => {
      const tenancy = tenancyOf(tenancy_ref);
      if (tenancy.ended)
        throw new UserFacingError(`Tenancy ${String(tenancy_ref)} has already ended.`);
      return { booking_ref: nextRef(ctx.data, "KN", 6600) };
    },

    renew_tenancy: ({ tenancy_ref }, ctx) => {
      const tenancy = tenancyOf(tenancy_ref);
      if (tenancy.ended)
        throw new UserFacingError(
          `Tenancy ${String(tenancy_ref)} has already ended, so it can't be renewed.`,
        );
      return {
        booking_ref: nextRef(ctx.data, "KW", 2200),
        rent_due: Math.round(tenancy.rent * 1.03),
      };
    },

    branch_details: ({ agency_branch }) => ({
      branch_info: BRANCHES[String(agency_branch)] ?? "Call us on 0113 496 0000.",
    }),
  },

  validators: {
    known_tenancy: (value) =>
      String(value) in TENANCIES ||
      `I can't find tenancy ${String(value)}. Please check the reference on your tenancy agreement.`,
    known_property: (value) =>
      String(value) in PROPERTIES ||
      `I can't find property ${String(value)} on our books. Please check the listing.`,
    known_repair: (value) =>
      String(value) in REPAIRS ||
      `I can't find repair ${String(value)}. Please check the reference in our text.`,
    known_viewing: (value, ctx) => {
      const ref = String(value);
      const kept = (ctx.data as Changes).viewings?.[ref];
      return (
        Boolean(kept ?? VIEWINGS[ref]) ||
        `I can't find a viewing ${ref}. Please check the reference in our text.`
      );
    },
    uk_phone: (value) => {
      const digits = String(value).replace(/\D/g, "");
      return (
        (digits.startsWith("0") && (digits.length === 10 || digits.length === 11)) ||
        "That doesn't look like a UK phone number. Please give it with the area code, like 07700 900123."
      );
    },
    household_ok: (value) => {
      const n = Number(value);
      return (
        (Number.isInteger(n) && n >= 1 && n <= 8) || "Our properties house between 1 and 8 people."
      );
    },
    viewing_day_ok: (value, ctx) => {
      const day = String(value);
      if (day < today(ctx.now))
        return "That date has already passed. Which day would you like instead?";
      if (new Date(`${day}T12:00:00Z`).getUTCDay() === 0)
        return "We don't do viewings on Sundays. Any other day is fine.";
      return true;
    },
    viewing_time_ok: (value) => {
      const at = String(value);
      return (
        (at >= "09:00" && at <= "18:00") ||
        "We show properties between 9am and 6pm. What time in that window suits you?"
      );
    },
    not_past: (value, ctx) => String(value) >= today(ctx.now) || "That date has already passed.",
    not_future: (value, ctx) =>
      String(value) <= today(ctx.now) ||
      "That's still to come. Once you've moved out and returned the keys, come back and I'll start the deposit return.",
    notice_date_ok: (value, ctx) =>
      String(value) > today(ctx.now) || "Your last day needs to be a date still to come.",
    positive_amount: (value) => Number(value) > 0 || "Please give an amount above zero.",
  },
});
