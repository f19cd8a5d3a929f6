import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { evaluateSetFile } from "../../src/runtime/evaluation/domain-evaluation.ts";

/**
 * Floors per example domain and set, a little under what the heuristic DU scores on them
 * (docs/understanding.md, "Evaluation on domains it was not written for"). `dev`, `holdout`,
 * `holdout2`, `round5`, `round7`, `round8`, (from the sixth round) `holdout3`, (from the seventh)
 * `holdout4`, (from the eighth) `holdout5`, (from the ninth) `round9` and every domain's
 * `holdout6`, (from the tenth) `round10`, `round10b` and every domain's `holdout7`, (from the
 * eleventh) `round11` and every domain's `holdout8`, (from the twelfth) `round12` and every
 * domain's `holdout9`, (from the thirteenth) `round13` and every domain's `holdout10`, (from the
 * fourteenth) `round14` and every domain's `holdout11`, and (from the fifteenth) every domain's
 * `holdout12` sets have been tuned on; `holdout13` (written before the fifteenth round) and
 * `final` never were, and their floors only guard against regressions. Raise a floor when the DU
 * gets better; a change that lowers a figure under its floor is a regression. Every set in an
 * example's eval/ folder has a floor (see the last test). The banking sets have their floors in
 * heuristic/evaluation-floor.test.ts.
 */
interface Floor {
  intent: number;
  slotPrecision: number;
  slotRecall: number;
  /** Share of the set's conversations completed. */
  completion: number;
}

