import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from "yaml";
import { mergeSources } from "../merge.ts";
import { isPlainObject, type PlainObject, put } from "../plain-object.ts";
import { slotSchema } from "../schema.ts";
import { migratedExtract } from "../validate-slot-kinds.ts";
import { createLocator, parseYamlSource, type YamlSource } from "../yaml-source.ts";
import { normalizeDomainBody } from "./normalize.ts";
import { DialectReport, PathRemap } from "./report.ts";
import { normalizeSettings } from "./settings.ts";

export interface MigrationInput {
  file: string;
  text: string;
}

/** The rewritten files, and the value kinds declared on slots (`extract:`), for the change log. */
export interface Migration {
  files: MigrationInput[];
  kinds: Array<{ slot: string; extract: string }>;
}

const SECTIONS = ["slots", "actions", "flows"] as const;
/** Keys the rewrite renames; the key is renamed in place even when its value changes too. */
const RENAMED_KEYS: Readonly<Record<string, string>> = {
  process: "steps",
  call: "action",
  message: "prompt",
  target: "flow",
  input: "slot",
  exit_to: "jump_to",
  ask: "prompt",
};

/**
 * The files of a domain rewritten from the original Soni dialect into this one (`soni migrate`).
 * Each file keeps what it held: its settings rewritten on their own, its slots, actions and
 * flows taken from the rewritten domain. Names the rewrite declares go to the first file with
 * that section (or the first file with flows). The YAML documents are edited in place, so
 * comments and formatting survive wherever the value they belong to survives.
 * The inputs must load (the caller checks with loadDomain first).
 */
export function migrateSources(inputs: readonly MigrationInput[]): Migration {
  const sources: YamlSource[] = inputs.map(({ file, text }) => parseYamlSource(text, file).source);
  const merged = mergeSources(sources, (source) => createLocator([source])).data;
  const noLocation = () => ({ file: "", line: 0, column: 0 });
  normalizeDomainBody(
    merged,
    new DialectReport(noLocation),
    new PathRemap(),
    sources.some((s) => originalSettings(s.data)),
  );
  const kinds = declarePromptedKinds(merged);

  const owned = new Map<string, Set<string>>(SECTIONS.map((s) => [s, new Set<string>()]));
  for (const source of sources) {
    for (const section of SECTIONS) {
      const entries = isPlainObject(source.data) ? source.data[section] : undefined;
      if (isPlainObject(entries))
        for (const name of Object.keys(entries)) owned.get(section)!.add(name);
    }
  }
  const home = (section: (typeof SECTIONS)[number]) =>
    sources.find((s) => isPlainObject(s.data) && Object.hasOwn(s.data, section)) ??
    sources.find((s) => isPlainObject(s.data) && Object.hasOwn(s.data, "flows")) ??
    sources[0];

  const files = sources.map((source) => {
    if (!isPlainObject(source.data)) return { file: source.file, text: source.text };
    const modern: PlainObject = structuredClone(source.data);
    if (isPlainObject(modern.settings)) {
      normalizeSettings(
        modern.settings,
        ["settings"],
        new DialectReport(noLocation),
        new PathRemap(),
      );
    }
    for (const section of SECTIONS) {
      const all = isPlainObject(merged[section]) ? merged[section] : {};
      const mine = isPlainObject(source.data[section]) ? Object.keys(source.data[section]) : [];
      const added =
        home(section) === source ? Object.keys(all).filter((n) => !owned.get(section)!.has(n)) : [];
      if (mine.length === 0 && added.length === 0) continue;
      const entries: PlainObject = {};
      for (const name of [...mine, ...added])
        if (Object.hasOwn(all, name)) put(entries, name, all[name]);
      put(modern, section, entries);
    }
    const doc = source.doc as Document;
    doc.contents = patch(
      doc,
      doc.contents as Node | null,
      modern,
      new Map(),
    ) as typeof doc.contents;
    return { file: source.file, text: doc.toString({ lineWidth: 0 }) };
  });
  return { files, kinds };
}

