import type { Domain } from "../../config/schema.ts";
import { flowPhrases } from "../flow-phrases.ts";
import { type Analyzer, PLACEHOLDER } from "./analyzer.ts";
import { ARTICLES, POSSESSIVES, PREPOSITIONS, STOP_WORDS, WH_QUESTION } from "./language/words.ts";
import type { SlotInfo } from "./slot-catalog.ts";
import { tokenize } from "./text.ts";

/**
 * The words around a `{slot}` placeholder in a flow's trigger phrases: `send {amount} to
 * {beneficiary_name}` teaches that a number after "send" is the amount and the name after "to"
 * is the beneficiary. Words are stored as analyzer keys, so "wire 50 to Ana" matches too.
 */
export interface SlotCue {
  slot: string;
  before: string | null;
  after: string | null;
  /**
   * The word before `before` when that is an article ("a las {hour}"): free text is read after
   * both only, as "las" alone also opens "las piernas".
   */
  lead?: string;
  /**
   * With `lead`, for a name slot: the other content words of the phrase before the placeholder
   * ("toca" of "cuándo le toca el baño a {nombre}"). A name after the cue word reads as well
   * right after one of them ("cuándo le toca a Kira lo del baño"): a name needs no article.
   */
  phraseWords?: string[];
  /** Learnt from the slot's question, not a trigger phrase: it reads values, never ranks flows. */
  prompt?: true;
}

export function buildTriggerCues(domain: Domain, analyzer: Analyzer): Map<string, SlotCue[]> {
  const out = new Map<string, SlotCue[]>();
  for (const flow of Object.keys(domain.flows)) {
    const cues: SlotCue[] = [];
    for (const phrase of flowPhrases(domain, flow)) {
      const parts = phrase.split(PLACEHOLDER);
      // split() with a capture group alternates literal, slot name, literal, ...
      for (let i = 1; i < parts.length; i += 2) {
        const slot = parts[i]!;
        const beforeWords = tokenize(parts[i - 1] ?? "");
        const afterWords = tokenize(parts[i + 1] ?? "");
        const before = beforeWords.at(-1);
        const after = afterWords[0];
        const cue: SlotCue = {
          slot,
          before: before ? analyzer.key(before.norm) : null,
          after: after ? analyzer.key(after.norm) : null,
        };
        const lead = beforeWords.at(-2);
        // "and my {account_type}?": a possessive, as an article, opens any noun ("my balance").
        if (before && lead && (ARTICLES.has(before.norm) || POSSESSIVES.has(before.norm))) {
          cue.lead = analyzer.key(lead.norm);
          cue.phraseWords = beforeWords
            .slice(0, -2)
            .filter((w) => !STOP_WORDS.has(w.norm))
            .map((w) => analyzer.key(w.norm));
        }
        const same = cues.findIndex(
          (c) => c.slot === slot && c.before === cue.before && c.after === cue.after,
        );
        // "mandar un paquete a {destino}" and "de {recogida} a {destino}": a cue word needing no
        // lead word in one phrase needs none, though another phrase has one before it.
        if (same < 0) cues.push(cue);
        else if (cues[same]!.lead && !cue.lead) cues[same] = cue;
      }
    }
    out.set(flow, cues);
  }
  return out;
}

/**
 * A question that starts or ends with a preposition names the word its answer follows in a
 * sentence: "At which address is the problem?" ("... at Calle Luna 3"), "What name should I
 * put the table under?" ("table for 3 under Garcia"). Each flow gets those cues for the slots
 * it asks, after the cues of its trigger phrases: from the slot's prompt and from the prompts
 * its collect steps ask instead ("Where would you like to fly to?").
 */
export function addPromptCues(
  cues: Map<string, SlotCue[]>,
  flowSlots: ReadonlyMap<string, readonly SlotInfo[]>,
  analyzer: Analyzer,
  stepPrompts: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map(),
): void {
  for (const [flow, slots] of flowSlots) {
    const list = cues.get(flow) ?? [];
    for (const slot of slots) {
      const prompts = [slot.def.prompt, ...(stepPrompts.get(flow)?.get(slot.name) ?? [])];
      for (const text of prompts) {
        const prompt = text?.trim();
        if (!prompt?.includes("?")) continue;
        const question = prompt.slice(0, prompt.indexOf("?"));
        const words = tokenize(question);
        const first = words[0]?.norm;
        const last = words.at(-1)?.norm;
        // A leading preposition is the answer's only before a question word ("At which
        // address ...?"); before other words it frames the question ("In a few words, what
        // went wrong?") and cues nothing.
        const asked = WH_QUESTION.test(
          words
            .slice(1)
            .map((w) => w.norm)
            .join(" "),
        );
        for (const word of [asked ? first : undefined, last]) {
          if (!word || !PREPOSITIONS.has(word) || words.length < 2) continue;
          const cue: SlotCue = {
            slot: slot.name,
            before: analyzer.key(word),
            after: null,
            prompt: true,
          };
          if (!list.some((c) => c.slot === cue.slot && c.before === cue.before && !c.after)) {
            list.push(cue);
          }
        }
      }
    }
    cues.set(flow, list);
  }
}
