import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { testRuntime } from "./helpers.ts";

/**
 * Whole conversations on the banking example as customers write them (paraphrases, typos,
 * amounts in words, corrections, digressions, small talk, Spanish), read by the real heuristic
 * DU and run by the DM: each turn's response (the messages joined by newlines, as the HTTP API
 * returns it) is checked.
 */

let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));
});

const IBAN = "ES91 2100 0418 4502 0005 1332";

/** One turn: what the user says, and what the response must contain or match. */
type Turn = [say: string, expected: string | RegExp];

function bank() {
  let n = 122;
  const handlers = createBankingHandlers({
    clock: () => new Date("2026-03-10T09:30:00Z"),
    nextId: () => ++n,
  });
  const du = new HeuristicUnderstanding({ now: () => new Date("2026-03-10T09:30:00Z") });
  const t = testRuntime(domain, handlers, { du });
  const send = async (text: string) => (await t.runtime.processMessage(text, "ana")).response;
  return { ...t, send };
}

async function converse(turns: Turn[]) {
  const b = bank();
  for (const [say, expected] of turns) {
    const response = await b.send(say);
    if (typeof expected === "string") {
      expect(response, `after "${say}"`).toContain(expected);
    } else {
      expect(response, `after "${say}"`).toMatch(expected);
    }
  }
  return b;
}

