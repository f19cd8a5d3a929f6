import type { FastifyInstance } from "fastify";
import { invalidInput } from "../errors.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { userIdFrom } from "./conversation.ts";
import { messageRequestSchema } from "./message.ts";

const chatBodySchema = messageRequestSchema.pick({ message: true });
const FIELDS = Object.keys(messageRequestSchema.shape);

/**
 * The original Soni (Python) server's turn routes, for clients written against it
 * (docs/http-api.md, "Compatibility routes"): POST /chat `{user_id, message}` answers
 * `{response, flow_state, active_flow, turn_count}`; the older POST /chat/:user_id `{message}`
 * answers `{response, user_id}`. Same turn as POST /message.
 */
export async function compatChatRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  app.removeContentTypeParser("text/plain");

  app.post("/chat", async (request) => {
    const parsed = messageRequestSchema.safeParse(request.body);
    if (!parsed.success) throw invalidInput(parsed.error, "body", FIELDS);
    const { user_id, message } = parsed.data;
    const turn = await holder.use((runtime) => runtime.processMessage(message, user_id));
    return {
      response: turn.response,
      flow_state: turn.flowState,
      active_flow: turn.activeFlow,
      turn_count: turn.turnCount,
    };
  });

  app.post("/chat/:user_id", async (request) => {
    const userId = userIdFrom(request.params);
    const parsed = chatBodySchema.safeParse(request.body);
    if (!parsed.success) throw invalidInput(parsed.error, "body", ["message"]);
    const turn = await holder.use((runtime) => runtime.processMessage(parsed.data.message, userId));
    return { response: turn.response, user_id: userId };
  });
}
