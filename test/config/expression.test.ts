import { describe, expect, it } from "vitest";
import {
  compileExpression,
  ExpressionError,
  MAX_EXPRESSION_DEPTH,
  parseExpression,
} from "../../src/config/expression.ts";

const evaluate = (source: string, scope: Record<string, unknown> = {}) =>
  parseExpression(source).evaluate(scope);

function syntaxError(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`expected ${JSON.stringify(source.slice(0, 40))} not to parse`);
}

describe("expression evaluation", () => {
  it("compares numbers, strings and booleans", () => {
    expect(evaluate("amount > 10000", { amount: 15000 })).toBe(true);
    expect(evaluate("amount > 10000", { amount: 10000 })).toBe(false);
    expect(evaluate("amount >= 10000", { amount: 10000 })).toBe(true);
    expect(evaluate("kind == 'savings'", { kind: "savings" })).toBe(true);
    expect(evaluate('kind != "savings"', { kind: "checking" })).toBe(true);
    expect(evaluate("flag == true", { flag: true })).toBe(true);
    expect(evaluate("day < '2024-06-01'", { day: "2024-05-31" })).toBe(true);
  });

  it("compares a number with a numeric string as numbers", () => {
    expect(evaluate("amount == 50", { amount: "50" })).toBe(true);
    expect(evaluate("amount > 9", { amount: "10" })).toBe(true);
    expect(evaluate("flag == 1", { flag: true })).toBe(false);
  });

  it("does arithmetic with precedence and parentheses", () => {
    expect(evaluate("1 + 2 * 3")).toBe(7);
    expect(evaluate("(1 + 2) * 3")).toBe(9);
    expect(evaluate("10 - 4 - 3")).toBe(3);
    expect(evaluate("7 % 4 + -a", { a: 1 })).toBe(2);
    expect(evaluate("a / 4", { a: 10 })).toBe(2.5);
    expect(evaluate("'EUR ' + amount", { amount: 5 })).toBe("EUR 5");
  });

  it("is null-safe: missing slots are null, never a throw", () => {
    expect(evaluate("missing")).toBeNull();
    expect(evaluate("missing > 3")).toBe(false);
    expect(evaluate("missing < 3")).toBe(false);
    expect(evaluate("missing + 1")).toBeNull();
    expect(evaluate("-missing")).toBeNull();
    expect(evaluate("missing == null")).toBe(true);
    expect(evaluate("missing is null")).toBe(true);
    expect(evaluate("x is not null", { x: 0 })).toBe(true);
    expect(evaluate("x is null", { x: undefined })).toBe(true);
  });

  it("turns division by zero and non-numbers into null", () => {
    expect(evaluate("a / 0", { a: 1 })).toBeNull();
    expect(evaluate("a % 0", { a: 1 })).toBeNull();
    expect(evaluate("a * 2", { a: "abc" })).toBeNull();
    expect(evaluate("a + b", { a: true, b: 1 })).toBeNull();
  });

  it("supports and/or/not in words and symbols, short-circuiting to booleans", () => {
    expect(evaluate("a and b", { a: 1, b: "x" })).toBe(true);
    expect(evaluate("a && b", { a: 1, b: "" })).toBe(false);
    expect(evaluate("a or b", { a: 0, b: null })).toBe(false);
    expect(evaluate("a || b", { a: 0, b: 2 })).toBe(true);
    expect(evaluate("not a", { a: 0 })).toBe(true);
    expect(evaluate("!a", { a: "yes" })).toBe(false);
    expect(evaluate("not a == 1", { a: 2 })).toBe(true);
    expect(evaluate("a > 1 and b < 3 or c", { a: 2, b: 5, c: true })).toBe(true);
  });

  it("tests membership with in / not in", () => {
    expect(evaluate("t in ['gas', 'water']", { t: "gas" })).toBe(true);
    expect(evaluate("t not in ['gas', 'water']", { t: "gas" })).toBe(false);
    expect(evaluate("n in [1, 2, 3]", { n: "2" })).toBe(true);
    expect(evaluate("n in []", { n: 1 })).toBe(false);
    expect(evaluate("missing in [null]")).toBe(true);
  });

  it("reads only own properties of the scope", () => {
    expect(evaluate("__proto__")).toBeNull();
    expect(evaluate("constructor")).toBeNull();
    expect(evaluate("toString == null")).toBe(true);
    const scope = Object.create({ inherited: 5 }) as Record<string, unknown>;
    expect(evaluate("inherited", scope)).toBeNull();
  });

  it("lists the identifiers it reads, once each", () => {
    expect(parseExpression("a > 1 and (b == a or c in [a, d])").identifiers()).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(parseExpression("'a' == \"b\"").identifiers()).toEqual([]);
  });

  it("decodes string escapes", () => {
    expect(evaluate("'it\\'s'")).toBe("it's");
    expect(evaluate('"a\\"b"')).toBe('a"b');
  });

  it("caches compiled expressions", () => {
    expect(compileExpression("x == 1")).toBe(compileExpression("x == 1"));
    expect(() => compileExpression("x ==")).toThrow(ExpressionError);
  });
});

