import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import type { Settings } from "../../src/config/schema.ts";
import { PROJECT_ROOT } from "./server-process.ts";

export const BANKING_DIR = join(PROJECT_ROOT, "examples", "banking");
const SETTINGS_FILE = "00-settings.yaml";

export type SettingsOverrides = {
  [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> : Settings[K];
};

export interface TempDomain {
  /** The domain directory to pass as --config. */
  dir: string;
  /** Scratch space next to it (SQLite files and the like). */
  workDir: string;
  remove(): void;
}

/**
 * A copy of examples/banking in a temp directory with some settings replaced (persistence
 * backend, DU endpoint, log level). Handler paths are made absolute so the copy loads the
 * original handler modules.
 */
export function createTempDomain(overrides: SettingsOverrides): TempDomain {
  const workDir = mkdtempSync(join(tmpdir(), "soni-bench-"));
  const dir = join(workDir, "domain");
  mkdirSync(dir);
  for (const name of readdirSync(BANKING_DIR)) {
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      copyFileSync(join(BANKING_DIR, name), join(dir, name));
    }
  }
  const file = join(dir, SETTINGS_FILE);
  const doc = (parse(readFileSync(file, "utf8")) ?? {}) as { settings?: Record<string, unknown> };
  doc.settings ??= {};
  const settings = doc.settings;
  const handlers = settings.handlers as string | string[] | undefined;
  if (handlers !== undefined) {
    const absolute = (p: string) => (isAbsolute(p) ? p : resolve(BANKING_DIR, p));
    settings.handlers = Array.isArray(handlers) ? handlers.map(absolute) : absolute(handlers);
  }
  for (const [key, value] of Object.entries(overrides)) {
    const current = settings[key];
    settings[key] =
      value && typeof value === "object" && current && typeof current === "object"
        ? { ...(current as object), ...value }
        : value;
  }
  writeFileSync(file, stringify(doc));
  return { dir, workDir, remove: () => rmSync(workDir, { recursive: true, force: true }) };
}
