/**
 * Handlers of the library example: a small in-memory catalogue of members, loans and fines
 * that every conversation starts with. New references (holds, rooms, receipts, cards) are
 * numbered per conversation in ctx.data, so runs are repeatable.
 *
 * Members: RB-100001 Ana Ruiz (three loans, no fines), RB-100002 Tom Baker (two loans, one
 * reserved by someone else, £3.40 in fines), RB-100003 Sam Lee (£14.20 in fines: over the £10
 * limit, so renewals and holds are refused).
 */
import { defineHandlers, UserFacingError } from "soni";

interface Member {
  name: string;
  loans: { title: string; reservedByOthers: boolean }[];
  fines: number[];
}

const MEMBERS: Record<string, Member> = {
  "RB-100001": {
    name: "Ana Ruiz",
    loans: [
      { title: "The Night Circus", reservedByOthers: false },
      { title: "A Short History of Nearly Everything", reservedByOthers: false },
      { title: "Paddington", reservedByOthers: false },
    ],
    fines: [],
  },
  "RB-100002": {
    name: "Tom Baker",
    loans: [
      { title: "Project Hail Mary", reservedByOthers: true },
      { title: "Wolf Hall", reservedByOthers: false },
    ],
    fines: [1.2, 2.2],
  },
  "RB-100003": {
    name: "Sam Lee",
    loans: [{ title: "Dune", reservedByOthers: false }],
    fines: [4.0, 5.1, 5.1],
  },
};

// Libraries may refuse service above this much in unpaid fines.
const FINE_LIMIT = 10;
const LOAN_DAYS = 21;

const ROOMS: Record<string, { name: string; seats: number }[]> = {
  central: [
    { name: "Room 1 (4 seats)", seats: 4 },
    { name: "the Reading Room (10 seats)", seats: 10 },
  ],
  eastgate: [{ name: "the Garden Room (6 seats)", seats: 6 }],
  westfield: [{ name: "Room A (4 seats)", seats: 4 }],
  millbrook: [],
};

// Weekday and weekend hours; Westfield closes at five, so it has no evening block.
const HOURS: Record<string, { text: string; closesAt: number; sunday: boolean }> = {
  central: {
    text: "Monday to Saturday 9:00-20:00 and Sunday 11:00-16:00",
    closesAt: 20,
    sunday: true,
  },
  eastgate: {
    text: "Monday to Saturday 9:00-20:00, closed on Sunday",
    closesAt: 20,
    sunday: false,
  },
  millbrook: {
    text: "Tuesday to Saturday 10:00-18:00, closed Sunday and Monday",
    closesAt: 18,
    sunday: false,
  },
  westfield: {
    text: "Monday to Friday 9:00-17:00 and Saturday 10:00-13:00",
    closesAt: 17,
    sunday: false,
  },
};

type Data = Record<string, unknown>;

function member(card: unknown): Member {
  const found = MEMBERS[String(card ?? "").toUpperCase()];
  if (!found)
    throw new UserFacingError(
      `I can't find a member with card ${card}. Please check the number on the back of the card.`,
    );
  return found;
}

function owed(m: Member): number {
  return Math.round(m.fines.reduce((sum, fine) => sum + fine, 0) * 100) / 100;
}

