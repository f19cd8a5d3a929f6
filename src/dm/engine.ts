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

function finish(turn: Turn): TurnOutput {
  const { state, input } = turn;
  const before = turn.previousWaiting;
  const now = state.waiting_for;
  // A finished flow's values are offered to "the same ..." for a few turns only.
  if (state.recent_flow && state.turn_count - state.recent_flow.turn > RECENT_FLOW_TURNS) {
    delete state.recent_flow;
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
  const entries: HistoryEntry[] = [
    { role: "user", text: input.userMessage, turn: state.turn_count },
    ...turn.messages.map((text): HistoryEntry => ({ role: "bot", text, turn: state.turn_count })),
  ];
  state.history = [...state.history, ...entries].slice(
    -input.domain.domain.settings.dm.history_size,
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
