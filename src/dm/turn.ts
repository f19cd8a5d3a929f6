import { compileExpression, isTruthy } from "../config/expression.ts";
import type { StepNode } from "../config/flow-graph.ts";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import type { PatternName, Settings } from "../config/schema.ts";
import {
  type ChoiceWords,
  choiceWords,
  renderTemplate,
  type TemplateFormat,
} from "../config/template.ts";
import type { Command, SlotValue } from "../protocol/commands.ts";
import type { DialogueState, ExecutedStep, FlowFrame, WaitingFor } from "../protocol/state.ts";
import type { LogEntry } from "./effects.ts";
import type { MessageCatalog } from "./messages/catalog.ts";
import { messageCatalog } from "./messages/index.ts";

/** Everything one turn of the DM needs; clock and ids come in so the core stays pure. */
export interface TurnInput {
  domain: LoadedDomain;
  state: DialogueState;
  commands: Command[];
  userMessage: string;
  now: Date;
  newId: () => string;
  /**
   * The caller hands `state` over (freshly loaded, used by nothing else): the turn works on it
   * directly instead of on a copy. Default false: the input state is never mutated.
   */
  ownsState?: boolean;
}

/**
 * The working memory of one turn: a private copy of the state plus what the turn produced.
 * Step and command code mutate it; nothing outside sees it until the turn is done.
 */
export class Turn {
  readonly state: DialogueState;
  readonly messages: string[] = [];
  /** Indexes of `messages` said by `say` steps that may be reworded (settings.rephrase). */
  readonly rephrasable: number[] = [];
  readonly steps: ExecutedStep[] = [];
  readonly logs: LogEntry[] = [];
  /** What the user was asked before this turn (commands answer this question). */
  readonly previousWaiting: WaitingFor;
  /** The previous turn offered a human agent, so a "yes" in this one accepts it. */
  readonly offeredHandoff: boolean;
  /** Set when this turn's answer must not be followed by the pending question again. */
  suppressReask = false;

  constructor(readonly input: TurnInput) {
    this.state = input.ownsState ? input.state : structuredClone(input.state);
    this.previousWaiting = this.state.waiting_for;
    this.offeredHandoff = this.state.offered_handoff === true;
    // An offer is answered in the next turn or not at all.
    delete this.state.offered_handoff;
  }

  get domain(): LoadedDomain {
    return this.input.domain;
  }

  get settings(): Settings {
    return this.input.domain.domain.settings;
  }

  /** The built-in wording in the domain's language. */
  get catalog(): MessageCatalog {
    return messageCatalog(this.settings.language);
  }

  top(): FlowFrame | undefined {
    return this.state.flow_stack.at(-1);
  }

  frameByInstance(instanceId: string): FlowFrame | undefined {
    return this.state.flow_stack.find((f) => f.instance_id === instanceId);
  }

  say(text: string): void {
    if (text.trim() !== "") this.messages.push(text);
  }

  log(level: LogEntry["level"], msg: string, data?: Record<string, unknown>): void {
    this.logs.push(data ? { level, msg, data } : { level, msg });
  }

  record(frame: FlowFrame, node: StepNode, note?: string): void {
    const entry: ExecutedStep = { flow: frame.flow, step: node.id, type: node.step.type };
    if (note) entry.note = note;
    this.steps.push(entry);
  }

  newFrame(flow: string, slots: Record<string, SlotValue> = {}): FlowFrame {
    const graph = this.domain.graphs.get(flow);
    return {
      flow,
      instance_id: this.input.newId(),
      step: graph?.first ?? null,
      slots,
      loop_counts: {},
    };
  }

  /**
   * A template rendered with the frame's slots (plus extra values), slots in their `format` and
   * choice ids in their words (`choice_labels`). `stored`: the text becomes a slot value (a
   * `set` step), so choice ids stay ids.
   */
  render(
    template: string,
    values: Record<string, unknown>,
    options: { stored?: boolean } = {},
  ): string {
    return renderTemplate(template, values, {
      language: this.settings.language,
      formats: slotFormats(this.domain),
      ...(options.stored ? {} : { choices: slotChoiceWords(this.domain) }),
    });
  }

