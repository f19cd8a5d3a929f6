import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { BANKING, inFlow, load, MINI_BANK } from "../helpers.ts";

// Tuesday 10 March 2026.
const NOW = new Date(2026, 2, 10, 12, 0, 0);

let mini: LoadedDomain;
let banking: LoadedDomain;
const du = new HeuristicUnderstanding({ now: () => NOW });
const read = (text: string, state: DialogueState = emptyState("t"), domain = mini): Command[] =>
  du.read(text, domain, state);

beforeAll(async () => {
  mini = await load(MINI_BANK);
  banking = await load(BANKING);
});

describe("first messages", () => {
  it("starts a flow and fills the slots its trigger phrase places", () => {
    expect(read("please send 50 euros to Maria")).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
      { type: "set_slot", slot: "amount", value: 50 },
      { type: "set_slot", slot: "beneficiary_name", value: "Maria" },
    ]);
  });

  it("tolerates typos and synonyms", () => {
    expect(read("I'd like to tranfer some money")).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
    ]);
    expect(read("whats my balanse")).toEqual([{ type: "start_flow", flow: "check_balance" }]);
    expect(read("wire cash to my brother")[0]).toEqual({
      type: "start_flow",
      flow: "transfer_funds",
    });
  });

  it("takes choices (with domain synonyms), IBANs and dates only when unambiguous", () => {
    expect(read("how much do I have in my current account")).toEqual([
      { type: "start_flow", flow: "check_balance" },
      { type: "set_slot", slot: "account_type", value: "checking" },
    ]);
    expect(read("transfer money to ES91 2100 0418 4502 0005 1332")).toContainEqual({
      type: "set_slot",
      slot: "iban",
      value: "ES9121000418450200051332",
    });
    expect(read("I'm travelling abroad next friday")).toEqual([
      { type: "start_flow", flow: "plan_trip" },
      { type: "set_slot", slot: "travel_date", value: "2026-03-13" },
    ]);
  });

  it("asks which flow when two match about equally", () => {
    expect(read("my account")).toEqual([
      { type: "clarify", flows: ["check_balance", "check_transactions"] },
    ]);
  });

  it("starts the flow the user picks after a clarification", () => {
    const state = emptyState("t");
    state.last_turn = {
      turn: 1,
      at: NOW.toISOString(),
      user_message: "my account",
      commands: [{ type: "clarify", flows: ["check_balance", "check_transactions"] }],
      steps: [],
      messages: [],
    };
    expect(read("the second one", state)).toEqual([
      { type: "start_flow", flow: "check_transactions" },
    ]);
    expect(read("balance", state)).toEqual([{ type: "start_flow", flow: "check_balance" }]);
  });

  it("never starts an internal flow from user text", () => {
    const commands = read("audit my balance transfer");
    expect(commands.some((c) => c.type === "start_flow" && c.flow === "audit")).toBe(false);
  });

  it("understands nothing out of scope, and small talk as such", () => {
    expect(read("what's the weather like in Paris?")).toEqual([]);
    expect(read("tell me a joke")).toEqual([]);
    expect(read("")).toEqual([]);
    expect(read("hello")).toEqual([{ type: "start_flow", flow: "greet" }]);
    expect(read("thanks!")).toEqual([{ type: "chitchat", kind: "thanks", message: "thanks!" }]);
    expect(read("thanks, bye")).toEqual([
      { type: "chitchat", kind: "goodbye", message: "thanks, bye" },
    ]);
    expect(read("how are you?")).toEqual([
      { type: "chitchat", kind: "other", message: "how are you?" },
    ]);
    expect(read("help")).toEqual([{ type: "clarify" }]);
    expect(read("I want to speak to a human")[0]?.type).toBe("human_handoff");
  });
});

