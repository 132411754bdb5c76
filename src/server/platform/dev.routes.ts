import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { OutboxResponseSchema } from "../../contracts/dev";
import type { Db } from "./db";
import type { Mailer } from "./mail";
import { listOutbox } from "./mail.repository";
import { listSmsOutbox } from "./sms.repository";

/** Developer pages: gone (404) when NODE_ENV=production. */
export async function registerDevRoutes(
  app: FastifyInstance,
  deps: { db: Db; mailer: Mailer },
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/dev/mail",
    {
      config: { access: "development" },
      schema: {
        tags: ["development"],
        summary: "Mail and text messages written to the outbox tables",
        response: { 200: OutboxResponseSchema },
      },
    },
    async () => ({
      transport: deps.mailer.transport,
      messages: (await listOutbox(deps.db)).map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      sms: (await listSmsOutbox(deps.db)).map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    }),
  );
}
