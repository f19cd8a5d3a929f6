/**
 * The banking example's handlers with every action execution counted: each call appends one
 * JSON line `{action, conversation, key, turn}` to the file named by SONI_ACTION_LOG (when
 * set) before running. Drills and replica tests compare these lines with what clients were
 * acknowledged. SONI_ACTION_DELAY_MS makes every money-moving action take that long, so a
 * test can keep a conversation's lease held.
 */
import { appendFileSync } from "node:fs";
import {
  actions as bankingActions,
  normalizers as bankingNormalizers,
  validators as bankingValidators,
} from "../../examples/banking/handlers.ts";

type Action = (inputs: Record<string, unknown>, ctx: CountedContext) => unknown;
interface CountedContext {
  conversationId: string;
  turn: number;
  idempotencyKey: string;
}

/** Actions that move money or change a card: the ones a duplicate execution would hurt. */
export const EFFECT_ACTIONS = ["execute_transfer", "pay_bill", "block_card", "request_card"];

export interface ActionExecution {
  action: string;
  conversation: string;
  key: string;
  turn: number;
}

/** Wraps actions so each execution is appended to `log()` (a file path, or undefined for none). */
export function countActions(
  actions: Record<string, Action>,
  log: () => string | undefined,
  delayMs: () => number = () => 0,
): Record<string, Action> {
  return Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      async (inputs: Record<string, unknown>, ctx: CountedContext) => {
        const file = log();
        if (file) {
          const line: ActionExecution = {
            action: name,
            conversation: ctx.conversationId,
            key: ctx.idempotencyKey,
            turn: ctx.turn,
          };
          // One write with O_APPEND per line: lines of several processes never interleave.
          appendFileSync(file, `${JSON.stringify(line)}\n`);
        }
        const delay = EFFECT_ACTIONS.includes(name) ? delayMs() : 0;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        return action(inputs, ctx);
      },
    ]),
  );
}

/** The executions recorded in a log file, in order. */
export function readExecutions(text: string): ActionExecution[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ActionExecution);
}

export const actions = countActions(
  bankingActions as unknown as Record<string, Action>,
  () => process.env.SONI_ACTION_LOG,
  () => Number(process.env.SONI_ACTION_DELAY_MS ?? 0),
);
export const validators = bankingValidators;
export const normalizers = bankingNormalizers;
