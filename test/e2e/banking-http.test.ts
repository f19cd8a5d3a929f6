/**
 * Black-box conversations with the banking assistant, the way customers reach it: a real
 * `soni server` process on the SQLite default, spoken to over HTTP only. The phrasing is a
 * customer's, not the YAML's trigger phrases; assertions are what the customer would check
 * (the right flow, amounts, names, references) plus what GET /state exposes.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedServer, spawnServer } from "../server/helpers/spawned-server.ts";
import {
  BLOCK_REFERENCE,
  Customer,
  RECEIPT,
  send,
  TRANSACTION_ID,
  uniqueUser,
} from "./helpers/customer.ts";

const BANKING = fileURLToPath(new URL("../../examples/banking", import.meta.url));
const IBAN_ES = "ES91 2100 0418 4502 0005 1332";
const IBAN_ES_COMPACT = "ES9121000418450200051332";
const IBAN_DE = "DE89 3704 0044 0532 0130 00";

let server: SpawnedServer;
const customer = (name: string) => new Customer(server.url, uniqueUser(name));

beforeAll(async () => {
  server = await spawnServer({ config: BANKING });
  expect(path.basename(server.cwd)).toMatch(/^soni-server-/);
});

afterAll(async () => {
  if (!server) return;
  server.signal("SIGTERM");
  const exit = await server.exited;
  expect(exit.code, server.dump()).toBe(0);
  expect(server.messages()).toContain("Soni server shutdown completed");
});

describe("greeting and small talk", () => {
  it("greets and says what it can do", async () => {
    const ana = customer("greet");
    const turn = await ana.say("hey there");
    expect(turn.flow_state).toBe("idle");
    expect(turn.response).toMatch(/balance/);
    expect(turn.response).toMatch(/transfer/);
    expect(turn.response).toMatch(/card/);
    expect((await ana.state()).flow_stack).toEqual([]);
  });

  it("says goodbye when the customer wraps up", async () => {
    const ben = customer("bye");
    const turn = await ben.say("thanks, that's all");
    expect(turn.response).toMatch(/goodbye/i);
    expect(turn.active_flow).toBeNull();
  });
});

describe("balances", () => {
  it("answers a balance question that names the account", async () => {
    const carla = customer("balance-direct");
    const turn = await carla.say("how much have I got in my savings?");
    expect(turn.response).toContain("savings");
    expect(turn.response).toContain("52,310.00 EUR");
    expect(turn.flow_state).toBe("idle");
  });

  it("asks which account, and understands a typo in the answer", async () => {
    const dan = customer("balance-ask");
    const first = await dan.say("whats my balence");
    expect(first.active_flow).toBe("check_balance");
    expect(first.response).toMatch(/checking, savings or investment/);
    const state = await dan.state();
    expect(state.waiting_for_slot).toBe("account_type");
    expect(state.slots).toEqual({});
    const answer = await dan.say("investmnet");
    expect(answer.response).toContain("investment account balance is 18,940.75 EUR");
    expect(answer.flow_state).toBe("idle");
  });

  it("understands a balance question in Spanish", async () => {
    const elena = customer("balance-es");
    const turn = await elena.say("hola, quiero saber cuánto dinero tengo en la cuenta de ahorros");
    expect(turn.response).toContain("52,310.00 EUR");
  });
});

describe("transactions", () => {
  it("pages through three months of transactions until the customer has seen enough", async () => {
    const fay = customer("tx-paging");
    expect((await fay.say("could you show me what I've spent recently")).active_flow).toBe(
      "check_transactions",
    );
    await fay.say("the main account");
    const page1 = await fay.say("over the last three months");
    expect(page1.response).toMatch(/Transactions 1-5 of 31 \(checking, last 3 months\)/);
    expect(page1.response).toMatch(/more transactions\?/);
    const state = await fay.state();
    expect(state.slots).toMatchObject({
      account_type: "checking",
      transaction_period: "last_3_months",
    });
    expect(state.waiting_for_slot).toBe("show_more");
    expect((await fay.say("yes")).response).toMatch(/Transactions 6-10 of 31/);
    expect((await fay.say("sure")).response).toMatch(/Transactions 11-15 of 31/);
    const done = await fay.say("no thanks");
    expect(done.response).not.toMatch(/Transactions 16-20/);
    expect(done.flow_state).toBe("idle");
  });

  it("shows a short list in one go, without asking for more", async () => {
    const gus = customer("tx-oneshot");
    const turn = await gus.say("what went through my savings account last month?");
    expect(turn.response).toMatch(/Transactions 1-4 of 4 \(savings, last month\)/);
    expect(turn.response).toMatch(/That's everything/);
    expect(turn.flow_state).toBe("idle");
  });
});

describe("transfers", () => {
  it("walks through a transfer step by step, with the amount in words", async () => {
    const hana = customer("transfer-steps");
    const first = await hana.say("I need to send some money");
    expect(first.active_flow).toBe("transfer_funds");
    expect(first.response).toMatch(/Who would you like to send/);
    expect((await hana.say("Peter Novak")).response).toContain("Peter Novak's IBAN");
    expect((await hana.say(IBAN_ES)).response).toMatch(/How much/);
    await hana.say("twelve hundred euros");
    await hana.say("rent for March");
    const confirm = await hana.say("from my current account");
    expect(confirm.response).toContain("1,200.00 EUR");
    expect(confirm.response).toContain("Peter Novak");
    expect(confirm.response).toContain("checking");
    const state = await hana.state();
    expect(state.waiting_for_slot).toBe("transfer_confirmed");
    expect(state.slots).toMatchObject({
      beneficiary_name: "Peter Novak",
      iban: IBAN_ES_COMPACT,
      amount: 1200,
      transfer_concept: "rent for March",
      source_account: "checking",
    });
    const done = await hana.say("yes please");
    expect(done.response).toMatch(TRANSACTION_ID);
    expect(done.response).toContain("1,200.00 EUR");
    expect(done.flow_state).toBe("idle");
    // The money left the account: the same customer sees a lower balance.
    const balance = await hana.say("what's my checking balance now?");
    expect(balance.response).toContain("23,647.52 EUR");
  });

  it("asks for the security code above 10,000 EUR and re-asks a short one", async () => {
    const ivan = customer("transfer-large");
    const first = await ivan.say("can you wire 15,000 to Carla Ruiz");
    expect(first.response).toContain("Carla Ruiz's IBAN");
    const code = await ivan.say(IBAN_DE);
    expect(code.response).toMatch(/6-digit security code/);
    expect((await ivan.state()).waiting_for_slot).toBe("security_code");
    const retry = await ivan.say("12345");
    expect(retry.response).toMatch(/exactly 6 digits/);
    expect((await ivan.state()).waiting_for_slot).toBe("security_code");
    expect((await ivan.say("my code is 654321")).response).toMatch(/What is the transfer for/);
    await ivan.say("house deposit");
    const confirm = await ivan.say("savings");
    expect(confirm.response).toContain("15,000.00 EUR");
    expect(confirm.response).toContain("DE89370400440532013000");
    const done = await ivan.say("go ahead");
    expect(done.response).toMatch(TRANSACTION_ID);
    expect(done.response).toContain("Carla Ruiz");
  });

  it("takes twenty thousand in words and still requires the code", async () => {
    const jo = customer("transfer-words-large");
    await jo.say("I need to transfer twenty thousand euros to Hugo Martin");
    expect((await jo.state()).slots).toMatchObject({
      amount: 20000,
      beneficiary_name: "Hugo Martin",
    });
    expect((await jo.say(IBAN_ES)).response).toMatch(/security code/);
  });

  it("re-asks an IBAN that is too short or fails the checksum, keeping the rest", async () => {
    const kai = customer("transfer-iban");
    await kai.say("i wanna send money");
    await kai.say("Juan Pérez");
    const short = await kai.say("ES12 3456");
    expect(short.response).toMatch(/24 characters/);
    expect(short.response).toContain("Juan Pérez's IBAN");
    const typo = await kai.say("ES91 2100 0418 4502 0005 1333");
    expect(typo.response).toMatch(/check digits/);
    const state = await kai.state();
    expect(state.waiting_for_slot).toBe("iban");
    expect(state.slots).toMatchObject({ beneficiary_name: "Juan Pérez" });
    expect(state.slots.iban ?? null).toBeNull();
    expect((await kai.say(IBAN_ES)).response).toMatch(/How much/);
    expect((await kai.state()).slots.iban).toBe(IBAN_ES_COMPACT);
  });

  it("refuses a zero or negative amount and accepts one in words", async () => {
    const lea = customer("transfer-amount");
    await lea.say("send money to Eva");
    await lea.say("GB82 WEST 1234 5698 7654 32");
    expect((await lea.say("minus 50")).response).toMatch(/greater than zero/);
    expect((await lea.say("0")).response).toMatch(/greater than zero/);
    expect((await lea.state()).waiting_for_slot).toBe("amount");
    await lea.say("fifty");
    expect((await lea.state()).slots).toMatchObject({ amount: 50, iban: "GB82WEST12345698765432" });
  });

  it("takes every detail from one long message straight to the confirmation", async () => {
    const max = customer("transfer-oneshot");
    const turn = await max.say(
      `send 1.500,50 € to Jonas Weber, IBAN ${IBAN_DE}, for the car repair, from savings`,
    );
    expect(turn.response).toMatch(/Please confirm/);
    expect(turn.response).toContain("1,500.50 EUR");
    const state = await max.state();
    expect(state.waiting_for_slot).toBe("transfer_confirmed");
    expect(state.slots).toMatchObject({
      beneficiary_name: "Jonas Weber",
      amount: 1500.5,
      transfer_concept: "car repair",
      source_account: "savings",
    });
  });

  it("accepts a correction while confirming and shows the new summary", async () => {
    const nia = customer("transfer-correct");
    await nia.say("i wanna send money");
    await nia.say("Juan Pérez");
    await nia.say(IBAN_ES);
    await nia.say("50");
    await nia.say("dinner");
    expect((await nia.say("checking")).response).toContain("50.00 EUR");
    const corrected = await nia.say("actually make it 80 euros");
    expect(corrected.response).toMatch(/changed the amount to 80/);
    expect(corrected.response).toContain("send 80.00 EUR");
    const state = await nia.state();
    expect(state.slots.amount).toBe(80);
    expect(state.waiting_for_slot).toBe("transfer_confirmed");
    const done = await nia.say("yes");
    expect(done.response).toContain("80.00 EUR");
    expect(done.response).toMatch(TRANSACTION_ID);
  });

  it("takes two corrections in a row at the confirmation", async () => {
    const oli = customer("transfer-two-corrections");
    await oli.say(
      `send 75 euros to Nora Klein, IBAN ${IBAN_ES}, for a birthday gift, from checking`,
    );
    expect((await oli.say("no, the amount should be 95")).response).toContain("send 95.00 EUR");
    const iban = await oli.say(`and the IBAN is wrong, it's ${IBAN_DE}`);
    expect(iban.response).toContain("DE89370400440532013000");
    expect(iban.response).toContain("95.00 EUR");
    const done = await oli.say("perfect, send it");
    expect(done.response).toMatch(TRANSACTION_ID);
    expect(done.response).toContain("95.00 EUR");
  });

  it("re-asks only the value the customer says is wrong", async () => {
    const pia = customer("transfer-deny-slot");
    await pia.say(
      `send 75 euros to Nora Klein, IBAN ${IBAN_ES}, for a birthday gift, from checking`,
    );
    const ask = await pia.say("no, wrong account");
    expect(ask.response).toMatch(/Which account should the money come from/);
    expect((await pia.state()).waiting_for_slot).toBe("source_account");
    expect((await pia.say("savings")).response).toMatch(/from your savings account/);
    expect((await pia.say("yes")).response).toMatch(TRANSACTION_ID);
  });

  it("sends nothing when the customer says no at the confirmation", async () => {
    const quinn = customer("transfer-deny");
    await quinn.say("send 10 euros to Kim");
    await quinn.say(IBAN_ES);
    await quinn.say("coffee");
    await quinn.say("checking");
    const no = await quinn.say("no");
    expect(no.response).toMatch(/haven't sent anything/);
    expect(no.response).not.toMatch(TRANSACTION_ID);
    expect((await quinn.state()).flow_stack).toEqual([]);
  });

  it("tells the customer when the transfer could not be sent, and no money moved", async () => {
    const sam = customer("transfer-fails");
    await sam.say(`send 30000 to Ida Berg, IBAN ${IBAN_ES}, for the boat, from checking`);
    await sam.say("112233");
    const failed = await sam.say("yes");
    expect(failed.response).toMatch(/not sent/);
    expect(failed.response).not.toMatch(TRANSACTION_ID);
    expect(failed.flow_state).toBe("idle");
    expect((await sam.say("what's my checking balance?")).response).toContain("24,847.52 EUR");
  });

  it("handles a transfer in Spanish", async () => {
    const tere = customer("transfer-es");
    const first = await tere.say("quiero hacer una transferencia de 50 euros a María");
    expect(first.response).toContain("María's IBAN");
    await tere.say(IBAN_ES);
    await tere.say("cena");
    expect((await tere.say("cuenta corriente")).response).toContain("50.00 EUR");
    expect((await tere.say("sí")).response).toMatch(TRANSACTION_ID);
  });
});

describe("digressions", () => {
  it("answers a balance question in the middle of a transfer, then picks it up again", async () => {
    const uma = customer("digress-balance");
    await uma.say("transfer 300 euros to Anna");
    const aside = await uma.say("wait, what's in my checking account right now?");
    expect(aside.response).toContain("24,847.52 EUR");
    expect(aside.response).toMatch(/back to your transfer/);
    expect(aside.response).toContain("Anna's IBAN");
    expect(aside.active_flow).toBe("transfer_funds");
    const state = await uma.state();
    expect(state.flow_stack.map((frame) => frame.flow)).toEqual(["transfer_funds"]);
    expect(state.slots).toMatchObject({ amount: 300, beneficiary_name: "Anna" });
    expect(state.waiting_for_slot).toBe("iban");
    expect((await uma.say(IBAN_ES)).response).toMatch(/What is the transfer for/);
  });

  it("cancels only the digression and goes back to the transfer", async () => {
    const yan = customer("digress-cancel");
    await yan.say("send money to Tom");
    const aside = await yan.say("show me my transactions");
    expect(aside.active_flow).toBe("check_transactions");
    const stacked = await yan.state();
    expect(stacked.flow_stack.map((frame) => frame.flow)).toEqual([
      "transfer_funds",
      "check_transactions",
    ]);
    expect(stacked.waiting_for_slot).toBe("account_type");
    const back = await yan.say("never mind");
    expect(back.response).toMatch(/cancelled/);
    expect(back.response).toContain("Tom's IBAN");
    const state = await yan.state();
    expect(state.flow_stack.map((frame) => frame.flow)).toEqual(["transfer_funds"]);
    expect(state.slots).toMatchObject({ beneficiary_name: "Tom" });
  });

  it("answers a balance question at the confirmation and confirms afterwards", async () => {
    const vic = customer("digress-confirm");
    await vic.say(`send 40 euros to Sam Lee, IBAN ${IBAN_ES}, for pizza, from checking`);
    const aside = await vic.say("before I confirm, how much do I have in checking?");
    expect(aside.response).toContain("24,847.52 EUR");
    expect(aside.response).toMatch(/Please confirm: send 40.00 EUR/);
    expect((await vic.state()).waiting_for_slot).toBe("transfer_confirmed");
    expect((await vic.say("yes")).response).toMatch(TRANSACTION_ID);
  });

  it("lists transactions while blocking a card, then finishes the block", async () => {
    const walt = customer("digress-transactions");
    await walt.say("block my card");
    await walt.say("credit");
    const aside = await walt.say("hold on, show me this week's transactions on checking first");
    expect(aside.response).toMatch(/\(checking, this week\)/);
    expect(aside.response).toMatch(/last 4 digits/);
    expect(aside.active_flow).toBe("block_card");
    expect((await walt.say("ok thanks")).response).toMatch(/last 4 digits/);
    await walt.say("1234");
    const done = await walt.say("yes");
    expect(done.response).toMatch(BLOCK_REFERENCE);
    expect(done.response).toContain("credit card ending in 1234");
  });

  it("checks the balance while ordering a card, then takes the address", async () => {
    const xena = customer("digress-card-order");
    await xena.say("I need a new debit card");
    const aside = await xena.say("what is my savings balance?");
    expect(aside.response).toContain("52,310.00 EUR");
    expect(aside.response).toMatch(/What address/);
    const confirm = await xena.say("Baker Street 221B, London");
    expect(confirm.response).toContain("debit card");
    expect(confirm.response).toContain("Baker Street 221B, London");
  });
});

describe("cards", () => {
  it("blocks a stolen card", async () => {
    const yuri = customer("block");
    const first = await yuri.say("please freeze my card asap, I think it was stolen");
    expect(first.active_flow).toBe("block_card");
    await yuri.say("the credit one");
    const confirm = await yuri.say("it ends with 9 9 0 1");
    expect(confirm.response).toContain("credit card ending in 9901");
    expect((await yuri.state()).slots).toMatchObject({ card_type: "credit", card_last_4: "9901" });
    const done = await yuri.say("do it");
    expect(done.response).toMatch(BLOCK_REFERENCE);
    expect(done.response).toMatch(/is now blocked/);
  });

  it("keeps the card active when the customer changes their mind", async () => {
    const zoe = customer("block-deny");
    await zoe.say("hello");
    const ask = await zoe.say("I lost my credit card");
    expect(ask.response).toMatch(/last 4 digits/);
    await zoe.say("5566");
    const no = await zoe.say("no, don't");
    expect(no.response).toMatch(/haven't blocked anything/);
    expect(no.response).not.toMatch(BLOCK_REFERENCE);
  });

  it.each(["yep", "sounds good", "absolutely", "vale"])(
    "blocks the card when the customer confirms with %j",
    async (yes) => {
      const person = customer("block-yes");
      await person.say("my credit card got stolen");
      await person.say("1234");
      expect((await person.say(yes)).response).toMatch(BLOCK_REFERENCE);
    },
  );

  it.each(["nope", "nah", "no way"])("keeps the card active on %j", async (no) => {
    const person = customer("block-no");
    await person.say("lock my debit card");
    await person.say("8765");
    const reply = await person.say(no);
    expect(reply.response).toMatch(/haven't blocked anything/);
    expect(reply.flow_state).toBe("idle");
  });

  it("orders a replacement card to an address", async () => {
    const abel = customer("request-card");
    expect((await abel.say("can I get a replacement card sent out?")).active_flow).toBe(
      "request_card",
    );
    await abel.say("credit please");
    expect((await abel.state()).waiting_for_slot).toBe("delivery_address");
    await abel.say("Calle Mayor 5, 28013 Madrid");
    const done = await abel.say("yes");
    expect(done.response).toContain("credit card is on its way to Calle Mayor 5, 28013 Madrid");
    expect(done.response).toMatch(/CC-\d{4}-\d{6}/);
  });
});

describe("bills", () => {
  it("pays an electricity bill", async () => {
    const bea = customer("bill");
    expect((await bea.say("I'd like to settle my electricity bill")).active_flow).toBe("pay_bill");
    const confirm = await bea.say("ref is ab-123456");
    expect(confirm.response).toContain("Volta Energía");
    expect(confirm.response).toContain("AB-123456");
    const amount = confirm.response.match(/is ([\d,.]+) EUR/)?.[1];
    expect(amount).toBeDefined();
    const paid = await bea.say("yes pay it");
    expect(paid.response).toContain(`${amount} EUR to Volta Energía`);
    expect(paid.response).toMatch(RECEIPT);
  });

  it("says when a reference is unknown, asks again, and pays nothing on no", async () => {
    const cruz = customer("bill-unknown");
    await cruz.say("need to pay the internet");
    const missing = await cruz.say("NF998877");
    expect(missing.response).toMatch(/couldn't find a pending internet bill/);
    expect(missing.response).toMatch(/bill reference/);
    const state = await cruz.state();
    expect(state.waiting_for_slot).toBe("bill_reference");
    expect(state.slots.bill_reference ?? null).toBeNull();
    expect((await cruz.say("XK55443322")).response).toContain("FibraNet");
    const no = await cruz.say("no");
    expect(no.response).toMatch(/haven't paid/);
    expect(no.response).not.toMatch(RECEIPT);
  });

  it("takes the bill type and reference from one message", async () => {
    const dora = customer("bill-oneshot");
    const turn = await dora.say("pay my phone bill please, reference MOB7788");
    expect(turn.response).toContain("Movilnet");
    expect((await dora.state()).slots).toMatchObject({
      bill_type: "phone",
      bill_reference: "MOB7788",
    });
  });
});

describe("conversation patterns", () => {
  it("cancels a transfer mid-way and forgets it", async () => {
    const emil = customer("cancel");
    await emil.say("send 200 to Marco");
    const cancelled = await emil.say("forget it, I changed my mind");
    expect(cancelled.response).toMatch(/cancelled/);
    expect(cancelled.flow_state).toBe("idle");
    const state = await emil.state();
    expect(state.flow_stack).toEqual([]);
    expect(state.slots).toEqual({});
    expect(state.waiting_for_slot).toBeNull();
  });

  it("lists what it can do when asked for help", async () => {
    const fina = customer("help");
    const turn = await fina.say("help");
    expect(turn.response).toMatch(/balance/);
    expect(turn.response).toMatch(/pay a utility bill/);
  });

  it("explains the pending question on help, then asks it again", async () => {
    const gil = customer("help-in-flow");
    await gil.say("send money to Tom");
    const help = await gil.say("help");
    expect(help.response).toMatch(/International Bank Account Number/);
    expect(help.response).toContain("Tom's IBAN");
    const state = await gil.state();
    expect(state.waiting_for_slot).toBe("iban");
    expect(state.slots).toMatchObject({ beneficiary_name: "Tom" });
  });

  it("hands over to a person when asked", async () => {
    const hugo = customer("handoff");
    const turn = await hugo.say("can I talk to a real person please");
    expect(turn.response).toMatch(/connecting you with one of our agents/);
  });

  it("hands over to a person in the middle of a transfer", async () => {
    const iris = customer("handoff-in-flow");
    await iris.say("transfer to Lisa");
    const turn = await iris.say("this is useless, get me an agent");
    expect(turn.response).toMatch(/agents/);
  });

  it("says what it can do for an out-of-scope request", async () => {
    const jan = customer("out-of-scope");
    const turn = await jan.say("what's the weather like in Madrid tomorrow?");
    expect(turn.response).toMatch(/balances, transactions, transfers, cards and bills/);
    expect(turn.flow_state).toBe("idle");
    expect((await jan.state()).flow_stack).toEqual([]);
  });

  it("offers help and a person after repeated nonsense, still in the flow", async () => {
    const kim = customer("cannot-handle");
    await kim.say("pay a bill");
    expect((await kim.say("blah")).response).toMatch(/didn't quite get that/);
    await kim.say("asdf qwer");
    const third = await kim.say("zzz");
    expect(third.response).toMatch(/trouble understanding/);
    expect(third.response).toMatch(/Which bill would you like to pay/);
    expect(third.active_flow).toBe("pay_bill");
    expect((await kim.state()).waiting_for_slot).toBe("bill_type");
  });

  it("forgets a conversation on reset", async () => {
    const lu = customer("reset");
    await lu.say("send 200 to Marco");
    const reset = await send(server.url, `/reset/${lu.userId}`, {
      method: "POST",
      contentType: null,
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ success: true });
    lu.turns = 0;
    const state = await lu.state();
    expect(state.flow_stack).toEqual([]);
    expect((await lu.say("hello")).turn_count).toBe(1);
  });
});
