import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type { Command } from "../../src/protocol/commands.ts";
import { testRuntime } from "./helpers.ts";
import { say } from "./scripted-du.ts";

let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));
});

const VALID_IBAN = "ES91 2100 0418 4502 0005 1332";
const start = (flow: string, slots?: Record<string, string | number>): Command =>
  slots ? { type: "start_flow", flow, slots } : { type: "start_flow", flow };
const set = (slot: string, value: string | number): Command => ({ type: "set_slot", slot, value });

/** A banking conversation: `send` feeds commands and returns the bot's messages. */
function bank() {
  let n = 122;
  const handlers = createBankingHandlers({
    clock: () => new Date("2026-03-10T09:30:00Z"),
    nextId: () => ++n,
  });
  const t = testRuntime(domain, handlers);
  const send = async (...commands: Command[]) =>
    (await t.runtime.processMessage(say(...commands), "alice")).messages;
  return { ...t, send };
}

/** Runs a transfer up to its confirmation. */
async function transferToConfirmation(
  send: (...c: Command[]) => Promise<string[]>,
  amount: string,
) {
  await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
  await send(set("iban", VALID_IBAN));
  await send(set("amount", amount));
  await send(set("transfer_concept", "rent March"));
  return send(set("source_account", "checking"));
}

describe("banking: transfer_funds", () => {
  it("happy path ends with a transaction id", async () => {
    const { send, runtime } = bank();
    expect(await send(start("transfer_funds"))).toEqual([
      "Who would you like to send the money to?",
    ]);
    expect(await send(set("beneficiary_name", "Maria"))).toEqual(["What is Maria's IBAN?"]);
    expect(await send(set("iban", VALID_IBAN.toLowerCase()))).toEqual([
      "How much would you like to send?",
    ]);
    expect(await send(set("amount", "1,500.50"))).toEqual([
      "What is the transfer for? (a short concept, e.g. 'rent March')",
    ]);
    await send(set("transfer_concept", "rent March"));
    const summary = await send(set("source_account", "current account"));
    expect(summary).toEqual([
      'Please confirm: send 1,500.50 EUR from your checking account to Maria (IBAN ES9121000418450200051332), concept "rent March". Shall I go ahead?',
    ]);
    expect(await send({ type: "affirm" })).toEqual([
      "Done! 1,500.50 EUR are on their way to Maria. Transaction id: TX-2026-000123.",
    ]);
    const state = await runtime.getState("alice");
    expect(state).toMatchObject({ flow_state: "idle", active_flow: null, turn_count: 7 });
  });

  it("an amount above 10,000 asks for the security code", async () => {
    const { send } = bank();
    await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
    await send(set("iban", VALID_IBAN));
    expect(await send(set("amount", "12.500"))).toEqual([
      "Transfers above 10,000 EUR need extra verification. Please enter your 6-digit security code.",
    ]);
    const wrong = await send(set("security_code", "12345"));
    expect(wrong[0]).toBe("The security code has exactly 6 digits.");
    expect(await send(set("security_code", "123 456"))).toEqual([
      "What is the transfer for? (a short concept, e.g. 'rent March')",
    ]);
  });

  it("an invalid IBAN is re-asked with its validation message", async () => {
    const { send, runtime } = bank();
    await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
    expect(await send(set("iban", "ES91 2100 0418 4502 0005 1333"))).toEqual([
      "That IBAN's check digits don't match. Please check for a typo.",
      "What is Maria's IBAN?",
    ]);
    expect(await send(set("iban", "ES91 2100"))).toEqual([
      "ES IBANs have 24 characters, but that one has 8. Please check it.",
      "What is Maria's IBAN?",
    ]);
    expect((await runtime.getState("alice")).slots.iban).toBeUndefined();
    expect((await runtime.getState("alice")).waiting_for_slot).toBe("iban");
  });

  it("correcting the amount during confirmation re-shows the summary", async () => {
    const { send } = bank();
    await transferToConfirmation(send, "200");
    expect(await send({ type: "correct_slot", slot: "amount", value: "250" })).toEqual([
      "Okay, I've changed the amount to 250.00.",
      'Please confirm: send 250.00 EUR from your checking account to Maria (IBAN ES9121000418450200051332), concept "rent March". Shall I go ahead?',
    ]);
  });

  it("correcting the amount above 10,000 during confirmation asks the security code first", async () => {
    const { send } = bank();
    await transferToConfirmation(send, "200");
    const reply = await send({ type: "correct_slot", slot: "amount", value: "15k" });
    expect(reply).toEqual([
      "Okay, I've changed the amount to 15,000.00.",
      "Transfers above 10,000 EUR need extra verification. Please enter your 6-digit security code.",
    ]);
    const summary = await send(set("security_code", "654321"));
    expect(summary[0]).toContain("send 15,000.00 EUR");
    expect((await send({ type: "affirm" }))[0]).toContain("TX-2026-000123");
  });

  it("deny goes to on_deny and sends nothing", async () => {
    const { send, runtime } = bank();
    await transferToConfirmation(send, "200");
    expect(await send({ type: "deny" })).toEqual([
      "OK, I haven't sent anything. You can start a new transfer whenever you like.",
    ]);
    expect((await runtime.getState("alice")).flow_state).toBe("idle");
  });

  it("a failing transfer (insufficient funds) goes to on_error", async () => {
    const { send, lines } = bank();
    await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
    await send(set("iban", VALID_IBAN));
    await send(set("amount", "40000"));
    await send(set("security_code", "123456"));
    await send(set("transfer_concept", "car"));
    await send(set("source_account", "checking"));
    // The handler's user-facing reason (UserFacingError), then the on_error step's message.
    expect(await send({ type: "affirm" })).toEqual([
      "Sorry, there isn't enough money in your checking account: 24,847.52 EUR available, 40,000.00 EUR needed.",
      "The transfer was not sent, and no money left your account.",
    ]);
    const logged = lines.find((l) => l.msg === "Action failed");
    expect(logged).toMatchObject({ conversation_id: "alice", action: "execute_transfer" });
    expect(String(logged?.error)).toContain("isn't enough money");
  });

  it("cancel mid-flow ends it", async () => {
    const { send, runtime } = bank();
    await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
    expect(await send({ type: "cancel_flow" })).toEqual(["No problem, I've cancelled that."]);
    expect(await runtime.getState("alice")).toMatchObject({ flow_state: "idle", flow_stack: [] });
  });

  it("a balance question in the middle of a transfer, then back to the pending question", async () => {
    const { send, runtime } = bank();
    await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
    await send(set("iban", VALID_IBAN));
    expect(await send(start("check_balance"))).toEqual([
      "Which account: checking, savings or investment?",
    ]);
    expect((await runtime.getState("alice")).flow_stack.map((f) => f.flow)).toEqual([
      "transfer_funds",
      "check_balance",
    ]);
    expect(await send(set("account_type", "savings account"))).toEqual([
      "Your savings account balance is 52,310.00 EUR.",
      "Let's get back to your transfer.",
      "How much would you like to send?",
    ]);
    expect(await send(set("amount", "100"))).toEqual([
      "What is the transfer for? (a short concept, e.g. 'rent March')",
    ]);
  });

  it("help explains the pending question and asks it again", async () => {
    const { send } = bank();
    await send(start("transfer_funds"), set("beneficiary_name", "Maria"));
    expect(await send({ type: "clarify" })).toEqual([
      "The recipient's International Bank Account Number, e.g. ES91 2100 0418 4502 0005 1332. You'll find it on their bank statement or app.",
      "What is Maria's IBAN?",
    ]);
  });

  it("human handoff ends the flows", async () => {
    const { send, runtime } = bank();
    await send(start("transfer_funds"));
    expect(await send({ type: "human_handoff" })).toEqual([
      "I'm connecting you with one of our agents. They'll see this conversation, so you won't have to repeat yourself.",
    ]);
    expect((await runtime.getState("alice")).flow_state).toBe("idle");
  });
});