const FLOORS: Record<string, Record<string, Floor>> = {
  pizza: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.95, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.99 },
    holdout: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout2: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout3: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout4: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    holdout5: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Tuned on from the ninth round.
    holdout6: { intent: 0.95, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.96 },
    // Written blind at the start of the ninth round from the YAML and handlers, second reader
    // checked; tuned on in the tenth round.
    holdout7: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the tenth round, second reader checked (no fix needed);
    // tuned on in the eleventh round.
    holdout8: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.96 },
    round5: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    round7: { intent: 0.96, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.99 },
    // Written blind at the start of the eleventh round, second reader checked (no fix needed);
    // tuned on in the twelfth round.
    holdout9: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the twelfth round, second reader checked; tuned on in the
    // thirteenth round.
    holdout10: { intent: 0.96, slotPrecision: 0.98, slotRecall: 0.96, completion: 0.99 },
    // Written blind at the start of the thirteenth round, second reader checked (no fix needed);
    // tuned on in the fourteenth round.
    holdout11: { intent: 0.96, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.96 },
    // Written blind at the start of the fourteenth round, second reader checked; never tuned on.
    holdout12: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    holdout13: { intent: 0.9, slotPrecision: 0.94, slotRecall: 0.94, completion: 0.92 },
  },
  hotel: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.94, completion: 0.99 },
    holdout: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout2: { intent: 0.95, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.99 },
    holdout3: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.95, completion: 0.99 },
    holdout4: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout5: { intent: 0.96, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Tuned on from the ninth round.
    holdout6: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the ninth round from the YAML and handlers, second reader
    // checked; tuned on in the tenth round.
    holdout7: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the tenth round, second reader checked (no fix needed);
    // tuned on in the eleventh round.
    holdout8: { intent: 0.98, slotPrecision: 0.98, slotRecall: 0.99, completion: 0.99 },
    round5: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the eleventh round, second reader checked (no fix needed);
    // tuned on in the twelfth round.
    holdout9: { intent: 0.98, slotPrecision: 0.98, slotRecall: 0.99, completion: 0.96 },
    // Written blind at the start of the twelfth round, second reader checked; tuned on in the
    // thirteenth round.
    holdout10: { intent: 0.95, slotPrecision: 0.97, slotRecall: 0.95, completion: 0.99 },
    // Written blind at the start of the thirteenth round, second reader checked (no fix needed);
    // tuned on in the fourteenth round.
    holdout11: { intent: 0.93, slotPrecision: 0.97, slotRecall: 0.96, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; never tuned on.
    holdout12: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    holdout13: { intent: 0.95, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.96 },
  },
  clinic: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.9, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout2: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout3: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    holdout4: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.96, completion: 0.96 },
    holdout5: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Tuned on from the ninth round.
    holdout6: { intent: 0.96, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the ninth round from the YAML and handlers, second reader
    // checked; tuned on in the tenth round.
    holdout7: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the tenth round, second reader checked (no fix needed);
    // tuned on in the eleventh round.
    holdout8: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    round5: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind in the tenth round (first messages first), scored once untuned, then tuned on.
    round10b: { intent: 0.94, slotPrecision: 0.98, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the eleventh round, second reader checked (no fix needed);
    // tuned on in the twelfth round.
    holdout9: { intent: 0.97, slotPrecision: 0.98, slotRecall: 0.97, completion: 0.99 },
    // Written blind at the start of the twelfth round, second reader checked; tuned on in the
    // thirteenth round.
    holdout10: { intent: 0.92, slotPrecision: 0.94, slotRecall: 0.97, completion: 0.99 },
    // Written blind at the start of the thirteenth round, second reader checked (no fix needed);
    // tuned on in the fourteenth round.
    holdout11: { intent: 0.97, slotPrecision: 0.98, slotRecall: 0.97, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; never tuned on.
    holdout12: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout13: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
  },
  telecom: {
    dev: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.93, slotPrecision: 0.96, slotRecall: 0.99, completion: 0.99 },
    holdout: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.93 },
    holdout2: { intent: 0.96, slotPrecision: 0.97, slotRecall: 0.97, completion: 0.99 },
    holdout3: { intent: 0.99, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.99 },
    holdout4: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout5: { intent: 0.96, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.99 },
    // Tuned on from the ninth round.
    holdout6: { intent: 0.95, slotPrecision: 0.95, slotRecall: 0.99, completion: 0.96 },
    // Written blind at the start of the ninth round from the YAML and handlers, second reader
    // checked; tuned on in the tenth round.
    holdout7: { intent: 0.96, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the tenth round, second reader checked (no fix needed);
    // tuned on in the eleventh round.
    holdout8: { intent: 0.91, slotPrecision: 0.96, slotRecall: 0.99, completion: 0.96 },
    round5: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    round7: { intent: 0.94, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the eleventh round, second reader checked (no fix needed);
    // tuned on in the twelfth round.
    holdout9: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the twelfth round, second reader checked; tuned on in the
    // thirteenth round.
    holdout10: { intent: 0.94, slotPrecision: 0.97, slotRecall: 0.97, completion: 0.96 },
    // Written blind at the start of the thirteenth round, second reader checked (no fix needed);
    // tuned on in the fourteenth round.
    holdout11: { intent: 0.93, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; never tuned on.
    holdout12: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    holdout13: { intent: 0.95, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.99 },
  },
  // Written by a new author from the docs alone; dev after the author's own YAML fixes, final
  // never looked at beyond its totals.
  "car-rental": {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.97, slotRecall: 0.91, completion: 0.99 },
    round8: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the ninth round, scored once untuned, then tuned on.
    round9: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
  },
  // A second new author's domain (seventh round); the same reading as car-rental's.
  tickets: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.92, slotRecall: 0.99, completion: 0.93 },
    // Written at the start of the eighth round from the YAML and handlers, then tuned on.
    round8: { intent: 0.97, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the ninth round, scored once untuned, then tuned on.
    round9: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the tenth round, scored once untuned, then tuned on.
    round10: { intent: 0.94, slotPrecision: 0.98, slotRecall: 0.95, completion: 0.99 },
    // Written blind at the start of the eleventh round, scored once untuned, then tuned on.
    round11: { intent: 0.94, slotPrecision: 0.98, slotRecall: 0.96, completion: 0.99 },
  },
  // A third new author's domain (seventh round); the same reading as car-rental's.
  gym: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.96, slotRecall: 0.97, completion: 0.99 },
    // Written at the start of the eighth round from the YAML and handlers, then tuned on.
    round8: { intent: 0.97, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the ninth round, scored once untuned, then tuned on.
    round9: { intent: 0.91, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind at the start of the tenth round, scored once untuned, then tuned on.
    round10: { intent: 0.94, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the eleventh round, scored once untuned, then tuned on.
    round11: { intent: 0.94, slotPrecision: 0.98, slotRecall: 0.99, completion: 0.99 },
  },
  // A fourth new author's domain (eighth round, in Spanish); the same reading as car-rental's,
  // dev tuned on after the author's YAML fixes.
  salon: {
    dev: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind from the domain's YAML and handlers, scored once untuned, then tuned on.
    round8: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.99 },
    final: { intent: 0.92, slotPrecision: 0.92, slotRecall: 0.94, completion: 0.99 },
    // Written blind at the start of the tenth round, scored once untuned, then tuned on.
    round10: { intent: 0.95, slotPrecision: 0.97, slotRecall: 0.94, completion: 0.95 },
    // Written blind at the start of the eleventh round, scored once untuned, then tuned on.
    round11: { intent: 0.91, slotPrecision: 0.98, slotRecall: 0.94, completion: 0.99 },
  },
  // A fifth new author's domain (eighth round); the same reading as car-rental's.
  library: {
    dev: { intent: 0.98, slotPrecision: 0.97, slotRecall: 0.95, completion: 0.99 },
    final: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.97, completion: 0.99 },
  },
  // A sixth new author's domain (ninth round, an IT service desk); the same reading as
  // car-rental's, dev tuned on by the author's YAML fixes only.
  helpdesk: {
    dev: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.95, slotPrecision: 0.9, slotRecall: 0.92, completion: 0.86 },
    // Written blind at the start of the tenth round, scored once untuned, then tuned on.
    round10: { intent: 0.93, slotPrecision: 0.98, slotRecall: 0.93, completion: 0.99 },
    // Written blind at the start of the eleventh round, scored once untuned, then tuned on.
    round11: { intent: 0.98, slotPrecision: 0.96, slotRecall: 0.95, completion: 0.99 },
    // Written blind at the start of the twelfth round, scored once untuned, then tuned on.
    round12: { intent: 0.96, slotPrecision: 0.96, slotRecall: 0.91, completion: 0.99 },
    // Written blind at the start of the thirteenth round, scored once untuned, then tuned on.
    round13: { intent: 0.96, slotPrecision: 0.98, slotRecall: 0.93, completion: 0.95 },
    // Written blind at the start of the fourteenth round, second reader checked; tuned on in
    // the fourteenth round.
    round14: { intent: 0.84, slotPrecision: 0.87, slotRecall: 0.84, completion: 0.99 },
  },
  // A seventh new author's domain (ninth round, in Spanish); the same reading as car-rental's, dev
  // tuned on after the author's YAML fixes.
  autobuses: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.92, slotPrecision: 0.96, slotRecall: 0.93, completion: 0.93 },
  },
  // An eighth new author's domain (tenth round, in Spanish, a vet); the same reading as
  // car-rental's, dev tuned on by the author's YAML fixes and the framework fixes of their list.
  veterinaria: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    // Written blind in the tenth round (b), scored once untuned, then tuned on.
    round10b: { intent: 0.96, slotPrecision: 0.99, slotRecall: 0.84, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.92, slotRecall: 0.9, completion: 0.99 },
    // Written blind at the start of the eleventh round, scored once untuned, then tuned on.
    round11: { intent: 0.94, slotPrecision: 0.92, slotRecall: 0.97, completion: 0.99 },
    // Written blind at the start of the twelfth round, scored once untuned, then tuned on.
    round12: { intent: 0.93, slotPrecision: 0.99, slotRecall: 0.87, completion: 0.95 },
    // Written blind at the start of the thirteenth round, scored once untuned, then tuned on.
    round13: { intent: 0.94, slotPrecision: 0.98, slotRecall: 0.92, completion: 0.99 },
  },
  // A ninth new author's domain (tenth round, an airline); the same reading as car-rental's,
  // dev tuned on by the author's YAML fixes, then by the framework fixes of the author's list.
  airline: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.94, slotPrecision: 0.97, slotRecall: 0.99, completion: 0.93 },
    // Written blind in the tenth round (b), scored once untuned, then tuned on.
    round10b: { intent: 0.91, slotPrecision: 0.96, slotRecall: 0.99, completion: 0.96 },
    // Written blind at the start of the eleventh round, scored once untuned, then tuned on.
    round11: { intent: 0.94, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the twelfth round, scored once untuned, then tuned on.
    round12: { intent: 0.97, slotPrecision: 0.97, slotRecall: 0.95, completion: 0.99 },
    // Written blind at the start of the thirteenth round, scored once untuned, then tuned on.
    round13: { intent: 0.98, slotPrecision: 0.95, slotRecall: 0.98, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; tuned on in
    // the fourteenth round.
    round14: { intent: 0.94, slotPrecision: 0.97, slotRecall: 0.96, completion: 0.95 },
  },
  // A tenth new author's domain (eleventh round, in Spanish, a parcel courier); the same reading
  // as car-rental's, dev tuned on by the author's YAML fixes and the framework fixes of their list.
  paqueteria: {
    dev: { intent: 0.99, slotPrecision: 0.98, slotRecall: 0.98, completion: 0.99 },
    final: { intent: 0.88, slotPrecision: 0.94, slotRecall: 0.92, completion: 0.93 },
    // Written blind at the start of the twelfth round, scored once untuned, then tuned on.
    round12: { intent: 0.87, slotPrecision: 0.98, slotRecall: 0.97, completion: 0.95 },
    // Written blind at the start of the thirteenth round, scored once untuned, then tuned on.
    round13: { intent: 0.91, slotPrecision: 0.98, slotRecall: 0.94, completion: 0.95 },
    // Written blind at the start of the fourteenth round, second reader checked; tuned on in
    // the fourteenth round.
    round14: { intent: 0.9, slotPrecision: 0.96, slotRecall: 0.89, completion: 0.9 },
  },
  // An eleventh new author's domain (twelfth round, in Spanish, a chain of car repair garages);
  // the same reading as car-rental's, dev tuned on by the author's YAML fixes.
  taller: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.9, slotPrecision: 0.94, slotRecall: 0.91, completion: 0.99 },
    // Written blind at the start of the thirteenth round, scored once untuned, then tuned on.
    round13: { intent: 0.93, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.95 },
  },
  // A twelfth new author's domain (twelfth round, an electricity and gas supplier); the same
  // reading as car-rental's, dev tuned on by the author's YAML fixes.
  energy: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.9, slotPrecision: 0.94, slotRecall: 0.97, completion: 0.99 },
    // Written blind at the start of the thirteenth round, scored once untuned, then tuned on.
    round13: { intent: 0.94, slotPrecision: 0.97, slotRecall: 0.94, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; tuned on in
    // the fourteenth round.
    round14: { intent: 0.85, slotPrecision: 0.93, slotRecall: 0.89, completion: 0.95 },
  },
  // A thirteenth new author's domain (thirteenth round, in Spanish, a chain of language schools);
  // the same reading as car-rental's, dev tuned on by the author's YAML fixes.
  academia: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.98, completion: 0.99 },
    final: { intent: 0.89, slotPrecision: 0.98, slotRecall: 0.92, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; tuned on in
    // the fourteenth round.
    round14: { intent: 0.76, slotPrecision: 0.95, slotRecall: 0.89, completion: 0.99 },
  },
  // A fourteenth new author's domain (thirteenth round, a home and car insurer); the same reading
  // as car-rental's, dev tuned on by the author's YAML fixes.
  insurance: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.98, slotRecall: 0.96, completion: 0.99 },
    // Written blind at the start of the fourteenth round, second reader checked; tuned on in
    // the fourteenth round.
    round14: { intent: 0.83, slotPrecision: 0.88, slotRecall: 0.82, completion: 0.9 },
  },
  // A new author's domain (fourteenth round), written from the docs alone; final never tuned on.
  pharmacy: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.93, slotPrecision: 0.95, slotRecall: 0.92, completion: 0.86 },
  },
  // A new author's domain in Spanish (fourteenth round), written from the docs alone; final never
  // tuned on.
  ayuntamiento: {
    dev: { intent: 0.98, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.91, slotRecall: 0.91, completion: 0.86 },
  },
  // A new author's domain in Spanish (fifteenth round), written from the docs alone; final never
  // tuned on.
  dental: {
    dev: { intent: 0.99, slotPrecision: 0.98, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.91, slotPrecision: 0.97, slotRecall: 0.97, completion: 0.94 },
  },
  // A new author's domain (fifteenth round), written from the docs alone; final never tuned on.
  lettings: {
    dev: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99, completion: 0.99 },
    final: { intent: 0.93, slotPrecision: 0.91, slotRecall: 0.93, completion: 0.99 },
  },
};

