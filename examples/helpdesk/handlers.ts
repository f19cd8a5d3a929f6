/**
 * Handlers of the IT service desk example: a small in-memory directory of staff accounts,
 * open tickets and loan equipment that every conversation starts with. New references
 * (incidents, requests, loans) are numbered per conversation in ctx.data, so runs repeat.
 *
 * Tickets: INC-100231 (in progress, network team), INC-100232 (resolved), INC-100233 (waiting
 * for the user), INC-100234 (closed). Accounts: maria.lopez, james.okoye, priya.shah (locked),
 * and svc.backup (a service account the desk does not reset).
 */
import { defineHandlers, UserFacingError } from "soni";

interface Ticket {
  state: string;
  team: string;
  update: string;
}

const TICKETS: Record<string, Ticket> = {
  "INC-100231": {
    state: "in progress",
    team: "network",
    update: "an engineer is replacing the Wi-Fi access point on the 3rd floor today.",
  },
  "INC-100232": {
    state: "resolved",
    team: "workplace",
    update: "the printer driver was reinstalled; reply if it happens again.",
  },
  "INC-100233": {
    state: "waiting for you",
    team: "end-user computing",
    update: "we asked you to bring the laptop to the IT desk.",
  },
  "INC-100234": { state: "closed", team: "applications", update: "fixed by the SAP patch." },
};

const ACCOUNTS: Record<string, { channel: string; locked: boolean; service: boolean }> = {
  "maria.lopez": { channel: "your mobile by SMS", locked: false, service: false },
  "james.okoye": { channel: "your mobile by SMS", locked: false, service: false },
  "priya.shah": { channel: "your mobile by SMS", locked: true, service: false },
  "svc.backup": { channel: "", locked: false, service: true },
};

const HARDWARE = new Set([
  "laptop",
  "monitor",
  "keyboard",
  "mouse",
  "headset",
  "docking_station",
  "webcam",
]);
const MAX_LOAN_DAYS = 14;

interface Data {
  counters?: Record<string, number>;
  closed?: string[];
}

function nextRef(data: Data, prefix: string, first: number, digits: number): string {
  data.counters ??= {};
  const n = data.counters[prefix] ?? first;
  data.counters[prefix] = n + 1;
  return `${prefix}-${String(n).padStart(digits, "0")}`;
}

function days(from: string, until: string): number {
  return Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000) + 1;
}

export default defineHandlers({
  actions: {
    open_incident: (_inputs, ctx) => ({
      new_incident_ref: nextRef(ctx.data as Data, "INC", 200001, 6),
    }),

    get_ticket: ({ incident_ref }, ctx) => {
      const ref = String(incident_ref);
      const ticket = TICKETS[ref];
      if (!ticket)
        throw new UserFacingError(
          `I can't find a ticket ${ref}. Check the reference in the e-mail you got.`,
        );
      if ((ctx.data as Data).closed?.includes(ref))
        return {
          ticket_state: "closed",
          ticket_team: ticket.team,
          ticket_update: "you closed it.",
        };
      return { ticket_state: ticket.state, ticket_team: ticket.team, ticket_update: ticket.update };
    },

    close_ticket: ({ incident_ref }, ctx) => {
      const ref = String(incident_ref);
      const ticket = TICKETS[ref];
      if (!ticket) throw new UserFacingError(`I can't find a ticket ${ref}.`);
      if (ticket.state === "closed") throw new UserFacingError(`${ref} is already closed.`);
      const data = ctx.data as Data;
      data.closed = [...(data.closed ?? []), ref];
      return {};
    },

    fix_account: ({ staff_username, account_fix }) => {
      const account = ACCOUNTS[String(staff_username).toLowerCase()];
      if (!account) throw new UserFacingError(`I can't find an account called ${staff_username}.`);
      if (account.service)
        throw new UserFacingError(
          "That's a service account: the desk can't reset it here. I'll need a technician for that.",
        );
      if (account_fix === "account_unlock" && !account.locked) return { reset_channel: "" };
      return { reset_channel: account.channel };
    },

    request_items: ({ requested_items }, ctx) => {
      const items = Array.isArray(requested_items) ? requested_items.map(String) : [];
      if (items.length === 0) throw new UserFacingError("I need at least one item to request.");
      const hardware = items.some((item) => HARDWARE.has(item));
      return {
        request_ref: nextRef(ctx.data as Data, "REQ", 5001, 5),
        approver_name: hardware ? "your manager and the IT asset team" : "your manager",
      };
    },

    book_equipment_loan: ({ loan_from, loan_until }, ctx) => {
      const from = String(loan_from);
      const until = String(loan_until);
      const length = days(from, until);
      if (Number.isNaN(length) || length < 1)
        throw new UserFacingError("The return date has to be on or after the start date.");
      if (length > MAX_LOAN_DAYS)
        throw new UserFacingError(
          `Loans are up to ${MAX_LOAN_DAYS} days; that would be ${length}.`,
        );
      return { loan_ref: nextRef(ctx.data as Data, "LN", 301, 4) };
    },
  },
});
