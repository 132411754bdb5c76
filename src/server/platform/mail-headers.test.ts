import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { parseMail } from "../../../test/support/mime";
import { startTestServer, type TestServer } from "../../../test/support/server";
import { Client, signIn } from "../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../test/support/smtp";
import { candidates } from "../modules/candidates/candidates.schema";

describe.each(testDbKinds())("what every mail carries, over SMTP, on %s", (kind) => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  const mailTo = (address: string) => {
    const found = smtp.received.filter((mail) => mail.to.includes(address)).at(-1);
    expect(found, `a mail to ${address}`).toBeDefined();
    return parseMail(found!.raw);
  };

  it("marks a system mail Auto-Submitted with no Reply-To", async () => {
    const res = await new Client(server).call("/api/auth/request-password-reset", {
      body: { email: "hr@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
    });
    expect(res.status).toBe(200);
    await server.app.events.drain();
    const mail = mailTo("hr@demo.werkbrug.test");
    expect(mail.header("auto-submitted")).toBe("auto-generated");
    expect(mail.header("reply-to")).toBeUndefined();
  });

  it("lets the candidate answer the person who approached them (Reply-To), still Auto-Submitted", async () => {
    const host = `haaglanden.localhost:${server.port}`;
    const manager = new Client(server, host);
    const candidate = new Client(server, host);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    const [kim] = await server.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.userId, "demo-kandidaat"));
    const visible = await candidate.call("/api/v1/candidates/me/visibility", {
      method: "PUT",
      body: { portal: "haaglanden", visible: true },
    });
    expect(visible.status, visible.text).toBe(200);
    const sent = await manager.call(`/api/v1/candidates/${kim!.id}/approach`, {
      body: { subject: "Een baan voor jou", message: "Hoi Kim, zullen we bellen?" },
    });
    expect(sent.status, sent.text).toBe(201);
    await server.app.events.drain();
    const mail = mailTo("kandidaat@demo.werkbrug.test");
    expect(mail.subject).toContain("Een baan voor jou");
    expect(mail.header("auto-submitted")).toBe("auto-generated");
    expect(mail.header("reply-to")).toBe("accountmanager@demo.werkbrug.test");
  });
});