describe("membership in a list slot", () => {
  it("'x' in list_slot tests the slot's items; a missing or empty list holds nothing", () => {
    const e = compileExpression("'ham' in toppings and 'olives' not in toppings");
    expect(e.evaluate({ toppings: ["ham", "mushrooms"] })).toBe(true);
    expect(e.evaluate({ toppings: ["ham", "olives"] })).toBe(false);
    expect(compileExpression("'ham' in toppings").evaluate({ toppings: null })).toBe(false);
    expect(compileExpression("not toppings").evaluate({ toppings: [] })).toBe(true);
    expect(e.identifiers()).toEqual(["toppings"]);
  });
});

describe("expression syntax errors", () => {
  it.each([
    ["amount >> 5", 8, /expected a value/],
    ["a = 1", 2, /use '=='/],
    ["a < b < c", 6, /cannot be chained/],
    ["'open", 0, /unterminated string/],
    ["(a + 1", 6, /expected '\)'/],
    ["a in 5", 5, /needs a list/],
    ["x is 5", 5, /only tests for null/],
    ["1 +", 3, /end of the expression/],
    ["a b", 2, /unexpected 'b'/],
    ["a @ b", 2, /unexpected character '@'/],
    ["   ", 0, /empty/],
    ["12abc", 0, /invalid number/],
  ])("%j fails at offset %i", (source, offset, message) => {
    const error = syntaxError(source);
    expect(error.offset).toBe(offset);
    expect(error.message).toMatch(message);
  });
});

describe("hostile expressions", () => {
  it("rejects member access, calls and indexing without running anything", () => {
    const globals = globalThis as Record<string, unknown>;
    delete globals.pwned;
    const attack = syntaxError('constructor.constructor("globalThis.pwned = 1")()');
    expect(attack.message).toMatch(/member access/);
    expect(attack.offset).toBe(11);
    expect(globals.pwned).toBeUndefined();
    expect(syntaxError("a.b.c").message).toMatch(/member access/);
    expect(syntaxError("__proto__.polluted").offset).toBe(9);
    expect(syntaxError("process(1)").message).toMatch(/function calls are not supported/);
    expect(syntaxError("slots['a']").message).toMatch(/indexing is not supported/);
    expect(syntaxError("[1, 2]").message).toMatch(/only allowed after 'in'/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("fails fast on 10,000-deep parentheses", () => {
    const start = performance.now();
    const deep = syntaxError(`${"(".repeat(10_000)}1${")".repeat(10_000)}`);
    expect(deep.message).toMatch(/too long/);
    const withinLength = syntaxError(`${"(".repeat(4_000)}1${")".repeat(4_000)}`);
    expect(withinLength.message).toMatch(/nested too deeply/);
    expect(withinLength.offset).toBe(MAX_EXPRESSION_DEPTH);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it("fails fast on a 1 MB expression", () => {
    const start = performance.now();
    const error = syntaxError(`a == ${"1 + ".repeat(250_000)}1`);
    expect(error.message).toMatch(/too long .* limit is 10000/);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("bounds the depth of long operator chains and prefix operators", () => {
    expect(syntaxError(`1${" + 1".repeat(MAX_EXPRESSION_DEPTH)}`).message).toMatch(
      /nested too deeply/,
    );
    expect(syntaxError(`${"-".repeat(5_000)}1`).message).toMatch(/nested too deeply/);
    expect(syntaxError(`${"not ".repeat(100)}a`).message).toMatch(/nested too deeply/);
    expect(evaluate(`a${" or a".repeat(500)}`, { a: true })).toBe(true);
  });
});
