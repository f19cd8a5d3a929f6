import { loadDomain } from "./src/config/loader.ts";
import { HeuristicUnderstanding } from "./src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "./src/protocol/state.ts";
const [dom, ...texts] = process.argv.slice(2);
const d = await loadDomain(`examples/${dom}`);
const du = new HeuristicUnderstanding({ now: () => new Date(2027, 2, 18, 12) });
for (const t of texts) console.log(t, JSON.stringify(du.read(t, d, emptyState("x"))));
