import {
  type DialogueState,
  type ExecutedStep,
  type HistoryEntry,
  RECENT_FLOW_TURNS,
  type TurnRecord,
} from "../protocol/state.ts";
import { applyCommands } from "./apply-command.ts";
import type { Effect, Effectful, EffectResult, LogEntry } from "./effects.ts";
import { advance } from "./step-runner.ts";
import { Turn, type TurnInput } from "./turn.ts";

export type { TurnInput } from "./turn.ts";

/** What one finished turn produced. `state` is a new object; the input state is untouched. */
export interface TurnOutput {
  state: DialogueState;
  messages: string[];
  /** Indexes of `messages` the runtime may reword (said by `say` steps without `rephrase: false`). */
  rephrasable: number[];
  steps: ExecutedStep[];
  logs: LogEntry[];
  record: TurnRecord;
}

export type TurnProgress = { done: false; effect: Effect } | { done: true; output: TurnOutput };

/**
 * One turn of the dialogue manager as a resumable machine. It is pure: it never awaits and
 * does no I/O. `start()` runs until the turn needs an effect (a handler call) or is done; the
 * caller performs the effect and passes its result to `resume()`, until `done`.
 */
export class TurnMachine {
  private readonly turn: Turn;
  private readonly run: Effectful<void>;
  private started = false;

  constructor(input: TurnInput) {
    this.turn = new Turn(input);
    this.run = runTurn(this.turn);
  }

  start(): TurnProgress {
    if (this.started) throw new Error("TurnMachine.start() called twice");
    this.started = true;
    return this.progress(this.run.next());
  }

  resume(result: EffectResult): TurnProgress {
    if (!this.started) throw new Error("TurnMachine.resume() called before start()");
    return this.progress(this.run.next(result));
  }

  private progress(step: IteratorResult<Effect, void>): TurnProgress {
    if (!step.done) return { done: false, effect: step.value };
    return { done: true, output: finish(this.turn) };
  }
}

function* runTurn(turn: Turn): Effectful<void> {
  turn.state.turn_count += 1;
  yield* applyCommands(turn);
  yield* advance(turn);
}

/**
 * The last `size` entries of `history` followed by this turn's message and replies, in a new
 * array (the old one may be shared with the store) built in one go.
 */
function withTurn(
  history: readonly HistoryEntry[],
  userMessage: string,
  messages: readonly string[],
  turnCount: number,
  size: number,
): HistoryEntry[] {
  const total = history.length + 1 + messages.length;
  const skip = Math.max(0, total - size);
  const out: HistoryEntry[] = [];
  for (let i = skip; i < history.length; i++) out.push(history[i]!);
  if (skip <= history.length) out.push({ role: "user", text: userMessage, turn: turnCount });
  for (let i = Math.max(0, skip - history.length - 1); i < messages.length; i++) {
    out.push({ role: "bot", text: messages[i]!, turn: turnCount });
  }
  return out;
}

function finish(turn: Turn): TurnOutput {
  const { state, input } = turn;
  const before = turn.previousWaiting;
  const now = state.waiting_for;
  // A finished flow's values are offered to "the same ..." for a few turns only.
  if (state.recent_flow && state.turn_count - state.recent_flow.turn > RECENT_FLOW_TURNS) {
    delete state.recent_flow;
  }
  if (
    state.cancelled_shared &&
    state.turn_count - state.cancelled_shared.turn > RECENT_FLOW_TURNS
  ) {
    delete state.cancelled_shared;
  }
  // Failed validations count per asked slot: a new question starts from zero.
  if (before?.slot !== now?.slot || before?.flow_instance !== now?.flow_instance) {
    state.validation_failures = 0;
  }
  const record: TurnRecord = {
    turn: state.turn_count,
    at: input.now.toISOString(),
    user_message: input.userMessage,
    commands: input.commands,
    steps: turn.steps,
    messages: turn.messages,
  };
  state.history = withTurn(
    state.history,
    input.userMessage,
    turn.messages,
    state.turn_count,
    input.domain.domain.settings.dm.history_size,
  );
  state.last_turn = record;
  return {
    state,
    messages: turn.messages,
    rephrasable: turn.rephrasable,
    steps: turn.steps,
    logs: turn.logs,
    record,
  };
}
