import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { parseMail } from "./mime";

export interface ReceivedMail {
  to: string[];
  messageId: string | undefined;
  subject: string | undefined;
  text: string;
  raw: Buffer;
}

/**
 * A real SMTP server on a port the OS picks. While `refusing`, it answers every message with
 * 451 (try again later), as a server that is down for maintenance or over quota does; then the
 * sender must retry. `received` holds what it accepted.
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  let refused = 0;
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refusing) {
          refused++;
          const error = Object.assign(new Error("Service not available, try again later"), {
            responseCode: 451,
          });
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        const mail = parseMail(raw);
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: mail.header("message-id"),
          subject: mail.subject,
          text: mail.text ?? "",
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Mails accepted for this address. */
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    get refused() {
      return refused;
    },
    refuse(on: boolean) {
      state.refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
