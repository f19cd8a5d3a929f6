import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { API_ERRORS, errorResponses } from "../api-schemas.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { paramsSchema } from "./conversation.ts";
import { flowStateSchema, messageRequestSchema } from "./message.ts";

const chatBodySchema = messageRequestSchema.pick({ message: true });

const chatAnswerSchema = z
  .object({
    response: z.string(),
    flow_state: flowStateSchema,
    active_flow: z.string().nullable(),
    turn_count: z.number().int(),
  })
  .meta({ id: "CompatChatAnswer" });

/**
 * The original Soni (Python) server's turn routes, for clients written against it
 * (docs/http-api.md, "Compatibility routes"): POST /chat `{user_id, message}` answers
 * `{response, flow_state, active_flow, turn_count}`; the older POST /chat/:user_id `{message}`
 * answers `{response, user_id}`. Same turn as POST /message.
 */
export async function compatChatRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  app.removeContentTypeParser("text/plain");
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    "/chat",
    {
      schema: {
        summary: "One turn, in the original Soni server's shape (compatibility)",
        tags: ["compatibility"],
        body: messageRequestSchema,
        response: { 200: chatAnswerSchema, ...errorResponses(400, 409, 413, 415, ...API_ERRORS) },
      },
    },
    async (request) => {
      const { user_id, message } = request.body;
      const turn = await holder.use((runtime) =>
        runtime.processMessage(message, user_id, { requestId: request.id }),
      );
      return {
        response: turn.response,
        flow_state: turn.flowState,
        active_flow: turn.activeFlow,
        turn_count: turn.turnCount,
      };
    },
  );

  routes.post(
    "/chat/:user_id",
    {
      schema: {
        summary: "One turn, user id in the path (the original's older form; compatibility)",
        tags: ["compatibility"],
        params: paramsSchema,
        body: chatBodySchema,
        response: {
          200: z.object({ response: z.string(), user_id: z.string() }),
          ...errorResponses(400, 409, 413, 415, ...API_ERRORS),
        },
      },
    },
    async (request) => {
      const userId = request.params.user_id;
      const turn = await holder.use((runtime) =>
        runtime.processMessage(request.body.message, userId, { requestId: request.id }),
      );
      return { response: turn.response, user_id: userId };
    },
  );
}