function nextRef(data: Data, prefix: string, start: number): string {
  const key = `next_${prefix}`;
  const n = typeof data[key] === "number" ? (data[key] as number) : start;
  data[key] = n + 1;
  return `${prefix}-${n}`;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export default defineHandlers({
  actions: {
    renew_loans: ({ card_number }, ctx) => {
      const m = member(card_number);
      if (owed(m) > FINE_LIMIT) {
        throw new UserFacingError(
          `There is £${owed(m).toFixed(2)} in fines on this card; renewals are blocked above £${FINE_LIMIT}. Pay the fines and try again.`,
        );
      }
      const renewable = m.loans.filter((loan) => !loan.reservedByOthers);
      if (renewable.length === 0)
        throw new UserFacingError(
          "None of your loans can be renewed: other members are waiting for them.",
        );
      const held = m.loans.filter((loan) => loan.reservedByOthers).map((loan) => loan.title);
      const due = new Date(ctx.now.getTime() + LOAN_DAYS * 86_400_000);
      ctx.logger.info({ count: renewable.length }, "loans renewed");
      return {
        renewed_count: renewable.length,
        new_due_date: isoDay(due),
        not_renewed: held.length
          ? ` ${held.join(", ")} could not be renewed: another member has reserved it.`
          : "",
      };
    },

    place_hold: ({ card_number, book_title, item_format }, ctx) => {
      const m = member(card_number);
      if (owed(m) > FINE_LIMIT) {
        throw new UserFacingError(
          `Holds are paused on this card until the fines (£${owed(m).toFixed(2)}) are under £${FINE_LIMIT}.`,
        );
      }
      const text = String(book_title ?? "").trim();
      if (text.length < 2)
        throw new UserFacingError("I need at least part of the title to find it in the catalogue.");
      if (item_format === "audiobook" && /paddington/i.test(text)) {
        throw new UserFacingError(
          "We don't have an audiobook of that title; the print copy and the e-book are available.",
        );
      }
      const data = ctx.data as Data;
      return { hold_ref: nextRef(data, "H", 5001), queue_position: (text.length % 4) + 1 };
    },

    book_study_room: ({ card_number, library_branch, room_date, time_of_day, group_size }, ctx) => {
      member(card_number);
      const branch = String(library_branch);
      const rooms = ROOMS[branch] ?? [];
      if (rooms.length === 0)
        throw new UserFacingError(
          "Millbrook Library has no study rooms. Central, Eastgate and Westfield do.",
        );
      const day = new Date(`${room_date}T12:00:00Z`);
      if (day.getTime() < ctx.now.getTime() - 86_400_000)
        throw new UserFacingError("That day has already passed; which day would suit you?");
      const hours = HOURS[branch];
      if (day.getUTCDay() === 0 && !hours?.sunday)
        throw new UserFacingError(`That library is closed on Sundays (${hours?.text}).`);
      if (time_of_day === "evening" && (hours?.closesAt ?? 0) <= 17) {
        throw new UserFacingError(
          "Westfield Library closes at 17:00, so it has no evening bookings.",
        );
      }
      const size = Number(group_size);
      const room = rooms.find((r) => r.seats >= size);
      if (!room)
        throw new UserFacingError(
          `Our largest room there seats ${Math.max(...rooms.map((r) => r.seats))}.`,
        );
      return { room_ref: nextRef(ctx.data as Data, "SR", 801), room_name: room.name };
    },

    look_up_fines: ({ card_number }) => {
      const m = member(card_number);
      return { fine_total: owed(m), fine_count: m.fines.length };
    },

    pay_fines: ({ card_number, fine_total }, ctx) => {
      member(card_number);
      if (!(Number(fine_total) > 0))
        throw new UserFacingError("There is nothing to pay on this card.");
      return { payment_ref: nextRef(ctx.data as Data, "PAY", 3001) };
    },

    block_card: ({ member_name, lost_card_number }, ctx) => {
      const name = String(member_name ?? "").trim();
      if (lost_card_number) {
        const m = member(lost_card_number);
        if (m.name.toLowerCase() !== name.toLowerCase()) {
          throw new UserFacingError(
            "That card number belongs to another member. Please visit a library desk with photo ID.",
          );
        }
      } else if (!Object.values(MEMBERS).some((m) => m.name.toLowerCase() === name.toLowerCase())) {
        throw new UserFacingError(
          `I can't find a member called ${name}. Please visit a library desk with photo ID.`,
        );
      }
      return { new_card_number: nextRef(ctx.data as Data, "RB", 200001) };
    },

    get_opening_hours: ({ library_branch }) => {
      const hours = HOURS[String(library_branch)];
      if (!hours) throw new UserFacingError("I don't know that library.");
      return { hours_text: hours.text };
    },
  },
});
