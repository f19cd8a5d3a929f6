import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { migrateSources } from "../../config/dialect/migrate.ts";
import {
  DomainLoadError,
  type DomainProblem,
  displayPath,
  formatProblem,
} from "../../config/errors.ts";
import { loadDomain } from "../../config/loader.ts";

/**
 * `soni migrate`: loads the domain (it must load: errors are printed and nothing is written),
 * prints the change log (each original-dialect form found, with where and its code), writes
 * the rewritten files, and validates what it wrote. The exit code.
 */
export async function runMigrate(domainPath: string, options: { out?: string }): Promise<number> {
  let files: string[];
  let changes: DomainProblem[];
  try {
    const loaded = await loadDomain(domainPath);
    files = loaded.files;
    changes = (loaded.warnings ?? []).filter((w) => w.code?.startsWith("dialect."));
  } catch (error) {
    if (!(error instanceof DomainLoadError)) throw error;
    console.error(error.format());
    console.error(`${displayPath(domainPath)}: cannot migrate — fix the errors above first`);
    return 1;
  }
  if (changes.length === 0) {
    console.log(`${displayPath(domainPath)}: already in this version's dialect; nothing to change`);
    return 0;
  }
  for (const change of changes)
    console.log(`${formatProblem(change).replace("warning: ", "")}  [${change.code}]`);

  const inputs = await Promise.all(
    files.map(async (file) => ({ file, text: await readFile(file, "utf8") })),
  );
  const migrated = migrateSources(inputs);
  // The original read values with a model: kinds declared so they are read the same way here.
  for (const { slot, extract } of migrated.kinds)
    console.log(`slot '${slot}': declared 'extract: ${extract}'  [migrate.slot_kind]`);
  const outDir = options.out ? path.resolve(options.out) : undefined;
  if (outDir) await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const { file, text } of migrated.files) {
    const target = outDir ? path.join(outDir, path.basename(file)) : file;
    await writeFile(target, outDir ? relocateHandlers(text, path.dirname(file), outDir) : text);
    written.push(target);
  }
  // The migrated domain: the output directory, or the file in it for a one-file domain.
  const isDirectory = (await stat(domainPath)).isDirectory();
  const result =
    outDir && !isDirectory ? path.join(outDir, path.basename(domainPath)) : (outDir ?? domainPath);
  console.log(
    `${changes.length} change${changes.length === 1 ? "" : "s"}${migrated.kinds.length ? `, ${migrated.kinds.length} slot kind${migrated.kinds.length === 1 ? "" : "s"} declared` : ""}; wrote ${written.length} file${written.length === 1 ? "" : "s"}${outDir ? ` to ${displayPath(outDir)}` : ""}`,
  );

  try {
    const check = await loadDomain(result);
    const left = check.warnings ?? [];
    console.log(
      `${displayPath(result)}: valid${left.length ? ` — ${left.length} warning(s) left for you to review` : ", no warnings"}`,
    );
    for (const warning of left) console.log(formatProblem(warning));
    return 0;
  } catch (error) {
    if (!(error instanceof DomainLoadError)) throw error;
    console.error(error.format());
    console.error(`${displayPath(result)}: the migrated domain does not load; please report this`);
    return 1;
  }
}

/**
 * `settings.handlers` paths are relative to the domain's directory: written elsewhere, they are
 * made relative to the new directory so they still name the same modules.
 */
function relocateHandlers(text: string, fromDir: string, toDir: string): string {
  const doc = parseDocument(text);
  const handlers = doc.getIn(["settings", "handlers"]);
  const move = (p: unknown) =>
    typeof p === "string" && !path.isAbsolute(p)
      ? path.relative(toDir, path.resolve(fromDir, p)) || "."
      : p;
  if (typeof handlers === "string") doc.setIn(["settings", "handlers"], move(handlers));
  else if (handlers && typeof handlers === "object" && "items" in handlers) {
    const list = (doc.toJS() as { settings: { handlers: unknown[] } }).settings.handlers;
    doc.setIn(["settings", "handlers"], doc.createNode(list.map(move)));
  } else return text;
  return doc.toString({ lineWidth: 0 });
}
