import { readFileSync } from "node:fs";
import { z } from "zod";

const packageSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+/, "must be a semantic version"),
});

export interface VersionInfo {
  version: string;
  major: number;
  minor: number;
  patch: number;
}

/** The package's own version, read once from package.json next to the sources. */
export function readVersion(): VersionInfo {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  const { version } = packageSchema.parse(JSON.parse(text));
  const [major = 0, minor = 0, patch = 0] = version.split(/[.+-]/).slice(0, 3).map(Number);
  return { version, major, minor, patch };
}