/**
 * Share of conversations completed in each domain's `turns.yaml`: extra tuning conversations
 * for corrections, declined and several values, list edits and confirmations (no single
 * messages).
 */
const TURNS_FLOORS: Record<string, number> = {
  pizza: 0.99,
  hotel: 0.99,
  clinic: 0.99,
  telecom: 0.99,
};

/**
 * First-message floors of each domain's `paraphrases.yaml`: requests worded apart from the
 * triggers (indirect requests, stories, slang), a tuning set of the paraphrase round.
 */
const PARAPHRASE_FLOORS: Record<string, Omit<Floor, "completion">> = {
  pizza: { intent: 0.94, slotPrecision: 0.95, slotRecall: 0.99 },
  hotel: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99 },
  clinic: { intent: 0.99, slotPrecision: 0.99, slotRecall: 0.99 },
  telecom: { intent: 0.86, slotPrecision: 0.9, slotRecall: 0.99 },
};

const examples = path.join(import.meta.dirname, "../../examples");
const cases = Object.entries(FLOORS).flatMap(([domain, sets]) =>
  Object.entries(sets).map(([set, floor]) => [domain, set, floor] as const),
);

describe("heuristic DU on the example domains it was not written for", () => {
  it.each(cases)("%s %s stays above its floor", async (domain, set, floor) => {
    const result = await evaluateSetFile(
      path.join(examples, domain, "eval", `${set}.yaml`),
      (now) => new HeuristicUnderstanding({ now }),
      { warmUp: false },
    );
    const { firstTurn, multiTurn } = result;
    expect(firstTurn.cases).toBeGreaterThanOrEqual(set.startsWith("round") ? 30 : 40);
    expect(multiTurn?.conversations ?? 0).toBeGreaterThanOrEqual(set.startsWith("round") ? 10 : 15);
    const misses = [
      ...firstTurn.results
        .filter((r) => !r.exact)
        .map(
          (r) =>
            `${JSON.stringify(r.case.text)}: expected ${r.case.intent}, got ${JSON.stringify(r.commands)}`,
        ),
      ...(multiTurn?.results ?? [])
        .filter((r) => !r.completed)
        .map((r) => `conversation "${r.conversation.name}": calls ${JSON.stringify(r.calls)}`),
    ].join("\n");
    expect(firstTurn.intentAccuracy, misses).toBeGreaterThanOrEqual(floor.intent);
    expect(firstTurn.slotPrecision, misses).toBeGreaterThanOrEqual(floor.slotPrecision);
    expect(firstTurn.slotRecall, misses).toBeGreaterThanOrEqual(floor.slotRecall);
    expect(multiTurn?.completion ?? 0, misses).toBeGreaterThanOrEqual(floor.completion);
  });

  it.each(Object.entries(PARAPHRASE_FLOORS))(
    "%s paraphrases stays above its floor",
    async (domain, floor) => {
      const { firstTurn } = await evaluateSetFile(
        path.join(examples, domain, "eval", "paraphrases.yaml"),
        (now) => new HeuristicUnderstanding({ now }),
        { warmUp: false },
      );
      const misses = firstTurn.results
        .filter((r) => !r.exact)
        .map(
          (r) =>
            `${JSON.stringify(r.case.text)}: expected ${r.case.intent}, got ${JSON.stringify(r.commands)}`,
        )
        .join("\n");
      expect(firstTurn.cases).toBeGreaterThanOrEqual(25);
      expect(firstTurn.intentAccuracy, misses).toBeGreaterThanOrEqual(floor.intent);
      expect(firstTurn.slotPrecision, misses).toBeGreaterThanOrEqual(floor.slotPrecision);
      expect(firstTurn.slotRecall, misses).toBeGreaterThanOrEqual(floor.slotRecall);
    },
  );

  it.each(Object.entries(TURNS_FLOORS))(
    "%s turns completes its conversations",
    async (domain, floor) => {
      const { multiTurn } = await evaluateSetFile(
        path.join(examples, domain, "eval", "turns.yaml"),
        (now) => new HeuristicUnderstanding({ now }),
        { warmUp: false },
      );
      const failed = (multiTurn?.results ?? [])
        .filter((r) => !r.completed)
        .map((r) => `conversation "${r.conversation.name}": calls ${JSON.stringify(r.calls)}`)
        .join("\n");
      expect(multiTurn?.conversations ?? 0).toBeGreaterThanOrEqual(10);
      expect(multiTurn?.completion ?? 0, failed).toBeGreaterThanOrEqual(floor);
    },
  );

  it("has a floor for every set in every example's eval folder", () => {
    const special = new Set(["paraphrases.yaml", "turns.yaml"]);
    for (const domain of Object.keys(FLOORS)) {
      const sets = readdirSync(path.join(examples, domain, "eval"))
        .filter((n) => n.endsWith(".yaml") && !special.has(n))
        .map((n) => n.replace(/\.yaml$/, ""));
      expect(Object.keys(FLOORS[domain]!).sort(), domain).toEqual(sets.sort());
    }
    const domains = readdirSync(examples).filter((d) => {
      try {
        return readdirSync(path.join(examples, d, "eval")).length > 0;
      } catch {
        return false;
      }
    });
    expect(Object.keys(FLOORS).sort()).toEqual(domains.sort());
  });
});
