import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomain } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, inFlow } from "../helpers.ts";

/** The language packs' task words: generic verbs of one act match a flow of that act. */
const fixtures = path.resolve(import.meta.dirname, "../../fixtures/du");
const root = path.resolve(import.meta.dirname, "../../..");
let visits: LoadedDomain;
let noChange: LoadedDomain;
let clinic: LoadedDomain;
let banking: LoadedDomain;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
beforeAll(async () => {
  visits = await loadDomain(path.join(fixtures, "service-visits.yaml"));
  noChange = await loadDomain(path.join(fixtures, "service-visits-no-change.yaml"));
  clinic = await loadDomain(path.join(root, "examples/clinic"));
  banking = await loadDomain(path.join(root, "examples/banking"));
});
const read = (domain: LoadedDomain, text: string) => du.read(text, domain, emptyState("t"));
const started = (domain: LoadedDomain, text: string) => {
  const first = read(domain, text)[0];
  return first?.type === "start_flow" ? first.flow : first?.type;
};

describe("task words", () => {
  it("carries a verb no trigger has to the flow of its act", () => {
    expect(started(visits, "I need to reschedule my visit")).toBe("move_visit");
    expect(started(visits, "please postpone my visit")).toBe("move_visit");
    expect(started(visits, "I want to call off my visit")).toBe("cancel_visit");
    expect(started(visits, "can I schedule a visit")).toBe("book_visit");
  });

  it("reads Spanish task words in an English domain", () => {
    expect(started(clinic, "quiero anular mi cita")).toBe("cancel_appointment");
    expect(started(clinic, "puedo aplazar mi cita al viernes")).toBe("reschedule_appointment");
  });

  it("reads a phrase as its act, its other words adding no weight", () => {
    // "back" is no word of any flow: inside "push back" it does not lower the match.
    expect(started(visits, "can you push back my visit")).toBe("move_visit");
    expect(started(visits, "could you set up a visit for me")).toBe("book_visit");
  });

  it("reads a function word of an act ('make') only for a flow of that act", () => {
    expect(started(clinic, "I'd like to make an appointment")).toBe("book_appointment");
    // Alone it starts nothing, and in a domain without a booking flow it means nothing.
    expect(read(visits, "make me a sandwich")).toEqual([]);
    expect(started(banking, "make a transfer of 50 euros to Ana")).toBe("transfer_funds");
  });

  it("reads a filler that shares a task word's stem ('wait', 'waiting') as no act", () => {
    const withWait = du.read("wait, what's in my checking account?", banking, emptyState("t"));
    const plain = du.read("what's in my checking account?", banking, emptyState("t"));
    expect(withWait).toEqual(plain);
  });

  it("ignores a negated task word: 'I can't make it' books nothing", () => {
    expect(started(clinic, "I can't make it on thursday, can we change it")).toBe(
      "reschedule_appointment",
    );
  });

  it("weighs below the flow's own words", () => {
    // "move" is move_visit's own word; "reschedule" is only of the same act.
    const { index } = du.prepare(visits);
    const own = index.rank("move my visit").find((r) => r.flow === "move_visit")!;
    const related = index.rank("reschedule my visit").find((r) => r.flow === "move_visit")!;
    expect(related.score).toBeGreaterThan(0);
    expect(related.score).toBeLessThan(own.score);
  });

  it("lets the domain drop an act", () => {
    expect(started(noChange, "I need to reschedule my visit")).not.toBe("move_visit");
    expect(started(noChange, "move my visit")).toBe("move_visit");
  });

  it("takes a pattern value or a date as evidence for the flows that collect it", () => {
    expect(read(visits, "postpone VS-1234")).toEqual([
      { type: "start_flow", flow: "move_visit" },
      { type: "set_slot", slot: "visit_code", value: "VS-1234" },
    ]);
  });

  it("explains a word of the descriptions or prompts of the slots a flow asks for", () => {
    const { index } = du.prepare(visits);
    const coverage = (text: string) =>
      index.rank(text).find((r) => r.flow === "book_visit")?.coverage ?? 0;
    expect(coverage("a visit for my appliance")).toBe(1);
    expect(coverage("a visit for fixing")).toBe(1);
    expect(coverage("a visit for my sandwich")).toBeLessThan(0.6);
    // ...without scoring for it: a flow's own words decide.
    expect(index.rank("appliance").length).toBe(0);
  });

  it("corrects two typos in a long word", () => {
    expect(started(clinic, "reschedual my apointment pls")).toBe("reschedule_appointment");
  });
});

describe("renting, and requests with a word of manner", () => {
  let rental: LoadedDomain;
  beforeAll(async () => {
    rental = await loadDomain(path.join(fixtures, "two-dates.yaml"));
  });

  it("reads 'hire' and 'alquilar' as renting, but not 'are you hiring'", () => {
    expect(started(rental, "hey i'd like to hire a car")).toBe("rent_car");
    expect(started(rental, "quiero alquilar un coche")).toBe("rent_car");
    expect(started(rental, "are you hiring")).not.toBe("rent_car");
  });

  it("does not take the request after a trigger's cue word for a free-text value", async () => {
    const transfers = await domainFromLines(
      [
        "slots:",
        "  amount: { type: float }",
        "  beneficiary: { type: string, prompt: 'Who to?' }",
        "flows:",
        "  transfer_funds:",
        "    description: Transfer money to someone",
        "    trigger: { intents: ['I want to transfer money', 'send {amount} to {beneficiary}'] }",
        "    steps:",
        "      - { step: who, type: collect, slot: beneficiary }",
        "      - { step: much, type: collect, slot: amount }",
      ],
      "transfers.yaml",
    );
    expect(read(transfers, "I need to transfer money urgently")).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
    ]);
    expect(read(transfers, "send 20 to my neighbour")).toContainEqual({
      type: "set_slot",
      slot: "beneficiary",
      value: "my neighbour",
    });
  });
});

describe("a trigger phrase but for one word", () => {
  it("starts its flow when nothing else reads the message", async () => {
    const domain = await domainFromLines(
      [
        "slots:",
        "  iban: { type: string, prompt: 'Their IBAN?' }",
        "flows:",
        "  check_balance:",
        "    description: Check an account",
        "    trigger: { intents: ['How much money do I have?'] }",
        "    steps:",
        "      - { step: tell, type: say, message: 'Plenty.' }",
        "  send_money:",
        "    description: Send money to someone",
        "    trigger: { intents: ['send money'] }",
        "    steps:",
        "      - { step: ask, type: collect, slot: iban }",
        "  list_cards:",
        "    description: List my cards",
        "    trigger: { intents: ['which cards do I have?'] }",
        "    steps:",
        "      - { step: tell, type: say, message: 'Two.' }",
      ],
      "near.yaml",
    );
    expect(started(domain, "How much do I have?")).toBe("check_balance");
    // Left out of both phrases, "do I have" names neither flow.
    expect(started(domain, "do I have")).toBeUndefined();
    // Asked while another flow waits for an answer, it interrupts that flow.
    const waiting = inFlow(domain, "send_money", { waiting: "iban" });
    expect(du.read("How much do I have?", domain, waiting)[0]).toEqual({
      type: "start_flow",
      flow: "check_balance",
    });
  });
});