function originalSettings(data: unknown): boolean {
  if (!isPlainObject(data) || !isPlainObject(data.settings)) return false;
  const probe = structuredClone(data.settings);
  const report = new DialectReport(() => ({ file: "", line: 0, column: 0 }));
  normalizeSettings(probe, ["settings"], report, new PathRemap());
  return report.count > 0;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function jsOf(doc: Document, node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined)?.toJS(doc) ?? null;
  return (node as Node).toJS(doc);
}

/** Step nodes of a flow by id, so a step moved into a loop body keeps its comments. */
function stepNodes(node: unknown, out: Map<string, Node>): Map<string, Node> {
  if (isSeq(node)) for (const item of node.items) stepNodes(item, out);
  if (isMap(node)) {
    const id = node.get("step");
    if (typeof id === "string" && !out.has(id)) out.set(id, node as unknown as Node);
    for (const pair of node.items) if (isSeq(pair.value)) stepNodes(pair.value, out);
  }
  return out;
}

/** Edits `node` into `value`, reusing every node whose value survives (and its comments). */
function patch(doc: Document, node: Node | null, value: unknown, steps: Map<string, Node>): Node {
  if (isAlias(node)) return same(jsOf(doc, node), value) ? node : replace(doc, node, value);
  if (isMap(node) && isPlainObject(value)) return patchMap(doc, node, value, steps);
  if (isSeq(node) && Array.isArray(value)) {
    const items = node.items as Node[];
    const byId = new Map<string, Node>();
    for (const item of items) {
      const id = isMap(item) ? item.get("step") : undefined;
      if (typeof id === "string") byId.set(id, item);
    }
    node.items = value.map((entry, i) => {
      const id = isPlainObject(entry) && typeof entry.step === "string" ? entry.step : undefined;
      const old =
        id !== undefined
          ? (byId.get(id) ?? steps.get(id))
          : value.length === items.length
            ? items[i]
            : undefined;
      return old ? patch(doc, old, entry, steps) : doc.createNode(entry);
    });
    return node;
  }
  if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
    if (node.value !== value) node.value = value;
    return node;
  }
  return replace(doc, node, value);
}

function patchMap(
  doc: Document,
  node: YAMLMap,
  value: PlainObject,
  steps: Map<string, Node>,
): Node {
  const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);
  const flowSteps =
    node.has("steps") || node.has("process") ? stepNodes(node, new Map(steps)) : steps;
  const existing = node.items.map(keyOf);
  const added = Object.keys(value).filter((k) => !existing.includes(k));
  // A key renamed with its value unchanged (`call:` -> `action:`) is renamed in place.
  for (const pair of node.items) {
    const key = keyOf(pair);
    if (Object.hasOwn(value, key)) continue;
    const renamed =
      added.find((k) => same(jsOf(doc, pair.value), value[k])) ??
      added.find((k) => RENAMED_KEYS[key] === k);
    if (renamed !== undefined && isScalar(pair.key)) {
      (pair.key as Scalar).value = renamed;
      added.splice(added.indexOf(renamed), 1);
    }
  }
  node.items = node.items.filter((pair) => Object.hasOwn(value, keyOf(pair)));
  for (const pair of node.items) {
    pair.value = patch(doc, pair.value as Node | null, value[keyOf(pair)], flowSteps);
  }
  for (const key of added) node.items.push(doc.createPair(key, value[key]) as Pair);
  return node;
}

function replace(doc: Document, old: Node | null, value: unknown): Node {
  const created = doc.createNode(value) as Node;
  if (old && "commentBefore" in old && old.commentBefore) created.commentBefore = old.commentBefore;
  if (old && "comment" in old && old.comment) created.comment = old.comment;
  return created;
}

/**
 * The original read values with a model, so a slot whose prompt asks for an address or an IBAN
 * gets that kind; other slots keep the kind they are read with, declared so validation is quiet.
 */
function declarePromptedKinds(merged: PlainObject): Migration["kinds"] {
  const slots = merged.slots;
  const kinds: Migration["kinds"] = [];
  if (!isPlainObject(slots)) return kinds;
  for (const [name, slot] of Object.entries(slots)) {
    if (!isPlainObject(slot)) continue;
    const parsed = slotSchema.safeParse(slot);
    if (!parsed.success) continue;
    const extract = migratedExtract(parsed.data);
    if (!extract) continue;
    slot.extract = extract;
    kinds.push({ slot: name, extract });
  }
  return kinds;
}
