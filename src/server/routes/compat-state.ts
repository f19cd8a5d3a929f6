import type { FastifyInstance } from "fastify";
import type { RuntimeHolder } from "../runtime-holder.ts";
import { resetConversation, userIdFrom } from "./conversation.ts";

/** DELETE /state/:user_id: the original Soni server's reset (same as POST /reset/:user_id). */
export async function compatStateRoutes(app: FastifyInstance, options: { holder: RuntimeHolder }) {
  // No body is expected; one sent anyway is ignored, as on POST /reset.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", (_request, _payload, done) => done(null, undefined));

  app.delete("/state/:user_id", async (request) =>
    resetConversation(options.holder, userIdFrom(request.params)),
  );
}