describe("banking, natural phrasing: transfers", () => {
  it("amount in words and a relation before the name", async () => {
    const b = await converse([
      ["i want to send two hundred and fifty euros to my sister Laura", "What is Laura's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["birthday", "Which account should the money come from"],
      ["savings", "send 250.00 EUR from your savings account to Laura"],
      ["yep", "Done! 250.00 EUR are on their way to Laura. Transaction id: TX-2026-000123."],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
  });

  it("a leftover function word never becomes a value: 'from savings' answers the source", async () => {
    const b = bank();
    await b.send("send 250 euros to Laura");
    await b.send(IBAN);
    expect(await b.send("from savings")).toBe(
      "What is the transfer for? (a short concept, e.g. 'rent March')",
    );
    const state = await b.runtime.getState("ana");
    expect(state.slots).toMatchObject({ source_account: "savings", beneficiary_name: "Laura" });
    expect(state.slots.transfer_concept ?? null).toBeNull();
    // Said again while confirming, it only shows the summary again; no balance flow starts.
    await b.send("rent");
    expect(await b.send("from savings")).toMatch(
      /^Please confirm: send 250\.00 EUR from your savings/,
    );
    expect((await b.runtime.getState("ana")).active_flow).toBe("transfer_funds");
  });

  it("everything in one message goes straight to the confirmation", async () => {
    await converse([
      [
        `send 300 from savings to Ana, IBAN ${IBAN}, for rent`,
        'Please confirm: send 300.00 EUR from your savings account to Ana (IBAN ES9121000418450200051332), concept "rent". Shall I go ahead?',
      ],
      ["sure go ahead", "Done! 300.00 EUR are on their way to Ana."],
    ]);
  });

  it("slang, 1.5k and a relation without a name", async () => {
    await converse([
      ["hey can i move 1.5k to my landlord", "What is your landlord's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["rent april", "Which account"],
      ["checking", "send 1,500.00 EUR from your checking account to your landlord"],
    ]);
  });

  it("Spanish: a name after 'a', amounts in words", async () => {
    await converse([
      ["enviar 50 euros a Carlos", "What is Carlos's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["regalo", "Which account"],
      ["cuenta corriente", "send 50.00 EUR from your checking account to Carlos"],
      ["sí", "Done!"],
    ]);
    await converse([
      ["quiero hacer una transferencia", "Who would you like to send the money to?"],
      ["a Lucía", "What is Lucía's IBAN?"],
      [IBAN, "How much"],
      ["cien euros", "What is the transfer for?"],
    ]);
  });

  it("invalid IBAN, negative and zero amounts are re-asked with the reason", async () => {
    await converse([
      ["i need to send money to Pedro", "What is Pedro's IBAN?"],
      ["ES91 2100 0418 4502 0005 1333", "check digits"],
      ["Laura", /IBAN/],
      [IBAN, "How much would you like to send?"],
      ["-50", "The amount must be a number greater than zero"],
      ["zero", "The amount must be a number greater than zero"],
      ["1.500,50", "What is the transfer for?"],
      ["rent", "Which account"],
      ["checking", "send 1,500.50 EUR"],
    ]);
  });

  it("corrections: 'that's wrong, the amount is 400', 'sorry I meant Maria not Marta', 'from checking instead'", async () => {
    await converse([
      ["send money to Marta", "What is Marta's IBAN?"],
      ["sorry I meant Maria not Marta", "What is Maria's IBAN?"],
      [IBAN, "How much"],
      ["two hundred bucks", "What is the transfer for?"],
      ["groceries", "Which account"],
      ["savings", "send 200.00 EUR from your savings account to Maria"],
      ["that's wrong, the amount is 400", "send 400.00 EUR from your savings account"],
      ["no, send it from checking instead", "send 400.00 EUR from your checking account"],
      ["yes", "Done! 400.00 EUR are on their way to Maria."],
    ]);
  });

  it("a balance question mid-transfer, then back to the pending question", async () => {
    await converse([
      ["send 20 to Ana", "What is Ana's IBAN?"],
      [
        "how much do i have in checking",
        "Your checking account balance is 24,847.52 EUR.\nLet's get back to your transfer.\nWhat is Ana's IBAN?",
      ],
      [IBAN, "What is the transfer for?"],
    ]);
  });

  it("a new unrelated request mid-flow runs first, then the transfer resumes", async () => {
    await converse([
      ["i want to transfer 200 to Juan", "What is Juan's IBAN?"],
      ["block my card", "Which card: debit or credit?"],
      ["credit", "last 4 digits"],
      ["1234", "Shall I block it?"],
      ["yes", /now blocked[\s\S]*Let's get back to your transfer\.\nWhat is Juan's IBAN\?/],
    ]);
  });

  it("asking the request again does not fill a slot with it", async () => {
    await converse([
      ["enviar 50 euros a Carlos", "What is Carlos's IBAN?"],
      ["new transfer", "What is Carlos's IBAN?"],
    ]);
    const b = bank();
    await b.send("send money");
    expect(await b.send("new transfer")).toBe("Who would you like to send the money to?");
    expect((await b.runtime.getState("ana")).slots.beneficiary_name ?? null).toBeNull();
  });

  it("questions about a question are explained, not taken as answers", async () => {
    await converse([
      ["send money", "Who would you like to send the money to?"],
      ["who can i send to?", "The name of the person or company receiving the transfer."],
      ["Laura", "What is Laura's IBAN?"],
      ["what's an IBAN?", "International Bank Account Number"],
      ["no idea", /bank statement[\s\S]*What is Laura's IBAN\?/],
    ]);
  });

  it("above 10,000 asks for the security code", async () => {
    await converse([
      ["send 12,500 euros to Carlos Ruiz", "What is Carlos Ruiz's IBAN?"],
      [IBAN, "6-digit security code"],
      ["12345", "exactly 6 digits"],
      ["123456", "What is the transfer for?"],
      ["car", "Which account"],
      ["from my savings", "send 12,500.00 EUR"],
      ["no, change the amount", "How much would you like to send?"],
      ["500", "send 500.00 EUR"],
    ]);
  });

  it("ALL CAPS and lower-case names read back properly", async () => {
    await converse([["SEND 500 EUROS TO JOHN!!!", "What is John's IBAN?"]]);
    await converse([["send 50 euros to maria lopez", "What is Maria Lopez's IBAN?"]]);
  });

  it("a long, rambling message still starts the transfer with what it says", async () => {
    await converse([
      [
        "hi, so basically my daughter is at university and she needs some money for books and I want to send her about 200 euros, her name is Sofia",
        "What is Sofia's IBAN?",
      ],
    ]);
  });
});

describe("banking, natural phrasing: cancel, help, a human", () => {
  it.each(["nvm", "stop", "forget it", "never mind", "cancel", "olvídalo"])(
    "'%s' cancels a transfer",
    async (text) => {
      const b = await converse([
        ["send 100 to Maria", "What is Maria's IBAN?"],
        [text, "No problem, I've cancelled that."],
      ]);
      expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
    },
  );

  it.each([
    "can I speak to someone",
    "agent please",
    "I want a human",
    "quiero hablar con una persona",
  ])("'%s' hands over to a person", async (text) => {
    await converse([
      ["send 100 to Maria", "What is Maria's IBAN?"],
      [text, "I'm connecting you with one of our agents."],
    ]);
  });

  it("'what is an IBAN?' with nothing going on explains the term", async () => {
    await converse([["what's an IBAN?", "International Bank Account Number"]]);
  });
});

describe("banking, natural phrasing: small talk", () => {
  it("thanks, bye and hello get fitting replies", async () => {
    await converse([
      ["whats in my savings acct", "Your savings account balance is 52,310.00 EUR."],
      ["thanks", "You're welcome! Is there anything else I can do for you?"],
      ["thanks, bye", "Thank you for banking with us. Goodbye!"],
    ]);
  });

  it("hello and thanks mid-flow answer briefly and ask the question again", async () => {
    await converse([
      ["pay my electricity bill", "What is the bill reference?"],
      ["hello", "Hello again!\nWhat is the bill reference? It's printed at the top of the bill."],
      ["ELEC-2026-0042", /is \d+\.\d\d EUR, due .*Pay it now/],
      ["thanks", /^You're welcome!\nYour Volta Energía electricity bill/],
      ["yes", "Paid!"],
    ]);
  });

  it("'yes' and 'no' after a flow ended answer the 'anything else?'", async () => {
    await converse([
      ["show me transactions for the past 3 months on checking", "Would you like to see more"],
      ["no", "That's everything I have for your checking account"],
      ["ok", "Sure — what can I do for you?"],
      ["no thanks", "Thank you for banking with us. Goodbye!"],
    ]);
  });

  it("bye in the middle of a flow does not ask again, and the flow waits", async () => {
    const b = await converse([
      ["send 100 to Maria", "What is Maria's IBAN?"],
      ["bye", "Goodbye! We can finish your transfer whenever you come back."],
    ]);
    expect(await b.send(IBAN)).toBe(
      "What is the transfer for? (a short concept, e.g. 'rent March')",
    );
  });
});

describe("banking, natural phrasing: other flows", () => {
  it.each<[string, string]>([
    ["whats in my savings acct", "Your savings account balance is 52,310.00 EUR."],
    ["WHAT IS MY BLANCE", "Which account: checking, savings or investment?"],
    ["quiero ver mi saldo", "Which account"],
    ["cuánto dinero tengo en ahorros", "52,310.00 EUR"],
    ["where did my money go", "Which account"],
    ["how much did i spend this week", "Which account"],
    ["wanna pay the water bill", "What is the bill reference?"],
    ["block my visa ending 1234", "block your credit card ending in 1234"],
    ["new transfer", "Who would you like to send the money to?"],
    ["order me a new debit card pls", "What address should we send the new card to?"],
  ])("'%s'", async (text, expected) => {
    await converse([[text, expected]]);
  });

  it("a card block with a correction while confirming", async () => {
    await converse([
      ["block my card", "Which card"],
      ["what's the difference?", "your debit card or your credit card"],
      ["debit", "last 4 digits"],
      ["4 8 2 1", "debit card ending in 4821"],
      ["wait, it's the credit card", "block your credit card ending in 4821"],
      ["yes do it", "is now blocked"],
    ]);
  });

  it("'forget it, I want X instead' cancels and starts X", async () => {
    const b = await converse([
      ["send money to Ana", "What is Ana's IBAN?"],
      [
        "forget about it, I want to check my balance instead",
        "No problem, I've cancelled that.\nWhich account: checking, savings or investment?",
      ],
    ]);
    expect((await b.runtime.getState("ana")).flow_stack).toHaveLength(1);
  });

  it("a new bill reference while confirming replaces the old one", async () => {
    await converse([
      ["pay gas bill", "What is the bill reference?"],
      ["GAS-0000-0001", "(GAS-0000-0001)"],
      ["GAS-2026-0042", /changed the bill reference to GAS-2026-0042[\s\S]*\(GAS-2026-0042\)/],
    ]);
  });

  it("Spanish periods and 'more' to page on", async () => {
    await converse([
      ["movimientos de la cuenta corriente del mes pasado", /\(checking, last month\)/],
      ["more", /Transactions 6-10/],
      ["no", "That's everything I have"],
    ]);
  });

  it("transactions with periods in words and paging", async () => {
    await converse([
      ["how much did i spend last week?", "Which account"],
      ["the current one", /Transactions .* \(checking, last week\)/],
    ]);
  });
});

/** Conversations written for the second conversation-quality round; each one failed before it. */
describe("banking, natural phrasing: changes of mind", () => {
  it("'no wait, I want X instead' cancels the running flow and starts X", async () => {
    const b = await converse([
      ["block my card", "Which card"],
      ["debit", "last 4 digits"],
      [
        "no wait I want to order a new card instead",
        "No problem, I've cancelled that.\nWhich card: debit or credit?",
      ],
    ]);
    const state = await b.runtime.getState("ana");
    expect(state.flow_stack.map((f) => f.flow)).toEqual(["request_card"]);
  });

  it("changing one's mind twice leaves only the last request", async () => {
    const b = await converse([
      ["block my card", "Which card"],
      ["debit", "last 4 digits"],
      ["no wait I want to order a new card instead", "cancelled"],
      ["actually no, block it after all", "No problem, I've cancelled that.\nWhich card"],
      ["debit", "last 4 digits"],
      ["4821", "Shall I block it?"],
      [
        "yes",
        /now blocked\. Block reference: BLK-2026-000123\. You can order a replacement whenever you like\.$/,
      ],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
  });

  it("'actually I'd rather check my balance' replaces the transfer", async () => {
    const b = await converse([
      ["send 100 to Laura", "What is Laura's IBAN?"],
      ["actually I'd rather check my balance", "cancelled that.\nWhich account"],
      ["checking", "Your checking account balance is 24,847.52 EUR."],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
  });

  it("'no wait, show me X instead' while a question is asked", async () => {
    await converse([
      ["what's my balance", "Which account"],
      ["no wait, show me my transactions instead", "cancelled that.\nWhich account"],
      ["savings", "For which period?"],
      ["this month", /\(savings, this month\)/],
    ]);
  });

  it("a question asked on the way is a digression, not a change of plan", async () => {
    const b = await converse([
      ["send 20 to Ana", "What is Ana's IBAN?"],
      ["actually, what's my balance?", "Which account"],
    ]);
    expect((await b.runtime.getState("ana")).flow_stack.map((f) => f.flow)).toEqual([
      "transfer_funds",
      "check_balance",
    ]);
  });

  it("two requests in one message run one after the other", async () => {
    await converse([
      ["my card got stolen and i also need a new one", "Which card: debit or credit?"],
      ["debit", "last 4 digits"],
      ["4821", "block your debit card ending in 4821"],
      ["yes", /now blocked[\s\S]*Now, about your new card order:\nWhich card/],
      ["debit", "What address"],
    ]);
    await converse([
      ["i want to send money to my brother Luis and pay my gas bill", "What is Luis's IBAN?"],
      [IBAN, "How much"],
      ["30", "What is the transfer for?"],
      ["birthday", "Which account"],
      ["savings", "send 30.00 EUR from your savings account to Luis"],
      ["yes", /Done![\s\S]*Now, about your bill payment:\nWhat is the bill reference\?/],
    ]);
  });

  it("each of two requests keeps its own values", async () => {
    const b = bank();
    await b.send("block my credit card ending 1234 and order a new debit card");
    const state = await b.runtime.getState("ana");
    expect(state.active_flow).toBe("block_card");
    expect(state.slots).toMatchObject({ card_type: "credit", card_last_4: "1234" });
    await b.send("yes");
    expect((await b.runtime.getState("ana")).slots).toMatchObject({ card_type: "debit" });
  });

  it("'cancel' and 'start over' with nothing going on are acknowledged", async () => {
    await converse([
      ["cancel", "Sure — what can I do for you?"],
      ["start over", "Sure — what can I do for you?"],
    ]);
  });

  it("'no thanks' to an open question ends the flow", async () => {
    const b = await converse([
      ["show me the movements", "Which account"],
      ["no thanks", "No problem, I've cancelled that."],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
  });
});

describe("banking, natural phrasing: corrections", () => {
  it("'no wait, it's for Tim' corrects the beneficiary, not the concept", async () => {
    await converse([
      ["transfer money", "Who would you like"],
      ["Lucia", "What is Lucia's IBAN?"],
      [IBAN, "How much"],
      ["a hundred and twenty", "What is the transfer for?"],
      ["dinner", "Which account"],
      ["checking", "send 120.00 EUR from your checking account to Lucia"],
      [
        "no wait, it's for Tim",
        /changed the beneficiary name to Tim\.\n.*to Tim \(IBAN ES9121000418450200051332\), concept "dinner"/,
      ],
      ["yes", "Done! 120.00 EUR are on their way to Tim."],
    ]);
    await converse([
      ["send 40 to Tom", "What is Tom's IBAN?"],
      ["no wait, it's for Tim", "What is Tim's IBAN?"],
    ]);
  });

  it("'sorry I meant Maria not Marta' while another question is asked", async () => {
    await converse([
      ["send money to Marta", "What is Marta's IBAN?"],
      [IBAN, "How much"],
      ["sorry I meant Maria not Marta", "changed the beneficiary name to Maria.\nHow much"],
    ]);
  });

  it("a bare amount at another question corrects the amount, money-formatted", async () => {
    await converse([
      ["send 150 to Tim", "What is Tim's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["rent", "Which account"],
      [
        "1,500.50",
        "Okay, I've changed the amount to 1,500.50.\nWhich account should the money come from",
      ],
      ["savings", "send 1,500.50 EUR from your savings account to Tim"],
    ]);
  });

  it("'no wait, 600' at the IBAN question corrects the amount, not the IBAN", async () => {
    await converse([
      ["transfer 500 to Luis", "What is Luis's IBAN?"],
      ["no wait, 600", "Okay, I've changed the amount to 600.00.\nWhat is Luis's IBAN?"],
    ]);
  });

  it("two changes in one message while confirming", async () => {
    await converse([
      ["transfer 100 to Carla", "What is Carla's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["gift", "Which account"],
      ["savings", "send 100.00 EUR from your savings account"],
      ["hmm, actually make it 150 and from checking", "send 150.00 EUR from your checking account"],
    ]);
  });

  it("'actually a hundred' and 'no wait, make it from savings'", async () => {
    await converse([
      ["I'd like to send some money", "Who would you like"],
      ["to my sister", "What is your sister's IBAN?"],
      [IBAN, "How much"],
      ["fifty euros", "What is the transfer for?"],
      ["actually a hundred", "Okay, I've changed the amount to 100.00."],
      ["books", "Which account"],
      ["no wait, make it from savings", "send 100.00 EUR from your savings account to your sister"],
      ["yes", "Done! 100.00 EUR are on their way to your sister."],
    ]);
  });

  it("'1 200,50' as a correction while confirming", async () => {
    await converse([
      ["i want to wire €1.200 to my mum", "What is your mum's IBAN?"],
      ["its gb29 nwbk 6016 1331 9268 19", "What is the transfer for?"],
      ["birthday", "Which account"],
      ["savings", "send 1,200.00 EUR from your savings account to your mum"],
      ["actually make it 1 200,50", "send 1,200.50 EUR"],
    ]);
  });

  it("'no, it's from savings' and 'change the concept to lunch' while confirming", async () => {
    await converse([
      ["send 5 euros to Ana", "What is Ana's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["cafe", "Which account"],
      ["checking", "from your checking account"],
      ["no, it's from savings", "changed the source account to savings"],
      ["change the concept to lunch", 'concept "lunch"'],
    ]);
  });

  it("the card type corrected while the digits are asked", async () => {
    await converse([
      ["I lost my card", "Which card"],
      ["credit", "last 4 digits"],
      ["no it was the debit one", "Okay, I've changed the card type to debit."],
      ["1234", "block your debit card ending in 1234"],
    ]);
  });
});

describe("banking, natural phrasing: the assistant's voice", () => {
  it("'what can you do?' lists what it does, not the greeting", async () => {
    const b = bank();
    const reply = await b.send("what can you do?");
    expect(reply).toContain("check the balance of an account");
    expect(reply).toContain("pay a utility bill");
    expect(reply).not.toContain("say hello");
  });

  it.each<[string, string]>([
    ["hey can i move 1.5k to my landlord", "What is your landlord's IBAN?"],
    ["send 50 to my sister", "What is your sister's IBAN?"],
    ["i want to wire €1.200 to my mum", "What is your mum's IBAN?"],
  ])("'%s' is asked back in the assistant's voice", async (text, expected) => {
    await converse([[text, expected]]);
  });

  it("a delivery address said as 'my office' reads back as 'your office'", async () => {
    await converse([
      ["order a new card", "Which card"],
      ["debit", "What address"],
      ["my office", "delivered to your office. Shall I place the order?"],
      ["yes", "on its way to your office"],
    ]);
  });

  it("a corrected amount is shown as money", async () => {
    await converse([
      ["send 1.5k to my landlord", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["rent", "Which account"],
      ["1,600", "Okay, I've changed the amount to 1,600.00."],
    ]);
  });
});

describe("banking, natural phrasing: frustration and a human", () => {
  it.each(["this is useless", "you're not helping", "that's wrong", "ugh this bot is so annoying"])(
    "'%s' gets an empathetic offer of a human",
    async (text) => {
      const b = bank();
      const reply = await b.send(text);
      expect(reply).toContain("I'm sorry this hasn't been helpful");
      expect(reply).toContain("connect you with one of our agents");
      expect(await b.send("yes")).toContain("I'm connecting you with one of our agents.");
    },
  );

  it("mid-flow, the offer waits for an answer; 'no' carries on with the question", async () => {
    const b = await converse([
      ["send money to Ana", "What is Ana's IBAN?"],
      [
        "you're not helping",
        /^I'm sorry this hasn't been helpful\. .* or shall we carry on with your transfer\?$/,
      ],
      ["no", "Alright.\nWhat is Ana's IBAN?"],
      [IBAN, "How much"],
    ]);
    expect((await b.runtime.getState("ana")).active_flow).toBe("transfer_funds");
  });

  it("'yes' after a frustration offer at a confirmation hands off, it does not confirm", async () => {
    const b = await converse([
      ["block my credit card ending 1234", "Shall I block it?"],
      ["this is useless", "connect you with one of our agents"],
      ["yes please", "I'm connecting you with one of our agents."],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
  });

  it("'yes' after cannot_handle hands off; later 'yes' is an answer again", async () => {
    await converse([
      ["pay a bill", "Which bill"],
      ["blah", "didn't quite get that"],
      ["asdf", "didn't quite get that"],
      ["zzz", /Would you like to talk to one of our agents\?[\s\S]*Which bill/],
      ["yes", "I'm connecting you with one of our agents."],
    ]);
    await converse([
      ["send 50 to Ana", "IBAN"],
      // A "yes" to an open question is no failure: the question is asked again.
      ["yes", "Alright.\nWhat is Ana's IBAN?"],
      ["please", "Alright.\nWhat is Ana's IBAN?"],
    ]);
  });
});

describe("banking, natural phrasing: values the way customers type them", () => {
  it("IBAN with dashes in lower case, amount '2k'", async () => {
    await converse([
      ["send 2k to Jorge", "What is Jorge's IBAN?"],
      ["es91-2100-0418-4502-0005-1332", "What is the transfer for?"],
      ["car", "Which account"],
      [
        "from checking",
        "send 2,000.00 EUR from your checking account to Jorge (IBAN ES9121000418450200051332)",
      ],
    ]);
  });

  it("card digits spaced out in the first message", async () => {
    await converse([
      ["my debit card ending in 4 8 2 1 was stolen", "block your debit card ending in 4821"],
      ["👍", "is now blocked"],
    ]);
  });

  it("card digits after 'the last digits are'", async () => {
    await converse([
      ["freeze my credit card", "last 4 digits"],
      ["the last digits are 9 9 0 1", "block your credit card ending in 9901"],
    ]);
  });

  it("bill references typed in groups keep their letters", async () => {
    await converse([
      ["pay my phone bill", "bill reference"],
      ["TEL 5521 9930", "Movilnet phone bill (TEL55219930)"],
      ["yes", "Paid!"],
    ]);
    await converse([["i need to pay the phone bill, ref TEL 5521 9930", "(TEL55219930)"]]);
    await converse([
      ["quiero pagar el recibo del gas", "bill reference"],
      ["GAS 2026 0042", "(GAS20260042)"],
      ["sí", "Paid!"],
    ]);
  });

  it("an address with commas and numbers", async () => {
    await converse([
      ["can you order me a replacement credit card", "What address"],
      ["Calle Mayor 12, 3º B, 28013 Madrid", "delivered to Calle Mayor 12, 3º B, 28013 Madrid."],
      ["yes please", "Your new credit card is on its way"],
    ]);
  });

  it("periods in words: 'since monday', 'since the start of the month'", async () => {
    await converse([
      ["what have i spent since monday?", "Which account"],
      ["checking", /\(checking, this week\)/],
    ]);
    await converse([
      ["show my transactions", "Which account"],
      ["savings", "For which period?"],
      ["since the start of the month", /\(savings, this month\)/],
    ]);
  });

  it("'I don't know, like 50?' gives the amount", async () => {
    await converse([
      ["send money to Ana", "IBAN"],
      [IBAN, "How much"],
      ["I don't know, like 50?", "What is the transfer for?"],
    ]);
  });

  it("'dunno' and 'I don't know the number' ask for help, not a validation error", async () => {
    await converse([
      ["block my card please", "Which card"],
      ["debit", "last 4 digits"],
      ["dunno", "The last four digits printed on the front of the card."],
      ["I don't know the number", "The last four digits printed on the front of the card."],
    ]);
  });
});

describe("banking, natural phrasing: Spanish and Spanglish", () => {
  it("'a mi hermano Pablo' names the beneficiary", async () => {
    await converse([
      ["necesito mandar money a mi hermano Pablo", "What is Pablo's IBAN?"],
      [IBAN, "How much"],
      ["50 pavos", "What is the transfer for?"],
      ["regalo", "Which account"],
      ["de ahorros", "send 50.00 EUR from your savings account to Pablo"],
      ["dale", "Done!"],
    ]);
  });

  it("a whole transfer in Spanish", async () => {
    await converse([
      ["hola", "Hello!"],
      ["quiero hacer una transferencia", "Who would you like"],
      ["a mi madre", "What is your mother's IBAN?"],
      [IBAN, "How much"],
      ["200 euros", "What is the transfer for?"],
      ["alquiler", "Which account"],
      ["de la cuenta corriente", "send 200.00 EUR from your checking account"],
      ["sí, adelante", "Done!"],
    ]);
  });

  it("Spanish transactions with paging answered 'no'", async () => {
    await converse([
      ["quiero ver mis movimientos", "Which account"],
      ["cuenta corriente", "For which period?"],
      ["el mes pasado", /\(checking, last month\)/],
      ["no", "That's everything I have for your checking account"],
    ]);
  });
});

describe("banking, natural phrasing: repeats, recalls and messages after a flow", () => {
  it("'what was the transaction id?' and 'repeat that' say the last message again", async () => {
    await converse([
      ["send 2k to Jorge", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["car", "Which account"],
      ["checking", "Shall I go ahead?"],
      ["yes", "Transaction id: TX-2026-000123."],
      [
        "what was the transaction id?",
        "Done! 2,000.00 EUR are on their way to Jorge. Transaction id: TX-2026-000123.",
      ],
      ["repeat that", "Transaction id: TX-2026-000123."],
    ]);
  });

  it("'sorry what?' mid-flow repeats the question once", async () => {
    await converse([
      ["what's my balance", "Which account: checking, savings or investment?"],
      ["sorry what?", /^Which account: checking, savings or investment\?$/],
      ["savings", "52,310.00 EUR"],
    ]);
  });

  it("the same request said twice while its IBAN is asked just asks again", async () => {
    await converse([
      ["send 50 to Ana", "What is Ana's IBAN?"],
      ["send 50 to Ana", /^What is Ana's IBAN\?$/],
      [IBAN, "What is the transfer for?"],
      [IBAN, /^What is the transfer for\?/],
      ["gift", "Which account"],
      ["checking", 'concept "gift"'],
    ]);
  });

  it("several flows in a row, with small talk between them", async () => {
    await converse([
      ["hi", "Hello!"],
      ["what's my balance", "Which account"],
      ["savings", "52,310.00 EUR"],
      ["thanks", "You're welcome!"],
      ["and my checking?", "24,847.52 EUR"],
      ["pay the water bill", "bill reference"],
      ["WAT778812", "Aguas del Norte"],
      ["yes", "Paid!"],
      ["bye", "Goodbye!"],
    ]);
  });

  it("one-letter answers: 'y' confirms, 'k thx' thanks", async () => {
    await converse([
      ["send 50 to Tom", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["x", "Which account"],
      ["checking", "Shall I go ahead?"],
      ["y", "Done! 50.00 EUR are on their way to Tom."],
      ["k thx", "You're welcome!"],
    ]);
  });

  it("a flow after a denied confirmation starts cleanly", async () => {
    await converse([
      ["send 20 to Bob", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["coffee", "Which account"],
      ["checking", "Shall I go ahead?"],
      ["no", "OK, I haven't sent anything."],
      ["what's my balance", "Which account"],
      ["checking", "24,847.52 EUR"],
    ]);
  });
});

describe("banking, natural phrasing: yes or no to an open question", () => {
  it("'no' to 'what is the transfer for?' explains it and asks again; no failure counted", async () => {
    const b = await converse([
      ["send 50 to Tim", "IBAN"],
      [IBAN, "What is the transfer for?"],
      [
        "no",
        "A short description the recipient will see on their statement.\nWhat is the transfer for?",
      ],
      ["no", "What is the transfer for?"],
      ["no", "What is the transfer for?"],
    ]);
    // Three "no"s in a row would have reached cannot_handle if they counted as failures.
    expect((await b.runtime.getState("ana")).flow_state).toBe("waiting_input");
    expect(await b.send("rent")).toContain("Which account");
  });

  it("'yes' to an open question asks it again politely", async () => {
    await converse([
      ["I need a new card", "Which card"],
      ["credit", "What address"],
      ["yep", "Alright.\nWhat address should we send the new card to?"],
      ["12 High Street, Oxford", "delivered to 12 High Street, Oxford"],
    ]);
  });
});

describe("banking, natural phrasing: memory of the flow that just finished", () => {
  it("'from the same account' reuses the account of the balance just checked", async () => {
    await converse([
      ["what's my savings balance", "52,310.00 EUR"],
      ["send 50 euros to Tim", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["rent", "Which account"],
      ["the same account", "from your savings account to Tim"],
    ]);
  });

  it("'the same person' brings back the recipient and their IBAN", async () => {
    await converse([
      ["send 50 euros to Tim", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["rent", "Which account"],
      ["checking", "Shall I go ahead?"],
      ["yes", "Done!"],
      ["now send 20 euros to the same person", "What is the transfer for?"],
      ["coffee", "Which account"],
      [
        "checking",
        "send 20.00 EUR from your checking account to Tim (IBAN ES9121000418450200051332)",
      ],
    ]);
  });

  it("'the same card' while ordering one after blocking it", async () => {
    await converse([
      ["block my credit card", "last 4 digits"],
      ["1234", "Shall I block it?"],
      ["yes", "now blocked"],
      ["order a new card", "Which card"],
      ["the same card", "What address"],
      ["my office", "new credit card"],
    ]);
  });

  it("'actually yes, send it' right after declining goes back to the confirmation", async () => {
    await converse([
      ["send 20 to Bob", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["coffee", "Which account"],
      ["checking", "Shall I go ahead?"],
      ["no", "OK, I haven't sent anything."],
      ["actually yes, send it", "send 20.00 EUR from your checking account to Bob"],
      ["yes", "Done! 20.00 EUR are on their way to Bob."],
    ]);
  });

  it("'oh wait, actually go ahead and pay it' after saying no to a bill", async () => {
    await converse([
      ["pay my water bill", "reference"],
      ["WAT778812", "Pay it now"],
      ["no", "haven't paid"],
      ["oh wait actually go ahead and pay it", "Pay it now"],
      ["yes", "Paid!"],
    ]);
  });

  it("a 'yes' long after the decline is not taken as a change of mind", async () => {
    const b = await converse([
      ["block my debit card", "last 4 digits"],
      ["4821", "Shall I block it?"],
      ["no", "haven't blocked"],
      ["what's my checking balance", "24,847.52"],
      ["thanks", "You're welcome"],
    ]);
    expect(await b.send("actually yes, block it")).not.toContain("Shall I block it?");
  });
});

describe("banking, natural phrasing: two requests, the second one introduced", () => {
  it("the queued request opens with 'Now, about ...', not 'Let's get back to ...'", async () => {
    const b = await converse([
      ["my card was stolen and I need a new one", "Which card"],
      ["debit", "last 4 digits"],
      ["1234", "Shall I block it?"],
    ]);
    const response = await b.send("yes");
    expect(response).toMatch(/now blocked[\s\S]*Now, about your new card order:\nWhich card/);
    expect(response).not.toContain("Let's get back");
  });

  it("a real digression still resumes with 'Let's get back to ...'", async () => {
    await converse([
      ["pay my gas bill", "reference"],
      ["what's my balance?", "Which account"],
      ["checking", "Let's get back to your bill payment."],
    ]);
  });
});

describe("banking, natural phrasing: words customers abbreviate or mix", () => {
  it("'bal', 'sav', 'am I broke?'", async () => {
    await converse([
      ["bal", "Which account"],
      ["sav", "52,310.00 EUR"],
    ]);
    await converse([["am I broke?", "Which account"]]);
    await converse([["sav balance", "52,310.00 EUR"]]);
  });

  it("'past 2 weeks' is read as this month (the last 30 days)", async () => {
    await converse([
      ["show my transactions for the past 2 weeks", "Which account"],
      ["checking", "this month"],
    ]);
  });

  it("a Spanish relation in English reads back in English", async () => {
    await converse([["send 40 euros to mi madre", "What is your mother's IBAN?"]]);
  });

  it("Spanglish transfer with 'para el alquiler' as the concept (not a cancel)", async () => {
    await converse([
      ["hola, quiero send 100 euros a mi hermano Pablo", "What is Pablo's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["para el alquiler", "Which account"],
      ["de ahorros", 'concept "alquiler"'],
      ["sí", "Done! 100.00 EUR are on their way to Pablo."],
    ]);
  });

  it("mixed-language requests", async () => {
    await converse([["oye, can you mostrarme los movimientos of last month?", "Which account"]]);
    await converse([["quiero bloquear my credit card porfa", "last 4 digits"]]);
    await converse([["hola! I need to check my saldo en la cuenta de ahorros", "52,310.00 EUR"]]);
  });

  it("greetings and thanks in other words", async () => {
    await converse([["good evening 🙂", "What can I do for you"]]);
    await converse([["cheers mate", "You're welcome"]]);
    await converse([
      ["send money to Ana", "IBAN"],
      ["hi again", "Hello again!"],
    ]);
  });
});

describe("banking, natural phrasing: long, polite and indirect messages", () => {
  it("a long story with the request at the end", async () => {
    await converse([
      [
        "So I was at the supermarket this morning and the queue was endless, and then I realised I had left my phone at home, anyway long story short, can you tell me my checking balance",
        "24,847.52 EUR",
      ],
    ]);
  });

  it("a long explanation ending in a transfer to a relation", async () => {
    await converse([
      [
        "My landlord keeps sending me emails and honestly I have been so busy with work that I forgot about it until today, so I need to send 900 euros to my landlord",
        "What is your landlord's IBAN?",
      ],
    ]);
  });

  it("'I was wondering if you could possibly ...'", async () => {
    await converse([
      ["I was wondering if you could possibly help me block my debit card", "last 4 digits"],
    ]);
    await converse([["Would it be possible to see what I spent last week?", "Which account"]]);
    await converse([["I'd be grateful if you could pay my internet bill", "reference"]]);
    await converse([["could you kindly let me know how much I have in savings", "52,310.00 EUR"]]);
  });
});

describe("banking, natural phrasing: questions the bank assistant cannot answer", () => {
  it.each([
    "what are your opening hours?",
    "can I get a mortgage?",
    "where is the nearest branch?",
    "what's the interest rate on a personal loan",
  ])("'%s' is out of scope, with what the assistant can do", async (question) => {
    await converse([
      [question, "I can help with balances, transactions, transfers, cards and bills"],
    ]);
  });

  it("an unrelated question inside a flow is not explained as the slot", async () => {
    await converse([
      ["block my card", "Which card"],
      ["do you have branches in Madrid?", /I can help with balances[\s\S]*Which card/],
      ["debit", "last 4 digits"],
    ]);
  });

  it("'purple monkey dishwasher', 'monkey' and 'constructor' start nothing and crash nothing", async () => {
    for (const text of ["purple monkey dishwasher", "monkey", "constructor", "__proto__"]) {
      await converse([[text, "I can help with"]]);
    }
    await converse([
      ["send money", "Who"],
      ["constructor", "What is Constructor's IBAN?"],
    ]);
  });
});

describe("banking, natural phrasing: answers in full sentences", () => {
  it("every answer is a sentence", async () => {
    await converse([
      ["send 50 to Tim", "IBAN"],
      [`The IBAN is ${IBAN} and it's for rent`, "Which account"],
      [
        "It should come out of my savings account",
        'from your savings account to Tim (IBAN ES9121000418450200051332), concept "rent"',
      ],
      ["yes", "Done!"],
    ]);
  });

  it("card and bill questions answered in sentences", async () => {
    await converse([
      ["block a card", "Which card"],
      ["The card I want to block is the credit one", "last 4 digits"],
      ["The last four digits are 7733", "credit card ending in 7733"],
    ]);
    await converse([
      ["pay a bill", "Which bill"],
      ["It's the water bill this time", "reference"],
    ]);
    await converse([
      ["send 20 to Tim", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["I would like to send it for the concert tickets", "Which account"],
    ]);
  });
});

describe("banking, natural phrasing: corrections and denials with reasons", () => {
  const toConfirm: Turn[] = [
    ["send 50 to Tim", "IBAN"],
    [IBAN, "What is the transfer for?"],
    ["rent", "Which account"],
    ["checking", "Shall I go ahead?"],
  ];

  it("two slots corrected at once, each named", async () => {
    await converse([
      ...toConfirm,
      [
        "change the amount to 120 and the concept to dinner",
        /changed the amount to 120\.00[\s\S]*changed the transfer concept to dinner[\s\S]*send 120\.00 EUR/,
      ],
      ["yes", "Done! 120.00 EUR"],
    ]);
  });

  it("two slots corrected at once, by value", async () => {
    await converse([
      ...toConfirm,
      ["sorry, it's 80 euros and from savings", /send 80\.00 EUR from your savings account/],
    ]);
  });

  it("'no, that's too much' asks for the amount again", async () => {
    await converse([
      ...toConfirm,
      ["no, that's too much", "How much would you like to send?"],
      ["30", "send 30.00 EUR"],
    ]);
  });

  it("'no, wrong person' asks who again", async () => {
    await converse([
      ...toConfirm,
      ["no, wrong person", "Who would you like to send the money to?"],
    ]);
  });

  it("'oops, the amount is 600 not 60' while the IBAN is asked", async () => {
    await converse([
      ["pay Oliver 60 euros", "What is Oliver's IBAN?"],
      ["oops, the amount is 600 not 60", "changed the amount to 600.00.\nWhat is Oliver's IBAN?"],
    ]);
  });

  it("'no, I changed my mind' at a confirmation declines it", async () => {
    await converse([
      ["block my debit card", "last 4 digits"],
      ["4821", "Shall I block it?"],
      ["no, I changed my mind", "haven't blocked"],
    ]);
  });
});

describe("banking, natural phrasing: digressions, cancels inside them, handoffs, resets", () => {
  it("a digression inside a digression unwinds one level at a time", async () => {
    await converse([
      ["send money to Ana", "IBAN"],
      ["what's my balance?", "Which account"],
      ["how much did I spend last week?", "Which account"],
      ["checking", "Would you like to see more"],
      ["no", /Let's get back to your balance\.\nWhich account/],
      ["savings", /52,310\.00 EUR[\s\S]*Let's get back to your transfer\.\nWhat is Ana's IBAN\?/],
    ]);
  });

  it("cancel inside a digression ends only the digression", async () => {
    const b = await converse([
      ["send money to Ana", "IBAN"],
      ["what did I spend this month?", "Which account"],
      ["cancel", /cancelled[\s\S]*Let's get back to your transfer\.\nWhat is Ana's IBAN\?/],
    ]);
    expect((await b.runtime.getState("ana")).active_flow).toBe("transfer_funds");
  });

  it("'forget the balance' cancels the balance digression only", async () => {
    await converse([
      ["pay my gas bill", "reference"],
      ["before that, could you check my savings balance", "52,310.00 EUR"],
      ["GAS-2026-0042", "gas bill"],
    ]);
    await converse([
      ["pay my gas bill", "reference"],
      ["what's my balance?", "Which account"],
      ["forget the balance", /cancelled[\s\S]*bill reference/],
    ]);
  });

  it("'actually, let me check my savings balance' at the address is a digression", async () => {
    await converse([
      ["order a new card", "Which card"],
      ["credit", "What address"],
      ["actually, let me check my savings balance", /52,310\.00 EUR[\s\S]*What address/],
      ["12 High Street, Oxford", "delivered to 12 High Street, Oxford"],
    ]);
  });

  it("messages right after a handoff start fresh", async () => {
    const b = await converse([
      ["send money to Ana", "IBAN"],
      [
        "I'd like to speak to someone from the bank please",
        "connecting you with one of our agents",
      ],
      ["hello?", "What can I do for you"],
      ["what's my checking balance", "24,847.52 EUR"],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
  });

  it("'start again please' drops the flow; the next request starts cleanly", async () => {
    await converse([
      ["pay my water bill", "reference"],
      ["start again please", "cancelled"],
      ["pay my gas bill", "reference"],
    ]);
  });

  it("a reset through the runtime forgets the conversation, including 'the same ...'", async () => {
    const b = await converse([["what's my savings balance", "52,310.00 EUR"]]);
    await b.runtime.resetState("ana");
    expect(await b.send("send 50 euros to Tim")).toContain("IBAN");
    expect(await b.send(IBAN)).toContain("What is the transfer for?");
    expect(await b.send("rent")).toContain("Which account");
    expect(await b.send("the same account")).toContain("didn't quite get that");
  });

  it("goodbye after declining", async () => {
    await converse([
      ["block my card", "Which card"],
      ["debit", "last 4 digits"],
      ["1234", "Shall I block it?"],
      ["no, I changed my mind", "haven't blocked"],
      ["thanks, bye", "Goodbye!"],
    ]);
  });
});

describe("banking, natural phrasing: names, payments to people, stories", () => {
  it("a full name from idle is kept: 'send 250 euros to Greta Olsen'", async () => {
    await converse([["send 250 euros to Greta Olsen", "What is Greta Olsen's IBAN?"]]);
  });

  it("a story naming 'my sister Laura', then 'pay her back 350 euros'", async () => {
    await converse([
      [
        "I borrowed money from my sister Laura last month for the car repair and now I finally got paid, so I want to pay her back 350 euros",
        "What is Laura's IBAN?",
      ],
      [IBAN, "What is the transfer for?"],
    ]);
  });

  it("a payment to a person is a transfer; a bill type is a bill", async () => {
    await converse([["pay my rent to John Smith", "What is John Smith's IBAN?"]]);
    await converse([
      ["make a payment of 300 to Lucia Fernandez", "What is Lucia Fernandez's IBAN?"],
    ]);
    await converse([["pay my phone bill", "What is the bill reference?"]]);
  });

  it("the request in the middle of a story is heard", async () => {
    await converse([
      [
        "I just got back from a trip, can you block my credit card, I think someone copied it at a restaurant and I saw odd charges",
        "last 4 digits",
      ],
    ]);
  });

  it("details in a comma-separated transfer message are all kept", async () => {
    await converse([
      [
        `send 100 euros to Tim, IBAN ${IBAN}, concept gift, from savings`,
        'send 100.00 EUR from your savings account to Tim (IBAN ES9121000418450200051332), concept "gift"',
      ],
    ]);
  });

  it("the one number of a request is its amount; 'send Tim 40 quid' keeps the name", async () => {
    await converse([
      ["pay my landlord 900", "What is your landlord's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["rent march", "Which account"],
      ["checking", "send 900.00 EUR from your checking account to your landlord"],
    ]);
    await converse([
      ["send Tim 40 quid", "What is Tim's IBAN?"],
      [IBAN, "What is the transfer for?"],
    ]);
  });

  it("a delivery address in the first message", async () => {
    await converse([
      [
        "I'd like a new credit card delivered to 12 High Street, Oxford",
        "I'll order a new credit card to be delivered to 12 High Street, Oxford",
      ],
    ]);
  });
});

describe("banking, natural phrasing: balances, cards and heavy typos", () => {
  it("'do I have enough money in savings' shows the savings balance", async () => {
    await converse([["do I have enough money in savings", "52,310.00 EUR"]]);
  });

  it("two accounts in one question get both balances", async () => {
    await converse([
      [
        "how much is in my current account and my savings",
        /checking account balance is 24,847.52 EUR[\s\S]*savings account balance is 52,310.00 EUR/,
      ],
    ]);
  });

  it("a formal letter: the request between 'Dear Sir or Madam' and 'Kind regards'", async () => {
    await converse([
      [
        "Dear Sir or Madam, I would like to request that my credit card be blocked with immediate effect. Kind regards, Ana",
        "last 4 digits",
      ],
    ]);
  });

  it("heavy typos: 'hw much mony do i hav in my chekcing acount'", async () => {
    await converse([["hw much mony do i hav in my chekcing acount", "24,847.52 EUR"]]);
  });

  it("an expired card is a new card; 'i ned to blok my card' blocks it", async () => {
    await converse([
      ["my card expired, can you send me a new one", "Which card: debit or credit?"],
    ]);
    const b = await converse([["i ned to blok my card", "Which card: debit or credit?"]]);
    expect((await b.runtime.getState("ana")).active_flow).toBe("block_card");
  });

  it("'my debit card is gone' blocks the debit card; 'block it' does not ask the card again", async () => {
    await converse([
      ["my debit card is gone", "last 4 digits"],
      ["block it", /^(?![\s\S]*debit or credit)[\s\S]*last 4 digits/],
    ]);
  });
});

describe("banking, natural phrasing: questions and corrections while a flow waits", () => {
  it("'not Tom, Tim' while the IBAN is asked corrects the name", async () => {
    await converse([
      ["send 50 euros to Tom", "What is Tom's IBAN?"],
      ["not Tom, Tim", /beneficiary name to Tim[\s\S]*What is Tim's IBAN\?/],
    ]);
  });

  it("questions about the reference get its explanation, then the question again", async () => {
    await converse([
      ["pay my gas bill", "What is the bill reference?"],
      [
        "hmm where do I find the reference",
        /printed on the bill[\s\S]*What is the bill reference\?/,
      ],
    ]);
    await converse([
      ["pay a bill", "Which bill"],
      ["what do you mean by reference?", /printed on the bill[\s\S]*Which bill/],
    ]);
  });

  it("a corrected IBAN is named 'IBAN' (the slot's label)", async () => {
    await converse([
      ["send 50 to Tim", "IBAN"],
      [IBAN, "What is the transfer for?"],
      [
        "sorry, the iban is GB82WEST12345698765432",
        "I've changed the IBAN to GB82WEST12345698765432",
      ],
    ]);
  });

  it("off-topic questions inside a flow: what the assistant can do, then the question again", async () => {
    await converse([
      ["send 50 to Tim", "What is Tim's IBAN?"],
      ["can I get a mortgage?", /I can help with balances[\s\S]*What is Tim's IBAN\?/],
      ["what are your opening hours?", /I can help with balances[\s\S]*What is Tim's IBAN\?/],
      [IBAN, "What is the transfer for?"],
    ]);
  });

  it("'actually yes' with nothing declined asks what to do", async () => {
    await converse([["actually yes", "what can I do for you?"]]);
  });
});

describe("banking, natural phrasing: failures the customer should understand", () => {
  it("a transfer without enough money says why, and nothing is sent", async () => {
    const b = await converse([
      ["send 9999 euros to Tim from checking", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["loan", "Shall I go ahead?"],
      ["yes", "Done!"],
      ["send 9999 euros to Tim from checking", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["loan", "Shall I go ahead?"],
      ["yes", "Done!"],
      ["send 9999 euros to Tim from checking", "IBAN"],
      [IBAN, "What is the transfer for?"],
      ["loan", "Shall I go ahead?"],
      ["yes", "there isn't enough money in your checking account: 4,849.52 EUR available"],
    ]);
    expect(await b.send("what's my checking balance")).toContain("4,849.52 EUR");
  });
});

describe("banking, natural phrasing: questions on the way, names for relations, early answers", () => {
  const CONFIRM = /send 1,500\.00 EUR from your checking account[\s\S]*Shall I go ahead\?/;

  it("a balance question while confirming is a digression, not a correction", async () => {
    const b = await converse([
      ["send 1500 euros from checking to Anna Schmidt, IBAN DE89370400440532013000", "for?"],
      ["rent", CONFIRM],
      [
        "wait how much do i have in savings?",
        /savings account balance is[\s\S]*back to your transfer[\s\S]*from your checking account/,
      ],
    ]);
    // A statement still corrects.
    expect(await b.send("from savings")).toContain("from your savings account");
  });

  it("a question that only proposes a value of the flow is still a correction", async () => {
    await converse([
      ["send 1500 euros from checking to Anna Schmidt, IBAN DE89370400440532013000", "for?"],
      ["rent", CONFIRM],
      ["what about savings?", /changed the source account to savings[\s\S]*Shall I go ahead\?/],
    ]);
  });

  it("a balance question while a value is asked is a digression too", async () => {
    const b = await converse([
      ["send 1500 euros from checking to Anna Schmidt, IBAN DE89370400440532013000", "for?"],
      ["hmm how much do I have in savings?", /balance is[\s\S]*What is the transfer for\?/],
      ["rent", CONFIRM],
    ]);
    expect((await b.runtime.getState("ana")).active_flow).toBe("transfer_funds");
  });

  it("a name given for 'my landlord' while the IBAN is asked replaces the relation", async () => {
    await converse([
      ["i wanna send 1.5k to my landlord", "What is your landlord's IBAN?"],
      ["Peter Walsh", /Peter Walsh[\s\S]*What is Peter Walsh's IBAN\?/],
      [IBAN, "What is the transfer for?"],
    ]);
    // A name already given is not replaced by a bare name while the IBAN is asked.
    await converse([
      ["send 50 euros to Tom", "What is Tom's IBAN?"],
      ["Peter Walsh", /^(?![\s\S]*Peter)[\s\S]*Tom's IBAN/],
    ]);
  });

  it("card brands mean the credit card", async () => {
    await converse([
      ["my visa got stolen!!", "What are the last 4 digits of the card?"],
      ["4821", "block your credit card ending in 4821"],
    ]);
    await converse([["I lost my mastercard", "What are the last 4 digits of the card?"]]);
  });

  it("the last 4 digits given when the card type is asked are kept", async () => {
    await converse([
      ["my card got stolen", "Which card: debit or credit?"],
      ["1234", /^(?![\s\S]*didn't quite get)[\s\S]*Which card: debit or credit\?/],
      ["debit", "block your debit card ending in 1234"],
    ]);
  });
});

describe("banking, natural phrasing: free-text questions and values of other slots", () => {
  it("'from savings' while the concept is asked changes the source, whether filled or not", async () => {
    await converse([
      ["send 50 euros to Ana from checking", "What is Ana's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["from the savings account", /source account to savings[\s\S]*What is the transfer for\?/],
      ["rent", /from your savings account[\s\S]*concept "rent"/],
    ]);
    await converse([
      ["send 50 euros to Ana", "What is Ana's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["From my savings.", "What is the transfer for?"],
      ["for rent", /from your savings account[\s\S]*concept "rent"/],
    ]);
  });

  it("a new value for a filled choice that restates the flow is a correction, said as words", async () => {
    const b = await converse([
      ["show my last transactions", "Which account"],
      ["this month", "Which account"],
      ["last week", /changed the transaction period to last week\.[\s\S]*Which account/],
      ["checking", "(checking, last week)"],
    ]);
    expect((await b.runtime.getState("ana")).active_flow).toBe("check_transactions");
  });

  it("'my landlord is Peter Walsh' to 'who gets it?' gives the name, not the sentence", async () => {
    await converse([
      ["I need to send my rent", "Who would you like to send the money to?"],
      ["my landlord is Peter Walsh", "What is Peter Walsh's IBAN?"],
    ]);
  });
});

describe("banking, natural phrasing: every account at once, the account a bill is paid from", () => {
  const ALL_BALANCES =
    /checking account balance is 24,847\.52 EUR[\s\S]*savings account balance is 52,310\.00 EUR[\s\S]*investment account balance is 18,940\.75 EUR/;

  it("'both' / 'all of them' / 'all my accounts' to 'Which account?' gives every balance", async () => {
    for (const answer of ["both", "all of them", "all my accounts"]) {
      const b = await converse([
        ["what is my balance", "Which account: checking, savings or investment?"],
        [answer, ALL_BALANCES],
      ]);
      const state = await b.runtime.getState("ana");
      expect(state.flow_stack, `after "${answer}"`).toEqual([]);
    }
  });

  it("'both' to a transfer's source account starts no second transfer", async () => {
    const b = await converse([
      ["send 50 euros to Ana", "What is Ana's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["rent", "Which account should the money come from"],
      ["both", "Which account should the money come from"],
    ]);
    expect((await b.runtime.getState("ana")).flow_stack).toHaveLength(1);
  });

  it("'from savings' at the bill confirmation changes the paying account", async () => {
    const b = await converse([
      ["pay my electricity bill", "bill reference"],
      ["ELEC-2026-0042", "Pay it now from your checking account?"],
      [
        "from savings",
        /changed the payment account to savings[\s\S]*Pay it now from your savings account\?/,
      ],
      ["yes", "Paid! 55.87 EUR to Volta Energía."],
      ["what is my savings balance", "savings account balance is 52,254.13 EUR"],
    ]);
    expect((await b.runtime.getState("ana")).flow_state).toBe("idle");
    await converse([
      ["pay my electricity bill", "bill reference"],
      ["ELEC-2026-0042", "Pay it now from your checking account?"],
      ["savings", "Pay it now from your savings account?"],
    ]);
  });

  it("an account said with the request is kept at the confirmation", async () => {
    await converse([
      ["pay my electricity bill from savings", "bill reference"],
      ["ELEC-2026-0042", "Pay it now from your savings account?"],
      ["yes", "Paid!"],
      ["what is my checking balance", "checking account balance is 24,847.52 EUR"],
    ]);
  });
});
