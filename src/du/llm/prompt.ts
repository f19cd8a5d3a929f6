import type { LoadedDomain } from "../../config/loaded-domain.ts";
import type { DialogueState } from "../../protocol/state.ts";
import { type FewShotExchange, fewShotExchanges } from "./few-shot.ts";

/** How many trigger phrases, and how many `examples.flows` phrasings, of each flow the prompt shows. */
const TRIGGER_EXAMPLES = 3;
/** How many recent history entries (user and bot) the prompt shows. */
const HISTORY_ENTRIES = 6;

export interface PromptMessages {
  system: string;
  /** Few-shot exchanges from `examples.turns`, sent between the system and the user message. */
  examples: FewShotExchange[];
  user: string;
}

const RULES = `You are the language-understanding component of a task-oriented assistant.
You never talk to the user. You translate the user's latest message into commands for a
deterministic dialogue manager, and answer ONLY with a JSON object {"commands": [...]}.

Commands:
- {"type":"start_flow","flow":NAME}: the user asks for one of the startable flows. Follow it with
  set_slot commands for values the message already gives for that flow's slots.
- {"type":"set_slot","slot":NAME,"value":V}: a value for a slot (the question being asked, or
  another slot of the active or starting flow). Numbers as JSON numbers (amounts "1.5k" -> 1500,
  "two hundred" -> 200); for slots with choices use exactly one of the choices.
- {"type":"correct_slot","slot":NAME,"value":V}: the user changes a value given earlier
  ("actually make it 300", "no, the other one").
- {"type":"skip_slot","slot":NAME}: the user declines an optional slot being asked ("none",
  "no thanks", "skip"); not a cancel. List slots take a JSON array of strings.
- {"type":"cancel_flow"}: the user wants to stop what is in progress.
- {"type":"affirm"} / {"type":"deny"}: yes / no to a confirmation question. Use
  {"type":"deny","slot_to_change":NAME} for "no, change the amount".
- {"type":"clarify","topic":T}: the user asks for help or what a question means (topic = the
  thing asked about, a slot name when it is about a slot, e.g. "what is an IBAN?"). When the
  message fits two startable flows equally, use {"type":"clarify","flows":[FLOW_A,FLOW_B]}.
- {"type":"chitchat","kind":KIND,"message":TEXT}: small talk. KIND is "greeting" (hello),
  "thanks", "goodbye" (bye, that's all), "frustration" (this is useless, you're not helping),
  "wait" (hang on, one sec, let me check: a moment asked before answering) or "other"; TEXT is
  the user's words.
- {"type":"repeat_last"}: the user asks to hear the last answer again (say that again, what
  was the reference?).
- {"type":"out_of_scope"}: a question or request none of the flows can serve, asked while a
  flow is active.
- {"type":"human_handoff","reason":TEXT}: the user asks for a person.
Answer {"commands": []} when the message is none of these (out of scope).

Rules: use only flow and slot names listed below. Never invent values the user did not say.
While a question is pending, read the message as its answer unless it clearly is something else
(cancel, help, a person, a correction, or a request to start another flow).`;

/**
 * The prompt, scoped to now: the active flow and its pending question, the slots filled so far,
 * the flows that could start (name, description, a few example phrases, their slots) and the
 * last few turns.
 */
export function buildPrompt(
  message: string,
  loaded: LoadedDomain,
  state: Readonly<DialogueState>,
  jsonSchema?: Record<string, unknown>,
): PromptMessages {
  const { domain } = loaded;
  const lines: string[] = [];
  const frame = state.flow_stack.at(-1);
  const slotLine = (name: string) => {
    const def = domain.slots[name];
    if (!def) return `${name}`;
    const parts = [`${name} (${def.type}`];
    if (def.choices?.length) parts.push(`, one of: ${def.choices.join(" | ")}`);
    if (def.required === false) parts.push(", optional");
    parts.push(")");
    const about = def.description ?? def.prompt;
    return about ? `${parts.join("")}: ${about}` : parts.join("");
  };
  const collected = (flow: string) => {
    const graph = loaded.graphs.get(flow);
    if (!graph) return [];
    const out: string[] = [];
    for (const id of graph.order) {
      const step = graph.nodes.get(id)!.step;
      if (
        step.type === "collect" &&
        !domain.slots[step.slot]?.internal &&
        !out.includes(step.slot)
      ) {
        out.push(step.slot);
      }
    }
    return out;
  };

  lines.push("## Now");
  if (!frame) {
    lines.push("No flow is active.");
  } else {
    const def = domain.flows[frame.flow];
    lines.push(`Active flow: ${frame.flow}${def?.description ? ` (${def.description})` : ""}`);
    const waiting = state.waiting_for;
    if (waiting?.kind === "slot") {
      const def = domain.slots[waiting.slot];
      const node = loaded.graphs.get(frame.flow)?.nodes.get(waiting.step)?.step;
      const prompt = (node?.type === "collect" ? node.prompt : undefined) ?? def?.prompt;
      lines.push(`Pending question: ${prompt ? JSON.stringify(prompt) : "(none)"}`);
      lines.push(`It asks for slot ${slotLine(waiting.slot)}`);
    } else if (waiting?.kind === "confirm") {
      const node = loaded.graphs.get(frame.flow)?.nodes.get(waiting.step)?.step;
      const text = node?.type === "confirm" ? node.message : "";
      lines.push(`Pending question: a yes/no confirmation: ${JSON.stringify(text)}`);
      lines.push("Answer with affirm, deny, or correct_slot for a changed value.");
    }
    const filled = Object.fromEntries(
      Object.entries(frame.slots).filter(([k, v]) => v !== null && !domain.slots[k]?.internal),
    );
    lines.push(`Slots filled so far: ${JSON.stringify(filled)}`);
    const slots = collected(frame.flow);
    if (slots.length) {
      lines.push("Slots of the active flow:");
      for (const s of slots) lines.push(`- ${slotLine(s)}`);
    }
  }

  lines.push("", "## Flows the user can start");
  for (const [name, flow] of Object.entries(domain.flows)) {
    if (flow.internal) continue;
    const examples = [
      ...(flow.trigger?.intents ?? []).slice(0, TRIGGER_EXAMPLES),
      ...(domain.examples.flows[name] ?? []).slice(0, TRIGGER_EXAMPLES),
    ];
    lines.push(`- ${name}: ${flow.description ?? name.replace(/_/g, " ")}`);
    if (examples.length)
      lines.push(`  examples: ${examples.map((e) => JSON.stringify(e)).join("; ")}`);
    const slots = collected(name);
    if (slots.length) lines.push(`  slots: ${slots.join(", ")}`);
  }
  const startable = Object.entries(domain.flows).filter(([, f]) => !f.internal);
  const other = new Set(startable.flatMap(([n]) => collected(n)));
  if (frame) for (const s of collected(frame.flow)) other.delete(s);
  if (other.size) {
    lines.push("", "## Slots of the startable flows");
    for (const s of other) lines.push(`- ${slotLine(s)}`);
  }

  const history = state.history.slice(-HISTORY_ENTRIES);
  if (history.length) {
    lines.push("", "## Recent conversation");
    for (const h of history) lines.push(`${h.role}: ${h.text}`);
  }
  lines.push("", "## Latest user message", JSON.stringify(message));

  const system = jsonSchema
    ? `${RULES}\n\nThe JSON must match this JSON schema:\n${JSON.stringify(jsonSchema)}`
    : RULES;
  return { system, examples: fewShotExchanges(loaded, state), user: lines.join("\n") };
}
