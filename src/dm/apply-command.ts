import type { StepNode } from "../config/flow-graph.ts";
import { slotExtract } from "../config/slot-kind.ts";
import { choiceLabel, choiceWords, formatValue } from "../config/template.ts";
import type { Command, SlotValue } from "../protocol/commands.ts";
import type { FlowFrame } from "../protocol/state.ts";
import type { Effectful } from "./effects.ts";
import { flowSlotUse } from "./flow-slots.ts";
import { CHITCHAT_PATTERNS } from "./patterns.ts";
import { acceptSlotValue } from "./slot-pipeline.ts";
import { slotLabel } from "./slot-values.ts";
import { endTopFlow, resumeInterrupted } from "./step-runner.ts";
import { after } from "./steps/step-result.ts";
import type { Turn } from "./turn.ts";

/** What the commands of a turn achieved, for the out-of-scope and cannot-handle patterns. */
interface Outcome {
  /** At least one command did something (an ignored or dropped command does not count). */
  understood: boolean;
  /** A value for the slot being asked was rejected. */
  validationFailed: boolean;
}

/**
 * Applies one turn's commands to the working state, in a fixed order that does not depend
 * on how the DU listed them: handoff, cancel, start_flow, slot commands (so slots land in a
 * flow started in the same turn), affirm/deny, clarify, chitchat. The runner then advances.
 */
export function* applyCommands(turn: Turn): Effectful<void> {
  const commands = turn.input.commands;
  const outcome: Outcome = { understood: false, validationFailed: false };
  const handoff = commands.find((c) => c.type === "human_handoff") ?? acceptedOffer(turn);
  if (handoff) {
    const top = turn.top();
    turn.sayPattern("human_handoff", { flow: top ? turn.flowTitle(top.flow) : "" });
    turn.log("info", "Human handoff requested; flows ended", {
      reason: handoff.reason ?? null,
      ended: turn.state.flow_stack.map((f) => f.flow),
    });
    turn.state.flow_stack = [];
    settleFailures(turn, { understood: true, validationFailed: false });
    return;
  }
  if (commands.some((c) => c.type === "cancel_flow")) {
    cancelFlow(turn);
    outcome.understood = true;
  }
  // The frame each start_flow started (or continued): its own slots go there, so two flows
  // started in one turn ("block my card and order a new one") each get theirs.
  const started = new Map<Command, FlowFrame>();
  for (const command of commands) {
    if (command.type !== "start_flow") continue;
    const frame = startFlow(turn, command.flow, new Set(started.values()));
    if (frame) {
      outcome.understood = true;
      started.set(command, frame);
    }
  }
  for (const command of commands) {
    switch (command.type) {
      case "start_flow": {
        const frame = started.get(command);
        for (const [slot, value] of Object.entries(command.slots ?? {})) {
          if (frame && flowSlotUse(turn.domain, frame.flow).accepts.has(slot)) {
            yield* assignSlot(turn, outcome, frame, slot, value, "set");
          } else {
            yield* routeSlot(turn, outcome, slot, value, "set");
          }
        }
        break;
      }
      case "set_slot":
        yield* routeSlot(turn, outcome, command.slot, command.value, "set");
        break;
      case "correct_slot":
        yield* routeSlot(turn, outcome, command.slot, command.value, "correct");
        break;
      case "clear_slot":
        yield* routeSlot(turn, outcome, command.slot, null, "clear");
        break;
      case "skip_slot":
        if (!skipSlot(turn, command.slot)) yield* answer(turn, outcome, false, undefined);
        else outcome.understood = true;
        break;
      default:
        break;
    }
  }
  for (const command of commands) {
    if (command.type === "affirm") yield* answer(turn, outcome, true, undefined);
    if (command.type === "deny") yield* answer(turn, outcome, false, command.slot_to_change);
  }
  const clarify = commands.find((c) => c.type === "clarify");
  if (clarify) {
    clarifyPattern(turn, clarify);
    outcome.understood = true;
  }
  const chitchat = commands.find((c) => c.type === "chitchat");
  if (commands.some((c) => c.type === "repeat_last")) {
    repeatLastTurn(turn);
    outcome.understood = true;
  } else if (commands.some((c) => c.type === "out_of_scope")) {
    // Said with the idle wording (what the assistant can do); the pending question follows.
    turn.sayPattern("out_of_scope", { capabilities: capabilityTitles(turn) }, { idle: true });
    outcome.understood = true;
  } else if (chitchat) {
    const top = turn.top();
    const pattern = CHITCHAT_PATTERNS[chitchat.kind];
    turn.sayPattern(pattern, { flow: top ? turn.flowTitle(top.flow) : "" });
    // After a goodbye the pending question is not asked again; the flow stays for later.
    // Nor after "hang on, let me look": the user comes back with the answer to it.
    if (pattern === "goodbye" || pattern === "wait") turn.suppressReask = true;
    // Frustration offers a human: that offer is the question now; the flow waits meanwhile.
    if (pattern === "frustration") {
      turn.state.offered_handoff = true;
      turn.suppressReask = true;
    }
    outcome.understood = true;
  }
  settleFailures(turn, outcome);
}

