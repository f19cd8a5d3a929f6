import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { TurnResult } from "../../runtime/runtime-loop.ts";
import { MAX_MESSAGE_LENGTH } from "../../runtime/runtime-loop.ts";
import { API_ERRORS, errorResponses } from "../api-schemas.ts";
import { RuntimeUnavailableError } from "../errors.ts";
import { sendEventStream, wantsEventStream } from "../event-stream.ts";
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

export const flowStateSchema = z.enum(["idle", "active", "waiting_input"]);

export const messageAnswerSchema = z
  .object({
    response: z.string().describe("`messages` joined with newlines"),
    messages: z.array(z.string()),
    flow_state: flowStateSchema,
    active_flow: z.string().nullable(),
    turn_count: z.number().int(),
  })
  .meta({ id: "MessageAnswer" });

function answerOf(turn: TurnResult): z.infer<typeof messageAnswerSchema> {
  return {
    response: turn.response,
    messages: turn.messages,
    flow_state: turn.flowState,
    active_flow: turn.activeFlow,
    turn_count: turn.turnCount,
  };
}

const STREAM_DESCRIPTION = [
  'With `Accept: text/event-stream`: one `message` event per bot message (`{"text": ...}`),',
  "then `done` carrying the same JSON as the plain answer; a failure after the stream opened is",
  "an `error` event carrying the error shape.",
].join(" ");

/** POST /message: one conversation turn, as JSON or as Server-Sent Events. */
export async function messageRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  // Fastify parses text/plain by default; a turn is JSON only, so anything else gets a clear 415
  // rather than a misleading "must be a JSON object" for a JSON text sent with the wrong type.
  app.removeContentTypeParser("text/plain");
  app.withTypeProvider<ZodTypeProvider>().post(
    "/message",
    {
      schema: {
        summary: "One conversation turn",
        description: STREAM_DESCRIPTION,
        tags: ["conversation"],
        body: messageRequestSchema,
        response: {
          200: {
            description: "The turn is saved",
            content: {
              "application/json": { schema: messageAnswerSchema },
              "text/event-stream": { schema: z.string().describe(STREAM_DESCRIPTION) },
            },
          },
          ...errorResponses(400, 409, 413, 415, ...API_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const { user_id, message } = request.body;
      const options = { requestId: request.id };
      if (!wantsEventStream(request)) {
        return answerOf(
          await holder.use((runtime) => runtime.processMessage(message, user_id, options)),
        );
      }
      // Not ready to take a turn: a plain 503 the client and balancers understand, not a stream.
      if (holder.status !== "healthy") throw new RuntimeUnavailableError(holder.status);
      return sendEventStream(request, reply, async () => {
        const result = await holder.use((runtime) =>
          runtime.processMessage(message, user_id, options),
        );
        return { messages: result.messages, done: answerOf(result) };
      });
    },
  );
}
