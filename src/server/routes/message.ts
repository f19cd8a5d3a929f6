import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "../../runtime/runtime-loop.ts";
import { invalidInput } from "../errors.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { userIdSchema } from "../user-id.ts";

export const messageRequestSchema = z.strictObject(
  {
    user_id: userIdSchema,
    message: z
      .string({
        error: (issue) => (issue.input === undefined ? "is required" : "must be a string"),
      })
      .max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`)
      .refine((text) => text.trim().length > 0, "must not be empty"),
  },
  { error: () => 'must be a JSON object: {"user_id": "...", "message": "..."}' },
);
export type MessageRequest = z.infer<typeof messageRequestSchema>;

const FIELDS = Object.keys(messageRequestSchema.shape);

/** POST /message: one conversation turn. */
export async function messageRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  // Fastify parses text/plain by default; a turn is JSON only, so anything else gets a clear 415
  // rather than a misleading "must be a JSON object" for a JSON text sent with the wrong type.
  app.removeContentTypeParser("text/plain");
  app.post("/message", async (request) => {
    const parsed = messageRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalidInput(parsed.error, "body", FIELDS);
    const { user_id, message } = parsed.data;
    const turn = await options.holder.use((runtime) => runtime.processMessage(message, user_id));
    return {
      response: turn.response,
      messages: turn.messages,
      flow_state: turn.flowState,
      active_flow: turn.activeFlow,
      turn_count: turn.turnCount,
    };
  });
}
