import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { ChoiceMatcher } from "../../../src/du/heuristic/extract/choices.ts";
import { BANKING, load } from "../helpers.ts";

let domain: LoadedDomain;
let analyzer: Analyzer;
const matcher = (slot: string) => new ChoiceMatcher(domain.domain.slots[slot]!, analyzer);

beforeAll(async () => {
  domain = await load(BANKING);
  analyzer = new Analyzer(domain.domain);
});

describe("ChoiceMatcher", () => {
  it.each([
    ["account_type", "savings", "savings"],
    ["account_type", "my savings", "savings"],
    ["account_type", "the current account", "checking"],
    ["account_type", "savigns", "savings"],
    ["account_type", "invest", "investment"],
    ["account_type", "mi cuenta de ahorro", "savings"],
    ["card_type", "the credit one", "credit"],
    ["bill_type", "broadband", "internet"],
    ["bill_type", "electrcity", "electricity"],
    ["transaction_period", "the last three months", "last_3_months"],
    ["transaction_period", "last week please", "last_week"],
  ])("%s: %s -> %s", (slot, text, value) => {
    expect(matcher(slot).single(text)?.value).toBe(value);
  });

  it("does not read the verb 'check' as the choice 'checking'", () => {
    expect(matcher("account_type").single("can I check something")).toBeNull();
  });

  it("leaves out negated choices and refuses two different ones", () => {
    expect(matcher("card_type").single("credit, not the debit one")?.value).toBe("credit");
    expect(matcher("card_type").single("debit or credit")).toBeNull();
  });
});
