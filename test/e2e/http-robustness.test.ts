/**
 * What nothing a client sends may do to a running `soni server` with the banking domain: crash
 * it, get a 500, or corrupt a conversation. Concurrency (many users, one user hammered) and
 * hostile bodies, each followed by a health check and a look at an unrelated conversation.
 */
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConversationSnapshot } from "../../src/dm/snapshot.ts";
import { type SpawnedServer, spawnServer } from "../server/helpers/spawned-server.ts";
import { Customer, type RawReply, send, TRANSACTION_ID, uniqueUser } from "./helpers/customer.ts";

const BANKING = fileURLToPath(new URL("../../examples/banking", import.meta.url));
const IBAN = "ES91 2100 0418 4502 0005 1332";

let server: SpawnedServer;
/** A customer half-way through a transfer; no other test may change what it sees. */
let witness: Customer;
let witnessState: ConversationSnapshot;

const post = (body: string | Uint8Array, contentType: string | null = "application/json") =>
  send(server.url, "/message", { body, contentType });
const json = (value: unknown) => JSON.stringify(value);

/** Writes raw bytes to the server and resolves everything it answers until it closes. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.end(text));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
  });
}

/** The status and JSON body of a raw HTTP answer. */
function parseRaw(answer: string): { status: number; body: unknown } {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), body: JSON.parse(body) };
}

/** An error in the API's shape, with the expected status and code; never a 500. */
function expectApiError(reply: RawReply, status: number, code: string): string {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
  const error = (reply.body as { error: { code: string; message: string } }).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error.message;
}

beforeAll(async () => {
  server = await spawnServer({ config: BANKING });
  witness = new Customer(server.url, uniqueUser("witness"));
  await witness.say("i wanna send money");
  await witness.say("Greta Olsen");
  await witness.say(IBAN);
  witnessState = await witness.state();
  expect(witnessState.waiting_for_slot).toBe("amount");
});

afterAll(async () => {
  if (!server) return;
  server.signal("SIGTERM");
  const exit = await server.exited;
  expect(exit.code, server.dump()).toBe(0);
  // No request of this file may have reached the 500 handler.
  expect(server.messages()).not.toContain("Unhandled error while serving the request");
});

describe("concurrency", () => {
  it("keeps 50 parallel conversations of 6 turns each apart", async () => {
    const script = [
      "hello",
      "send 120 euros to Rita Gomez",
      IBAN,
      "for the concert",
      "checking",
      "yes",
    ];
    const customers = Array.from(
      { length: 50 },
      (_, i) => new Customer(server.url, uniqueUser(`crowd-${i}`)),
    );
    const endings = await Promise.all(
      customers.map(async (person) => {
        let last = "";
        for (const line of script) last = (await person.say(line)).response;
        return last;
      }),
    );
    const ids = endings.map((text) => text.match(TRANSACTION_ID)?.[0]);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(50);
    const states = await Promise.all(customers.map((person) => person.state()));
    for (const state of states) {
      expect(state.turn_count).toBe(6);
      expect(state.flow_stack).toEqual([]);
    }
  });

  it("serialises 40 simultaneous turns of one user: every turn counted once, none fails", async () => {
    const userId = uniqueUser("hammered");
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(json({ user_id: userId, message: i % 2 ? "what's my balance" : "savings" })),
      ),
    );
    for (const reply of replies) expect(reply.status, reply.text).toBe(200);
    const counts = replies.map((reply) => (reply.body as { turn_count: number }).turn_count);
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const state = await send(server.url, `/state/${userId}`);
    expect((state.body as ConversationSnapshot).turn_count).toBe(40);
  });

  it("answers state reads while the same user's turns are running", async () => {
    const userId = uniqueUser("read-while-write");
    const work = Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? send(server.url, `/state/${userId}`)
        : post(json({ user_id: userId, message: "hello" })),
    );
    const replies = await Promise.all(work);
    for (const reply of replies) expect(reply.status, reply.text).toBe(200);
    const state = await send(server.url, `/state/${userId}`);
    expect((state.body as ConversationSnapshot).turn_count).toBe(10);
  });
  it("serialises resets with the same user's turns: counts restart cleanly, nothing fails", async () => {
    const userId = uniqueUser("reset-race");
    const work = Array.from({ length: 30 }, (_, i) =>
      i % 7 === 3
        ? send(server.url, `/reset/${userId}`, { method: "POST", contentType: null })
        : post(json({ user_id: userId, message: i % 2 ? "send money to Tom" : "hello" })),
    );
    const replies = await Promise.all(work);
    for (const reply of replies) expect(reply.status, reply.text).toBe(200);
    // Each reset starts a new run 1, 2, 3, ...: a count n is never seen more often than n - 1.
    const counts = replies
      .map((reply) => (reply.body as { turn_count?: number }).turn_count)
      .filter((count): count is number => count !== undefined);
    expect(counts).toHaveLength(26);
    const seen = (n: number) => counts.filter((count) => count === n).length;
    for (let n = 2; n <= Math.max(...counts); n++) expect(seen(n)).toBeLessThanOrEqual(seen(n - 1));
    expect(seen(1)).toBeLessThanOrEqual(5);
    const state = (await send(server.url, `/state/${userId}`)).body as ConversationSnapshot;
    expect(state.turn_count === 0 || counts.includes(state.turn_count)).toBe(true);
  });
});

