/**
 * The condition language of the DSL: a small, safe expression language parsed by hand into
 * an AST and evaluated by walking it. Nothing is ever eval'ed; identifiers only read own
 * properties of the scope (slot values), so there is no way to reach prototypes, globals or
 * functions. Input size and nesting are bounded so hostile text fails fast.
 * The language is documented in docs/dsl.md ("Expressions").
 */

export const MAX_EXPRESSION_LENGTH = 10_000;
export const MAX_EXPRESSION_DEPTH = 64;

export type Literal = string | number | boolean | null;
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";
export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

export type Node =
  | { kind: "literal"; value: Literal; start: number }
  | { kind: "identifier"; name: string; start: number }
  | { kind: "not"; operand: Node; start: number }
  | { kind: "negate"; operand: Node; start: number }
  | { kind: "arithmetic"; op: ArithmeticOperator; left: Node; right: Node; start: number }
  | { kind: "compare"; op: ComparisonOperator; left: Node; right: Node; start: number }
  | { kind: "logical"; op: "and" | "or"; operands: Node[]; start: number }
  | { kind: "in"; negated: boolean; value: Node; list: Node[]; start: number }
  /** `'ham' in toppings`: membership in the items of a list slot. */
  | { kind: "in_slot"; negated: boolean; value: Node; slot: Node; start: number }
  | { kind: "is_null"; negated: boolean; value: Node; start: number };

export interface Expression {
  source: string;
  ast: Node;
  evaluate(scope: Readonly<Record<string, unknown>>): unknown;
  /** Slot names the expression reads, once each, in order of appearance. */
  identifiers(): string[];
}

/** A syntax error; `offset` is the 0-based index in the source where it was found. */
export class ExpressionError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = "ExpressionError";
    this.offset = offset;
  }
}

// ---------------------------------------------------------------------------------------
// Tokens

