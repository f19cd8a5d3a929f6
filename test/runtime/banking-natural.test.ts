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
      ["hey can i move 1.5k to my landlord", "What is my landlord's IBAN?"],
      [IBAN, "What is the transfer for?"],
      ["rent april", "Which account"],
      ["checking", "send 1,500.00 EUR from your checking account to my landlord"],
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
    ["block my visa ending 1234", "Which card: debit or credit?"],
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
