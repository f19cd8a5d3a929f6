import { z } from "zod";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import type { ActionHandler, HandlerSet } from "./handlers.ts";

/*
 * Fixtures of YAML conversation tests (docs/cli.md): stubbed actions, a pinned clock, and values
 * captured from one reply for use in later steps.
 */

/** `{ error }` makes the action fail (with `user_message`, what the user is told); else outputs. */
export const actionMockSchema = z.union([
  z.strictObject({
    error: z.string().min(1, "the error message must not be empty"),
    user_message: z.string().min(1).optional(),
  }),
  z.strictObject({ outputs: z.record(z.string(), z.unknown()) }),
  z.record(z.string(), z.unknown()),
]);
export type ActionMock = z.infer<typeof actionMockSchema>;

export const clockSchema = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text), {
    message: "must be an ISO date or date-time, e.g. 2025-03-01T10:00:00Z",
  })
  .refine((text) => !Number.isNaN(Date.parse(text)), { message: "is not a real date" });

/** The outputs a mock returns, or the error it throws. */
function mockOutcome(mock: ActionMock): { outputs: Record<string, unknown> } | { error: Error } {
  const fields = mock as Record<string, unknown>;
  const keys = Object.keys(fields);
  if (
    typeof fields.error === "string" &&
    keys.every((k) => k === "error" || k === "user_message")
  ) {
    const error = new Error(fields.error) as Error & { userMessage?: string };
    if (typeof fields.user_message === "string") error.userMessage = fields.user_message;
    return { error };
  }
  if (isRecord(fields.outputs) && keys.length === 1) return { outputs: fields.outputs };
  return { outputs: fields };
}

/** Problems with a test's mocks against the domain: unknown actions, undeclared outputs. */
export function checkMocks(
  domain: LoadedDomain,
  mocks: Record<string, ActionMock>,
  suggest: (name: string, known: string[]) => string,
): string[] {
  const problems: string[] = [];
  const actions = domain.domain.actions;
  for (const [name, mock] of Object.entries(mocks)) {
    const action = actions[name];
    if (!action) {
      const known = Object.keys(actions);
      problems.push(
        `mocks.${name}: the domain declares no action '${name}'${suggest(name, known)}`,
      );
      continue;
    }
    const outcome = mockOutcome(mock);
    if (!("outputs" in outcome)) continue;
    const declared = action.outputs ?? [];
    for (const output of Object.keys(outcome.outputs)) {
      if (!declared.includes(output)) {
        problems.push(
          `mocks.${name}: '${output}' is not an output of action '${name}' (outputs: ${declared.join(", ") || "none"}); write { error: "..." } to make it fail`,
        );
      }
    }
  }
  return problems;
}

/** `handlers` with the mocked actions replaced; the mocks ignore their inputs. */
export function withMocks(
  handlers: HandlerSet,
  mocks: Record<string, ActionMock> | undefined,
): HandlerSet {
  if (!mocks || Object.keys(mocks).length === 0) return handlers;
  const actions: Record<string, ActionHandler> = { ...handlers.actions };
  for (const [name, mock] of Object.entries(mocks)) {
    const outcome = mockOutcome(mock);
    actions[name] =
      "error" in outcome
        ? () => {
            throw outcome.error;
          }
        : () => structuredClone(outcome.outputs);
  }
  return { ...handlers, actions };
}

/**
 * Runs `work` with `Date` pinned at `iso`: `new Date()` and `Date.now()` give that instant, so
 * handlers, the understanding's relative dates and turn timestamps are the same on every run.
 * Timers are untouched. Conversation tests run one at a time, so the swap is not observed by
 * other work of this process.
 */
export async function withPinnedClock<T>(iso: string | undefined, work: () => Promise<T>) {
  if (iso === undefined) return work();
  const RealDate = globalThis.Date;
  const pinned = RealDate.parse(iso);
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(pinned);
      else super(...(args as [string]));
    }
    static override now(): number {
      return pinned;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  try {
    return await work();
  } finally {
    globalThis.Date = RealDate;
  }
}

const CAPTURED = /\{captured\.([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The `{captured.NAME}` references in a text. */
export function capturedNames(text: string): string[] {
  return [...text.matchAll(CAPTURED)].map((match) => match[1]!);
}

/** Replaces `{captured.NAME}`; `asRegex` escapes each value to match it literally in a regex. */
export function fillCaptured(
  text: string,
  captured: ReadonlyMap<string, string>,
  asRegex = false,
): string {
  return text.replace(CAPTURED, (whole, name: string) => {
    const value = captured.get(name);
    if (value === undefined) return whole;
    return asRegex ? value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : value;
  });
}

/**
 * What `pattern` captures from the reply: its first group, or the whole match without groups;
 * undefined when it does not match.
 */
export function captureFrom(reply: string, pattern: string): string | undefined {
  const match = new RegExp(pattern, "i").exec(reply);
  if (!match) return undefined;
  return match.length > 1 ? (match[1] ?? "") : match[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
