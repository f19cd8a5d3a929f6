import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer rule of docs/architecture.md: a module imports only from its own layer or lower
 * ones. protocol (commands, dialogue state) is the vocabulary every layer shares; du and
 * persistence sit side by side and never import each other.
 */
const LAYERS: Record<string, number> = {
  protocol: 0,
  config: 1,
  dm: 2,
  du: 3,
  persistence: 3,
  runtime: 4,
  server: 5,
  cli: 6,
};

const SRC = path.resolve("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts)$/.test(entry.name) ? [full] : [];
  });
}

function layerOf(file: string, root: string): string | undefined {
  const [top] = path.relative(root, file).split(path.sep);
  return top !== undefined && top in LAYERS ? top : undefined;
}

/** Relative import specifiers of a module (static, dynamic and type-only). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Every import that breaks the rule, as "importer -> imported". */
function layerViolations(root: string): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(root)) {
    const from = layerOf(file, root);
    if (!from) continue;
    for (const specifier of importsOf(readFileSync(file, "utf8"))) {
      const target = path.resolve(path.dirname(file), specifier);
      const to = layerOf(target, root);
      if (!to || to === from) continue;
      const upward = LAYERS[to]! > LAYERS[from]!;
      const sideways = LAYERS[to] === LAYERS[from];
      if (upward || sideways) {
        violations.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
      }
    }
  }
  return violations;
}

describe("layers", () => {
  it("no module imports a higher layer (or a sibling of its own rank)", () => {
    expect(layerViolations(SRC)).toEqual([]);
  });

  it("catches an upward and a sideways import", () => {
    const root = mkdtempSync(path.join(tmpdir(), "soni-layers-"));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write(
      "dm/engine.ts",
      'import { x } from "../runtime/loop.ts";\nimport type { S } from "../protocol/state.ts";\n',
    );
    write("du/reader.ts", 'const m = await import("../persistence/store.ts");\n');
    write("cli/main.ts", 'import { y } from "../server/app.ts";\n');
    expect(layerViolations(root).sort()).toEqual([
      "dm/engine.ts -> runtime/loop.ts",
      "du/reader.ts -> persistence/store.ts",
    ]);
  });

  it("every folder under src/ is a known layer", () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
  });
});
