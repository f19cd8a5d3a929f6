import type { Severity } from "./errors.ts";
import type { SlotDefinition } from "./schema.ts";
import type { PathSegment } from "./yaml-source.ts";

type Report = (
  path: readonly PathSegment[],
  message: string,
  severity?: Severity,
  key?: boolean,
  code?: string,
) => void;

const wordsOf = (phrase: string): string[] => phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A one-word synonym of one slot that is a word of another slot's longer synonym ("power" for
 * electricity beside "no power" for a power cut): a message saying the longer phrase is read as
 * both values, so the warning says which phrase holds it. Once per synonym and other slot.
 */
export function validateSynonymOverlap(
  slots: ReadonlyMap<string, SlotDefinition>,
  report: Report,
): void {
  // The longer synonyms of every slot, by each of their words.
  const phrasesByWord = new Map<string, Array<{ slot: string; choice: string; phrase: string }>>();
  for (const [slot, def] of slots) {
    for (const [choice, phrases] of Object.entries(def.synonyms ?? {})) {
      for (const phrase of phrases ?? []) {
        const words = wordsOf(String(phrase));
        if (words.length < 2) continue;
        for (const w of new Set(words)) {
          const list = phrasesByWord.get(w) ?? [];
          list.push({ slot, choice, phrase: String(phrase) });
          phrasesByWord.set(w, list);
        }
      }
    }
  }
  for (const [slot, def] of slots) {
    for (const [choice, phrases] of Object.entries(def.synonyms ?? {})) {
      (phrases ?? []).forEach((phrase, i) => {
        const words = wordsOf(String(phrase));
        if (words.length !== 1) return;
        const seen = new Set<string>();
        for (const other of phrasesByWord.get(words[0]!) ?? []) {
          if (other.slot === slot || seen.has(other.slot)) continue;
          // "checked bag" for the same value in a slot sharing the choices names it, no other.
          if (other.choice === choice || (def.choices ?? []).map(String).includes(other.choice))
            continue;
          seen.add(other.slot);
          report(
            ["slots", slot, "synonyms", choice, i],
            `slot '${slot}': the synonym '${phrase}' of '${choice}' is a word of '${other.phrase}', a synonym of '${other.choice}' for slot '${other.slot}': a message saying "${other.phrase}" is read as both values; give '${phrase}' more words or drop it`,
            "warning",
            false,
            "synonym-inside-other-slot",
          );
        }
      });
    }
  }
}
