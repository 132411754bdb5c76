import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "./db";
import { effectKey } from "./events";
import { insertOutboxMail } from "./mail.repository";

export { listOutbox } from "./mail.repository";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * An iCalendar invitation (RFC 5545/5546) sent as the mail's text/calendar alternative, which
   * mail clients show with accept buttons. The development outbox keeps only the texts.
   */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /**
   * Where an answer goes when a person sent this mail through Werkbrug and can be answered (the
   * sender of "Benaderen", the other side of a message thread); absent, replies go nowhere.
   */
  replyTo?: string;
}

/**
 * Every mail Werkbrug sends is machine-made (RFC 3834): out-of-office replies and other
 * auto-responders stay quiet, also to mails a person asked for.
 */
export const SYSTEM_MAIL_HEADERS = { "Auto-Submitted": "auto-generated" } as const;

export interface SendOptions {
  /**
   * What makes this mail the same mail when it is sent again (a retried delivery). Inside an
   * event subscriber it defaults to the event id, the subscriber and the recipient, so
   * subscribers need not pass it (decision 0015).
   */
  idempotencyKey?: string;
}

export interface Mailer {
  send(message: MailMessage, options?: SendOptions): Promise<void>;
  readonly transport: "smtp" | "outbox";
}

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/** The outbox row id of a keyed mail: a UUID made from the key, so a repeat collides. */
export function outboxIdOf(key: string): string {
  const h = digest(`outbox:${key}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The Message-ID of a keyed mail: the same on every attempt, so a receiving system that got
 * the first attempt after all (its answer was lost) sees the second as the same message.
 */
export function messageIdOf(key: string, mailFrom: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? "werkbrug.localhost";
  return `<${digest(`message:${key}`).slice(0, 40)}@${domain}>`;
}

function keyOf(message: MailMessage, options: SendOptions | undefined): string | undefined {
  return options?.idempotencyKey ?? effectKey(`mail:${message.to.trim().toLowerCase()}`);
}

/** SMTP when configured; otherwise the outbox table, which the developer mail page lists. */
export function createMailer(config: { SMTP_URL?: string | undefined; MAIL_FROM: string }, db: Db): Mailer {
  if (config.SMTP_URL) {
    const transporter: Transporter = nodemailer.createTransport(config.SMTP_URL);
    return {
      transport: "smtp",
      async send(message, options) {
        const key = keyOf(message, options);
        const { calendar, replyTo, ...texts } = message;
        await transporter.sendMail({
          from: config.MAIL_FROM,
          ...texts,
          headers: { ...SYSTEM_MAIL_HEADERS },
          ...(replyTo ? { replyTo } : {}),
          ...(calendar
            ? { icalEvent: { method: calendar.method, content: calendar.content, filename: "invite.ics" } }
            : {}),
          ...(key ? { messageId: messageIdOf(key, config.MAIL_FROM) } : {}),
        });
      },
    };
  }
  return {
    transport: "outbox",
    async send(message, options) {
      const key = keyOf(message, options);
      await insertOutboxMail(db, {
        ...(key ? { id: outboxIdOf(key) } : {}),
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
      });
    },
  };
}
