import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../../config/errors.ts";
import { readVersion } from "../../server/version.ts";
import { initTemplate } from "../init-template.ts";

/** A valid npm package name from a folder name ("My Bot" -> "my-bot"). */
function packageName(dir: string): string {
  const name = path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name || "assistant";
}

/** `soni init [dir]`: writes a working assistant; refuses (exit 1) if any file exists. */
export async function runInit(target: string): Promise<number> {
  const dir = path.resolve(target);
  const files = initTemplate(packageName(dir), readVersion().version);
  const taken = Object.keys(files).filter((file) => existsSync(path.join(dir, file)));
  if (taken.length > 0) {
    console.error(
      `error: ${displayPath(dir)} already has ${taken.join(", ")}; nothing was written — run soni init in an empty folder or name a new one (soni init my-bot)`,
    );
    return 1;
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text, { flag: "wx" });
  }
  console.log(`Created an assistant in ${displayPath(dir)}: ${Object.keys(files).join(", ")}`);
  console.log("Next:");
  if (dir !== process.cwd()) console.log(`  cd ${displayPath(dir)}`);
  console.log("  npm install");
  console.log("  npm test          # the conversation tests in tests/");
  console.log("  npm run chat      # talk to it");
  return 0;
}
