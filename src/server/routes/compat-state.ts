import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { API_ERRORS, errorResponses } from "../api-schemas.ts";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { paramsSchema, resetAnswerSchema, resetConversation } from "./conversation.ts";

/** DELETE /state/:user_id: the original Soni server's reset (same as POST /reset/:user_id). */
export async function compatStateRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  // No body is expected; one sent anyway is ignored, as on POST /reset.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", (_request, _payload, done) => done(null, undefined));

  app.withTypeProvider<ZodTypeProvider>().delete(
    "/state/:user_id",
    {
      schema: {
        summary: "Forget a conversation (the original's form of POST /reset; compatibility)",
        tags: ["compatibility"],
        params: paramsSchema,
        response: { 200: resetAnswerSchema, ...errorResponses(400, ...API_ERRORS) },
      },
    },
    async (request) => resetConversation(options.holder, request.params.user_id),
  );
}
