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

/** GET /state/:user_id and POST /reset/:user_id: inspect or forget one conversation. */
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