describe("banking: other flows", () => {
  it("pages through transactions until the user has seen them all", async () => {
    const { send } = bank();
    const first = await send(
      start("check_transactions", { account_type: "checking", transaction_period: "this month" }),
    );
    expect(first[0]).toMatch(/^Transactions 1-5 of 12 \(checking, this month\):/);
    expect(first.at(-1)).toBe("Would you like to see more transactions?");
    const second = await send({ type: "affirm" });
    expect(second[0]).toMatch(/^Transactions 6-10 of 12/);
    const third = await send({ type: "affirm" });
    expect(third).toEqual([
      expect.stringMatching(/^Transactions 11-12 of 12/),
      "That's everything I have for your checking account for that period.",
    ]);
  });

  it("stops paging when the user says no", async () => {
    const { send, runtime } = bank();
    await send(
      start("check_transactions", {
        account_type: "checking",
        transaction_period: "last 3 months",
      }),
    );
    expect(await send({ type: "deny" })).toEqual([
      "That's everything I have for your checking account for that period.",
    ]);
    expect((await runtime.getState("alice")).flow_state).toBe("idle");
  });

  it("blocks a card after confirmation", async () => {
    const { send } = bank();
    await send(start("block_card", { card_type: "credit card" }));
    const confirm = await send(set("card_last_4", "48 21"));
    expect(confirm[0]).toContain("block your credit card ending in 4821");
    expect((await send({ type: "affirm" }))[0]).toContain("Block reference: BLK-2026-000123");
  });

  it("pays a bill, asking the reference again when it is unknown", async () => {
    const { send } = bank();
    await send(start("pay_bill", { bill_type: "power" }));
    expect(await send(set("bill_reference", "nf1234"))).toEqual([
      "I couldn't find a pending electricity bill with reference NF1234.",
      "What is the bill reference? It's printed at the top of the bill.",
    ]);
    expect((await send(set("bill_reference", "abc")))[0]).toContain("at least 6");
    const confirm = await send(set("bill_reference", "el-2026-0042"));
    expect(confirm[0]).toMatch(
      /^Your Volta Energía electricity bill \(EL-2026-0042\) is \d+(\.\d\d)? EUR/,
    );
    expect((await send({ type: "affirm" }))[0]).toContain("Receipt number: RCPT-2026-000123");
  });

  it("orders a card with a delivery estimate", async () => {
    const { send } = bank();
    await send(start("request_card", { card_type: "debit" }));
    await send(set("delivery_address", "Calle Mayor 1, Madrid"));
    const done = await send({ type: "affirm" });
    expect(done[0]).toContain("should arrive by Tuesday, 17 March 2026");
  });

  it("says it cannot handle after repeated misunderstandings", async () => {
    const { send, runtime } = bank();
    await send(start("transfer_funds"));
    expect(await send()).toEqual([
      "Sorry, I didn't quite get that.",
      "Who would you like to send the money to?",
    ]);
    await send();
    expect(await send()).toEqual([
      "I'm having trouble understanding. Would you like to talk to one of our agents? You can also rephrase, or type 'help'.",
      "Who would you like to send the money to?",
    ]);
    expect((await runtime.getState("alice")).active_flow).toBe("transfer_funds");
  });

  it("asks which flow was meant when the DU finds two", async () => {
    const { send } = bank();
    expect(await send({ type: "clarify", flows: ["check_balance", "check_transactions"] })).toEqual(
      ["Did you mean: check the balance of an account, or see recent transactions of an account?"],
    );
  });
});
