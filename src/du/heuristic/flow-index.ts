import type { Domain } from "../../config/schema.ts";
import type { Analyzer } from "./analyzer.ts";

export interface FlowScore {
  flow: string;
  /** BM25 over unigrams and bigrams. */
  score: number;
  /** Share of the message's term weight this flow explains (0..1); unknown words count too. */
  coverage: number;
}

const K1 = 1.2;
const B = 0.5;
/** Weight of a message word no flow knows ("weather", "pizza"): it makes a match less certain. */
const UNKNOWN_WEIGHT = 1.0;
/** A capitalised unknown word is likely a name ("send it to Laura"), which says little. */
const NAME_WEIGHT = 0.25;

interface FlowDoc {
  flow: string;
  tf: Map<string, number>;
  length: number;
}

/**
 * BM25 ranking of the flows a user may start, over their trigger phrases, description and name
 * words. Internal flows are never indexed, so user text can never start them.
 */
export class FlowIndex {
  private readonly docs: FlowDoc[] = [];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(
    domain: Domain,
    private readonly analyzer: Analyzer,
  ) {
    for (const [flow, def] of Object.entries(domain.flows)) {
      if (def.internal) continue;
      const texts = [
        flow.replace(/_/g, " "),
        def.description ?? "",
        ...(def.trigger?.intents ?? []),
      ];
      const tf = new Map<string, number>();
      let length = 0;
      for (const text of texts) {
        for (const f of analyzer.features(text).features) {
          tf.set(f, (tf.get(f) ?? 0) + 1);
          length++;
        }
      }
      this.docs.push({ flow, tf, length });
      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
    this.avgLength = this.docs.reduce((n, d) => n + d.length, 0) / Math.max(1, this.docs.length);
  }

  private idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Flows with a positive score, best first. `markers` are `@slot` terms for values found in
   * the message (a choice, an amount), matching the `{slot}` placeholders of trigger phrases.
   */
  rank(text: string, markers: readonly string[] = [], only?: readonly string[]): FlowScore[] {
    const analyzed = this.analyzer.features(text);
    const features = [...analyzed.features, ...markers];
    const unigrams = new Set(features.filter((f) => !f.includes(" ")));
    let total = 0;
    for (const t of unigrams) {
      if (this.df.has(t)) total += this.idf(t);
      else if (!t.startsWith("@")) total += analyzed.names.has(t) ? NAME_WEIGHT : UNKNOWN_WEIGHT;
    }
    const scores: FlowScore[] = [];
    for (const doc of this.docs) {
      if (only && !only.includes(doc.flow)) continue;
      let score = 0;
      let explained = 0;
      for (const f of new Set(features)) {
        const tf = doc.tf.get(f);
        if (!tf) continue;
        const norm = tf + K1 * (1 - B + (B * doc.length) / this.avgLength);
        score += (this.idf(f) * tf * (K1 + 1)) / norm;
        if (unigrams.has(f)) explained += this.idf(f);
      }
      if (score > 0)
        scores.push({ flow: doc.flow, score, coverage: total ? explained / total : 0 });
    }
    return scores.sort((a, b) => b.score - a.score);
  }
}
