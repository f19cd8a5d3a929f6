import type { Domain } from "../config/schema.ts";

/**
 * The phrases that start a flow: its trigger phrases, then the phrasings under
 * `examples.flows` (written by hand or by `soni optimize`). Both DUs read flows through this.
 */
export function flowPhrases(domain: Domain, flow: string): string[] {
  const triggers = domain.flows[flow]?.trigger?.intents ?? [];
  const examples = Object.hasOwn(domain.examples.flows, flow) ? domain.examples.flows[flow]! : [];
  return examples.length ? [...triggers, ...examples] : triggers;
}
