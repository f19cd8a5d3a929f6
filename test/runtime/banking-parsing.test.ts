import { describe, expect, it } from "vitest";
import { createBankingHandlers } from "../../examples/banking/handlers.ts";
import { compactIban, ibanProblem } from "../../examples/banking/lib/iban.ts";
import { parseAmount } from "../../examples/banking/lib/money.ts";

describe("banking amounts", () => {
  it.each([
    ["1,500.50", 1500.5],
    ["1.500,50", 1500.5],
    ["1.5k", 1500],
    ["€200", 200],
    ["200 euros", 200],
    ["1.500", 1500],
    ["12,5", 12.5],
    ["1 250", 1250],
    [" 99.99 EUR", 99.99],
    [250, 250],
  ])("%s -> %s", (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it("rejects what is not an amount", () => {
    expect(parseAmount("two hundred")).toBeNull();
    expect(parseAmount("1.2.3,4,5")).toBeNull();
    expect(parseAmount("")).toBeNull();
  });

  it("the validator wants a positive number", () => {
    const { validators, normalizers } = createBankingHandlers();
    expect(validators.positive_amount(normalizers.amount("-5") as number)).toBe(false);
    expect(validators.positive_amount(normalizers.amount("0") as number)).toBe(false);
    expect(validators.positive_amount(normalizers.amount("€1.5k") as number)).toBe(true);
  });
});

describe("banking IBAN", () => {
  it("accepts valid IBANs with spaces and lower case", () => {
    expect(ibanProblem("es91 2100 0418 4502 0005 1332")).toBeNull();
    expect(ibanProblem("GB82 WEST 1234 5698 7654 32")).toBeNull();
    expect(ibanProblem("DE89370400440532013000")).toBeNull();
    expect(compactIban("es91 2100-0418")).toBe("ES91 2100-0418".replace(/[\s-]/g, ""));
  });

  it("says what is wrong", () => {
    expect(ibanProblem("ES91 2100 0418 4502 0005 1333")).toMatch(/check digits/);
    expect(ibanProblem("ES91 2100 0418")).toMatch(
      /ES IBANs have 24 characters, but that one has 12/,
    );
    expect(ibanProblem("ZZ91 2100 0418")).toMatch(/country code ZZ/);
    expect(ibanProblem("hello")).toMatch(/starts with a two-letter country code/);
  });
});

describe("banking normalizers and codes", () => {
  const { normalizers, validators } = createBankingHandlers();
  it("maps account, card and bill words", () => {
    expect(normalizers.account_type("my current account")).toBe("checking");
    expect(normalizers.account_type("Ahorros")).toBe("savings");
    expect(normalizers.card_type("Credit card")).toBe("credit");
    expect(normalizers.bill_type("mobile")).toBe("phone");
    expect(normalizers.transaction_period("the last three months")).toBe("last_3_months");
  });
  it("checks codes", () => {
    expect(validators.security_code(normalizers.digits("123 456"))).toBe(true);
    expect(validators.security_code("12345")).toBe(false);
    expect(validators.card_last_4(normalizers.digits("4821"))).toBe(true);
    expect(validators.card_last_4("48210")).toBe(false);
    expect(validators.bill_reference(normalizers.bill_reference("ab 12 cd"))).toBe(true);
    expect(validators.bill_reference("AB12")).toBe(false);
  });
});
