import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { API_ERRORS, errorResponses } from "../api-schemas.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { userIdSchema } from "../user-id.ts";
import { flowStateSchema } from "./message.ts";

export const paramsSchema = z.strictObject({ user_id: userIdSchema });

export const conversationSnapshotSchema = z
  .object({
    user_id: z.string(),
    flow_state: flowStateSchema,
    active_flow: z.string().nullable(),
    flow_stack: z.array(
      z.object({ flow: z.string(), step: z.string().nullable(), instance_id: z.string() }),
    ),
    slots: z.record(z.string(), z.unknown()).describe("The active flow's slots (internal hidden)"),
    waiting_for_slot: z.string().nullable(),
    turn_count: z.number().int(),
  })
  .meta({ id: "ConversationState" });

export const resetAnswerSchema = z.object({ success: z.boolean(), message: z.string() });

/** Most turns one GET /conversations/:user_id/turns returns, and how many it returns unasked. */
export const MAX_TURNS_LIMIT = 1000;
export const DEFAULT_TURNS_LIMIT = 100;

const LIMIT_MESSAGE = `must be a whole number from 1 to ${MAX_TURNS_LIMIT}`;
const turnsQuerySchema = z.strictObject({
  limit: z
    .string({ error: `${LIMIT_MESSAGE}, given once` })
    .regex(/^\d{1,7}$/, LIMIT_MESSAGE)
    .transform(Number)
    .refine((limit) => limit >= 1 && limit <= MAX_TURNS_LIMIT, LIMIT_MESSAGE)
    .optional(),
});

/** One stored turn: what was said, understood and run, and the state it left. */
const turnRecordSchema = z
  .object({
    turn: z.number().int(),
    at: z.string(),
    user_message: z.string(),
    commands: z.array(z.record(z.string(), z.unknown())),
    steps: z.array(z.record(z.string(), z.unknown())),
    messages: z.array(z.string()),
    du: z
      .object({ source: z.string(), latency_ms: z.number() })
      .optional()
      .describe(
        "Which reader produced the commands (heuristic, llm, fallback, failed) and its time",
      ),
    dm_ms: z.number().optional(),
    state_after: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "TurnRecord" });

/**
 * GET /state/:user_id, GET /conversations/:user_id/turns and POST /reset/:user_id: inspect a
 * conversation, read its turn log, or forget it.
 */
export async function conversationRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  // These routes take no body; one sent anyway (even empty JSON) is ignored, not an error.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", (_request, _payload, done) => done(null, undefined));
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/state/:user_id",
    {
      schema: {
        summary: "The conversation's state (an unknown user is idle at turn 0)",
        tags: ["conversation"],
        params: paramsSchema,
        response: { 200: conversationSnapshotSchema, ...errorResponses(400, ...API_ERRORS) },
      },
    },
    async (request) => holder.use((runtime) => runtime.getState(request.params.user_id)),
  );

  routes.get(
    "/conversations/:user_id/turns",
    {
      schema: {
        summary: "The conversation's stored turn records, newest last",
        tags: ["conversation"],
        params: paramsSchema,
        querystring: turnsQuerySchema,
        response: {
          200: z.object({ user_id: z.string(), turns: z.array(turnRecordSchema) }),
          ...errorResponses(400, ...API_ERRORS),
        },
      },
    },
    async (request) => {
      const userId = request.params.user_id;
      const limit = request.query.limit ?? DEFAULT_TURNS_LIMIT;
      const turns = await holder.use((runtime) => runtime.getTurns(userId, limit));
      return { user_id: userId, turns };
    },
  );

  routes.post(
    "/reset/:user_id",
    {
      schema: {
        summary: "Forget a conversation",
        tags: ["conversation"],
        params: paramsSchema,
        response: { 200: resetAnswerSchema, ...errorResponses(400, ...API_ERRORS) },
      },
    },
    async (request) => resetConversation(holder, request.params.user_id),
  );
}

/** Forgets one conversation; the answer of POST /reset and of the compatibility DELETE /state. */
export async function resetConversation(
  holder: RuntimeHolder,
  userId: string,
): Promise<{ success: true; message: string }> {
  const existed = await holder.use((runtime) => runtime.resetState(userId));
  return {
    success: true,
    message: existed
      ? `Conversation '${userId}' was reset`
      : `Conversation '${userId}' had no state; nothing to reset`,
  };
}
