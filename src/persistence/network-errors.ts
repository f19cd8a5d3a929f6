/** Socket-level failures: the server is down, unreachable or restarting. */
const NETWORK_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** The `code` a Node or driver error carries, if any. */
export function errorCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Whether a network store's error means "unreachable" rather than "bad request". */
export function isNetworkError(error: Error): boolean {
  const code = errorCode(error);
  return code !== undefined && NETWORK_ERRNO.has(code);
}
