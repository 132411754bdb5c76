import { z } from "zod";

export const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  createdAt: z.string(),
});

export const SmsOutboxMessageSchema = z.object({
  id: z.string(),
  /** E.164, e.g. +31612345678 */
  to: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

/** The developer mail page: what the app "sent" while no SMTP server or SMS gateway is configured. */
export const OutboxResponseSchema = z.object({
  transport: z.enum(["smtp", "outbox"]),
  messages: z.array(OutboxMessageSchema),
  /** Text messages in the sms_outbox table (only filled while SMS_GATEWAY_URL is unset), newest first. */
  sms: z.array(SmsOutboxMessageSchema),
});
export type OutboxResponse = z.infer<typeof OutboxResponseSchema>;
