import { DomainLoadError } from "../../config/errors.ts";
import { loadDomain } from "../../config/loader.ts";
import { stateFor } from "../../du/evaluation.ts";
import { explainMessage, formatExplanation } from "../../du/heuristic/explain.ts";
import { HeuristicUnderstanding } from "../../du/heuristic/heuristic-understanding.ts";

export interface ExplainOptions {
  context?: string;
  slots?: string;
  json?: boolean;
  /** The day relative dates are read from ("tomorrow"), as YYYY-MM-DD; default the real one. */
  today?: string;
}

/** `soni explain DOMAIN "message"`: prints why the offline DU reads the message as it does. */
export async function runExplain(
  target: string,
  message: string,
  options: ExplainOptions,
): Promise<number> {
  let domain: Awaited<ReturnType<typeof loadDomain>>;
  try {
    domain = await loadDomain(target);
  } catch (error) {
    console.error(error instanceof DomainLoadError ? error.format() : String(error));
    return 1;
  }
  let slots: Record<string, string | number | boolean | null> = {};
  if (options.slots) {
    try {
      slots = JSON.parse(options.slots);
    } catch {
      console.error(`--slots: not valid JSON: ${options.slots} (write e.g. '{"amount": 50}')`);
      return 2;
    }
  }
  let context: Parameters<typeof stateFor>[0]["context"];
  if (options.context) {
    const [flow, at] = options.context.split(":");
    if (!flow || !domain.domain.flows[flow]) {
      console.error(
        `--context: no flow '${flow}' in the domain (flows: ${Object.keys(domain.domain.flows).join(", ")})`,
      );
      return 2;
    }
    if (at && at !== "confirm" && !domain.domain.slots[at]) {
      console.error(`--context: no slot '${at}' in the domain (write FLOW:SLOT or FLOW:confirm)`);
      return 2;
    }
    context = {
      flow,
      slots,
      ...(at === "confirm" ? { confirm: true } : at ? { waiting: at } : {}),
    };
  }
  let today: Date | undefined;
  if (options.today !== undefined) {
    // Noon, as evaluation sets read `today:`: no time zone moves it to another day.
    today = new Date(`${options.today}T12:00:00`);
    const [y, m, d] = options.today.split("-").map(Number);
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(options.today) &&
      today.getFullYear() === y &&
      today.getMonth() + 1 === m &&
      today.getDate() === d;
    if (!valid) {
      console.error(`--today: not a day written YYYY-MM-DD: ${options.today}`);
      return 2;
    }
  }
  const state = stateFor({ text: message, ...(context ? { context } : {}) }, domain);
  const du = new HeuristicUnderstanding(today ? { now: () => today } : {});
  const explanation = explainMessage(du, message, domain, state);
  if (options.json) console.log(JSON.stringify(explanation, null, 2));
  else for (const line of formatExplanation(explanation)) console.log(line);
  return 0;
}
