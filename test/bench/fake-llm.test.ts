import { describe, expect, it } from "vitest";
import { startFakeLlm } from "../../bench/lib/fake-llm.ts";

const completion = (baseUrl: string, signal?: AbortSignal) =>
  fetch(`${baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] }),
    signal,
  });

describe("fake OpenAI-compatible endpoint for the LLM-faults drill", () => {
  it("serves its faults in rotation and counts them", async () => {
    const llm = await startFakeLlm(["server_error", "rate_limited", "garbage", "invalid_content"]);
    try {
      const first = await completion(llm.baseUrl);
      expect(first.status).toBe(500);
      await first.text();
      expect((await completion(llm.baseUrl)).status).toBe(429);
      const garbage = await completion(llm.baseUrl);
      expect(garbage.status).toBe(200);
      await expect(garbage.clone().json()).rejects.toThrow();
      await garbage.text();
      const invalid = (await (await completion(llm.baseUrl)).json()) as {
        choices: { message: { content: string } }[];
      };
      expect(() => JSON.parse(invalid.choices[0]!.message.content)).toThrow();
      expect(llm.requests).toBe(4);
      expect(llm.served).toMatchObject({
        server_error: 1,
        rate_limited: 1,
        garbage: 1,
        invalid_content: 1,
      });
    } finally {
      await llm.close();
    }
  });

  it("never answers a timeout request and breaks off a reset one", async () => {
    const llm = await startFakeLlm(["timeout", "reset"]);
    try {
      await expect(completion(llm.baseUrl, AbortSignal.timeout(200))).rejects.toThrow();
      await expect(completion(llm.baseUrl).then((r) => r.text())).rejects.toThrow();
    } finally {
      await llm.close();
    }
  });
});
