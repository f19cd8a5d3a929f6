import { copyJson } from "../persistence/json-copy.ts";
import type { HandlerData } from "./handlers.ts";

/** Bound on a conversation's handler data, serialized: it is read and written on every turn. */
export const MAX_HANDLER_DATA_BYTES = 64 * 1024;

/**
 * The data a handler left in `ctx.data`, as an owned copy, or an error saying why it cannot be
 * kept (not JSON data, or too large); nothing is kept then.
 */
export function checkedHandlerData(data: HandlerData): HandlerData | Error {
  let copy: HandlerData;
  try {
    copy = copyJson(data);
  } catch (error) {
    return new Error(`ctx.data must hold JSON data only: ${(error as Error).message}`);
  }
  const size = Buffer.byteLength(JSON.stringify(copy));
  if (size > MAX_HANDLER_DATA_BYTES) {
    return new Error(
      `ctx.data is ${size} bytes serialized; the limit is ${MAX_HANDLER_DATA_BYTES}: keep large records in your own store and only references in ctx.data`,
    );
  }
  return copy;
}
