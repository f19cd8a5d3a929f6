import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pino, { type Logger } from "pino";
import { z } from "zod";
import type { DomainProblem } from "../config/errors.ts";
import { formatProblem, sortProblems } from "../config/errors.ts";
import { didYouMean } from "../config/hints.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { schemaProblems } from "../config/schema-issues.ts";
import { createLocator, type PathSegment, parseYamlSource } from "../config/yaml-source.ts";
import type { ConversationSnapshot } from "../dm/snapshot.ts";
import { createUnderstanding } from "../du/create.ts";
import type { DialogueUnderstanding } from "../du/understanding.ts";
import { MemoryCheckpointer } from "../persistence/memory.ts";
import type { SlotValue } from "../protocol/commands.ts";
import { loadHandlers } from "./handler-loader.ts";
import type { HandlerSet } from "./handlers.ts";
import { RuntimeLoop, type TurnResult } from "./runtime-loop.ts";
import {
  actionMockSchema,
  capturedNames,
  captureFrom,
  checkMocks,
  clockSchema,
  fillCaptured,
  withMocks,
  withPinnedClock,
} from "./test-fixtures.ts";

/*
 * YAML conversation tests (`soni test`, docs/cli.md): each test is a fresh conversation, each
 * step one user message and the checks its turn must pass.
 */

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
/** An expected slot value: a scalar, `null` (empty) or a list (a list slot; any order). */
const expectedSlotSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(scalarSchema),
]);
type ExpectedSlotValue = z.infer<typeof expectedSlotSchema>;
const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const regexSchema = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "i");
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

/** Checks of the bot's answer: allowed on the step itself and inside `expect`. */
const responseChecks = {
  /** Substrings (case-insensitive) the joined response must contain. */
  bot_contains: oneOrMany.optional(),
  /** Regular expressions (case-insensitive) the joined response must match. */
  bot_matches: z.union([regexSchema, z.array(regexSchema).min(1)]).optional(),
};

export const turnExpectationSchema = z.strictObject({
  ...responseChecks,
  active_flow: z.string().nullable().optional(),
  flow_state: z.enum(["idle", "active", "waiting_input"]).optional(),
  waiting_for_slot: z.string().nullable().optional(),
  /** Slots of the active flow; `null` expects the slot to be empty, a list a list slot's items. */
  slots: z.record(z.string(), expectedSlotSchema).optional(),
});

const captureName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a capture name is letters, digits and _ (e.g. reference)");

export const testStepSchema = z.strictObject({
  user: z.string().trim().min(1, "the user message must not be empty"),
  ...responseChecks,
  expect: turnExpectationSchema.optional(),
  /** name → regex: the first group (or the whole match) of the reply, as `{captured.name}` later. */
  capture: z.record(captureName, regexSchema).optional(),
});

export const conversationTestSchema = z.strictObject({
  name: z.string().trim().min(1, "every test needs a name"),
  /** Action name → the outputs it returns instead of calling its handler, or `{ error }`. */
  mocks: z.record(z.string(), actionMockSchema).optional(),
  /** `new Date()` and `Date.now()` give this instant during the test. */
  clock: clockSchema.optional(),
  steps: z.array(testStepSchema).min(1, "a test needs at least one step"),
});

export const conversationTestFileSchema = z.strictObject({
  tests: z.array(conversationTestSchema).min(1, "the file holds no test"),
});

export type ConversationTest = z.infer<typeof conversationTestSchema>;
export type TestStep = z.infer<typeof testStepSchema>;

export interface LocatedTest extends ConversationTest {
  file: string;
  line: number;
}

/** Test files that cannot be used; nothing was run. Carries every problem found. */
export class ConversationTestFileError extends Error {
  override readonly name = "ConversationTestFileError";
  readonly problems: readonly DomainProblem[];

  constructor(problems: readonly DomainProblem[]) {
    const sorted = sortProblems(problems);
    super(
      `invalid conversation tests: ${sorted.length} problem(s); first: ${sorted[0] ? formatProblem(sorted[0]) : "?"}`,
    );
    this.problems = sorted;
  }

  /** One `file:line:col  message` per line (files relative to `cwd`). */
  format(cwd: string = process.cwd()): string {
    return this.problems.map((p) => formatProblem(p, cwd)).join("\n");
  }
}

const TEST_FILE = /\.ya?ml$/i;
/** Tests of behaviour not reached yet: skipped in a directory run, run when named. */
const PENDING_FILE = /^pending-/i;

