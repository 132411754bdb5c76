import { z } from "zod";

export const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: z.string(),
});

/** The developer mail page: what the app "sent" while no SMTP server is configured. */
export const OutboxResponseSchema = z.object({
  transport: z.enum(["smtp", "outbox"]),
  messages: z.array(OutboxMessageSchema),
});
export type OutboxResponse = z.infer<typeof OutboxResponseSchema>;