  /**
   * The pattern's message (domain override, else built-in in the domain's language); null when
   * the pattern is disabled. While a flow is active, `message_in_flow` is used when there is one.
   */
  pattern(
    name: PatternName,
    values: Record<string, unknown> = {},
    options: { idle?: boolean } = {},
  ): string | null {
    const config = this.domain.domain.patterns[name];
    if (!config.enabled) return null;
    const inFlow =
      this.state.flow_stack.length > 0 && !options.idle
        ? (config.message_in_flow ??
          (config.message === undefined ? this.catalog.patternsInFlow[name] : undefined))
        : undefined;
    const template = inFlow ?? config.message ?? this.catalog.patterns[name];
    return this.render(template, withCapabilities(template, values, this.catalog));
  }

  /** `idle`: the pattern's idle wording even while a flow is active. */
  sayPattern(
    name: PatternName,
    values: Record<string, unknown> = {},
    options: { idle?: boolean } = {},
  ): void {
    const text = this.pattern(name, values, options);
    if (text !== null) this.say(text);
  }

  /** How pattern messages name a flow: its title, else its description in lower case, else its name. */
  flowTitle(flow: string): string {
    const title = this.domain.domain.flows[flow]?.title;
    return title ?? this.flowSummary(flow);
  }

  /** What a flow does, for lists of choices: its description in lower case, else its name. */
  flowSummary(flow: string): string {
    const description = this.domain.domain.flows[flow]?.description;
    if (!description) return flow.replace(/_/g, " ");
    return description.charAt(0).toLowerCase() + description.slice(1);
  }

  /** Evaluates a condition; a broken one counts as false and is logged, never a crash. */
  evaluate(source: string, frame: FlowFrame): unknown {
    try {
      return compileExpression(source).evaluate(frame.slots);
    } catch (error) {
      this.log("error", "Condition could not be evaluated; treating it as false", {
        flow: frame.flow,
        condition: source,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  test(source: string, frame: FlowFrame): boolean {
    return isTruthy(this.evaluate(source, frame));
  }
}

const choicesByDomain = new WeakMap<LoadedDomain, Record<string, ChoiceWords>>();

/** How each choice slot's ids read in messages, computed once per loaded domain. */
export function slotChoiceWords(domain: LoadedDomain): Record<string, ChoiceWords> {
  let choices = choicesByDomain.get(domain);
  if (!choices) {
    choices = {};
    for (const [name, slot] of Object.entries(domain.domain.slots)) {
      const words = choiceWords(slot);
      if (words) choices[name] = words;
    }
    choicesByDomain.set(domain, choices);
  }
  return choices;
}

const formatsByDomain = new WeakMap<LoadedDomain, Record<string, TemplateFormat>>();

/** The `format` each slot declares, computed once per loaded domain. */
export function slotFormats(domain: LoadedDomain): Record<string, TemplateFormat> {
  let formats = formatsByDomain.get(domain);
  if (!formats) {
    formats = {};
    for (const [name, slot] of Object.entries(domain.domain.slots)) {
      if (slot.format) formats[name] = slot.format;
    }
    formatsByDomain.set(domain, formats);
  }
  return formats;
}

const CAPABILITIES = "{capabilities}";

/**
 * `{capabilities}` given as the flows' summaries, written as the message reads: a sentence of
 * its own ("I can help you: a; or b.") where the message has no lead-in, the bare list after
 * one ending in a colon ("I can help with: {capabilities}."), and no second full stop before
 * the message's own.
 */
function withCapabilities(
  template: string,
  values: Record<string, unknown>,
  catalog: MessageCatalog,
): Record<string, unknown> {
  const titles = values.capabilities;
  if (!Array.isArray(titles)) return values;
  const at = template.indexOf(CAPABILITIES);
  const ownLead = at >= 0 && titles.length > 0 && template.slice(0, at).trimEnd().endsWith(":");
  let text = ownLead ? catalog.capabilityList(titles) : catalog.capabilities(titles);
  if (at >= 0 && /^[.!?]/.test(template.slice(at + CAPABILITIES.length))) {
    text = text.replace(/[.!?]$/, "");
  }
  return { ...values, capabilities: text };
}