/** The keys an object of the test format accepts, for "did you mean" hints. */
const KNOWN_KEYS = [
  ...Object.keys(conversationTestFileSchema.shape),
  ...Object.keys(conversationTestSchema.shape),
  ...Object.keys(testStepSchema.shape),
  ...Object.keys(turnExpectationSchema.shape),
];

/** Parses one test file's text; throws ConversationTestFileError with file:line:col problems. */
export function parseConversationTests(text: string, file: string): LocatedTest[] {
  const { source, problems } = parseYamlSource(text, file);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new ConversationTestFileError(errors);
  const locate = createLocator([source], file);
  const parsed = conversationTestFileSchema.safeParse(source.data);
  if (!parsed.success) {
    throw new ConversationTestFileError(
      parsed.error.issues.flatMap((issue): DomainProblem[] => {
        const at = issue.path as PathSegment[];
        const label = at.length > 0 ? `${at.join(".")}: ` : "";
        if (issue.code === "unrecognized_keys") {
          const key = issue.keys[0]!;
          return [
            {
              ...locate([...at, key], { key: true }),
              message: `${label}unknown key '${key}'${didYouMean(key, KNOWN_KEYS)}`,
              severity: "error",
            },
          ];
        }
        if (issue.code === "invalid_type" && source.data === null) {
          return [
            {
              ...locate(at),
              message: `${label}the file is empty; write \`tests:\` with a list of tests`,
              severity: "error",
            },
          ];
        }
        if (issue.code === "custom" || issue.code === "too_small") {
          // Our own messages ("a test needs at least one step") already say what is expected.
          return [{ ...locate(at), message: `${label}${issue.message}`, severity: "error" }];
        }
        // What was expected and what was found ("expected text, a number, a boolean, null or a
        // list, found a mapping"), not zod's bare "Invalid input".
        return schemaProblems([issue], source.data, locate);
      }),
    );
  }
  const unknownCaptures = parsed.data.tests.flatMap((test, i) =>
    undefinedCaptures(test).map(([step, name]) => ({
      ...locate(["tests", i, "steps", step]),
      message: `tests.${i}.steps.${step}: {captured.${name}} is used before a step captures '${name}' (add capture: { ${name}: "regex" } to an earlier step)`,
      severity: "error" as const,
    })),
  );
  if (unknownCaptures.length > 0) throw new ConversationTestFileError(unknownCaptures);
  return parsed.data.tests.map((test, i) => ({ ...test, file, line: locate(["tests", i]).line }));
}

/** The texts of a step that may hold `{captured.NAME}`. */
function stepTexts(step: TestStep): string[] {
  const expect = step.expect ?? {};
  return [
    step.user,
    ...list(step.bot_contains),
    ...list(step.bot_matches),
    ...list(expect.bot_contains),
    ...list(expect.bot_matches),
    ...Object.values(expect.slots ?? {})
      .flat()
      .filter((v): v is string => typeof v === "string"),
  ];
}

/** [step index, name] of each `{captured.NAME}` no earlier step captures. */
function undefinedCaptures(test: ConversationTest): [number, string][] {
  const captured = new Set<string>();
  const missing: [number, string][] = [];
  test.steps.forEach((step, index) => {
    for (const name of stepTexts(step).flatMap(capturedNames)) {
      if (!captured.has(name)) missing.push([index, name]);
    }
    for (const name of Object.keys(step.capture ?? {})) captured.add(name);
  });
  return missing;
}

/** The step with `{captured.NAME}` filled in (as literal text inside regexes). */
function filledStep(step: TestStep, captured: ReadonlyMap<string, string>): TestStep {
  if (captured.size === 0) return step;
  const text = (value: string) => fillCaptured(value, captured);
  const regex = (value: string) => fillCaptured(value, captured, true);
  const each = <T extends string | string[] | undefined>(value: T, fill: (v: string) => string) =>
    (value === undefined ? undefined : Array.isArray(value) ? value.map(fill) : fill(value)) as T;
  const expect = step.expect;
  return {
    ...step,
    user: text(step.user),
    bot_contains: each(step.bot_contains, text),
    bot_matches: each(step.bot_matches, regex),
    expect: expect && {
      ...expect,
      bot_contains: each(expect.bot_contains, text),
      bot_matches: each(expect.bot_matches, regex),
      slots:
        expect.slots &&
        Object.fromEntries(
          Object.entries(expect.slots).map(([k, v]) => [
            k,
            Array.isArray(v)
              ? v.map((item) => (typeof item === "string" ? text(item) : item))
              : typeof v === "string"
                ? text(v)
                : v,
          ]),
        ),
    },
  };
}

