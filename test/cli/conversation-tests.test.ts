import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import type { ConversationSnapshot } from "../../src/dm/snapshot.ts";
import {
  ConversationTestFileError,
  checkTurn,
  loadConversationTests,
  parseConversationTests,
  runConversationTests,
} from "../../src/runtime/conversation-tests.ts";
import { runSoni } from "../helpers/cli.ts";
import { captureLogger } from "../runtime/helpers.ts";
import { ScriptedUnderstanding, say } from "../runtime/scripted-du.ts";

const root = path.resolve(import.meta.dirname, "../..");
const minimal = path.join(root, "test/fixtures/domains/minimal");

// With the scripted DU a user message is the JSON list of commands it stands for, so these
// tests pin the runner's behaviour without depending on language understanding.
const START = say({ type: "start_flow", flow: "check_balance" });
const SAVINGS = say({ type: "set_slot", slot: "account_type", value: "savings" });

let domain: LoadedDomain;
let tmp: string;
beforeAll(async () => {
  domain = await loadDomain(minimal);
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-conversation-tests-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const yamlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

function run(yaml: string) {
  const tests = parseConversationTests(yaml, "tests.yaml");
  return runConversationTests(domain, tests, {
    du: new ScriptedUnderstanding(),
    logger: captureLogger().logger,
  });
}

describe("runConversationTests", () => {
  it("passes a test whose every check holds", async () => {
    const [result] = await run(`
tests:
  - name: balance step by step
    steps:
      - user: ${yamlString(START)}
        bot_contains: CHECKING OR SAVINGS
        expect:
          active_flow: check_balance
          flow_state: waiting_input
          waiting_for_slot: account_type
          slots: { account_type: null }
      - user: ${yamlString(SAVINGS)}
        expect:
          bot_matches: "balance is 12000(\\\\.00)?\\\\.$"
          active_flow: null
          flow_state: idle
          waiting_for_slot: null
`);
    expect(result).toMatchObject({ name: "balance step by step", passed: true, line: 3 });
    expect(result!.failure).toBeUndefined();
    expect(result!.transcript.map((t) => t.user)).toEqual([START, SAVINGS]);
  });

  it("reports the first mismatch with its turn, expected and got, and stops the test there", async () => {
    const [result] = await run(`
tests:
  - name: wrong expectation
    steps:
      - user: ${yamlString(START)}
        expect: { waiting_for_slot: account_type }
      - user: ${yamlString(SAVINGS)}
        expect:
          active_flow: check_balance
          flow_state: waiting_input
      - user: ${yamlString(START)}
`);
    expect(result!.passed).toBe(false);
    expect(result!.failure).toEqual({
      turn: 2,
      user: SAVINGS,
      check: "active_flow",
      expected: "check_balance",
      got: null,
      response: expect.stringContaining("Your savings balance is 12000"),
    });
    expect(result!.transcript).toHaveLength(2);
  });

  it("checks response substrings case-insensitively and regexes", async () => {
    const results = await run(`
tests:
  - name: missing text
    steps:
      - user: ${yamlString(START)}
        bot_contains: [checking, "savings or investment"]
  - name: regex mismatch
    steps:
      - user: ${yamlString(START)}
        bot_matches: "^Which account\\\\?$"
`);
    expect(results.map((r) => [r.passed, r.failure?.check, r.failure?.expected])).toEqual([
      [false, "bot_contains", "savings or investment"],
      [false, "bot_matches", "/^Which account\\?$/i"],
    ]);
  });

  it("reports a slot holding another value than expected", async () => {
    const [result] = await run(`
tests:
  - name: wrong value
    steps:
      - user: ${yamlString(START)}
      - user: ${yamlString(say({ type: "set_slot", slot: "account_type", value: "savings" }))}
        expect: { slots: { account_type: checking } }
`);
    // The flow finished, so the active flow's slots are empty.
    expect(result!.failure).toMatchObject({
      turn: 2,
      check: "slots.account_type",
      expected: "checking",
      got: null,
    });
  });

  it("runs every test on a fresh conversation", async () => {
    const results = await run(`
tests:
  - name: leaves a flow open
    steps:
      - user: ${yamlString(START)}
        expect: { flow_state: waiting_input }
  - name: starts idle
    steps:
      - user: not a command
        expect: { flow_state: idle, active_flow: null }
`);
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  });

  it("fails a test whose turn throws, with the error as what it got", async () => {
    const [result] = await run(`
tests:
  - name: too long
    steps:
      - user: ${"x".repeat(10_001)}
`);
    expect(result!.failure).toMatchObject({ turn: 1, check: "error", response: "" });
    expect(String(result!.failure!.got)).toMatch(/InvalidInputError: message is 10001 characters/);
  });

  it("streams each result through onResult, in order", async () => {
    const seen: string[] = [];
    const tests = parseConversationTests(
      `tests:\n  - name: a\n    steps:\n      - user: hi\n  - name: b\n    steps:\n      - user: hi\n`,
      "t.yaml",
    );
    const results = await runConversationTests(domain, tests, {
      du: new ScriptedUnderstanding(),
      logger: captureLogger().logger,
      onResult: (r) => seen.push(r.name),
    });
    expect(seen).toEqual(["a", "b"]);
    expect(results).toHaveLength(2);
  });
});

describe("checkTurn", () => {
  type Value = string | number | boolean | null | string[];
  const state = (slots: Record<string, Value>): ConversationSnapshot => ({
    user_id: "u",
    flow_state: "waiting_input",
    active_flow: "transfer",
    flow_stack: [],
    slots,
    waiting_for_slot: "iban",
    turn_count: 1,
  });
  const step = (slots: Record<string, Value | (string | number)[]>) => ({
    user: "x",
    expect: { slots },
  });

  it("matches a number with a numeric string of the same value, and nothing else loosely", () => {
    expect(checkTurn(step({ amount: 50 }), "", state({ amount: "50.00" }))).toBeUndefined();
    expect(checkTurn(step({ amount: "75" }), "", state({ amount: 75 }))).toBeUndefined();
    expect(checkTurn(step({ amount: 50 }), "", state({ amount: "fifty" }))).toMatchObject({
      check: "slots.amount",
    });
    expect(checkTurn(step({ name: "maria" }), "", state({ name: "Maria" }))).toMatchObject({
      check: "slots.name",
      expected: "maria",
      got: "Maria",
    });
    expect(checkTurn(step({ done: false }), "", state({ done: false }))).toBeUndefined();
    expect(checkTurn(step({ missing: null }), "", state({}))).toBeUndefined();
  });

  it("compares an expected list with a list slot's items in any order", () => {
    const toppings = state({ toppings: ["olives", "onion", "tuna"] });
    expect(checkTurn(step({ toppings: ["tuna", "olives", "onion"] }), "", toppings)).toBe(
      undefined,
    );
    expect(checkTurn(step({ toppings: ["tuna", "olives"] }), "", toppings)).toMatchObject({
      check: "slots.toppings",
    });
    expect(checkTurn(step({ toppings: ["tuna", "tuna", "onion"] }), "", toppings)).toMatchObject({
      check: "slots.toppings",
    });
    // A list never matches a single value, nor a single value a list.
    expect(checkTurn(step({ seats: ["2"] }), "", state({ seats: 2 }))).toMatchObject({
      check: "slots.seats",
    });
    expect(checkTurn(step({ seats: "2" }), "", state({ seats: ["2"] }))).toMatchObject({
      check: "slots.seats",
    });
    // Numbers inside lists match their numeric strings, as single values do.
    expect(checkTurn(step({ rooms: [101, 102] }), "", state({ rooms: ["102", "101"] }))).toBe(
      undefined,
    );
  });
});

describe("parseConversationTests", () => {
  const problemsOf = (yaml: string): string[] => {
    try {
      parseConversationTests(yaml, "bad.yaml");
    } catch (error) {
      expect(error).toBeInstanceOf(ConversationTestFileError);
      return (error as ConversationTestFileError).format().split("\n");
    }
    throw new Error("expected the file to be rejected");
  };

  it("locates an unknown key with a hint", () => {
    expect(
      problemsOf("tests:\n  - name: t\n    steps:\n      - user: hi\n        expcet: {}\n"),
    ).toEqual(["bad.yaml:5:9  tests.0.steps.0: unknown key 'expcet' — did you mean 'expect'?"]);
  });

  it("lists every problem: a missing user, a bad flow_state, an invalid regex", () => {
    const problems = problemsOf(
      [
        "tests:",
        "  - name: t",
        "    steps:",
        "      - bot_contains: hi",
        "      - user: hello",
        "        expect:",
        "          flow_state: busy",
        "          bot_matches: '(unclosed'",
      ].join("\n"),
    );
    expect(problems.map((p) => p.split("  ")[0])).toEqual([
      "bad.yaml:4:9",
      "bad.yaml:7:23",
      "bad.yaml:8:24",
    ]);
    expect(problems[0]).toContain("tests.0.steps.0: missing required key 'user'");
    expect(problems[1]).toContain("tests.0.steps.1.expect.flow_state");
    expect(problems[2]).toContain("not a valid regular expression");
  });

  it("says what a slot expectation may be, not just that it is invalid", () => {
    const problems = problemsOf(
      [
        "tests:",
        "  - name: t",
        "    steps:",
        "      - user: hello",
        "        expect:",
        "          slots: { luggage: { bags: 2 }, seats: [front, back] }",
        "          bot_contains: 7",
      ].join("\n"),
    );
    expect(problems).toEqual([
      "bad.yaml:6:20  tests.0.steps.0.expect.slots.luggage: expected text, number, boolean, null or a list, found a mapping",
      "bad.yaml:7:25  tests.0.steps.0.expect.bot_contains: expected text or a list, found a number (7)",
    ]);
  });

  it("reports YAML syntax errors and empty files", () => {
    expect(problemsOf("tests:\n  - name: [unclosed\n")[0]).toMatch(
      /^bad\.yaml:\d+:\d+ {2}YAML syntax/,
    );
    expect(problemsOf("")).toEqual([
      "bad.yaml:1:1  the file is empty; write `tests:` with a list of tests",
    ]);
  });
});

describe("loadConversationTests", () => {
  it("reads every YAML file under a directory in path order", async () => {
    const dir = path.join(tmp, "suite");
    await mkdir(path.join(dir, "nested"), { recursive: true });
    await writeFile(path.join(dir, "b.yaml"), "tests:\n  - name: b\n    steps: [{ user: hi }]\n");
    await writeFile(path.join(dir, "a.yml"), "tests:\n  - name: a\n    steps: [{ user: hi }]\n");
    await writeFile(
      path.join(dir, "nested/c.yaml"),
      "tests:\n  - name: c\n    steps: [{ user: hi }]\n",
    );
    await writeFile(path.join(dir, "notes.txt"), "not a test");
    const tests = await loadConversationTests(dir);
    expect(tests.map((t) => [t.name, path.basename(t.file)])).toEqual([
      ["a", "a.yml"],
      ["b", "b.yaml"],
      ["c", "c.yaml"],
    ]);
  });

  it("skips pending-* files in a directory, and runs one when it is named", async () => {
    const dir = path.join(tmp, "with-pending");
    await mkdir(path.join(dir, "nested"), { recursive: true });
    await writeFile(path.join(dir, "a.yaml"), "tests:\n  - name: a\n    steps: [{ user: hi }]\n");
    const pending = "tests:\n  - name: p\n    steps: [{ user: hi }]\n";
    await writeFile(path.join(dir, "pending-a.yaml"), pending);
    await writeFile(path.join(dir, "nested/pending-b.yml"), pending);
    expect((await loadConversationTests(dir)).map((t) => t.name)).toEqual(["a"]);
    const named = await loadConversationTests(path.join(dir, "pending-a.yaml"));
    expect(named.map((t) => t.name)).toEqual(["p"]);
  });

  it("rejects a missing path and a directory without tests", async () => {
    await expect(loadConversationTests(path.join(tmp, "nope"))).rejects.toThrow(
      /no such file or directory/,
    );
    const empty = path.join(tmp, "empty");
    await mkdir(empty);
    await expect(loadConversationTests(empty)).rejects.toThrow(/no \.yaml or \.yml test files/);
  });
});

describe("soni test (command line)", () => {
  const soni = (...args: string[]) => runSoni(args);

  // Text the domain cannot understand gets the fallback answer whatever DU is configured.
  const passing = `tests:
  - name: gibberish gets the fallback
    steps:
      - user: zzqx blorf
        bot_contains: "didn't understand"
        expect: { flow_state: idle }
`;
  const failing = `tests:
  - name: gibberish starts no flow
    steps:
      - user: zzqx blorf
        expect: { active_flow: check_balance }
`;

  it("exits 0 with PASS lines and the summary when every test passes", async () => {
    const file = path.join(tmp, "pass.yaml");
    await writeFile(file, passing);
    const result = await soni("test", file, "--config", minimal);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^PASS {2}gibberish gets the fallback {2}\(.*pass\.yaml:2\)$/);
    expect(lines.at(-1)).toBe("1 passed, 0 failed");
  });

  it("exits 1 with the first mismatch and the bot's reply when a test fails", async () => {
    const dir = path.join(tmp, "mixed");
    await mkdir(dir);
    await writeFile(path.join(dir, "1-pass.yaml"), passing);
    await writeFile(path.join(dir, "2-fail.yaml"), failing);
    const result = await soni("test", dir, "--config", minimal);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL  gibberish starts no flow");
    expect(result.stdout).toContain('turn 1, active_flow: expected "check_balance", got null');
    expect(result.stdout).toContain("bot> Sorry, I didn't understand that.");
    expect(result.stdout.trim().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("exits 2 without running anything when a test file is malformed", async () => {
    const file = path.join(tmp, "malformed.yaml");
    await writeFile(file, "tests:\n  - name: t\n    stepz: []\n");
    const result = await soni("test", file, "--config", minimal);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/malformed\.yaml:3:5 {2}tests\.0: unknown key 'stepz'/);
  });

  it("runs only the tests named by --filter", async () => {
    const file = path.join(tmp, "filtered.yaml");
    await writeFile(file, `${passing}${failing.replace("tests:\n", "")}`);
    const result = await soni("test", file, "--config", minimal, "--filter", "FALLBACK");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n").at(-1)).toBe("1 passed, 0 failed");
  });
});
