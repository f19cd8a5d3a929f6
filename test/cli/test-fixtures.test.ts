/**
 * `soni test` fixtures: fresh handler modules per test, mocked actions, a pinned clock and
 * captures, on a small domain whose handler keeps a counter and reads the clock.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatResult } from "../../src/cli/actions/test.ts";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import {
  ConversationTestFileError,
  parseConversationTests,
  runConversationTests,
} from "../../src/runtime/conversation-tests.ts";
import { withPinnedClock } from "../../src/runtime/test-fixtures.ts";
import { runSoni } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp-dir.ts";
import { captureLogger } from "../runtime/helpers.ts";

const DOMAIN = `
version: "1"
settings:
  handlers: handlers.ts
slots:
  ticket:
    type: string
    internal: true
  opened:
    type: string
    internal: true
actions:
  open_ticket:
    outputs: [ticket, opened]
flows:
  support:
    description: Open a support ticket
    trigger:
      intents: [open a support ticket]
    steps:
      - step: open
        type: action
        action: open_ticket
      - step: tell
        type: say
        message: "Ticket {ticket} opened on {opened}."
`;

// Module state (the counter) and the clock are what fresh imports and pinning must control:
// the day comes from ctx.now, and new Date() must agree with it.
const HANDLERS = `
let opened = 0;
export const actions = {
  open_ticket: (_inputs, ctx) => {
    opened += 1;
    const day = ctx.now.toISOString().slice(0, 10);
    if (day !== new Date().toISOString().slice(0, 10)) throw new Error("two clocks");
    return { ticket: "T-" + opened, opened: day };
  },
};
`;

const temp = useTempDir("soni-test-fixtures-");
let dir: string;
let domain: LoadedDomain;

beforeAll(async () => {
  dir = await temp.write("support", { "domain.yaml": DOMAIN, "handlers.ts": HANDLERS });
  domain = await loadDomain(path.join(dir, "domain.yaml"));
});

function run(yaml: string) {
  return runConversationTests(domain, parseConversationTests(yaml, "tests.yaml"), {
    logger: captureLogger().logger,
  });
}

describe("fresh handler state", () => {
  it("evaluates the handler module anew for every test", async () => {
    const results = await run(`
tests:
  - name: first
    steps:
      - user: open a support ticket
        bot_contains: Ticket T-1
  - name: second starts from a fresh counter
    steps:
      - user: open a support ticket
        bot_contains: Ticket T-1
      - user: open a support ticket
        bot_contains: Ticket T-2
`);
    expect(results.map((r) => [r.passed, r.failure])).toEqual([
      [true, undefined],
      [true, undefined],
    ]);
  });
});

describe("fresh handler state from the command line", () => {
  it("also evaluates anew the modules a handler module imports from the domain's directory", async () => {
    const project = await temp.write("fresh-graph", {
      "package.json": '{ "type": "module" }\n',
      "domain.yaml": DOMAIN,
      "handlers.ts": `import { nextTicket } from "./lib/tickets.ts";\nexport const actions = { open_ticket: () => ({ ticket: nextTicket(), opened: "today" }) };\n`,
      "tests.yaml": [
        "tests:",
        "  - name: first",
        "    steps:",
        "      - user: open a support ticket",
        "        bot_contains: Ticket T-1 opened",
        "  - name: second",
        "    steps:",
        "      - user: open a support ticket",
        "        bot_contains: Ticket T-1 opened",
        "",
      ].join("\n"),
    });
    await temp.write("fresh-graph/lib", {
      "tickets.ts": `let last = 0;\nexport function nextTicket() {\n  last += 1;\n  return "T-" + last;\n}\n`,
    });
    const result = await runSoni([
      "test",
      path.join(project, "tests.yaml"),
      "--config",
      path.join(project, "domain.yaml"),
    ]);
    expect(result.stdout).toContain("2 passed, 0 failed");
    expect(result.code).toBe(0);
  });
});

describe("mocks", () => {
  it("returns the mocked outputs instead of calling the handler", async () => {
    const [result] = await run(`
tests:
  - name: mocked
    mocks:
      open_ticket: { ticket: TX-1, opened: "2020-01-01" }
    steps:
      - user: open a support ticket
        bot_contains: Ticket TX-1 opened on 2020-01-01.
`);
    expect(result!.failure).toBeUndefined();
  });

  it("makes the action fail with { error }, and says user_message when given", async () => {
    const [plain, worded] = await run(`
tests:
  - name: failing
    mocks:
      open_ticket: { error: ticket system down }
    steps:
      - user: open a support ticket
        bot_matches: "(sorry|went wrong|problem|could not|couldn't)"
  - name: failing with words
    mocks:
      open_ticket: { error: ticket system down, user_message: The ticket desk is closed. }
    steps:
      - user: open a support ticket
        bot_contains: The ticket desk is closed.
`);
    expect(plain!.failure).toBeUndefined();
    expect(plain!.transcript[0]!.response).not.toMatch(/Ticket T-/);
    expect(worded!.failure).toBeUndefined();
  });

  it("refuses mocks of unknown actions or outputs before running anything", async () => {
    const tests = parseConversationTests(
      `
tests:
  - name: typo
    mocks:
      open_tiket: { ticket: X }
    steps: [{ user: hi }]
  - name: wrong output
    mocks:
      open_ticket: { reference: X }
    steps: [{ user: hi }]
`,
      "tests.yaml",
    );
    const error = await runConversationTests(domain, tests).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationTestFileError);
    const text = (error as ConversationTestFileError).format();
    expect(text).toContain(
      "tests.yaml:3:1  test 'typo': mocks.open_tiket: the domain declares no action 'open_tiket' — did you mean 'open_ticket'?",
    );
    expect(text).toContain(
      "'reference' is not an output of action 'open_ticket' (outputs: ticket, opened)",
    );
  });
});

describe("pinned clock", () => {
  it("gives handlers the pinned date (ctx.now and new Date()), and the real one after the test", async () => {
    const [result] = await run(`
tests:
  - name: pinned
    clock: "2024-02-29T12:00:00Z"
    steps:
      - user: open a support ticket
        bot_contains: opened on 2024-02-29.
`);
    expect(result!.failure).toBeUndefined();
    expect(new Date().getFullYear()).toBeGreaterThan(2024);
  });

  it("restores Date even when the work throws, and keeps dates given explicitly", async () => {
    const explicit = await withPinnedClock("2030-01-02T03:04:05Z", async () => ({
      now: Date.now(),
      fresh: new Date().toISOString(),
      given: new Date("1999-12-31T00:00:00Z").toISOString(),
    }));
    expect(explicit).toEqual({
      now: Date.parse("2030-01-02T03:04:05Z"),
      fresh: "2030-01-02T03:04:05.000Z",
      given: "1999-12-31T00:00:00.000Z",
    });
    await expect(
      withPinnedClock("2030-01-02", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(new Date().getFullYear()).toBeLessThan(2030);
  });

  it("rejects a clock that is not an ISO date", () => {
    expect(() =>
      parseConversationTests(
        "tests:\n  - name: t\n    clock: next tuesday\n    steps: [{ user: hi }]\n",
        "tests.yaml",
      ),
    ).toThrow(/clock: must be an ISO date or date-time/);
  });
});

describe("captures", () => {
  it("captures from a reply and fills {captured.name} in later steps", async () => {
    const [result] = await run(`
tests:
  - name: capture the ticket
    steps:
      - user: open a support ticket
        capture: { ticket: "Ticket (T-\\\\d+)", whole: "opened on [\\\\d-]+" }
      - user: open a support ticket
        bot_matches: "^Ticket (?!{captured.ticket}\\\\b)"
        bot_contains: "opened on"
`);
    expect(result!.failure).toBeUndefined();
  });

  it("fails the step whose capture finds nothing, naming the capture", async () => {
    const [result] = await run(`
tests:
  - name: capture misses
    steps:
      - user: open a support ticket
        capture: { reference: "REF-(\\\\d+)" }
`);
    expect(result!.failure).toMatchObject({ turn: 1, check: "capture.reference" });
    expect(formatResult(result!)).toContain(
      "turn 1, capture.reference: /REF-(\\d+)/i found nothing in the reply",
    );
  });

  it("refuses {captured.name} used before any step captures it", () => {
    expect(() =>
      parseConversationTests(
        `tests:\n  - name: t\n    steps:\n      - user: "my ticket is {captured.ticket}"\n`,
        "tests.yaml",
      ),
    ).toThrow(/\{captured.ticket\} is used before a step captures 'ticket'/);
  });
});

describe("failure output", () => {
  it("shows expected against actual, with a caret where one-line values differ", async () => {
    const [result] = await run(`
tests:
  - name: wrong reply
    mocks:
      open_ticket: { ticket: T-9, opened: "2020-01-01" }
    steps:
      - user: open a support ticket
        bot_contains: Ticket T-8
`);
    const text = formatResult(result!);
    expect(text).toContain('turn 1, bot_contains: expected the reply to contain "Ticket T-8"');
    expect(text).toContain("      - expected (contained): Ticket T-8");
    expect(text).toContain("      + actual:               Ticket T-9 opened on 2020-01-01.");
    const mismatch = formatResult({
      ...result!,
      failure: { ...result!.failure!, check: "slots.ticket", expected: "T-10", got: "T-19" },
    });
    expect(mismatch.split("\n").slice(-3)).toEqual([
      '      - expected: "T-10"',
      '      + actual:   "T-19"',
      `${" ".repeat(22)}^ differs from here`,
    ]);
  });

  it("prints the diff from the command line too", async () => {
    const testsFile = await temp.write("cli-tests", {
      "tests.yaml": `tests:\n  - name: wrong\n    clock: "2024-02-29"\n    steps:\n      - user: open a support ticket\n        bot_contains: opened on 2024-03-01\n`,
    });
    const result = await runSoni([
      "test",
      path.join(testsFile, "tests.yaml"),
      "--config",
      path.join(dir, "domain.yaml"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "      + actual:               Ticket T-1 opened on 2024-02-29.",
    );
    expect(result.stdout).toContain("0 passed, 1 failed");
  });
});