/**
 * Reads a test file, or every *.yaml / *.yml under a directory (in path order) except
 * `pending-*` files.
 */
export async function loadConversationTests(target: string): Promise<LocatedTest[]> {
  const resolved = path.resolve(target);
  const fail = (message: string): never => {
    throw new ConversationTestFileError([
      { file: resolved, line: 1, column: 1, message, severity: "error" },
    ]);
  };
  let files: string[] = [];
  try {
    if ((await stat(resolved)).isDirectory()) {
      const names = await readdir(resolved, { recursive: true });
      files = names
        .filter((n) => TEST_FILE.test(n) && !PENDING_FILE.test(path.basename(n)))
        .sort()
        .map((n) => path.join(resolved, n));
    } else {
      files = [resolved];
    }
  } catch (error) {
    fail(
      `cannot read the tests: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (error as Error).message}`,
    );
  }
  if (files.length === 0) fail("no .yaml or .yml test files in this directory");
  const problems: DomainProblem[] = [];
  const tests: LocatedTest[] = [];
  for (const file of files) {
    try {
      tests.push(...parseConversationTests(await readFile(file, "utf8"), file));
    } catch (error) {
      if (!(error instanceof ConversationTestFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConversationTestFileError(problems);
  return tests;
}

/** The first check a turn failed. */
export interface TurnMismatch {
  /** 1-based turn (step) number within the test. */
  turn: number;
  user: string;
  /** What was checked: `bot_contains`, `active_flow`, `slots.amount`, `error`, ... */
  check: string;
  expected: unknown;
  got: unknown;
  /** The bot's joined response to that turn ("" when the turn threw). */
  response: string;
}

export interface ExchangedTurn {
  user: string;
  response: string;
}

export interface ConversationTestResult {
  name: string;
  file: string;
  line: number;
  passed: boolean;
  /** The turns that ran, up to and including the failing one. */
  transcript: ExchangedTurn[];
  failure?: TurnMismatch;
}

export interface RunConversationTestsOptions {
  logger?: Logger;
  /** Handlers given in code; default: the modules named by settings.handlers. */
  handlers?: HandlerSet;
  /** Handler module paths loaded instead of settings.handlers. */
  handlerModules?: string[];
  /** Default: the DU the domain's settings configure. */
  du?: DialogueUnderstanding;
  /** Called as each test finishes (for streaming output). */
  onResult?: (result: ConversationTestResult) => void;
}

/**
 * Runs each test on a fresh conversation with an in-memory store (never the domain's configured
 * database), stopping a test at its first mismatch. Each test gets its own runtime and its own
 * evaluation of the handler modules (fresh module state), its mocks and its pinned clock; the
 * understanding is shared. Mocks naming unknown actions or outputs fail before any test runs.
 */
export async function runConversationTests(
  domain: LoadedDomain,
  tests: readonly LocatedTest[],
  options: RunConversationTestsOptions = {},
): Promise<ConversationTestResult[]> {
  const problems = tests.flatMap((test) =>
    checkMocks(domain, test.mocks ?? {}, didYouMean).map((message) => ({
      file: test.file,
      line: test.line,
      column: 1,
      message: `test '${test.name}': ${message}`,
      severity: "error" as const,
    })),
  );
  if (problems.length > 0) throw new ConversationTestFileError(problems);
  const logger = options.logger ?? pino({ level: "warn" });
  const du = options.du ?? createUnderstanding(domain, { logger });
  // Each test's runtime closes what it owns at its end; the shared understanding lives on.
  const shared: DialogueUnderstanding = {
    understand: (text, context) => du.understand(text, context),
  };
  const results: ConversationTestResult[] = [];
  try {
    for (const [index, test] of tests.entries()) {
      const handlers =
        options.handlers ??
        (
          await loadHandlers(domain, {
            freshImport: `soni-test-${index + 1}`,
            ...(options.handlerModules ? { modules: options.handlerModules } : {}),
          })
        ).handlers;
      const runtime = new RuntimeLoop(domain, {
        checkpointer: new MemoryCheckpointer(),
        logger,
        du: shared,
        handlers: withMocks(handlers, test.mocks),
      });
      let result: ConversationTestResult;
      try {
        result = await withPinnedClock(test.clock, async () => {
          await runtime.initialize();
          return runOne(runtime, test, `soni-test-${index + 1}`);
        });
      } finally {
        await runtime.cleanup();
      }
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await du.close?.();
  }
  return results;
}

async function runOne(
  runtime: RuntimeLoop,
  test: LocatedTest,
  userId: string,
): Promise<ConversationTestResult> {
  const transcript: ExchangedTurn[] = [];
  const base = { name: test.name, file: test.file, line: test.line, transcript };
  const captured = new Map<string, string>();
  for (const [i, written] of test.steps.entries()) {
    const turn = i + 1;
    const step = filledStep(written, captured);
    let result: TurnResult;
    try {
      result = await runtime.processMessage(step.user, userId);
    } catch (error) {
      transcript.push({ user: step.user, response: "" });
      const got = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const failure = { turn, user: step.user, check: "error", expected: "a reply", got };
      return { ...base, passed: false, failure: { ...failure, response: "" } };
    }
    transcript.push({ user: step.user, response: result.response });
    const mismatch =
      checkTurn(step, result.response, await runtime.getState(userId)) ??
      captureInto(captured, step, result.response);
    if (mismatch) {
      const failure = { turn, user: step.user, ...mismatch, response: result.response };
      return { ...base, passed: false, failure };
    }
  }
  return { ...base, passed: true };
}

type Mismatch = Pick<TurnMismatch, "check" | "expected" | "got">;

/** Stores the step's captures from the reply; a pattern that does not match is a mismatch. */
function captureInto(
  captured: Map<string, string>,
  step: TestStep,
  response: string,
): Mismatch | undefined {
  for (const [name, pattern] of Object.entries(step.capture ?? {})) {
    const value = captureFrom(response, fillCaptured(pattern, captured, true));
    if (value === undefined) {
      return { check: `capture.${name}`, expected: `/${pattern}/i`, got: response };
    }
    captured.set(name, value);
  }
  return undefined;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The first failed check of one turn, in the order: response, flow, state, waiting, slots. */
export function checkTurn(
  step: TestStep,
  response: string,
  state: ConversationSnapshot,
): Mismatch | undefined {
  const expect = step.expect ?? {};
  const lower = response.toLowerCase();
  for (const text of [...list(step.bot_contains), ...list(expect.bot_contains)]) {
    if (!lower.includes(text.toLowerCase())) {
      return { check: "bot_contains", expected: text, got: response };
    }
  }
  for (const source of [...list(step.bot_matches), ...list(expect.bot_matches)]) {
    if (!new RegExp(source, "i").test(response)) {
      return { check: "bot_matches", expected: `/${source}/i`, got: response };
    }
  }
  if (expect.active_flow !== undefined && expect.active_flow !== state.active_flow) {
    return { check: "active_flow", expected: expect.active_flow, got: state.active_flow };
  }
  if (expect.flow_state !== undefined && expect.flow_state !== state.flow_state) {
    return { check: "flow_state", expected: expect.flow_state, got: state.flow_state };
  }
  if (expect.waiting_for_slot !== undefined && expect.waiting_for_slot !== state.waiting_for_slot) {
    return {
      check: "waiting_for_slot",
      expected: expect.waiting_for_slot,
      got: state.waiting_for_slot,
    };
  }
  for (const [slot, expected] of Object.entries(expect.slots ?? {})) {
    const got = state.slots[slot] ?? null;
    if (!sameSlotValue(expected, got)) return { check: `slots.${slot}`, expected, got };
  }
  return undefined;
}

/**
 * Exact, except that a number and a numeric string of the same value match (50 vs "50.00"),
 * and an expected list matches a list with the same items in any order (as evaluation sets
 * compare lists).
 */
function sameSlotValue(expected: ExpectedSlotValue, got: SlotValue): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return false;
    const left: SlotValue[] = [...got];
    return expected.every((item) => {
      const i = left.findIndex((g) => sameSlotValue(item, g));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
  }
  if (Array.isArray(got)) return false;
  if (expected === got) return true;
  const numeric = (v: SlotValue) =>
    typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (typeof expected === "number" || typeof got === "number") {
    return numeric(expected) === numeric(got);
  }
  return false;
}
