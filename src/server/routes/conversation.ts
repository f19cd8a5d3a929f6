import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { invalidInput } from "../errors.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { userIdSchema } from "../user-id.ts";

const paramsSchema = z.strictObject({ user_id: userIdSchema });

export function userIdFrom(params: unknown): string {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw invalidInput(parsed.error, "path", ["user_id"]);
  return parsed.data.user_id;
}

/** GET /state/:user_id and POST /reset/:user_id: inspect or forget one conversation. */
export async function conversationRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  // These routes take no body; one sent anyway (even empty JSON) is ignored, not an error.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", (_request, _payload, done) => done(null, undefined));

  app.get("/state/:user_id", async (request) => {
    const userId = userIdFrom(request.params);
    return holder.use((runtime) => runtime.getState(userId));
  });

  app.post("/reset/:user_id", async (request) => {
    const userId = userIdFrom(request.params);
    return resetConversation(holder, userId);
  });
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
