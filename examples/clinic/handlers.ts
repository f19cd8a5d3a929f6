/**
 * Handlers of the clinic example: a plain module (no framework import). Every conversation
 * starts with two appointments (AP-4821 dermatology, AP-3307 general practice); new ones are
 * numbered AP-5001, AP-5002, ... per conversation, so runs are repeatable.
 */

type Value = string | number | boolean | null | string[] | undefined;
interface Ctx {
  conversationId: string;
}
interface Appointment {
  specialty: string;
  cancelled: boolean;
}

const DOCTORS: Record<string, string> = {
  general_practice: "Dr. Ramos",
  dermatology: "Dr. Serra",
  pediatrics: "Dr. Vidal",
  cardiology: "Dr. Mora",
  physiotherapy: "Dr. Costa",
};
const FIRST_SLOT: Record<string, string> = { morning: "09:30", afternoon: "16:00" };
const agendas = new Map<string, { appointments: Map<string, Appointment>; next: number }>();

function agendaOf(ctx: Ctx) {
  let agenda = agendas.get(ctx.conversationId);
  if (!agenda) {
    agenda = {
      appointments: new Map([
        ["AP-4821", { specialty: "dermatology", cancelled: false }],
        ["AP-3307", { specialty: "general_practice", cancelled: false }],
      ]),
      next: 5001,
    };
    agendas.set(ctx.conversationId, agenda);
  }
  return agenda;
}

function refuse(userMessage: string): Error {
  return Object.assign(new Error(userMessage), { userMessage });
}

/** "ap 4821", "AP4821", "4821" -> "AP-4821". */
function codeOf(value: Value): string {
  const digits = String(value ?? "").replace(/\D/g, "");
  return digits.length === 4 ? `AP-${digits}` : String(value ?? "").trim();
}

function found(value: Value, ctx: Ctx): Appointment {
  const appointment = agendaOf(ctx).appointments.get(codeOf(value));
  if (!appointment || appointment.cancelled) throw refuse("I can't find that appointment.");
  return appointment;
}

const slotOf = (timeOfDay: Value) => FIRST_SLOT[String(timeOfDay)] ?? "09:30";

export const actions = {
  book_appointment(inputs: Record<string, Value>, ctx: Ctx) {
    const agenda = agendaOf(ctx);
    const code = `AP-${agenda.next++}`;
    const specialty = String(inputs.specialty);
    agenda.appointments.set(code, { specialty, cancelled: false });
    return {
      appointment_code: code,
      doctor: DOCTORS[specialty] ?? "the doctor",
      appointment_time: slotOf(inputs.time_of_day),
    };
  },
  reschedule_appointment(inputs: Record<string, Value>, ctx: Ctx) {
    const appointment = found(inputs.appointment_code, ctx);
    return {
      doctor: DOCTORS[appointment.specialty] ?? "the doctor",
      appointment_time: slotOf(inputs.time_of_day),
    };
  },
  cancel_appointment(inputs: Record<string, Value>, ctx: Ctx) {
    found(inputs.appointment_code, ctx).cancelled = true;
  },
};

export const normalizers = {
  appointment_code: (value: Value) => codeOf(value),
};

export const validators = {
  known_appointment(value: Value, ctx: Ctx) {
    const appointment = agendaOf(ctx).appointments.get(codeOf(value));
    return appointment !== undefined && !appointment.cancelled;
  },
  /** Dates arrive as YYYY-MM-DD; the clinic is closed at weekends. */
  weekday(value: Value) {
    const day = new Date(`${String(value)}T12:00:00Z`).getUTCDay();
    return day >= 1 && day <= 5;
  },
};
