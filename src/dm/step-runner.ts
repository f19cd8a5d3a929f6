import { END } from "../config/flow-graph.ts";
import type { SlotValue } from "../protocol/commands.ts";
import type { FlowFrame } from "../protocol/state.ts";
import type { Effectful } from "./effects.ts";
import { flowSlotUse } from "./flow-slots.ts";
import { runStep } from "./steps/run-step.ts";
import { after, type StepResult } from "./steps/step-result.ts";
import type { Turn } from "./turn.ts";

/**
 * Runs the top frame forward until a step waits for the user or the stack is empty. Ended
 * flows are popped: a called sub-flow returns to its caller, an interrupted flow resumes with
 * the resume message. More than `step_budget` steps end the running flow (never a hang).
 */
export function* advance(turn: Turn): Effectful<void> {
  const previous = turn.previousWaiting;
  turn.state.waiting_for = null;
  const top = turn.top();
  if (
    turn.suppressReask &&
    previous &&
    top?.instance_id === previous.flow_instance &&
    top.step === previous.step
  ) {
    // The turn already asked the user something else (e.g. which flow they meant).
    turn.state.waiting_for = previous;
    return;
  }
  const budget = turn.settings.dm.step_budget;
  let executed = 0;
  for (;;) {
    const frame = turn.top();
    if (!frame) return;
    if (frame.step === null || frame.step === END) {
      finishTopFrame(turn);
      continue;
    }
    const node = turn.domain.graphs.get(frame.flow)?.nodes.get(frame.step);
    if (!node) {
      // Only a domain swapped under a live conversation gets here; end the flow cleanly.
      turn.log("error", "Conversation points to a step that no longer exists; ending the flow", {
        flow: frame.flow,
        step: frame.step,
      });
      turn.sayPattern("action_error", { flow: turn.flowTitle(frame.flow) });
      endTopFlow(turn);
      resumeInterrupted(turn);
      continue;
    }
    if (executed >= budget) {
      turn.log("error", "Step budget exceeded; ending the flow", {
        flow: frame.flow,
        step: frame.step,
        step_budget: budget,
      });
      turn.record(frame, node, `step budget of ${budget} exceeded`);
      const [outer] = endTopFlow(turn);
      turn.sayPattern("step_budget", { flow: turn.flowTitle(outer?.flow ?? frame.flow) });
      resumeInterrupted(turn);
      // Every trip pops at least one frame, so the turn still ends.
      executed = 0;
      continue;
    }
    executed++;
    const step = node.step;
    if (
      step.type !== "while" &&
      step.condition !== undefined &&
      !turn.test(step.condition, frame)
    ) {
      turn.record(frame, node, "skipped: condition false");
      frame.step = node.next;
      continue;
    }
    const result = yield* runStep(turn, frame, node);
    turn.record(frame, node, noteOf(result));
    switch (result.kind) {
      case "next":
        frame.step = result.to;
        break;
      case "wait":
        return;
      case "link":
        linkTo(turn, frame, result.flow);
        break;
      case "call":
        callInto(turn, frame, result.flow);
        break;
    }
  }
}

function noteOf(result: StepResult): string | undefined {
  switch (result.kind) {
    case "next":
    case "wait":
      return result.note;
    case "link":
      return `linked to ${result.flow}`;
    case "call":
      return `called ${result.flow}`;
  }
}

/** The slots of `from` that `flow` uses anywhere. */
function carriedSlots(turn: Turn, from: FlowFrame, flow: string): Record<string, SlotValue> {
  const uses = flowSlotUse(turn.domain, flow).references;
  const slots: Record<string, SlotValue> = {};
  for (const [name, value] of Object.entries(from.slots)) if (uses.has(name)) slots[name] = value;
  return slots;
}

/** False (and the running flow ended, with `message` logged) when `flow` is not in the domain. */
function knownTarget(turn: Turn, frame: FlowFrame, flow: string, message: string): boolean {
  if (turn.domain.graphs.has(flow)) return true;
  turn.log("error", message, { flow: frame.flow, target: flow });
  frame.step = END;
  return false;
}

function linkTo(turn: Turn, frame: FlowFrame, flow: string): void {
  if (!knownTarget(turn, frame, flow, "link to an unknown flow; ending the flow")) return;
  const next = turn.newFrame(flow, carriedSlots(turn, frame, flow));
  if (frame.via_call) next.via_call = true;
  turn.state.flow_stack[turn.state.flow_stack.length - 1] = next;
}

function callInto(turn: Turn, frame: FlowFrame, flow: string): void {
  if (!knownTarget(turn, frame, flow, "call of an unknown flow; ending the flow")) return;
  // The caller stays on its call step; finishTopFrame moves it on when the sub-flow ends.
  const child = turn.newFrame(flow, carriedSlots(turn, frame, flow));
  child.via_call = true;
  turn.state.flow_stack.push(child);
}

/** A flow ran to its end: return to the caller, or resume the interrupted flow below. */
function finishTopFrame(turn: Turn): void {
  const done = turn.state.flow_stack.pop()!;
  const below = turn.top();
  if (done.via_call && below) {
    Object.assign(below.slots, carriedSlots(turn, done, below.flow));
    const callNode = below.step
      ? turn.domain.graphs.get(below.flow)?.nodes.get(below.step)
      : undefined;
    below.step = callNode ? after(callNode) : END;
    return;
  }
  remember(turn, done);
  if (turn.messages.length === 0) turn.sayPattern("completed", { flow: turn.flowTitle(done.flow) });
  resumeInterrupted(turn);
}

/** Keeps a finished flow's values for "the same ..." and "actually yes" (state.recent_flow). */
function remember(turn: Turn, done: FlowFrame): void {
  const graph = turn.domain.graphs.get(done.flow);
  let declined = false;
  for (const node of graph?.nodes.values() ?? []) {
    if (node.step.type === "confirm" && done.slots[node.step.slot] === false) declined = true;
  }
  turn.state.recent_flow = {
    flow: done.flow,
    slots: { ...done.slots },
    turn: turn.state.turn_count,
    declined,
  };
}

/**
 * Pops the top frame and the frames that called it (a sub-flow is part of its caller).
 * Returns the popped frames, outermost first.
 */
export function endTopFlow(turn: Turn): FlowFrame[] {
  const popped: FlowFrame[] = [];
  for (;;) {
    const frame = turn.state.flow_stack.pop();
    if (!frame) break;
    popped.unshift(frame);
    if (!frame.via_call) break;
  }
  return popped;
}

/** After a digression ends, the flow below says it is back (and re-asks when advanced). */
export function resumeInterrupted(turn: Turn): void {
  const below = turn.top();
  if (below?.queued) {
    // The second request of one message: it never started, so there is nothing to get back to.
    delete below.queued;
    turn.sayPattern("next_request", { flow: turn.flowTitle(below.flow) });
    return;
  }
  if (!below?.interrupted) return;
  delete below.interrupted;
  turn.sayPattern("resume", { flow: turn.flowTitle(below.flow) });
}
