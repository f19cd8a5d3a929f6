import type { DialogueState, TurnRecord } from "../protocol/state.ts";
import { asJsonData, isJsonData } from "./json-copy.ts";

/**
 * `asJsonData` for a state handed over on save, without walking again what it shares with the
 * state the store kept before: history entries carried over and an unchanged `data` or
 * `last_turn` were checked when that state was saved, and neither the store nor the runtime
 * changes them in place (`LoadOptions.replacesLogs`). Most of a long conversation's state is
 * such entries. Anything else is checked as `asJsonData` would.
 */
export function keepHandedOverState(
  state: DialogueState,
  previous: DialogueState | undefined,
): DialogueState {
  return previous && sharedStateIsJson(state, previous) ? state : asJsonData(state);
}

/**
 * `asJsonData` for a turn record handed over with `state`: the parts it shares with the state's
 * `last_turn` (the DM's commands, steps and messages) were checked with the state just now.
 */
export function keepHandedOverTurn(turn: TurnRecord, state: DialogueState): TurnRecord {
  const checked = state.last_turn;
  return checked && sharedTurnIsJson(turn, checked) ? turn : asJsonData(turn);
}

function sharedStateIsJson(state: DialogueState, previous: DialogueState): boolean {
  if (!isRecord(state)) return false;
  for (const key in state) {
    if (!Object.hasOwn(state, key) || key === "__proto__") return false;
    const value = (state as unknown as Record<string, unknown>)[key];
    if (value === undefined) return false;
    if (key === "history") {
      if (!historyIsJson(value, previous.history)) return false;
    } else if (!(key === "data" || key === "last_turn") || value !== previous[key]) {
      if (!isJsonData(value, 1)) return false;
    }
  }
  return true;
}

/** History entries are kept in order and cut from the front: the shared ones are one run. */
function historyIsJson(history: unknown, previous: readonly unknown[]): boolean {
  if (!Array.isArray(history)) return false;
  let shared = history.length > 0 ? previous.indexOf(history[0]) : -1;
  for (let i = 0; i < history.length; i++) {
    const item: unknown = history[i];
    if (shared >= 0 && shared < previous.length && item === previous[shared]) {
      shared++;
      continue;
    }
    shared = -1;
    if (item === undefined || !isJsonData(item, 2)) return false;
  }
  return true;
}

function sharedTurnIsJson(turn: TurnRecord, checked: TurnRecord): boolean {
  if (!isRecord(turn)) return false;
  for (const key in turn) {
    if (!Object.hasOwn(turn, key) || key === "__proto__") return false;
    const value = (turn as unknown as Record<string, unknown>)[key];
    if (value === undefined) return false;
    if (value !== (checked as unknown as Record<string, unknown>)[key] && !isJsonData(value, 1)) {
      return false;
    }
  }
  return true;
}

function isRecord(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}
