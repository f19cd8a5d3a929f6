import type { LoadedDomain } from "../../config/loaded-domain.ts";
import { Analyzer } from "./analyzer.ts";
import { FlowIndex } from "./flow-index.ts";
import { buildSlotCatalog, type SlotInfo } from "./slot-catalog.ts";
import { SlotReader } from "./slot-reader.ts";
import { words } from "./text.ts";
import { buildTriggerCues, type SlotCue } from "./trigger-cues.ts";
import { AFFIRM, CANCEL, DENY, GOODBYE, GREETING, HELP, THANKS } from "./vocabulary.ts";

/** Everything the heuristic DU derives from one domain, built once and reused for every turn. */
export interface DomainModel {
  loaded: LoadedDomain;
  analyzer: Analyzer;
  index: FlowIndex;
  slots: Map<string, SlotInfo>;
  cues: Map<string, SlotCue[]>;
  reader: SlotReader;
  /** The slots each flow asks the user for (collect steps, and choice defaults of set steps), internal ones left out. */
  flowSlots: Map<string, SlotInfo[]>;
}

export function buildDomainModel(loaded: LoadedDomain, now: () => Date): DomainModel {
  const domain = loaded.domain;
  // Dialogue-act words are known words too, so "cancle" is corrected to "cancel".
  const actWords = [
    ...AFFIRM,
    ...DENY,
    ...CANCEL,
    ...HELP,
    ...GREETING,
    ...THANKS,
    ...GOODBYE,
  ].flatMap(words);
  const analyzer = new Analyzer(domain, actWords);
  const slots = buildSlotCatalog(domain, analyzer);
  const flowSlots = new Map<string, SlotInfo[]>();
  for (const [flow, graph] of loaded.graphs) {
    const list: SlotInfo[] = [];
    for (const id of graph.order) {
      const step = graph.nodes.get(id)!.step;
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
  }
  return {
    loaded,
    analyzer,
    index: new FlowIndex(
      domain,
      analyzer,
      new Map([...flowSlots].map(([flow, list]) => [flow, list.map((s) => s.name)])),
    ),
    slots,
    cues: buildTriggerCues(domain, analyzer),
    reader: new SlotReader(analyzer, domain.settings.language, now),
    flowSlots,
  };
}
