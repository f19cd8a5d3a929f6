import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { invalidInput } from "../errors.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { userIdSchema } from "../user-id.ts";

const paramsSchema = z.strictObject({ user_id: userIdSchema });

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

function userIdFrom(params: unknown): string {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw invalidInput(parsed.error, "path", ["user_id"]);
  return parsed.data.user_id;
}

/**
 * GET /state/:user_id, GET /conversations/:user_id/turns and POST /reset/:user_id: inspect a
 * conversation, read its turn log, or forget it.
 */
export async function conversationRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  const { holder } = options;
  // These routes take no body; one sent anyway (even empty JSON) is ignored, not an error.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", (_request, _payload, done) => done(null, undefined));

  app.get("/state/:user_id", async (request) => {
    const userId = userIdFrom(request.params);
    return holder.use((runtime) => runtime.getState(userId));
  });

  app.get("/conversations/:user_id/turns", async (request) => {
    const userId = userIdFrom(request.params);
    const query = turnsQuerySchema.safeParse(request.query ?? {});
    if (!query.success) throw invalidInput(query.error, "query", ["limit"]);
    const limit = query.data.limit ?? DEFAULT_TURNS_LIMIT;
    const turns = await holder.use((runtime) => runtime.getTurns(userId, limit));
    return { user_id: userId, turns };
  });

  app.post("/reset/:user_id", async (request) => {
    const userId = userIdFrom(request.params);
    const existed = await holder.use((runtime) => runtime.resetState(userId));
    return {
      success: true,
      message: existed
        ? `Conversation '${userId}' was reset`
        : `Conversation '${userId}' had no state; nothing to reset`,
    };
  });
}
