import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { readActs } from "./acts.ts";
import { Analyzer } from "./analyzer.ts";
import { FlowIndex } from "./flow-index.ts";
import type { LanguagePack } from "./language/pack.ts";
import {
  AFFIRM,
  CANCEL,
  DENY,
  ENCLITICS,
  GOODBYE,
  GREETING,
  HELP,
  handoffPattern,
  PACKS,
  STOP_WORDS,
  TEXTING_FORMS,
  THANKS,
  WH_QUESTION,
} from "./language/words.ts";
import { buildSlotCatalog, type SlotInfo } from "./slot-catalog.ts";
import { SlotReader } from "./slot-reader.ts";
import { flat, words } from "./text.ts";
import { addPromptCues, buildTriggerCues, type SlotCue } from "./trigger-cues.ts";

/** Everything the heuristic DU derives from one domain, built once and reused for every turn. */
export interface DomainModel {
  loaded: LoadedDomain;
  analyzer: Analyzer;
  index: FlowIndex;
  slots: Map<string, SlotInfo>;
  cues: Map<string, SlotCue[]>;
  reader: SlotReader;
  /**
   * Flows that only greet: most of their trigger phrases are greetings ("hello", "hi there").
   * A greeting never starts them alongside another request, nor as a digression.
   */
  greetings: ReadonlySet<string>;
  /**
   * The one flow that says what the assistant does: half or more of its trigger phrases ask
   * for help ("qué puedes hacer"). A help request of a first message starts it.
   */
  helpFlow: string | undefined;
  /** Relation words a person may be named by: the language packs' and the domain's. */
  relations: ReadonlySet<string>;
  /**
   * Asking for a person ("I want to talk to an agent"), the domain's own staff words (vocabulary
   * `staff`: "can I talk to a librarian") counted with the packs' generic nouns.
   */
  handoff: RegExp;
  /** Words that make a clause of a long story a request: the packs' and each trigger's first. */
  asks: RegExp;
  /** Flows with a trigger phrase that is a question by a question word ("how many bags ..."). */
  questionFlows: ReadonlySet<string>;
  /** The slots each flow asks the user for (collect steps, and choice defaults of set steps), internal ones left out. */
  flowSlots: Map<string, SlotInfo[]>;
  /** The questions each flow's collect steps ask in their own words, by flow and slot. */
  stepPrompts: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

export function buildDomainModel(loaded: LoadedDomain, now: () => Date): DomainModel {
  const domain = loaded.domain;
  // Dialogue-act words are known words too, so "cancle" is corrected to "cancel". One that is
  // another act word with pronouns attached ("cancelarlo") is no word of its own: the ranking
  // reads it as that verb, as it reads any verb said so; the act cues read it as typed.
  const acts = [...AFFIRM, ...DENY, ...CANCEL, ...HELP, ...GREETING, ...THANKS, ...GOODBYE].flatMap(
    words,
  );
  const known = new Set(acts);
  const attached = (w: string) =>
    ENCLITICS.some((re) => {
      const verb = re.exec(w)?.[1];
      return verb !== undefined && known.has(verb);
    });
  const actWords = [
    ...acts.filter((w) => !attached(w)),
    // "librarian" is a staff word of the domain, not "library" typed wrong.
    ...domain.vocabulary.staff.flatMap(words),
  ];
  const analyzer = new Analyzer(domain, actWords);
  const pack: LanguagePack = PACKS.find((p) => p.code === domain.settings.language) ?? PACKS[0]!;
  const slots = buildSlotCatalog(domain, analyzer, pack);
  const relations = new Set([
    ...PACKS.flatMap((p) => p.relations),
    ...domain.vocabulary.relations.flatMap(words),
  ]);
  // "my bf and me": a texting form of a relation word is that relation.
  for (const [form, word] of TEXTING_FORMS) if (relations.has(word)) relations.add(form);
  const flowSlots = new Map<string, SlotInfo[]>();
  // The questions each flow's collect steps ask in their own words, by slot.
  const stepPrompts = new Map<string, Map<string, string[]>>();
  for (const [flow, graph] of loaded.graphs) {
    const list: SlotInfo[] = [];
    const prompts = new Map<string, string[]>();
    for (const id of graph.order) {
      const step = graph.nodes.get(id)!.step;
      if (step.type === "collect" && step.prompt) {
        prompts.set(step.slot, [...(prompts.get(step.slot) ?? []), step.prompt]);
      }
      // A `set` step giving a user-facing choice slot a default (the account a bill is paid
      // from) makes it a value the user may state or correct, like a collected one.
      const named =
        step.type === "collect"
          ? [step.slot]
          : step.type === "set"
            ? Object.keys(step.slots).filter((slot) => slots.get(slot)?.kind === "choice")
            : [];
      for (const name of named) {
        const info = slots.get(name);
        if (info && !info.def.internal && !list.includes(info)) list.push(info);
      }
    }
    flowSlots.set(flow, list);
    stepPrompts.set(flow, prompts);
  }
  const cues = buildTriggerCues(domain, analyzer);
  for (const info of slots.values()) {
    if (!info.nameLike) continue;
    const asking = [...flowSlots.values()].filter((list) => list.includes(info));
    const phrased = [...cues.values()].some((list) => list.some((c) => c.slot === info.name));
    info.leadable = phrased && asking.every((list) => !list.some((s) => s.place || s.address));
  }
  addPromptCues(cues, flowSlots, analyzer, stepPrompts);
  return {
    loaded,
    analyzer,
    index: new FlowIndex(
      domain,
      analyzer,
      new Map([...flowSlots].map(([flow, list]) => [flow, list.map((s) => s.name)])),
      new Set([...slots.values()].filter((s) => s.kind === "text" && s.place).map((s) => s.name)),
    ),
    slots,
    cues,
    reader: new SlotReader(
      analyzer,
      domain.settings.language,
      now,
      relations,
      [...slots.values()].filter((s) => s.kind === "number" && !s.def.internal),
    ),
    flowSlots,
    stepPrompts,
    relations,
    handoff: handoffPattern(domain.vocabulary.staff.map(flat)),
    asks: asksPattern(domain),
    questionFlows: questionFlows(domain),
    greetings: greetingFlows(domain),
    helpFlow: helpFlow(domain),
  };
}

/**
 * A clause asks for something when it has a request word of a language pack ("want", "can") or
 * starts like one of the domain's trigger phrases does ("send ...", "block ...").
 */
function questionFlows(domain: LoadedDomain["domain"]): Set<string> {
  const asked = new Set<string>();
  for (const [name, flow] of Object.entries(domain.flows)) {
    const phrases = [...(flow.trigger?.intents ?? []), ...(domain.examples.flows[name] ?? [])];
    if (phrases.some((p) => WH_QUESTION.test(flat(p)))) asked.add(name);
  }
  return asked;
}

function asksPattern(domain: LoadedDomain["domain"]): RegExp {
  const verbs = new Set<string>();
  for (const [name, flow] of Object.entries(domain.flows)) {
    if (flow.internal) continue;
    for (const phrase of [
      ...(flow.trigger?.intents ?? []),
      ...(domain.examples.flows[name] ?? []),
    ]) {
      const first = words(phrase)[0];
      if (first && /^[a-z]+$/.test(first) && !STOP_WORDS.has(first)) verbs.add(first);
    }
  }
  const own = verbs.size ? `|\\b(?:${[...verbs].join("|")})\\b` : "";
  return new RegExp(`${PACKS.map((p) => `(?:${p.asks})`).join("|")}${own}`, "i");
}

/** The one flow whose trigger phrases mostly ask for help; undefined with none or several. */
function helpFlow(domain: LoadedDomain["domain"]): string | undefined {
  const found: string[] = [];
  for (const [name, flow] of Object.entries(domain.flows)) {
    const phrases = flow.trigger?.intents ?? [];
    const asking = phrases.filter((p) => {
      const acts = readActs(flat(p));
      return acts.help || acts.helpQuestion;
    }).length;
    if (!flow.internal && phrases.length > 0 && asking * 2 >= phrases.length) found.push(name);
  }
  return found.length === 1 ? found[0] : undefined;
}

function greetingFlows(domain: LoadedDomain["domain"]): Set<string> {
  const out = new Set<string>();
  for (const [name, flow] of Object.entries(domain.flows)) {
    const phrases = flow.trigger?.intents ?? [];
    const greeting = phrases.filter((p) => readActs(flat(p)).greeting).length;
    if (!flow.internal && phrases.length > 0 && greeting * 2 >= phrases.length) out.add(name);
  }
  return out;
}