/**
 * "repeat that": the previous turn's messages again (they end with the pending question, so
 * it is not asked a second time). With nothing said yet, the greeting.
 */
function repeatLastTurn(turn: Turn): void {
  const said = turn.state.last_turn?.messages ?? [];
  if (said.length === 0) {
    turn.sayPattern("greeting", { flow: "" });
    return;
  }
  for (const message of said) turn.say(message);
  turn.suppressReask = true;
  // An offer of a human made in the repeated turn stands again.
  if (turn.offeredHandoff) turn.state.offered_handoff = true;
}

/**
 * A "yes" (affirm and nothing else) right after the assistant offered a human agent accepts
 * the offer: it is handled as a `human_handoff`.
 */
function acceptedOffer(turn: Turn): { type: "human_handoff"; reason: string } | undefined {
  const commands = turn.input.commands;
  if (!turn.offeredHandoff || commands.length === 0) return undefined;
  if (!commands.every((c) => c.type === "affirm")) return undefined;
  return { type: "human_handoff", reason: "accepted the offer of a human agent" };
}

/**
 * Counts consecutive failed turns (nothing understood, or the asked slot rejected). Not
 * understood -> out_of_scope message; too many failures -> cannot_handle, and the count restarts.
 */
function settleFailures(turn: Turn, outcome: Outcome): void {
  const state = turn.state;
  const failed = !outcome.understood || outcome.validationFailed;
  state.failed_attempts = failed ? state.failed_attempts + 1 : 0;
  const max = turn.settings.dm.max_failed_attempts;
  if (state.failed_attempts >= max || state.validation_failures >= max) {
    const top = turn.top();
    turn.sayPattern("cannot_handle", { flow: top ? turn.flowTitle(top.flow) : "" });
    turn.log("info", "Cannot handle: too many failed attempts", { failed_attempts: max });
    // The message offers a human; a "yes" next accepts it, unless the question asked again
    // after it is itself a yes/no question, which that "yes" then answers.
    if (!asksYesNo(turn)) turn.state.offered_handoff = true;
    state.failed_attempts = 0;
    state.validation_failures = 0;
    return;
  }
  if (!outcome.understood) {
    // At a confirmation the way out is known: say how to answer rather than "didn't get that".
    if (turn.previousWaiting?.kind === "confirm" && turn.top()) {
      turn.sayPattern("clarification", { explanation: explainPending(turn) });
    } else {
      turn.sayPattern("out_of_scope", { capabilities: capabilityTitles(turn) });
    }
  }
}

/**
 * Pushes the flow (or keeps it when already on top); its frame, or null when not startable.
 * A flow below it that was started in this same turn (`startedNow`) never ran: it is queued,
 * not interrupted, so it later opens with "Now, about ..." rather than "Let's get back to ...".
 */
function startFlow(turn: Turn, flow: string, startedNow: Set<FlowFrame>): FlowFrame | null {
  const definition = turn.domain.domain.flows[flow];
  if (!definition || definition.internal) {
    turn.log("warn", "start_flow ignored: no such user-startable flow", { flow });
    return null;
  }
  const top = turn.top();
  // Already on top: just continue it; unless it was started in this same turn, which makes a
  // second request for it ("my checking balance and my savings": two balances).
  if (top?.flow === flow && !startedNow.has(top)) return top;
  if (top && startedNow.has(top)) top.queued = true;
  else if (top) top.interrupted = true;
  const frame = turn.newFrame(flow);
  turn.state.flow_stack.push(frame);
  turn.log("debug", "Flow started", { flow, interrupted: top?.flow ?? null });
  return frame;
}

function cancelFlow(turn: Turn): void {
  const popped = endTopFlow(turn);
  const outer = popped[0];
  if (!outer) {
    // Nothing to cancel ("stop" after a flow ended): acknowledged, nothing else.
    turn.sayPattern("acknowledge", { flow: "" });
    return;
  }
  keepSharedValues(turn, popped);
  turn.log("info", "Flow cancelled", { flow: outer.flow });
  turn.sayPattern("cancel", { flow: turn.flowTitle(outer.flow) });
  resumeInterrupted(turn);
}

