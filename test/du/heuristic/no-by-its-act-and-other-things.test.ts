import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At the summary, the flow's own act said behind a negation ("on second thoughts I won't
 * cancel", "pensándolo mejor, no la anulo") is a no, and a no that puts things off to no set
 * day ("no, mejor lo pago otro día") refuses the flow rather than naming a slot to change.
 * Asked for a value, "do you do kayak tours as well?" (the domain's noun qualified by a word
 * nothing knows) asks for another thing, and "hang on, I have to go out to the garage to look
 * at it" is a pause. On a small boat hire and a Spanish gym.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let boats: LoadedDomain;
let gym: LoadedDomain;

beforeAll(async () => {
  boats = await domainFromLines(
    [
      "slots:",
      "  booking_code: { extract: pattern, pattern: 'BT-\\d{4}', prompt: 'Your booking code?' }",
      "  boat: { choices: [rowing, motor], prompt: 'Which boat?' }",
      "  hull_number: { type: string, prompt: 'What number is painted on the hull?' }",
      "  ok: { type: boolean }",
      "  topic:",
      "    choices: [hours, prices]",
      "    synonyms: { hours: [opening times, answering the phones], prices: [price, cost] }",
      "flows:",
      "  cancel_hire:",
      "    description: Cancel a boat hire",
      "    trigger: { intents: ['cancel my boat hire'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: booking_code }",
      "      - { step: k, type: confirm, slot: ok, message: 'Cancel {booking_code}?' }",
      "  hire_boat:",
      "    description: Hire a boat for the day",
      "    trigger: { intents: ['hire a boat', 'book a boat tour'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: boat }",
      "      - { step: h, type: collect, slot: hull_number }",
      "  boathouse_info:",
      "    description: Opening hours and prices of the boathouse",
      "    trigger: { intents: ['opening hours', 'when are the phones answered', 'what are your prices'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: topic }",
    ],
    "boats.yaml",
  );
  gym = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  forma_pago: { choices: [tarjeta, efectivo], prompt: '¿Cómo quieres pagar?' }",
      "  codigo: { extract: pattern, pattern: 'GY-\\d{4}', prompt: '¿Tu código de socio?' }",
      "  ok: { type: boolean }",
      "flows:",
      "  pagar_cuota:",
      "    description: Pagar la cuota del gimnasio",
      "    trigger: { intents: ['pagar la cuota'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: forma_pago }",
      "      - { step: k, type: confirm, slot: ok, message: '¿Pago de la cuota con {forma_pago}?' }",
      "  anular_reserva:",
      "    description: Anular una reserva de pista",
      "    trigger: { intents: ['anular mi reserva'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo }",
      "      - { step: k, type: confirm, slot: ok, message: '¿Anular la reserva {codigo}?' }",
    ],
    "gimnasio.yaml",
  );
});

describe("the flow's own act negated at the summary", () => {
  const atCancel = (text: string) =>
    du.read(
      text,
      boats,
      inFlow(boats, "cancel_hire", { confirm: true, slots: { booking_code: "BT-1234" } }),
    );
  const atAnular = (text: string) =>
    du.read(
      text,
      gym,
      inFlow(gym, "anular_reserva", { confirm: true, slots: { codigo: "GY-1234" } }),
    );

  it("is a no", () => {
    expect(atCancel("on second thoughts, I won't cancel")).toEqual([{ type: "deny" }]);
    expect(atAnular("bueno, pensándolo mejor, no la anulo")).toEqual([{ type: "deny" }]);
  });

  it("leaves a yes that says the act a yes", () => {
    expect(atCancel("yes, cancel it")).toEqual([{ type: "affirm" }]);
  });
});

describe("a no putting it off at the summary", () => {
  const atPay = (text: string) =>
    du.read(
      text,
      gym,
      inFlow(gym, "pagar_cuota", { confirm: true, slots: { forma_pago: "tarjeta" } }),
    );

  it("refuses the flow, no slot named", () => {
    expect(atPay("no, mejor lo pago otro día")).toEqual([{ type: "deny" }]);
  });
});

describe("asked for a value", () => {
  const atBoat = (text: string) =>
    du.read(text, boats, inFlow(boats, "hire_boat", { waiting: "boat" }));
  const atHull = (text: string) =>
    du.read(
      text,
      boats,
      inFlow(boats, "hire_boat", { waiting: "hull_number", slots: { boat: "motor" } }),
    );

  it("reads the domain's noun qualified by an unknown word as another thing", () => {
    expect(atBoat("do you do kayak tours as well?")).toEqual([{ type: "out_of_scope" }]);
  });

  it("reads someone to do a thing as no unknown thing", () => {
    const open = du.read(
      "is there anyone answering the phones on sundays?",
      boats,
      emptyState("t"),
    );
    expect(open).toEqual([
      { type: "start_flow", flow: "boathouse_info" },
      { type: "set_slot", slot: "topic", value: "hours" },
    ]);
  });

  it("keeps a question about the domain's own thing", () => {
    expect(atBoat("do you do motor boats?")).not.toEqual([{ type: "out_of_scope" }]);
  });

  it("reads going somewhere to look as a pause", () => {
    const text = "hang on, I have to go out to the garage to look at it";
    expect(atHull(text)).toEqual([{ type: "chitchat", kind: "wait", message: text }]);
    const look = "hold on, let me look at it";
    expect(atHull(look)).toEqual([{ type: "chitchat", kind: "wait", message: look }]);
  });
});