describe("hostile input", () => {
  afterEach(async () => {
    const health = await send(server.url, "/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "healthy" });
    const reply = await send(server.url, `/state/${witness.userId}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(witnessState);
  });

  it("talks normally with emoji, accents and right-to-left text", async () => {
    const user = uniqueUser("unicode");
    for (const message of [
      "😀🏦💸 hola!!",
      "\u202eمرحبا، ما هو رصيدي؟ שלום",
      "Ζήτω 漢字 テスト 🇪🇸",
    ]) {
      const reply = await post(json({ user_id: user, message }));
      expect(reply.status, reply.text).toBe(200);
    }
    const state = await send(server.url, `/state/${user}`);
    expect((state.body as ConversationSnapshot).turn_count).toBe(3);
  });

  it("refuses a 100 KB body with 413 and changes nothing", async () => {
    const user = uniqueUser("huge");
    const reply = await post(json({ user_id: user, message: "a".repeat(100_000) }));
    expectApiError(reply, 413, "payload_too_large");
    const state = await send(server.url, `/state/${user}`);
    expect((state.body as ConversationSnapshot).turn_count).toBe(0);
  });

  it("takes a 10,000-character message and refuses one character more, clearly", async () => {
    const user = uniqueUser("ten-k");
    expect((await post(json({ user_id: user, message: "x".repeat(10_000) }))).status).toBe(200);
    const message = expectApiError(
      await post(json({ user_id: user, message: "send money ".repeat(1000) + "!" })),
      400,
      "invalid_request",
    );
    expect(message).toMatch(/message: must be at most 10000 characters/);
  });

  it("answers long adversarial messages quickly", async () => {
    const user = uniqueUser("adversarial");
    for (const message of [
      "1 ".repeat(4999),
      "send 5 to a ".repeat(833),
      "one hundred and ".repeat(625),
      "ES91 ".repeat(2000),
      "€5,".repeat(3333),
    ]) {
      const started = Date.now();
      const reply = await post(json({ user_id: user, message }));
      expect(reply.status, reply.text).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it("survives NUL bytes and control characters, and the conversation goes on", async () => {
    const person = new Customer(server.url, uniqueUser("control"));
    await person.say("send 20 euros to Omar Haddad");
    await person.say("hi\u0000there");
    await person.say("\u0001\u0002\u001b[31m\u007f\u200b");
    await person.say(IBAN);
    await person.say("lunch");
    await person.say("checking");
    expect((await person.say("yes")).response).toMatch(TRANSACTION_ID);
  });

  it("keeps a conversation intact after a hostile message in the middle of a flow", async () => {
    const person = new Customer(server.url, uniqueUser("mid-flow"));
    await person.say("send 20 euros to Omar Haddad");
    const before = await person.state();
    expectApiError(
      await post(json({ user_id: person.userId, message: 7 })),
      400,
      "invalid_request",
    );
    expectApiError(await post('{"user_id": "' + person.userId + '", "mess'), 400, "invalid_json");
    expect(await person.state()).toEqual(before);
    await person.say(IBAN);
    expect((await person.state()).slots).toMatchObject({
      amount: 20,
      beneficiary_name: "Omar Haddad",
    });
  });

  it("treats __proto__ and constructor as plain text, never as object keys", async () => {
    expectApiError(
      await post(json({ user_id: "__proto__", message: "hi" })),
      400,
      "invalid_request",
    );
    expectApiError(
      await post('{"__proto__": {"polluted": true}, "user_id": "u1", "message": "hi"}'),
      400,
      "invalid_json",
    );
    expectApiError(
      await post('{"constructor": {"prototype": {}}, "user_id": "u1", "message": "hi"}'),
      400,
      "invalid_json",
    );
    // "constructor" is a valid id: its own conversation, readable and resettable.
    const constructorId = new Customer(server.url, "constructor");
    await send(server.url, "/reset/constructor", { method: "POST", contentType: null });
    await constructorId.say("__proto__");
    await constructorId.say("constructor");
    expect((await constructorId.state()).user_id).toBe("constructor");
    const other = await send(server.url, "/state/toString");
    expect(other.status).toBe(200);
    expect((other.body as ConversationSnapshot).turn_count).toBe(0);
    // Nothing got polluted: a fresh conversation still starts clean.
    const fresh = new Customer(server.url, uniqueUser("after-proto"));
    const turn = await fresh.say("hello");
    expect(turn.active_flow).toBeNull();
    expect((await fresh.state()).slots).toEqual({});
  });

  it("accepts a user id of 128 characters everywhere and refuses 129 with one clear message", async () => {
    const longest = `u${"x".repeat(120)}${Math.random().toString(36).slice(2, 9)}`.slice(0, 128);
    expect(longest).toHaveLength(128);
    expect((await post(json({ user_id: longest, message: "hello" }))).status).toBe(200);
    const state = await send(server.url, `/state/${longest}`);
    expect(state.status, state.text).toBe(200);
    expect((state.body as ConversationSnapshot).turn_count).toBe(1);
    const reset = await send(server.url, `/reset/${longest}`, {
      method: "POST",
      contentType: null,
    });
    expect(reset.status, reset.text).toBe(200);

    const tooLong = `${longest}x`;
    for (const reply of [
      await post(json({ user_id: tooLong, message: "hello" })),
      await send(server.url, `/state/${tooLong}`),
      await send(server.url, `/reset/${tooLong}`, { method: "POST", contentType: null }),
    ]) {
      const message = expectApiError(reply, 400, "invalid_request");
      expect(message).toBe("user_id: must be at most 128 characters");
    }
    const absurd = await send(server.url, `/state/${"u".repeat(5000)}`);
    expectApiError(absurd, 414, "uri_too_long");
  });

  it.each([
    ["an array", "[1, 2]"],
    ["a string", '"hello"'],
    ["a number", "42"],
    ["null", "null"],
    ["true", "true"],
    ["deeply nested arrays", `${"[".repeat(5000)}${"]".repeat(5000)}`],
  ])("refuses %s as the body with 400", async (_name, body) => {
    const message = expectApiError(await post(body), 400, "invalid_request");
    expect(message).toMatch(/must be a JSON object/);
  });

  it("reads duplicate keys as JSON does: the last one wins", async () => {
    const user = uniqueUser("duplicate");
    const reply = await post(
      `{"user_id": "${user}", "message": "hello", "message": "what's my balance"}`,
    );
    expect(reply.status, reply.text).toBe(200);
    expect((reply.body as { active_flow: string }).active_flow).toBe("check_balance");
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["XML", "application/xml"],
    ["no content type", null],
  ])("refuses %s with 415", async (_name, contentType) => {
    const user = uniqueUser("media");
    const reply = await post(json({ user_id: user, message: "hello" }), contentType);
    const message = expectApiError(reply, 415, "unsupported_media_type");
    expect(message).toMatch(/application\/json/);
    const state = await send(server.url, `/state/${user}`);
    expect((state.body as ConversationSnapshot).turn_count).toBe(0);
  });

  it("copes with invalid UTF-8: replaced in a message, refused in a user id", async () => {
    const user = uniqueUser("utf8");
    const encoder = new TextEncoder();
    const bytes = (...parts: (string | number[])[]) =>
      Uint8Array.from(
        parts.flatMap((part) => (typeof part === "string" ? [...encoder.encode(part)] : part)),
      );
    const inMessage = await post(
      bytes(`{"user_id": "${user}", "message": "hi `, [0xff, 0xfe, 0xc3], ` there"}`),
    );
    expect(inMessage.status, inMessage.text).toBe(200);
    const inUserId = await post(bytes(`{"user_id": "${user}`, [0xff], `", "message": "hi"}`));
    expectApiError(inUserId, 400, "invalid_request");
    const loneSurrogate = await post(`{"user_id": "${user}", "message": "hi \\ud800 there"}`);
    expect(loneSurrogate.status).toBe(200);
    const state = await send(server.url, `/state/${user}`);
    expect((state.body as ConversationSnapshot).turn_count).toBe(2);
  });

  it.each([
    ["an empty body", "", "invalid_json"],
    ["truncated JSON", '{"user_id": "u1", "message": "hi', "invalid_json"],
    [
      "a message that is an object",
      json({ user_id: "u1", message: { text: "hi" } }),
      "invalid_request",
    ],
    ["an unknown field", json({ user_id: "u1", message: "hi", admin: true }), "invalid_request"],
    [
      "a whitespace-only message",
      json({ user_id: "u1", message: " \u00a0\n\t" }),
      "invalid_request",
    ],
    [
      "a user id with a slash",
      json({ user_id: "../etc/passwd", message: "hi" }),
      "invalid_request",
    ],
  ])("refuses %s with 400", async (_name, body, code) => {
    expectApiError(await post(body), 400, code);
  });

  it("answers requests that are not valid HTTP in the API's error format", async () => {
    const garbage = parseRaw(await rawRequest("NOT HTTP AT ALL\r\n\r\n"));
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ error: { code: "bad_request" } });
    const body = json({ user_id: uniqueUser("short-length"), message: "hello" });
    const lying = await rawRequest(
      `POST /message HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Content-Length: 5\r\n\r\n${body}`,
    );
    expect(lying).not.toMatch(/ 500 /);
    expect(lying).toMatch(/"code":"(invalid_json|bad_request)"/);
    const headers = parseRaw(
      await rawRequest(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`),
    );
    expect(headers.status).toBe(431);
    expect(headers.body).toMatchObject({ error: { code: "headers_too_large" } });
  });

  it("answers unknown routes and wrong methods in the API's error format", async () => {
    expectApiError(await send(server.url, "/message"), 405, "method_not_allowed");
    expectApiError(await send(server.url, "/admin"), 404, "not_found");
    expectApiError(await send(server.url, "/state/a%ZZ"), 400, "bad_request");
  });
});