/** A cancelled task's `shared` values (the customer's number) stay for the next flow. */
function keepSharedValues(turn: Turn, popped: readonly FlowFrame[]): void {
  const slots: Record<string, SlotValue> = {};
  for (const frame of popped) {
    for (const [slot, value] of Object.entries(frame.slots)) {
      if (value !== null && turn.domain.domain.slots[slot]?.shared) slots[slot] = value;
    }
  }
  if (Object.keys(slots).length > 0) {
    turn.state.cancelled_shared = { slots, turn: turn.state.turn_count };
  }
}

/** The top-most frame whose flow collects the slot or passes it to an action. */
function frameFor(turn: Turn, slot: string): FlowFrame | undefined {
  const stack = turn.state.flow_stack;
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i]!;
    if (flowSlotUse(turn.domain, frame.flow).accepts.has(slot)) return frame;
  }
  return undefined;
}

function* routeSlot(
  turn: Turn,
  outcome: Outcome,
  slot: string,
  value: SlotValue,
  kind: "set" | "correct" | "clear",
): Effectful<void> {
  const definition = turn.domain.domain.slots[slot];
  if (definition?.internal) {
    turn.log("debug", "Command for an internal slot ignored", { slot });
    return;
  }
  const frame = frameFor(turn, slot);
  if (!frame) {
    turn.log("debug", "Slot used by no active flow; ignored", { slot });
    return;
  }
  yield* assignSlot(turn, outcome, frame, slot, value, kind);
}

function* assignSlot(
  turn: Turn,
  outcome: Outcome,
  frame: FlowFrame,
  slot: string,
  value: SlotValue,
  kind: "set" | "correct" | "clear",
): Effectful<void> {
  outcome.understood = true;
  const asked = turn.previousWaiting;
  const isAsked =
    asked?.kind === "slot" && asked.flow_instance === frame.instance_id && asked.slot === slot;
  if (kind === "clear" || value === null) {
    frame.slots[slot] = null;
    rewindIfPast(turn, frame, slot);
    return;
  }
  const accepted = yield* acceptSlotValue(turn, frame, slot, value);
  if (!accepted.ok) {
    turn.say(accepted.message);
    turn.log("info", "Slot value rejected", { flow: frame.flow, slot });
    if (isAsked) {
      outcome.validationFailed = true;
      turn.state.validation_failures += 1;
    }
    return;
  }
  const previous = frame.slots[slot];
  frame.slots[slot] = accepted.value;
  if (frame.skipped?.includes(slot)) frame.skipped = frame.skipped.filter((s) => s !== slot);
  if (isAsked && frame.step === asked.step) {
    // Answered: move past the collect step (this is what lets ask_always steps advance).
    turn.state.validation_failures = 0;
    const node = turn.domain.graphs.get(frame.flow)?.nodes.get(asked.step);
    if (node) {
      turn.record(frame, node, `answered ${slot}`);
      frame.step = after(node);
    }
    return;
  }
  const wasFilled = previous !== undefined && previous !== null;
  if (kind === "correct" || wasFilled) {
    if (wasFilled && previous === accepted.value) return;
    if (wasFilled) {
      // The new value reads as the slot reads elsewhere ("1,600.00", not "1600").
      const definition = turn.domain.domain.slots[slot];
      // A choice reads as its label or words ("last week"), not as its identifier ("last_week").
      const shown = formatValue(
        choiceLabel(accepted.value, definition && choiceWords(definition)),
        { language: turn.settings.language },
        // A date reads as a date ("lunes 24 de enero"), not as its ISO form, unless the slot
        // declares another format.
        definition?.format ?? (definition?.type === "date" ? "date" : undefined),
      );
      turn.sayPattern("correction", {
        flow: turn.flowTitle(frame.flow),
        slot: slotLabel(slot, definition),
        value: shown,
      });
    }
    rewindIfPast(turn, frame, slot);
  }
}

/**
 * An optional slot declined: left empty and marked so its collect step moves on. False when the
 * slot is required or no active flow uses it (the caller treats the message as a "no").
 */
