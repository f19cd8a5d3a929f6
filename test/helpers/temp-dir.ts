import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * A temporary directory for the current test file, removed after it. `root()` is its path;
 * `write(name, files)` creates a subdirectory holding `files` and returns its path.
 */
export function useTempDir(prefix: string) {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  return {
    root: () => root,
    async write(name: string, files: Record<string, string>): Promise<string> {
      const dir = path.join(root, name);
      await mkdir(dir, { recursive: true });
      for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
      return dir;
    },
  };
}
