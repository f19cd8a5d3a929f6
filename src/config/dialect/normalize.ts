import type { DomainProblem } from "../errors.ts";
import { isPlainObject, type PlainObject } from "../plain-object.ts";
import type { Locator } from "../yaml-source.ts";
import { declareImplicitNames } from "./implicit.ts";
import { DialectReport, PathRemap } from "./report.ts";
import { normalizeSettings } from "./settings.ts";
import { chooseListedValues, hoistFlowSlots, normalizeSlot } from "./slots.ts";
import { askAgainInLoops, normalizeFlowSteps, type StepsOutcome } from "./steps.ts";

export interface DialectResult {
  /** Warnings (code `dialect.*`) for each original-dialect form rewritten, and errors for the unresolvable. */
  problems: DomainProblem[];
  /** Where each rewritten value was written, for locating later problems. */
  remap: PathRemap;
}

/**
 * Rewrites a merged domain written in the original Soni (Python) dialect into this version's
 * form, in place, before schema validation. A domain in the modern dialect comes out unchanged
 * and with no problems. `locate` finds paths of the document as written.
 */
export function normalizeDialect(data: PlainObject, locate: Locator): DialectResult {
  const report = new DialectReport(locate);
  const remap = new PathRemap();
  if (isPlainObject(data.settings)) normalizeSettings(data.settings, ["settings"], report, remap);
  normalizeDomainBody(data, report, remap);
  return { problems: report.problems, remap };
}

/**
 * Everything but settings (which `soni migrate` rewrites file by file). Names are declared
 * implicitly only in a domain that uses the original dialect somewhere (a warning reported
 * already, on `report` or before it): in a modern domain an undeclared name stays an error.
 */
export function normalizeDomainBody(
  data: PlainObject,
  report: DialectReport,
  remap: PathRemap,
  originalSettings = false,
): void {
  if (isPlainObject(data.slots)) {
    for (const [name, slot] of Object.entries(data.slots)) {
      if (isPlainObject(slot)) normalizeSlot(slot, ["slots", name], report);
    }
  }
  const outcome: StepsOutcome = { collectSettings: [], loopCollects: [] };
  if (isPlainObject(data.flows)) {
    for (const [name, flow] of Object.entries(data.flows)) {
      if (isPlainObject(flow))
        normalizeFlowSteps(name, flow, ["flows", name], report, remap, outcome);
    }
  }
  hoistFlowSlots(data, report, remap);
  if (originalSettings || report.count > 0) {
    declareImplicitNames(data, report, remap, outcome.collectSettings);
    askAgainInLoops(outcome, report);
    chooseListedValues(data);
  }
}