function skipSlot(turn: Turn, slot: string): boolean {
  if (turn.domain.domain.slots[slot]?.required !== false) return false;
  const frame = frameFor(turn, slot);
  if (!frame) return false;
  const held = frame.slots[slot] !== undefined && frame.slots[slot] !== null;
  frame.slots[slot] = null;
  frame.skipped = [...new Set([...(frame.skipped ?? []), slot])];
  // A value taken back after the flow went past it ("forget the beer" at the summary): the
  // steps after it run again, so what they derived from it (the summary) is said anew.
  if (held) rewindIfPast(turn, frame, slot);
  const asked = turn.previousWaiting;
  if (asked?.kind === "slot" && asked.flow_instance === frame.instance_id && asked.slot === slot) {
    const node = turn.domain.graphs.get(frame.flow)?.nodes.get(asked.step);
    if (node && frame.step === asked.step) {
      turn.record(frame, node, `skipped ${slot}`);
      frame.step = after(node);
    }
  }
  turn.log("debug", "Optional slot declined", { flow: frame.flow, slot });
  return true;
}

/**
 * When the frame already went past the step that collects `slot`, go back to it: the flow
 * then runs forward again (filled slots are skipped, branches re-evaluated, the confirmation
 * re-shown). Order is document order of the flow's steps.
 */
function rewindIfPast(turn: Turn, frame: FlowFrame, slot: string): boolean {
  const at = flowSlotUse(turn.domain, frame.flow).collectedAt.get(slot);
  const graph = turn.domain.graphs.get(frame.flow);
  if (!at || !graph || frame.step === null) return false;
  // A caller parked on its call step is moved on by the sub-flow's end; leave it there.
  if (graph.nodes.get(frame.step)?.step.type === "call") return false;
  if (graph.order.indexOf(frame.step) <= graph.order.indexOf(at)) return false;
  turn.log("debug", "Rewinding flow to re-collect a changed slot", {
    flow: frame.flow,
    from: frame.step,
    to: at,
  });
  frame.step = at;
  return true;
}

/**
 * The pending question is a confirmation, or a yes/no question: a boolean slot, or one whose
 * choices are the words "yes" and "no" (answered by storing that word).
 */
function asksYesNo(turn: Turn): boolean {
  const asked = turn.previousWaiting;
  if (!asked) return false;
  return asked.kind === "confirm" || yesNoKind(turn, asked.slot) !== undefined;
}

function yesNoKind(turn: Turn, slot: string): "boolean" | "words" | undefined {
  const definition = turn.domain.domain.slots[slot];
  if (definition?.type === "boolean") return "boolean";
  const choices = definition?.choices;
  return choices?.includes("yes") && choices.includes("no") ? "words" : undefined;
}

/** affirm / deny: answers a confirmation, or a yes/no question for a boolean slot. */
function* answer(
  turn: Turn,
  outcome: Outcome,
  yes: boolean,
  slotToChange: string | undefined,
): Effectful<void> {
  // "No" to the offer of a human agent: carry on where we were (the question is asked again).
  if (!yes && turn.offeredHandoff) {
    const top = turn.top();
    turn.sayPattern("acknowledge", { flow: top ? turn.flowTitle(top.flow) : "" });
    outcome.understood = true;
    return;
  }
  const asked = turn.previousWaiting;
  const frame = asked ? turn.frameByInstance(asked.flow_instance) : undefined;
  if (asked?.kind === "confirm" && frame) {
    outcome.understood = true;
    // A correction earlier in this turn already moved the flow back; it will ask again.
    if (frame.step !== asked.step) return;
    const node = turn.domain.graphs.get(frame.flow)?.nodes.get(asked.step);
    if (node?.step.type !== "confirm") return;
    const step = node.step;
    const collectedAt =
      slotToChange !== undefined
        ? flowSlotUse(turn.domain, frame.flow).collectedAt.get(slotToChange)
        : undefined;
    if (!yes && slotToChange !== undefined && collectedAt !== undefined) {
      frame.slots[slotToChange] = null;
      turn.record(frame, node, `denied: change ${slotToChange}`);
      frame.step = collectedAt;
      return;
    }
    if (!yes && step.on_deny === undefined && !readsAnswerNext(turn, frame.flow, node)) {
      // A "no" with nowhere to go must not run what follows (a payment, a transfer): ask what
      // to change and keep waiting; a second "no" to that drops the flow.
      if (askedWhatToChange(turn, frame, asked.step)) {
        cancelFlow(turn);
        return;
      }
      frame.slots[step.slot] = false;
      turn.record(frame, node, ASKED_CHANGE);
      turn.sayPattern("ask_change", { flow: turn.flowTitle(frame.flow) });
      turn.suppressReask = true;
      return;
    }
    frame.slots[step.slot] = yes;
    turn.record(frame, node, yes ? "confirmed" : "denied");
    frame.step = yes ? (step.on_confirm ?? after(node)) : (step.on_deny ?? after(node));
    return;
  }
  if (asked?.kind === "slot" && frame) {
    const kind = yesNoKind(turn, asked.slot);
    if (kind !== undefined) {
      const value = kind === "boolean" ? yes : yes ? "yes" : "no";
      yield* assignSlot(turn, outcome, frame, asked.slot, value, "set");
      return;
    }
    // "no" to an open question ("what is the transfer for?") is no failure: a hint about what
    // is asked helps more than "didn't get that"; the question follows. A "yes" is acknowledged
    // below and the question asked again.
    if (!yes) {
      turn.sayPattern("clarification", { explanation: explainNo(turn, asked.slot) });
      outcome.understood = true;
      return;
    }
  }
  // A yes/no that answers nothing: with nothing asked it answers "anything else?", so "no"
  // is a goodbye; inside a flow it is acknowledged and the question is asked again.
  const pattern = !yes && !asked ? "goodbye" : "acknowledge";
  const top = turn.top();
  turn.sayPattern(pattern, { flow: top ? turn.flowTitle(top.flow) : "" });
  outcome.understood = true;
}

