import path from "node:path";
import { pathToFileURL } from "node:url";

/** Characters that end a path inside a message (quotes, brackets, separators, spaces). */
const STOP = "\\s'\"`,;:()<>\\[\\]";
const FILE_URL = new RegExp(`file:///[^${STOP}]+`, "g");
const ABSOLUTE_PATH = new RegExp(`(^|[${STOP}=])(/(?:[^${STOP}/]+/)+[^${STOP}/]*)`, "g");

/**
 * `text` fit for a client: paths under `root` (the domain's directory) become relative to it,
 * any other absolute path or file URL is cut to its last segment. An error answered over HTTP
 * must not map the server's file system.
 */
export function withoutServerPaths(text: string, root: string): string {
  let out = text;
  for (const prefix of [`${pathToFileURL(root).href}/`, `${root}${path.sep}`]) {
    out = out.split(prefix).join("");
  }
  out = out.replace(FILE_URL, (url) => `…/${path.posix.basename(url)}`);
  return out.replace(
    ABSOLUTE_PATH,
    (_match, lead: string, absolute: string) => `${lead}…/${path.posix.basename(absolute)}`,
  );
}
