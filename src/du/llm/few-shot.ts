import type { LoadedDomain } from "../../config/loaded-domain.ts";
import type { ExampleTurn, TurnContext } from "../../config/schema.ts";
import type { DialogueState } from "../../protocol/state.ts";

/** How many `examples.turns` the prompt shows as few-shot exchanges. */
export const FEW_SHOT_TURNS = 6;

/** One few-shot exchange: what the user message looked like, and the right answer. */
export interface FewShotExchange {
  user: string;
  assistant: string;
}

/** Where the conversation is: the same shape example turns declare their context in. */
function contextOf(state: Readonly<DialogueState>): TurnContext | undefined {
  const frame = state.flow_stack.at(-1);
  if (!frame) return undefined;
  const waiting = state.waiting_for;
  return {
    flow: frame.flow,
    ...(waiting?.kind === "slot" ? { waiting: waiting.slot } : {}),
    ...(waiting?.kind === "confirm" ? { confirm: true } : {}),
    slots: frame.slots,
  };
}

/**
 * How close an example's context is to now: same flow and same question first, then same flow,
 * then the same question in another flow (or a first message, which may come any time as a
 * digression), then the rest.
 */
function relevance(example: TurnContext | undefined, now: TurnContext | undefined): number {
  if (!now) return example ? 0 : 3;
  if (!example) return 1;
  const sameQuestion =
    (example.waiting !== undefined && example.waiting === now.waiting) ||
    (example.confirm === true && now.confirm === true) ||
    (example.waiting === undefined &&
      !example.confirm &&
      now.waiting === undefined &&
      !now.confirm);
  if (example.flow === now.flow) return sameQuestion ? 4 : 2;
  return sameQuestion ? 1 : 0;
}

/** The context part of a prompt, in the words buildPrompt uses for the live message. */
function describeContext(context: TurnContext | undefined): string {
  if (!context) return "No flow is active.";
  const lines = [`Active flow: ${context.flow}`];
  if (context.waiting) lines.push(`Pending question: it asks for slot ${context.waiting}`);
  else if (context.confirm) lines.push("Pending question: a yes/no confirmation");
  const filled = Object.fromEntries(Object.entries(context.slots).filter(([, v]) => v !== null));
  lines.push(`Slots filled so far: ${JSON.stringify(filled)}`);
  return lines.join("\n");
}

/**
 * The example turns most relevant to the conversation's state, most relevant first (declaration
 * order among equals), as user/assistant exchanges.
 */
export function fewShotExchanges(
  loaded: LoadedDomain,
  state: Readonly<DialogueState>,
  limit = FEW_SHOT_TURNS,
): FewShotExchange[] {
  const now = contextOf(state);
  return loaded.domain.examples.turns
    .map((turn, index) => ({ turn, index, score: relevance(turn.context, now) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ turn }) => exchange(turn));
}

function exchange(turn: ExampleTurn): FewShotExchange {
  return {
    user: `## Now\n${describeContext(turn.context)}\n\n## Latest user message\n${JSON.stringify(turn.text)}`,
    assistant: JSON.stringify({ commands: turn.commands }),
  };
}