type TokenType = "number" | "string" | "name" | "op" | "eof";
interface Token {
  type: TokenType;
  /** Operator or name text, the string's decoded value, or the number's source text. */
  text: string;
  start: number;
}

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "!"];
const PUNCTUATION = "()[],";
const KEYWORDS = new Set(["and", "or", "not", "in", "is", "null", "true", "false"]);
const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function isNameStart(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z_]/.test(ch);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(ch) || (ch === "." && isDigit(source[i + 1]))) {
      while (isDigit(source[i])) i++;
      if (source[i] === "." && isDigit(source[i + 1])) {
        i++;
        while (isDigit(source[i])) i++;
      }
      if (isNameStart(source[i])) {
        throw new ExpressionError(`invalid number '${source.slice(start, i + 1)}'`, start);
      }
      tokens.push({ type: "number", text: source.slice(start, i), start });
      continue;
    }
    if (isNameStart(ch)) {
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i]!)) i++;
      tokens.push({ type: "name", text: source.slice(start, i), start });
      continue;
    }
    if (ch === "'" || ch === '"') {
      let value = "";
      i++;
      for (;;) {
        const c = source[i];
        if (c === undefined) {
          throw new ExpressionError(`unterminated string (add the closing ${ch})`, start);
        }
        if (c === ch) break;
        if (c === "\\") {
          const escaped = ESCAPES[source[i + 1] ?? ""];
          if (escaped === undefined) {
            throw new ExpressionError(
              "invalid escape in string (use \\\\, \\', \\\", \\n, \\t or \\r)",
              i,
            );
          }
          value += escaped;
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      i++;
      tokens.push({ type: "string", text: value, start });
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ type: "op", text: op, start });
      i += op.length;
      continue;
    }
    if (PUNCTUATION.includes(ch)) {
      tokens.push({ type: "op", text: ch, start });
      i++;
      continue;
    }
    if (ch === "=") throw new ExpressionError("use '==' to compare ('=' assigns nothing here)", i);
    if (ch === ".") {
      throw new ExpressionError(
        "member access ('.') is not supported: expressions can only name slots",
        i,
      );
    }
    throw new ExpressionError(`unexpected character '${ch}'`, i);
  }
  tokens.push({ type: "eof", text: "", start: source.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------
// Parser (precedence climbing; lowest first: or, and, not, comparison, + -, * / %, unary)

function describe(token: Token): string {
  switch (token.type) {
    case "eof":
      return "the end of the expression";
    case "string":
      return "a string";
    default:
      return `'${token.text}'`;
  }
}

class Parser {
  private readonly tokens: Token[];
  private position = 0;
  private nesting = 0;
  private readonly depths = new WeakMap<Node, number>();

  constructor(source: string) {
    this.tokens = tokenize(source);
  }

  parse(): Node {
    const node = this.parseOr();
    const token = this.peek();
    if (token.type !== "eof") {
      throw new ExpressionError(
        `unexpected ${describe(token)} after a complete expression`,
        token.start,
      );
    }
    return node;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== "eof") this.position++;
    return token;
  }

  private isOp(text: string, token: Token = this.peek()): boolean {
    return token.type === "op" && token.text === text;
  }

  private isKeyword(text: string, token: Token = this.peek()): boolean {
    return token.type === "name" && token.text === text;
  }

  private expect(text: string, what: string): void {
    const token = this.peek();
    if (!this.isOp(text, token)) {
      throw new ExpressionError(`expected ${what}, found ${describe(token)}`, token.start);
    }
    this.next();
  }

  /** Registers a node's depth (1 + its deepest child) and enforces the bound. */
  private node<T extends Node>(node: T, children: Node[]): T {
    let depth = 1;
    for (const child of children) depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    if (depth > MAX_EXPRESSION_DEPTH) this.tooDeep(node.start);
    this.depths.set(node, depth);
    return node;
  }

  private tooDeep(offset: number): never {
    throw new ExpressionError(
      `expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels); split it into several steps`,
      offset,
    );
  }

  /** Bounds the parser's own recursion (parentheses and prefix operators). */
  private nested<T>(offset: number, parse: () => T): T {
    if (++this.nesting > MAX_EXPRESSION_DEPTH) this.tooDeep(offset);
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  private parseOr(): Node {
    return this.parseLogical("or", "||", () => this.parseAnd());
  }

  private parseAnd(): Node {
    return this.parseLogical("and", "&&", () => this.parseNot());
  }

  private parseLogical(op: "and" | "or", symbol: string, operand: () => Node): Node {
    const first = operand();
    const operands = [first];
    while (this.isKeyword(op) || this.isOp(symbol)) {
      this.next();
      operands.push(operand());
    }
    if (operands.length === 1) return first;
    return this.node({ kind: "logical", op, operands, start: first.start }, operands);
  }

  private parseNot(): Node {
    const token = this.peek();
    if (this.isKeyword("not", token)) {
      this.next();
      const operand = this.nested(token.start, () => this.parseNot());
      return this.node({ kind: "not", operand, start: token.start }, [operand]);
    }
    return this.parseComparison();
  }

  private parseComparison(): Node {
    const left = this.parseAdditive();
    const node = this.parseComparisonTail(left);
    if (node === left) return left;
    const token = this.peek();
    if (this.comparisonAhead(token)) {
      throw new ExpressionError(
        "comparisons cannot be chained; combine them with 'and' (a < b and b < c)",
        token.start,
      );
    }
    return node;
  }

  private comparisonAhead(token: Token): boolean {
    return (
      (token.type === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(token.text)) ||
      this.isKeyword("in", token) ||
      this.isKeyword("is", token) ||
      (this.isKeyword("not", token) && this.isKeyword("in", this.peek(1)))
    );
  }

  private parseComparisonTail(left: Node): Node {
    const token = this.peek();
    if (token.type === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(token.text)) {
      this.next();
      const right = this.parseAdditive();
      const op = token.text as ComparisonOperator;
      return this.node({ kind: "compare", op, left, right, start: left.start }, [left, right]);
    }
    if (
      this.isKeyword("in", token) ||
      (this.isKeyword("not", token) && this.isKeyword("in", this.peek(1)))
    ) {
      const negated = this.isKeyword("not", token);
      this.next();
      if (negated) this.next();
      if (this.peek().type === "name" && !KEYWORDS.has(this.peek().text)) {
        const slot = this.parseAdditive();
        return this.node({ kind: "in_slot", negated, value: left, slot, start: left.start }, [
          left,
          slot,
        ]);
      }
      const list = this.parseList();
      return this.node({ kind: "in", negated, value: left, list, start: left.start }, [
        left,
        ...list,
      ]);
    }
    if (this.isKeyword("is", token)) {
      this.next();
      const negated = this.isKeyword("not");
      if (negated) this.next();
      const target = this.peek();
      if (!this.isKeyword("null", target)) {
        throw new ExpressionError(
          `'is' only tests for null: write 'is null' or 'is not null', found ${describe(target)}`,
          target.start,
        );
      }
      this.next();
      return this.node({ kind: "is_null", negated, value: left, start: left.start }, [left]);
    }
    return left;
  }

  private parseList(): Node[] {
    const open = this.peek();
    if (!this.isOp("[", open)) {
      throw new ExpressionError(
        `'in' needs a list in brackets, like x in [1, 2, 'a']; found ${describe(open)} (or a list slot: x in items)`,
        open.start,
      );
    }
    this.next();
    const items: Node[] = [];
    return this.nested(open.start, () => {
      if (this.isOp("]")) {
        this.next();
        return items;
      }
      for (;;) {
        items.push(this.parseOr());
        if (this.isOp(",")) {
          this.next();
          continue;
        }
        this.expect("]", "',' or ']' in the list");
        return items;
      }
    });
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    for (;;) {
      const token = this.peek();
      if (!this.isOp("+", token) && !this.isOp("-", token)) return left;
      this.next();
      const right = this.parseMultiplicative();
      const op = token.text as ArithmeticOperator;
      left = this.node({ kind: "arithmetic", op, left, right, start: left.start }, [left, right]);
    }
  }

  private parseMultiplicative(): Node {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (!this.isOp("*", token) && !this.isOp("/", token) && !this.isOp("%", token)) return left;
      this.next();
      const right = this.parseUnary();
      const op = token.text as ArithmeticOperator;
      left = this.node({ kind: "arithmetic", op, left, right, start: left.start }, [left, right]);
    }
  }

  private parseUnary(): Node {
    const token = this.peek();
    if (this.isOp("-", token) || this.isOp("!", token)) {
      this.next();
      const operand = this.nested(token.start, () => this.parseUnary());
      const kind = token.text === "-" ? "negate" : "not";
      return this.node({ kind, operand, start: token.start }, [operand]);
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const token = this.next();
    switch (token.type) {
      case "number":
        return this.node({ kind: "literal", value: Number(token.text), start: token.start }, []);
      case "string":
        return this.node({ kind: "literal", value: token.text, start: token.start }, []);
      case "name":
        return this.parseName(token);
      case "op":
        if (token.text === "(") {
          const inner = this.nested(token.start, () => this.parseOr());
          this.expect(")", "')' to close the '(' at offset " + token.start);
          return inner;
        }
        if (token.text === "[") {
          throw new ExpressionError("a list is only allowed after 'in' or 'not in'", token.start);
        }
        throw new ExpressionError(`expected a value, found ${describe(token)}`, token.start);
      default:
        throw new ExpressionError(`expected a value, found ${describe(token)}`, token.start);
    }
  }

  private parseName(token: Token): Node {
    const start = token.start;
    switch (token.text) {
      case "true":
        return this.node({ kind: "literal", value: true, start }, []);
      case "false":
        return this.node({ kind: "literal", value: false, start }, []);
      case "null":
        return this.node({ kind: "literal", value: null, start }, []);
    }
    if (KEYWORDS.has(token.text)) {
      throw new ExpressionError(`expected a value, found the keyword '${token.text}'`, start);
    }
    const after = this.peek();
    if (this.isOp("(", after)) {
      throw new ExpressionError(
        `function calls are not supported ('${token.text}(...)'): expressions can only name slots`,
        after.start,
      );
    }
    if (this.isOp("[", after)) {
      throw new ExpressionError(
        `indexing is not supported ('${token.text}[...]'): expressions can only name slots`,
        after.start,
      );
    }
    return this.node({ kind: "identifier", name: token.text, start }, []);
  }
}

// ---------------------------------------------------------------------------------------
// Evaluator: null-safe, never throws on values (missing slot -> null, 1/0 -> null).

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function truthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  if (typeof value === "string") return value !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function equals(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === typeof b) return a === b;
  // A number slot compared with a numeric string (or the reverse) compares as numbers.
  if (typeof a === "number" || typeof b === "number") {
    const x = toNumber(a);
    const y = toNumber(b);
    return x !== undefined && y !== undefined && x === y;
  }
  return false;
}

function order(op: ComparisonOperator, a: unknown, b: unknown): boolean {
  let x: number | string;
  let y: number | string;
  const nx = toNumber(a);
  const ny = toNumber(b);
  if (nx !== undefined && ny !== undefined) {
    x = nx;
    y = ny;
  } else if (typeof a === "string" && typeof b === "string") {
    // Strings compare by code point, which orders ISO dates (2024-05-01) correctly.
    x = a;
    y = b;
  } else {
    return false;
  }
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    default:
      return x >= y;
  }
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function arithmetic(op: ArithmeticOperator, a: unknown, b: unknown): unknown {
  if (op === "+") {
    if (typeof a === "number" && typeof b === "number") return finite(a + b);
    const text = (v: unknown) => typeof v === "string" || typeof v === "number";
    if ((typeof a === "string" || typeof b === "string") && text(a) && text(b)) {
      return String(a) + String(b);
    }
    return null;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return null;
  switch (op) {
    case "-":
      return finite(x - y);
    case "*":
      return finite(x * y);
    case "/":
      return y === 0 ? null : finite(x / y);
    default:
      return y === 0 ? null : finite(x % y);
  }
}

function evaluateNode(node: Node, scope: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "identifier":
      // Own properties only: `__proto__`, `constructor` and friends read as missing.
      return Object.hasOwn(scope, node.name) ? (scope[node.name] ?? null) : null;
    case "not":
      return !truthy(evaluateNode(node.operand, scope));
    case "negate": {
      const n = toNumber(evaluateNode(node.operand, scope));
      return n === undefined ? null : -n;
    }
    case "arithmetic":
      return arithmetic(node.op, evaluateNode(node.left, scope), evaluateNode(node.right, scope));
    case "compare": {
      const a = evaluateNode(node.left, scope);
      const b = evaluateNode(node.right, scope);
      if (node.op === "==") return equals(a, b);
      if (node.op === "!=") return !equals(a, b);
      return order(node.op, a, b);
    }
    case "logical":
      if (node.op === "and") return node.operands.every((o) => truthy(evaluateNode(o, scope)));
      return node.operands.some((o) => truthy(evaluateNode(o, scope)));
    case "in": {
      const value = evaluateNode(node.value, scope);
      const found = node.list.some((item) => equals(value, evaluateNode(item, scope)));
      return node.negated ? !found : found;
    }
    case "in_slot": {
      const value = evaluateNode(node.value, scope);
      const items = evaluateNode(node.slot, scope);
      const found = Array.isArray(items) && items.some((item) => equals(value, item));
      return node.negated ? !found : found;
    }
    case "is_null": {
      const isNull = evaluateNode(node.value, scope) === null;
      return node.negated ? !isNull : isNull;
    }
  }
}

function collectIdentifiers(node: Node, into: Set<string>): void {
  switch (node.kind) {
    case "identifier":
      into.add(node.name);
      return;
    case "not":
    case "negate":
      collectIdentifiers(node.operand, into);
      return;
    case "arithmetic":
    case "compare":
      collectIdentifiers(node.left, into);
      collectIdentifiers(node.right, into);
      return;
    case "logical":
      for (const operand of node.operands) collectIdentifiers(operand, into);
      return;
    case "in":
      collectIdentifiers(node.value, into);
      for (const item of node.list) collectIdentifiers(item, into);
      return;
    case "in_slot":
      collectIdentifiers(node.value, into);
      collectIdentifiers(node.slot, into);
      return;
    case "is_null":
      collectIdentifiers(node.value, into);
      return;
    case "literal":
      return;
  }
}

/** Parses `source`; throws ExpressionError (with the offset) when it is not a valid expression. */
export function parseExpression(source: string): Expression {
  if (typeof source !== "string") throw new ExpressionError("an expression must be a string", 0);
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `expression is too long (${source.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
    );
  }
  if (source.trim() === "") throw new ExpressionError("the expression is empty", 0);
  const ast = new Parser(source).parse();
  let names: string[] | undefined;
  return {
    source,
    ast,
    evaluate: (scope) => evaluateNode(ast, scope),
    identifiers() {
      if (!names) {
        const set = new Set<string>();
        collectIdentifiers(ast, set);
        names = [...set];
      }
      return [...names];
    },
  };
}

const CACHE_LIMIT = 2_000;
const cache = new Map<string, Expression>();

/**
 * parseExpression with a bounded cache: the DM evaluates the same few conditions every turn.
 * Invalid sources are not cached (they throw every time).
 */
export function compileExpression(source: string): Expression {
  const cached = cache.get(source);
  if (cached) return cached;
  const expression = parseExpression(source);
  // Evicts the oldest entry: a long-lived server that reloads domains must not grow forever.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, expression);
  return expression;
}

/** Truthiness used by conditions: null, false, 0 and "" are false; everything else is true. */
export function isTruthy(value: unknown): boolean {
  return truthy(value);
}