/** Candidate `flows` = which flow did you mean; else explain the topic or the pending question. */
function clarifyPattern(turn: Turn, clarify: { topic?: string; flows?: string[] }): void {
  const topic = clarify.topic;
  if (clarify.flows) {
    const flows = clarify.flows.filter((f) => turn.domain.domain.flows[f] !== undefined);
    if (flows.length > 0) {
      const explanation = turn.catalog.didYouMean(flows.map((f) => turn.flowSummary(f)));
      turn.sayPattern("clarification", { explanation });
      turn.suppressReask = true;
      return;
    }
  }
  turn.sayPattern("clarification", { explanation: explainPending(turn, topic) });
}

/**
 * What a clarification says: about the slot its topic names ("what is an IBAN?" -> the iban
 * slot's description), else about the pending question, else what the assistant can do.
 */
function explainPending(turn: Turn, topic?: string): string {
  const about = topic ? turn.domain.domain.slots[topic] : undefined;
  if (about?.description && !about.internal) return about.description;
  const asked = turn.previousWaiting;
  const frame = asked ? turn.frameByInstance(asked.flow_instance) : undefined;
  if (!asked || !frame) return capabilities(turn);
  if (asked.kind === "confirm") return turn.catalog.answerConfirmation;
  const definition = turn.domain.domain.slots[asked.slot];
  return definition?.description ?? turn.catalog.needSlot(slotLabel(asked.slot, definition));
}

/**
 * What a "no" to an open question is told. To a free-text question ("what is the transfer
 * for?") the slot's description says what to write; a typed one (a number, a date, a choice)
 * already says what it wants, and its description ("How many months the membership is
 * frozen.") reads as no reply to a "no": that the value is needed, then the question again.
 */
function explainNo(turn: Turn, slot: string): string {
  const definition = turn.domain.domain.slots[slot];
  if (definition && slotExtract(definition) === "free_text") return explainPending(turn);
  return turn.catalog.needSlot(slotLabel(slot, definition));
}

/**
 * What the assistant can do, from the descriptions of the flows a user may start. A flow made
 * only of `say` steps (a greeting) is no capability unless it sets `capability: true`.
 */
function capabilities(turn: Turn): string {
  return turn.catalog.capabilities(capabilityTitles(turn));
}

/**
 * The summaries of the flows a user may start: a pattern's `{capabilities}` is written from
 * them as its message reads (`Turn.pattern`).
 */
function capabilityTitles(turn: Turn): string[] {
  return Object.entries(turn.domain.domain.flows)
    .filter(
      ([, flow]) =>
        !flow.internal && (flow.capability ?? !flow.steps.every((s) => s.type === "say")),
    )
    .map(([name]) => turn.flowSummary(name));
}

const ASKED_CHANGE = "denied: asked what to change";

/** The step after a confirmation reads its answer (a branch, or a step with a condition). */
function readsAnswerNext(turn: Turn, flow: string, node: StepNode): boolean {
  const next = turn.domain.graphs.get(flow)?.nodes.get(after(node))?.step;
  return next !== undefined && (next.type === "branch" || next.condition !== undefined);
}

/** The previous turn answered a "no" at this confirmation by asking what to change. */
function askedWhatToChange(turn: Turn, frame: FlowFrame, step: string): boolean {
  return (
    turn.state.last_turn?.steps.some(
      (s) => s.flow === frame.flow && s.step === step && s.note === ASKED_CHANGE,
    ) ?? false
  );
}
