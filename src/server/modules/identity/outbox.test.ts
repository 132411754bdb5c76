import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { openTestDatabase, startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { Invitation } from "../../../contracts/identity";
import type { Database } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { organisations } from "../tenancy/tenancy.schema";

/*
 * Mail through the transactional outbox (decision 0015), against a real SMTP server that first
 * refuses (451) and then accepts: every mail arrives exactly once, whatever happened in between.
 */

/** The time a retry waits, passed: what a retry after the backoff would find. */
async function retriesAreDue(database: Database) {
  await database.db.execute(
    sql`update event_deliveries set next_attempt_at = now() where status = 'pending'`,
  );
}

describe.each(testDbKinds())("mail through the outbox on %s", (kind) => {
  let smtp: TestSmtpServer;
  let database: Database;
  let server: TestServer;
  let admin: Client;
  let denHaag: string;

  const start = async () => {
    const started = await startTestServer({ database, web: false, env: { SMTP_URL: smtp.url } });
    // Dispatch only when a test says so (drain), so each state can be looked at.
    await started.app.events.stop();
    return started;
  };
  const invite = (client: Client, email: string) =>
    client.call("/api/v1/invitations", {
      body: { email, organisationId: denHaag, role: "hr_officer", personalMessage: null },
    });
  const listed = async (client: Client, id: string) =>
    (await client.call("/api/v1/invitations"))
      .json<{ invitations: Invitation[] }>()
      .invitations.find((i) => i.id === id);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await openTestDatabase(kind);
    server = await start();
    admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
    const [org] = await database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    denHaag = org!.id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await smtp?.close();
  });

  it("answers a password reset with 200 while the SMTP server refuses, and delivers the mail once it accepts", async () => {
    smtp.refuse(true);
    const res = await new Client(server).call("/api/auth/request-password-reset", {
      body: { email: "kandidaat@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
    });
    expect(res.status).toBe(200);
    await server.app.events.drain();
    expect(smtp.refused).toBeGreaterThan(0);
    expect(smtp.to("kandidaat@demo.werkbrug.test")).toHaveLength(0);

    smtp.refuse(false);
    await retriesAreDue(database);
    await server.app.events.drain();
    const mails = smtp.to("kandidaat@demo.werkbrug.test");
    expect(mails).toHaveLength(1);
    const token = /reset-password\/([^?\s]+)\?/.exec(mails[0]!.text)?.[1];
    expect(token).toBeDefined();
    // The link works, and it was never stored in clear text in the event.
    const [event] = await database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.type, "identity.password_reset_requested"));
    expect(JSON.stringify(event!.payload)).not.toContain(token!);
    const reset = await new Client(server).call("/api/auth/reset-password", {
      body: { token, newPassword: "Duinpad-Kijkduin-77" },
    });
    expect(reset.status).toBe(200);

    // Nothing more arrives on later rounds.
    await retriesAreDue(database);
    await server.app.events.drain();
    expect(smtp.to("kandidaat@demo.werkbrug.test")).toHaveLength(1);
  });

  it("shows an invitation as sending until delivered, then sent", async () => {
    const created = await invite(admin, "snel@voorbeeld.nl");
    expect(created.status).toBe(201);
    const invitation = created.json<Invitation>();
    expect(invitation).toMatchObject({ status: "pending", delivery: "sending" });
    await server.app.events.drain();
    expect(await listed(admin, invitation.id)).toMatchObject({ delivery: "sent" });
    expect(smtp.to("snel@voorbeeld.nl")).toHaveLength(1);
  });

  it("shows a failed invitation mail to the admin, and a resend delivers exactly one working link", async () => {
    smtp.refuse(true);
    const created = await invite(admin, "storing@voorbeeld.nl");
    // The mail could not go out, yet the invitation exists: 201, and it is being sent.
    expect(created.status).toBe(201);
    const invitation = created.json<Invitation>();
    expect(invitation.delivery).toBe("sending");
    await server.app.events.drain();
    expect(await listed(admin, invitation.id)).toMatchObject({ status: "pending", delivery: "failed" });
    expect(smtp.to("storing@voorbeeld.nl")).toHaveLength(0);

    smtp.refuse(false);
    const resent = await admin.call(`/api/v1/invitations/${invitation.id}/resend`, { body: {} });
    expect(resent.status).toBe(200);
    expect(resent.json<Invitation>().delivery).toBe("sending");
    await server.app.events.drain();
    expect(await listed(admin, invitation.id)).toMatchObject({ delivery: "sent" });
    // The first event's retry finds its link replaced and sends nothing.
    await retriesAreDue(database);
    await server.app.events.drain();
    const mails = smtp.to("storing@voorbeeld.nl");
    expect(mails).toHaveLength(1);
    const token = decodeURIComponent(/uitnodiging\?token=([^\s&]+)/.exec(mails[0]!.text)![1]!);
    const preview = await new Client(server).call(
      `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`,
    );
    expect(preview.status).toBe(200);
  });

  it("delivers an event committed by a process that died before dispatching it", async () => {
    const created = await invite(admin, "na.de.crash@voorbeeld.nl");
    expect(created.status).toBe(201);
    // The process goes away without dispatching (its bus was never started here).
    await server.close();
    expect(smtp.to("na.de.crash@voorbeeld.nl")).toHaveLength(0);
    server = await start();
    admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
    await server.app.events.drain();
    expect(smtp.to("na.de.crash@voorbeeld.nl")).toHaveLength(1);
  });

  it("sends nothing twice when two processes drain at the same time", async () => {
    const other = await start();
    try {
      const addresses = Array.from({ length: 6 }, (_, n) => `samen${n}@voorbeeld.nl`);
      for (const email of addresses) expect((await invite(admin, email)).status).toBe(201);
      await Promise.all([
        server.app.events.drain(),
        other.app.events.drain(),
        server.app.events.drain(),
        other.app.events.drain(),
      ]);
      for (const email of addresses) expect(smtp.to(email), email).toHaveLength(1);
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await other.close();
    }
  });
});
