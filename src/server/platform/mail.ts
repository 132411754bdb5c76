import { desc } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "./db";
import { mailOutbox } from "./mail.schema";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  readonly transport: "smtp" | "outbox";
}

/** SMTP when configured; otherwise the outbox table, which the developer mail page lists. */
export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }, db: Db): Mailer {
  if (config.SMTP_URL) {
    const transporter: Transporter = nodemailer.createTransport(config.SMTP_URL);
    return {
      transport: "smtp",
      async send(message) {
        await transporter.sendMail({ from: config.MAIL_FROM, ...message });
      },
    };
  }
  return {
    transport: "outbox",
    async send(message) {
      await db.insert(mailOutbox).values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
      });
    },
  };
}

export async function listOutbox(db: Db, limit = 50) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
