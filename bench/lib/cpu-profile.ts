/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) into self and total time per function
 * and per part of the code (a src/ layer, a dependency, Node's internals, GC), so the profile of
 * a run can be printed as a table and compared before/after a change.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FunctionCost {
  /** `name (file:line)`. */
  name: string;
  part: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  /** Sampled time spent doing anything but waiting (idle excluded). */
  busyMs: number;
  idleMs: number;
  parts: { part: string; selfMs: number }[];
  functions: FunctionCost[];
}

const IDLE = "(idle)";

/** Which part of the code a frame belongs to, from its script URL. */
export function partOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)" || functionName === IDLE || functionName === "(root)") {
    return functionName;
  }
  if (url === "") return "native";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = url.match(/\/(?:src|dist)\/([^/]+)\//);
  if (src) return `soni ${src[1]}`;
  if (url.includes("/examples/")) return "domain handlers";
  return "other";
}

function label(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules|src|dist)\//, "$1/");
  const name = frame.functionName || "(anonymous)";
  return file ? `${name} (${file}:${frame.lineNumber + 1})` : name;
}

/**
 * `window` (microseconds on the monotonic clock, like `process.hrtime`) keeps only the samples
 * taken inside it, so start-up and warm-up do not count.
 */
export function summarizeProfile(
  profile: CpuProfile,
  window?: { fromUs: number; toUs: number },
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  // Total time of a function: the self time of every node under it, counted once per
  // function even where it recurses.
  const totals = new Map<string, number>();
  const selves = new Map<string, number>();
  const parts = new Map<string, number>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === IDLE) {
      idleUs += us;
      continue;
    }
    const name = label(node.callFrame);
    selves.set(name, (selves.get(name) ?? 0) + us);
    const part = partOf(node.callFrame);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === "(root)") break;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  const partByName = new Map<string, string>();
  for (const node of profile.nodes) partByName.set(label(node.callFrame), partOf(node.callFrame));
  const busyUs = [...parts.values()].reduce((a, b) => a + b, 0);
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    parts: [...parts]
      .map(([part, us]) => ({ part, selfMs: us / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs),
    functions: [...totals]
      .map(([name, us]) => ({
        name,
        part: partByName.get(name) ?? "other",
        selfMs: (selves.get(name) ?? 0) / 1000,
        totalMs: us / 1000,
      }))
      .sort((a, b) => b.selfMs - a.selfMs),
  };
}

/** The summary as text tables: parts, top functions by self time, top Soni functions by total. */
export function formatProfile(summary: ProfileSummary, top: number): string {
  const pct = (ms: number) => `${((ms / summary.busyMs) * 100).toFixed(1).padStart(5)}%`;
  const lines = [
    `busy ${summary.busyMs.toFixed(0)} ms sampled (idle ${summary.idleMs.toFixed(0)} ms not counted)`,
    "",
    "by part (self time):",
    ...summary.parts.map((p) => `  ${pct(p.selfMs)}  ${p.part}`),
    "",
    `top ${top} functions by self time:`,
    ...summary.functions.slice(0, top).map((f) => `  ${pct(f.selfMs)}  ${f.name}`),
    "",
    `top ${top} Soni functions by total time (self + callees):`,
    ...summary.functions
      .filter((f) => f.part.startsWith("soni "))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top)
      .map((f) => `  ${pct(f.totalMs)}  ${f.name}`),
  ];
  return lines.join("\n");
}