describe("while a slot is asked", () => {
  const asking = (slot: string, slots = {}) =>
    inFlow(mini, "transfer_funds", { waiting: slot, slots });

  it("reads the message as the slot's value first", () => {
    expect(read("two hundred and fifty", asking("amount"))).toEqual([
      { type: "set_slot", slot: "amount", value: 250 },
    ]);
    expect(read("Maria Lopez", asking("beneficiary_name"))).toEqual([
      { type: "set_slot", slot: "beneficiary_name", value: "Maria Lopez" },
    ]);
    expect(read("my savings", asking("source_account"))).toEqual([
      { type: "set_slot", slot: "source_account", value: "savings" },
    ]);
  });

  it("takes other slots given alongside the answer", () => {
    expect(read("Ana, 50 euros", asking("beneficiary_name"))).toEqual([
      { type: "set_slot", slot: "beneficiary_name", value: "Ana" },
      { type: "set_slot", slot: "amount", value: 50 },
    ]);
  });

  it("recognises cancel, help, a human and greetings", () => {
    expect(read("forget it", asking("amount"))).toEqual([{ type: "cancel_flow" }]);
    expect(read("olvídalo", asking("beneficiary_name"))).toEqual([{ type: "cancel_flow" }]);
    expect(read("what do you mean?", asking("iban"))).toEqual([{ type: "clarify", topic: "iban" }]);
    expect(read("what is an IBAN?", asking("iban"))).toEqual([{ type: "clarify", topic: "iban" }]);
    expect(read("can I talk to an agent", asking("amount"))[0]?.type).toBe("human_handoff");
    expect(read("thank you", asking("amount"))[0]?.type).toBe("chitchat");
  });

  it("starts another flow only on a clear request (a digression)", () => {
    expect(read("what's my balance?", asking("beneficiary_name"))).toEqual([
      { type: "start_flow", flow: "check_balance" },
    ]);
    expect(read("how much money do I have in savings?", asking("amount"))).toEqual([
      { type: "start_flow", flow: "check_balance" },
      { type: "set_slot", slot: "account_type", value: "savings" },
    ]);
  });

  it("turns explicit corrections into correct_slot", () => {
    const state = asking("source_account", { beneficiary_name: "Ana", amount: 200 });
    expect(read("actually make it 300", state)).toEqual([
      { type: "correct_slot", slot: "amount", value: 300 },
    ]);
    expect(read("change the amount to 450", state)).toEqual([
      { type: "correct_slot", slot: "amount", value: 450 },
    ]);
    expect(read("sorry, I meant Pedro not Ana", state)).toEqual([
      { type: "correct_slot", slot: "beneficiary_name", value: "Pedro" },
    ]);
  });

  it("does not guess: a bare yes is an affirm for the DM to re-ask, an unreadable answer nothing", () => {
    expect(read("yes", asking("amount"))).toEqual([{ type: "affirm" }]);
    expect(read("purple elephants", asking("amount"))).toEqual([]);
    // Not knowing the answer asks what the question means.
    expect(read("hmm not sure", asking("amount"))).toEqual([{ type: "clarify", topic: "amount" }]);
  });

  it("reads dates for date slots", () => {
    const state = inFlow(mini, "plan_trip", { waiting: "travel_date" });
    expect(read("tomorrow", state)).toEqual([
      { type: "set_slot", slot: "travel_date", value: "2026-03-11" },
    ]);
  });
});

describe("while a confirmation is asked", () => {
  const confirming = () =>
    inFlow(mini, "transfer_funds", {
      confirm: true,
      slots: { beneficiary_name: "Ana", amount: 50, source_account: "checking" },
    });

  it.each([
    ["yes", [{ type: "affirm" }]],
    ["sí, adelante", [{ type: "affirm" }]],
    ["no", [{ type: "deny" }]],
    ["no, change the amount", [{ type: "deny", slot_to_change: "amount" }]],
    ["make it 300", [{ type: "correct_slot", slot: "amount", value: 300 }]],
    ["no, from savings", [{ type: "correct_slot", slot: "source_account", value: "savings" }]],
    ["cancel", [{ type: "cancel_flow" }]],
  ])("%s", (text, expected) => {
    expect(read(text, confirming())).toEqual(expected);
  });

  it("lets the user digress to another flow", () => {
    expect(read("what's my balance?", confirming())).toEqual([
      { type: "start_flow", flow: "check_balance" },
    ]);
  });
});

describe("on the banking example", () => {
  it("completes a transfer conversation with natural phrasing", () => {
    const b = (text: string, state: DialogueState) => du.read(text, banking, state);
    expect(b("I need to send money to my friend Laura", emptyState("t"))).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
      { type: "set_slot", slot: "beneficiary_name", value: "Laura" },
    ]);
    const s = (waiting: string, slots = {}) =>
      inFlow(banking, "transfer_funds", { waiting, slots });
    expect(b("Laura Gómez", s("beneficiary_name"))).toEqual([
      { type: "set_slot", slot: "beneficiary_name", value: "Laura Gómez" },
    ]);
    expect(b("es91 2100 0418 4502 0005 1332", s("iban"))).toEqual([
      { type: "set_slot", slot: "iban", value: "ES9121000418450200051332" },
    ]);
    expect(b("1.5k", s("amount"))).toEqual([{ type: "set_slot", slot: "amount", value: 1500 }]);
    expect(b("concert tickets", s("transfer_concept"))).toEqual([
      { type: "set_slot", slot: "transfer_concept", value: "concert tickets" },
    ]);
    expect(b("from the current account", s("source_account"))).toEqual([
      { type: "set_slot", slot: "source_account", value: "checking" },
    ]);
  });

  it("is deterministic", () => {
    const state = inFlow(banking, "transfer_funds", { waiting: "amount" });
    const first = du.read("about two hundred euros", banking, state);
    for (let i = 0; i < 20; i++) {
      expect(du.read("about two hundred euros", banking, state)).toEqual(first);
      du.read("show me what I spent last month on savings", banking, emptyState("t"));
    }
  });
});
