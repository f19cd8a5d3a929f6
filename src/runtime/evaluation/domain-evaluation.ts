import path from "node:path";
import { loadDomain } from "../../config/loader.ts";
import type { DialogueUnderstanding } from "../../du/understanding.ts";
import { loadHandlers } from "../handler-loader.ts";
import { type ConversationReport, runConversations } from "./conversations.ts";
import { readDomainEvalSet } from "./eval-file.ts";
import { type FirstTurnReport, scoreFirstTurns } from "./first-turn.ts";

export interface SetEvaluation {
  /** The set's file name without extension ("dev", "final"). */
  set: string;
  file: string;
  firstTurn: FirstTurnReport;
  /** Undefined when the set holds no conversation. */
  multiTurn: ConversationReport | undefined;
}

/**
 * Evaluates one set file: its single messages on the DU, its conversations through the
 * runtime with the domain's handlers. `makeDu` builds the understanding for the set's date.
 * Unless `warmUp` is false, a first pass runs unmeasured, so latencies are steady-state (index
 * build and JIT excluded).
 */
export async function evaluateSetFile(
  file: string,
  makeDu: (now: () => Date) => DialogueUnderstanding,
  options: { warmUp?: boolean } = {},
): Promise<SetEvaluation> {
  const { set, domainPath } = await readDomainEvalSet(file);
  const domain = await loadDomain(domainPath);
  const today = new Date(`${set.today}T12:00:00Z`);
  const now = () => today;
  const du = makeDu(now);
  if (options.warmUp !== false) await scoreFirstTurns(du, domain, set.cases);
  const firstTurn = await scoreFirstTurns(du, domain, set.cases);
  let multiTurn: ConversationReport | undefined;
  if (set.conversations.length > 0) {
    const { handlers } = await loadHandlers(domain);
    multiTurn = await runConversations(domain, set.conversations, { du, handlers, now });
  }
  return { set: path.basename(file).replace(/\.ya?ml$/i, ""), file, firstTurn, multiTurn };
}
