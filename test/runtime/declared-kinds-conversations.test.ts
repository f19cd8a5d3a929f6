import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import * as shopHandlers from "../../examples/pizza/handlers.ts";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { testRuntime } from "./helpers.ts";

/**
 * Conversations on a small pizza shop (declared slot kinds: a list, an optional slot, a
 * pattern, an address; the cancel pattern off), read by the real heuristic DU and run by the DM.
 */
const FIXTURES = path.join(import.meta.dirname, "../fixtures/du");
let pizza: LoadedDomain;
let banking: LoadedDomain;
beforeAll(async () => {
  pizza = await loadDomain(path.join(FIXTURES, "pizza-shop.yaml"));
  banking = await loadDomain(path.join(import.meta.dirname, "../../examples/banking"));
});

function chat(domain: LoadedDomain) {
  const handlers = domain === banking ? createBankingHandlers() : {};
  const t = testRuntime(domain, handlers, { du: new HeuristicUnderstanding() });
  return async (text: string) => (await t.runtime.processMessage(text, "u")).response;
}

describe("declared slot kinds in conversation", () => {
  it("keeps both toppings of 'a large pizza with ham and pineapple' and renders the list", async () => {
    const say = chat(pizza);
    expect(await say("a large pizza with ham and pineapple")).toContain("What name");
    expect(await say("Maria Lopez")).toContain("Where should we deliver it?");
    expect(await say("Calle Mayor 12, Madrid")).toContain(
      "A large pizza with ham and pineapple for Maria Lopez to Calle Mayor 12, Madrid?",
    );
  });

  it("'no toppings' and 'no thanks' skip the optional slot, never cancel the order", async () => {
    for (const answer of ["no toppings", "no thanks", "none"]) {
      const say = chat(pizza);
      expect(await say("I want to order a pizza")).toContain("Which size");
      expect(await say("medium")).toContain("Any toppings?");
      expect(await say(answer), answer).toContain("What name");
    }
  });

  it("an optional value taken back at the summary is left out of the summary said again", async () => {
    // The example shop derives the summary's words from the slots in steps before it.
    const shop = await loadDomain(path.join(import.meta.dirname, "../../examples/pizza"));
    const t = testRuntime(shop, shopHandlers, { du: new HeuristicUnderstanding() });
    const say = async (text: string) => (await t.runtime.processMessage(text, "u")).response;
    await say("a medium pizza with olives and a lemonade");
    expect(await say("5 Park Road, Hove")).toContain("with olives and a lemonade");
    const again = await say("forget the lemonade");
    expect(again).toContain("with olives and no drink");
  });

  it("never cancels when the cancel pattern is disabled", async () => {
    const say = chat(pizza);
    await say("I want to order a pizza");
    expect(await say("cancel")).toContain("Which size");
  });

  it("'no, the name is wrong' at the confirmation asks for the name again", async () => {
    const say = chat(pizza);
    await say("a small pizza with olives");
    await say("Ana");
    expect(await say("Gran Via 1, Madrid")).toContain("for Ana to");
    const reply = await say("no, the name is wrong");
    expect(reply).toContain("What name");
    expect(reply).not.toContain("Wrong");
  });

  it("'actually no, keep it' at a cancellation confirmation keeps the order", async () => {
    const say = chat(pizza);
    expect(await say("cancel order 1003")).toContain("Cancel order 1003?");
    expect(await say("actually no, keep it")).toContain("Order 1003 stays as it is.");
  });

  it("'cancel order 1003 and order a new large pizza' runs both requests", async () => {
    const say = chat(pizza);
    expect(await say("cancel order 1003 and order a new large pizza")).toContain(
      "Cancel order 1003?",
    );
    const next = await say("yes");
    expect(next).toContain("Order 1003 is cancelled.");
    expect(next).toMatch(/Any toppings\?/);
  });

  it("a known but disallowed choice gets the allowed choices, not another flow", async () => {
    const say = chat(banking);
    await say("send 50 euros to Ana");
    await say("ES91 2100 0418 4502 0005 1332");
    expect(await say("dinner")).toContain("Which account should the money come from");
    const reply = await say("investment");
    expect(reply).toContain("checking or savings");
    expect(reply).not.toMatch(/balance/i);
  });

  it("'I have to pay back a friend' starts a transfer (the bank's vocabulary)", async () => {
    expect(await chat(banking)("I have to pay back a friend")).toContain(
      "Who would you like to send the money to?",
    );
  });
});
