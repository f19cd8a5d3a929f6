import pino from "pino";
import type { LoadedDomain } from "../../config/loaded-domain.ts";
import type { DialogueUnderstanding } from "../../du/understanding.ts";
import { MemoryCheckpointer } from "../../persistence/memory.ts";
import type { HandlerSet } from "../handlers.ts";
import { RuntimeLoop } from "../runtime-loop.ts";
import type { EvalConversation } from "./eval-file.ts";
import { sameAnswer } from "./same-answer.ts";

export interface ActionCall {
  action: string;
  inputs: Record<string, unknown>;
}

export interface ConversationResult {
  conversation: EvalConversation;
  completed: boolean;
  /** Each user message and the assistant's reply. */
  transcript: { user: string; bot: string }[];
  calls: ActionCall[];
}

export interface ConversationReport {
  conversations: number;
  completion: number;
  results: ConversationResult[];
}

export interface RunConversationsOptions {
  du: DialogueUnderstanding;
  /** The domain's handlers (loaded from settings.handlers by the caller). */
  handlers: Required<HandlerSet>;
  /** The clock of the dialogue manager and handlers' turns. */
  now: () => Date;
}

let runs = 0;

/**
 * Plays each conversation through a real RuntimeLoop (in-memory store) with the domain's
 * handlers, recording every action call. A conversation is completed when the expected action
 * ran with the expected inputs (a subset; lists as sets) and no forbidden action ran.
 */
export async function runConversations(
  domain: LoadedDomain,
  conversations: readonly EvalConversation[],
  options: RunConversationsOptions,
): Promise<ConversationReport> {
  const calls = new Map<string, ActionCall[]>();
  const actions = Object.fromEntries(
    Object.entries(options.handlers.actions).map(([name, handler]) => [
      name,
      ((inputs, ctx) => {
        calls.get(ctx.conversationId)?.push({ action: name, inputs: { ...inputs } });
        return handler(inputs, ctx);
      }) satisfies typeof handler,
    ]),
  );
  const runtime = new RuntimeLoop(domain, {
    checkpointer: new MemoryCheckpointer(),
    du: options.du,
    handlers: { ...options.handlers, actions },
    logger: pino({ level: "silent" }),
    clock: options.now,
  });
  // Handler modules keep data per conversation id for the life of the process: every run
  // takes fresh ids, so a second run starts from the same data as the first.
  const run = ++runs;
  const results: ConversationResult[] = [];
  try {
    await runtime.initialize();
    for (const [i, conversation] of conversations.entries()) {
      const id = `eval-${run}-${i + 1}`;
      const made: ActionCall[] = [];
      calls.set(id, made);
      const transcript: { user: string; bot: string }[] = [];
      for (const user of conversation.turns) {
        try {
          const turn = await runtime.processMessage(user, id);
          transcript.push({ user, bot: turn.response });
        } catch (error) {
          transcript.push({ user, bot: `(error: ${(error as Error).message})` });
          break;
        }
      }
      const { action, inputs, not } = conversation.expect;
      // Without an action to expect, the conversation only has to leave the `not` ones unrun.
      const completed =
        (action === undefined ||
          made.some(
            (c) =>
              c.action === action &&
              Object.entries(inputs).every(([k, v]) => sameAnswer(c.inputs[k], v)),
          )) &&
        !made.some((c) => not.includes(c.action));
      results.push({ conversation, completed, transcript, calls: made });
    }
  } finally {
    await runtime.cleanup();
  }
  return {
    conversations: results.length,
    completion: results.length ? results.filter((r) => r.completed).length / results.length : 1,
    results,
  };
}
