import pino from "pino";
import { DomainLoadError, displayPath } from "../../config/errors.ts";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { loadDomain } from "../../config/loader.ts";
import {
  ConversationTestFileError,
  type ConversationTestResult,
  type LocatedTest,
  loadConversationTests,
  runConversationTests,
  type TurnMismatch,
} from "../../runtime/conversation-tests.ts";
import { HandlerLoadError } from "../../runtime/handler-loader.ts";
import { chosenHandlerModules } from "../handler-modules.ts";

export interface TestOptions {
  config: string;
  filter?: string;
  verbose?: boolean;
  handlers?: string[];
}

/** Exit codes: 0 every test passed, 1 a test failed, 2 the tests could not run. */
export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_NOT_RUN = 2;

const show = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : String(value);
const indent = (text: string, prefix: string) =>
  text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");

/** PASS/FAIL line of one test and, for a failure, its first mismatch with the bot's reply. */
export function formatResult(result: ConversationTestResult, verbose = false): string {
  const where = `${displayPath(result.file)}:${result.line}`;
  const lines = [`${result.passed ? "PASS" : "FAIL"}  ${result.name}  (${where})`];
  const exchange = (user: string, response: string, prefix: string) => {
    lines.push(indent(user, `${prefix}you> `), indent(response || "(no reply)", `${prefix}bot> `));
  };
  const failure = result.failure;
  if (verbose) {
    // The failing turn is shown with its mismatch below.
    const shown = failure ? result.transcript.slice(0, -1) : result.transcript;
    for (const turn of shown) exchange(turn.user, turn.response, "    ");
  }
  if (failure) {
    const onReply = ["bot_contains", "bot_matches"].includes(failure.check);
    const what =
      failure.check === "error"
        ? `the turn failed: ${failure.got}`
        : failure.check === "bot_contains"
          ? `bot_contains: expected the reply to contain ${show(failure.expected)}`
          : failure.check === "bot_matches"
            ? `bot_matches: expected the reply to match ${String(failure.expected)}`
            : failure.check.startsWith("capture.")
              ? `${failure.check}: ${String(failure.expected)} found nothing in the reply`
              : `${failure.check}: expected ${show(failure.expected)}, got ${show(failure.got)}`;
    lines.push(`    turn ${failure.turn}, ${what}`);
    if (onReply) lines.push(indent(failure.user, "      you> "));
    else exchange(failure.user, failure.response, "      ");
    if (failure.check !== "error") lines.push(...expectedVersusActual(failure, onReply));
  }
  return lines.join("\n");
}

/**
 * The expected value against the actual one, `-`/`+` like a diff; for two one-line strings a
 * caret marks where they start to differ.
 */
function expectedVersusActual(failure: TurnMismatch, onReply: boolean): string[] {
  const expected = onReply ? String(failure.expected) : show(failure.expected);
  const actual = onReply || typeof failure.got !== "string" ? failure.got : show(failure.got);
  const actualText = typeof actual === "string" ? actual : show(actual);
  const label = failure.check === "bot_contains" ? "expected (contained)" : "expected";
  const width = Math.max(label.length, "actual".length) + 2;
  const labelled = (prefix: string, text: string) =>
    text
      .split("\n")
      .map((line, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + line)
      .join("\n");
  const lines = [
    labelled(`      - ${`${label}:`.padEnd(width)}`, expected),
    labelled(`      + ${"actual:".padEnd(width)}`, actualText || "(no reply)"),
  ];
  if (!onReply && !expected.includes("\n") && !actualText.includes("\n")) {
    let at = 0;
    while (at < expected.length && expected[at] === actualText[at]) at++;
    if (at > 0 && (at < expected.length || at < actualText.length)) {
      lines.push(`${" ".repeat(8 + width + at)}^ differs from here`);
    }
  }
  return lines;
}

/** `soni test`: runs the conversation tests; the process exit code. */
export async function runTests(testsPath: string, options: TestOptions): Promise<number> {
  // Logs go to stderr, and only warnings, so they don't mix with the results.
  const logger = pino({ level: "warn" }, pino.destination(2));
  let domain: LoadedDomain;
  let tests: LocatedTest[];
  try {
    domain = await loadDomain(options.config);
    tests = await loadConversationTests(testsPath);
  } catch (error) {
    if (error instanceof DomainLoadError || error instanceof ConversationTestFileError) {
      console.error(error.format());
      return EXIT_NOT_RUN;
    }
    throw error;
  }
  if (options.filter) {
    const wanted = options.filter.toLowerCase();
    tests = tests.filter((t) => t.name.toLowerCase().includes(wanted));
    if (tests.length === 0) {
      console.error(`error: no test name contains '${options.filter}'`);
      return EXIT_NOT_RUN;
    }
  }
  let results: ConversationTestResult[];
  try {
    results = await runConversationTests(domain, tests, {
      logger,
      handlerModules: chosenHandlerModules(options.handlers),
      onResult: (result) => console.log(formatResult(result, options.verbose)),
    });
  } catch (error) {
    if (!(error instanceof HandlerLoadError)) throw error;
    console.error(`error: ${error.message}`);
    return EXIT_NOT_RUN;
  }
  const failed = results.filter((r) => !r.passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? EXIT_FAILED : EXIT_PASSED;
}
