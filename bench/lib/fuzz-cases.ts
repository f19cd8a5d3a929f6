import { createRandom, type Random } from "./random.ts";

/** One malformed request for the fuzz drill. */
export interface FuzzCase {
  category: string;
  /** The only conversation this case may name (`fuzz-<i>`). */
  userId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const JSON_TYPE = { "content-type": "application/json" };

function randomJson(rng: Random, depth = 0): unknown {
  const kind = rng.int(depth > 3 ? 5 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick([0, -1, 1e308, -1e-308, 2 ** 53 + 1, 3.14, Number.MAX_SAFE_INTEGER]);
    case 3:
      return rng.string(rng.int(40), "abcXYZ \"'\\/\n\t{}[]<>é漢😀\u0000\u202e");
    case 4:
      return rng.pick(["", " ", "null", "__proto__", "constructor", "prototype", "toString"]);
    case 5:
      return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      for (let i = rng.int(5); i > 0; i--) {
        obj[rng.pick(["user_id", "message", "a", "__proto__", "constructor", rng.string(6)])] =
          randomJson(rng, depth + 1);
      }
      return obj;
    }
  }
}

function nested(depth: number, open: string, close: string, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** Generators per category; each returns one case from the shared PRNG. */
const GENERATORS: Record<string, (rng: Random, userId: string) => Omit<FuzzCase, "userId">> = {
  random_json: (rng) => ({
    category: "random_json",
    method: "POST",
    path: "/message",
    headers: JSON_TYPE,
    body: json(randomJson(rng)),
  }),
  wrong_types: (rng, userId) => {
    const bad = rng.pick<unknown>([42, -1, true, null, [], ["a"], {}, { x: 1 }, 1.5]);
    const body = rng.pick<Record<string, unknown>>([
      { user_id: bad, message: "hello" },
      { user_id: userId, message: bad },
      { user_id: bad, message: bad },
      { message: "hello" },
      { user_id: userId },
      {},
      { user_id: "", message: "hello" },
      { user_id: userId, message: "" },
      { user_id: " ", message: "   " },
    ]);
    return {
      category: "wrong_types",
      method: "POST",
      path: "/message",
      headers: JSON_TYPE,
      body: json(body),
    };
  },
  huge_strings: (rng, userId) => {
    const size = rng.pick([70_000, 200_000, 1_500_000]);
    const body = rng.pick<Record<string, unknown>>([
      { user_id: userId, message: "a".repeat(size) },
      { user_id: "u".repeat(size), message: "hi" },
      { user_id: userId, message: "x", padding: "p".repeat(size) },
      { user_id: `u${"€".repeat(rng.int(5_000) + 300)}`, message: "hello" },
      { user_id: userId, message: "send money ".repeat(rng.int(3_000) + 1_000) },
    ]);
    return {
      category: "huge_strings",
      method: "POST",
      path: "/message",
      headers: JSON_TYPE,
      body: json(body),
    };
  },
  invalid_utf8: (rng, userId) => {
    const bytes = rng.pick([
      [0xff, 0xfe],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0x80],
      [0xe2, 0x82],
    ]);
    const where = rng.int(3);
    const prefix = Buffer.from(
      where === 0 ? `{"user_id":"${userId}","message":"hi ` : where === 1 ? `{"user_id":"` : "",
    );
    const suffix = Buffer.from(where === 0 ? `"}` : where === 1 ? `","message":"hello"}` : "");
    const body =
      rng.next() < 0.2
        ? json({ user_id: `x\ud800${rng.int(9)}`, message: "lone surrogate \udfff" })
        : Buffer.concat([prefix, Buffer.from(bytes), suffix]);
    return { category: "invalid_utf8", method: "POST", path: "/message", headers: JSON_TYPE, body };
  },
  prototype_keys: (rng, userId) => {
    const text = rng.pick([
      `{"user_id":"${userId}","message":"hi","__proto__":{"polluted":true,"flow_state":"hacked"}}`,
      `{"__proto__":{"user_id":"${userId}","message":"hi"}}`,
      `{"constructor":{"prototype":{"polluted":true}},"user_id":"${userId}","message":"hi"}`,
      `{"user_id":{"__proto__":{"toString":"x"}},"message":"hi"}`,
      `{"user_id":"${userId}","message":{"constructor":{"name":"x"}}}`,
      `{"user_id":"__proto__","message":{"__proto__":null}}`,
      `{"user_id":"constructor","message":["__proto__"]}`,
    ]);
    return {
      category: "prototype_keys",
      method: "POST",
      path: "/message",
      headers: JSON_TYPE,
      body: Buffer.from(text),
    };
  },
  deep_nesting: (rng, userId) => {
    const depth = rng.pick([100, 1_000, 10_000, 30_000]);
    const text = rng.pick([
      nested(depth, "[", "]", "1"),
      `{"user_id":"${userId}","message":${nested(depth, "[", "]", '"hi"')}}`,
      `{"user_id":"${userId}","message":"hi","x":${nested(depth, '{"a":', "}", "1")}}`,
      nested(depth, "[", "", ""),
    ]);
    return {
      category: "deep_nesting",
      method: "POST",
      path: "/message",
      headers: JSON_TYPE,
      body: Buffer.from(text),
    };
  },
  malformed_json: (rng, userId) => {
    const text = rng.pick([
      "",
      "{",
      `{"user_id":"${userId}","message":"hi",}`,
      `{"user_id":"${userId}","message":NaN}`,
      `{'user_id':'${userId}'}`,
      `{"user_id":"${userId}" "message":"hi"}`,
      "null",
      "[]",
      '"just a string"',
      `{"user_id":"${userId}","message":"hi"}garbage`,
      "\u0000\u0000\u0000",
    ]);
    return {
      category: "malformed_json",
      method: "POST",
      path: "/message",
      headers: JSON_TYPE,
      body: Buffer.from(text),
    };
  },
  content_types: (rng, userId) => {
    const valid = JSON.stringify({ user_id: userId, message: "hello" });
    const variant = rng.pick([
      { headers: { "content-type": "text/plain" }, body: valid },
      {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `user_id=${userId}&message=hi`,
      },
      {
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: "--x\r\n\r\nhi\r\n--x--",
      },
      { headers: { "content-type": "application/xml" }, body: "<message>hi</message>" },
      { headers: { "content-type": "application/json; charset=latin1" }, body: valid },
      { headers: { "content-type": "application/octet-stream" }, body: "\u0001\u0002" },
      { headers: {}, body: valid },
      { headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: valid },
      { headers: { "content-type": "application/json", "content-length": "5" }, body: "" },
      { headers: { "content-type": "" }, body: valid },
    ]);
    const headers = { ...variant.headers } as Record<string, string>;
    // A content-length that disagrees with the body would desynchronise the keep-alive socket.
    delete headers["content-length"];
    return {
      category: "content_types",
      method: "POST",
      path: "/message",
      headers,
      body: Buffer.from(variant.body),
    };
  },
  routes: (rng) => {
    const variant = rng.pick([
      { method: "GET", path: "/message" },
      { method: "PUT", path: "/message" },
      { method: "DELETE", path: "/message" },
      { method: "POST", path: "/message/../health" },
      { method: "POST", path: "/%00" },
      { method: "GET", path: `/state/${"%".repeat(3)}` },
      { method: "GET", path: `/state/${encodeURIComponent("__proto__")}` },
      { method: "GET", path: "/state/%ED%A0%80%FF" },
      { method: "GET", path: `/state/${"a".repeat(8_000)}` },
      { method: "GET", path: "/state/" },
      { method: "POST", path: "/MESSAGE" },
      { method: "PATCH", path: "/health" },
    ]);
    return {
      category: "routes",
      ...variant,
      headers: JSON_TYPE,
      body: variant.method === "GET" ? undefined : Buffer.from('{"user_id":"x","message":"hi"}'),
    };
  },
};

export const FUZZ_CATEGORIES = Object.keys(GENERATORS);

/**
 * `count` malformed requests, evenly spread over the categories, from a fixed seed. Cases
 * that name a conversation use `fuzz-<i>`, never one the drill watches, so any change to a
 * watched conversation is a real leak.
 */
export function generateFuzzCases(count: number, seed = 7): FuzzCase[] {
  const rng = createRandom(seed);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const category = FUZZ_CATEGORIES[i % FUZZ_CATEGORIES.length]!;
    const userId = `fuzz-${i}`;
    cases.push({ ...GENERATORS[category]!(rng, userId), userId });
  }
  return cases;
}
