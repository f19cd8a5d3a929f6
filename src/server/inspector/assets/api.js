// The Soni HTTP API as the inspector uses it. Every failure becomes an ApiFailure whose message
// says what went wrong in words a person can act on; nothing fails silently.

const KEY_STORAGE = "soni.inspector.apiKey";

export class ApiFailure extends Error {
  /**
   * @param {string} message
   * @param {{ status?: number, code?: string }} [details]
   */
  constructor(message, details = {}) {
    super(message);
    this.name = "ApiFailure";
    this.status = details.status ?? 0;
    this.code = details.code ?? "network_error";
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? "";
}

/** @param {string} key an empty key forgets it */
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
async function request(method, path, body) {
  const headers = { accept: "application/json" };
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(
      `Cannot reach the Soni server at ${location.origin}: it may be stopped or restarting.`,
    );
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    // A proxy's HTML error page, or an empty body: reported below by status.
  }
  if (!response.ok) {
    const error = payload?.error;
    const what = error?.message ?? response.statusText ?? "no details";
    throw new ApiFailure(`${method} ${path} failed (${response.status}): ${what}`, {
      status: response.status,
      code: error?.code ?? "http_error",
    });
  }
  return payload;
}

const enc = encodeURIComponent;

export const api = {
  graph: () => request("GET", "/inspector/graph"),
  send: (userId, message) => request("POST", "/message", { user_id: userId, message }),
  state: (userId) => request("GET", `/state/${enc(userId)}`),
  turns: (userId, limit = 100) =>
    request("GET", `/conversations/${enc(userId)}/turns?limit=${limit}`),
};
