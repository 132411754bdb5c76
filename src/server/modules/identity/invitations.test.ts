import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { Invitation, InvitationPreviewResponse, MeResponse } from "../../../contracts/identity";
import { mailOutbox } from "../../platform/mail.schema";
import { candidates } from "../candidates/candidates.schema";
import { memberships, organisations, users } from "../tenancy/tenancy.schema";
import { invitations } from "./identity.schema";

const error = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;

describe("invitations", () => {
  let server: TestServer;
  let admin: Client;
  let denHaag: string;
  let rotterdam: string;
  let westland: string;

  beforeAll(async () => {
    server = await startTestServer({ web: false });
    admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
    const orgs = await server.database.db.select().from(organisations);
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    denHaag = id("Gemeente Den Haag");
    rotterdam = id("Gemeente Rotterdam");
    westland = id("Westland Logistiek B.V.");
  });
  afterAll(async () => {
    await server?.close();
  });

  async function lastMailTo(email: string) {
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, email))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    return mail!;
  }
  const tokenIn = (text: string) => decodeURIComponent(/uitnodiging\?token=([^\s&]+)/.exec(text)![1]!);

  async function invite(body: Record<string, unknown>, client = admin) {
    return client.call("/api/v1/invitations", { body });
  }

  it("invites by e-mail with a role and a personal message, and the link lets the person sign up", async () => {
    const res = await invite({
      email: "nieuwe.collega@voorbeeld.nl",
      organisationId: denHaag,
      role: "account_manager",
      personalMessage: "Welkom in het team!",
    });
    expect(res.status).toBe(201);
    expect(res.json<Invitation>()).toMatchObject({
      status: "pending",
      role: "account_manager",
      organisationName: "Gemeente Den Haag",
    });

    const mail = await lastMailTo("nieuwe.collega@voorbeeld.nl");
    expect(mail.subject).toBe("Je bent uitgenodigd voor Werkbrug Haaglanden");
    expect(mail.text).toContain("Welkom in het team!");
    expect(mail.text).toContain(`http://haaglanden.localhost:${server.port}/uitnodiging?token=`);
    const token = tokenIn(mail.text);

    const visitor = new Client(server);
    const preview = await visitor.call(`/api/v1/invitations/preview?token=${encodeURIComponent(token)}`);
    expect(preview.json<InvitationPreviewResponse>()).toMatchObject({
      status: "pending",
      email: "nieuwe.collega@voorbeeld.nl",
      organisationName: "Gemeente Den Haag",
      invitedBy: { name: "Bram Beheerder", email: "beheer@demo.werkbrug.test" },
      existingAccount: false,
    });

    const accepted = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Nieuwe Collega", password: "Haagse-Bluf-2026", acceptTerms: true },
    });
    expect(accepted.status).toBe(201);
    // Single use.
    const again = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Nieuwe Collega", password: "Haagse-Bluf-2026", acceptTerms: true },
    });
    expect(again.status).toBe(410);
    expect(error(again).message).toBe(
      "Deze uitnodiging kan niet meer gebruikt worden. Vraag degene die je uitnodigde om een nieuwe.",
    );

    // Signed in, the new account manager must set up a second factor first.
    const colleague = new Client(server);
    const signedIn = await colleague.call("/api/auth/sign-in/email", {
      body: { email: "nieuwe.collega@voorbeeld.nl", password: "Haagse-Bluf-2026" },
    });
    expect(signedIn.status).toBe(200);
    expect((await colleague.call("/api/v1/me")).json<MeResponse>().user).toMatchObject({
      roles: ["account_manager"],
      needsTwoFactorSetup: true,
    });
    expect((await colleague.call("/api/v1/organisations")).status).toBe(403);
  });

  it("refuses the terms unchecked and a weak password, leaving no half-made account", async () => {
    await invite({ email: "zwak@voorbeeld.nl", organisationId: denHaag, role: "hr_officer" });
    const token = tokenIn((await lastMailTo("zwak@voorbeeld.nl")).text);
    const visitor = new Client(server);
    const noTerms = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Zwak", password: "Haagse-Bluf-2026", acceptTerms: false },
    });
    expect(noTerms.status).toBe(400);
    const weak = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Zwak", password: "welkom123", acceptTerms: true },
    });
    expect(weak.status).toBe(400);
    expect(error(weak).code).toBe("password_policy");
    expect(error(weak).fields!.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        "Gebruik minstens één hoofdletter.",
        "Gebruik minstens één speciaal teken, zoals ! ? # of @.",
      ]),
    );
    const db = server.database.db;
    expect(await db.$count(users, eq(users.email, "zwak@voorbeeld.nl"))).toBe(0);
    // Still usable with a good password.
    const ok = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Sterk", password: "Haagse-Bluf-2026", acceptTerms: true },
    });
    expect(ok.status).toBe(201);
  });

  it("resends with a new link and revokes, and says whom to ask", async () => {
    const created = (
      await invite({ email: "later@voorbeeld.nl", organisationId: denHaag, role: "hr_officer" })
    ).json<Invitation>();
    const oldToken = tokenIn((await lastMailTo("later@voorbeeld.nl")).text);
    const resent = await admin.call(`/api/v1/invitations/${created.id}/resend`, { body: {} });
    expect(resent.status).toBe(200);
    const newToken = tokenIn((await lastMailTo("later@voorbeeld.nl")).text);
    expect(newToken).not.toBe(oldToken);
    expect(
      (await new Client(server).call(`/api/v1/invitations/preview?token=${encodeURIComponent(oldToken)}`))
        .status,
    ).toBe(404);

    const revoked = await admin.call(`/api/v1/invitations/${created.id}/revoke`, { body: {} });
    expect(revoked.json<Invitation>().status).toBe("revoked");
    const preview = (
      await new Client(server).call(`/api/v1/invitations/preview?token=${encodeURIComponent(newToken)}`)
    ).json<InvitationPreviewResponse>();
    expect(preview).toMatchObject({ status: "revoked", invitedBy: { email: "beheer@demo.werkbrug.test" } });
    const accept = await new Client(server).call("/api/v1/invitations/accept", {
      body: { token: newToken, name: "Later", password: "Haagse-Bluf-2026", acceptTerms: true },
    });
    expect(accept.status).toBe(410);
  });

  it("treats an expired invitation as unusable", async () => {
    await invite({ email: "verlopen@voorbeeld.nl", organisationId: denHaag, role: "hr_officer" });
    const token = tokenIn((await lastMailTo("verlopen@voorbeeld.nl")).text);
    await server.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "verlopen@voorbeeld.nl"));
    const preview = await new Client(server).call(
      `/api/v1/invitations/preview?token=${encodeURIComponent(token)}`,
    );
    expect(preview.json<InvitationPreviewResponse>().status).toBe("expired");
    const accept = await new Client(server).call("/api/v1/invitations/accept", {
      body: { token, name: "Te Laat", password: "Haagse-Bluf-2026", acceptTerms: true },
    });
    expect(accept.status).toBe(410);
  });

  it("keeps invitations inside the inviter's organisations", async () => {
    const other = await invite({ email: "x@voorbeeld.nl", organisationId: rotterdam, role: "hr_officer" });
    expect(other.status).toBe(403);
    const list = (await admin.call("/api/v1/invitations")).json<{ invitations: Invitation[] }>().invitations;
    expect(list.every((i) => i.organisationName.startsWith("Gemeente Den Haag"))).toBe(true);
    // An account manager invites contact persons of employers, nothing else.
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const contact = await invite(
      {
        email: "contact@westland.example",
        organisationId: westland,
        role: "employer_contact",
        mayManageVacancies: true,
      },
      manager,
    );
    expect(contact.status).toBe(201);
    expect(contact.json<Invitation>().mayManageVacancies).toBe(true);
    const adminRole = await invite(
      { email: "baas@westland.example", organisationId: westland, role: "org_admin" },
      manager,
    );
    expect(adminRole.status).toBe(403);
    // A visitor cannot invite at all.
    expect(
      (
        await invite(
          { email: "y@voorbeeld.nl", organisationId: denHaag, role: "hr_officer" },
          new Client(server),
        )
      ).status,
    ).toBe(401);
  });

  it("logs invitations and sign-ins for the org admin", async () => {
    const res = await admin.call("/api/v1/audit?limit=200");
    expect(res.status).toBe(200);
    const types = new Set(res.json<{ events: { type: string }[] }>().events.map((e) => e.type));
    for (const type of [
      "invitation_sent",
      "invitation_accepted",
      "invitation_resent",
      "invitation_revoked",
      "sign_in_succeeded",
    ]) {
      expect(types, type).toContain(type);
    }
    const filtered = (await admin.call("/api/v1/audit?type=invitation_revoked")).json<{
      events: { type: string }[];
    }>().events;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((e) => e.type === "invitation_revoked")).toBe(true);
  });
});

describe("candidate registration", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("registers on the portal's candidate side and asks to confirm the e-mail address first", async () => {
    const visitor = new Client(server, `haaglanden.localhost:${server.port}`);
    const res = await visitor.call("/api/v1/candidates/register", {
      body: {
        email: "sam@voorbeeld.nl",
        name: "Sam de Vries",
        password: "Strand-Kijkduin-9",
        acceptTerms: true,
      },
    });
    expect(res.status).toBe(202);
    const { db } = server.database;
    const [row] = await db
      .select({ role: memberships.role, firstName: candidates.firstName, visible: candidates.visible })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(candidates, eq(candidates.userId, users.id))
      .where(eq(users.email, "sam@voorbeeld.nl"));
    expect(row).toEqual({ role: "candidate", firstName: "Sam", visible: false });

    const unverified = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "sam@voorbeeld.nl", password: "Strand-Kijkduin-9" },
    });
    expect(unverified.status).toBe(403);
    expect(error(unverified).code).toBe("email_not_verified");

    await server.app.events.drain();
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "sam@voorbeeld.nl"))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    const link = /(http\S+verify-email\S+)/.exec(mail!.text)![1]!;
    const url = new URL(link);
    const verified = await visitor.call(`${url.pathname}${url.search}`);
    expect([200, 302]).toContain(verified.status);
    const signedIn = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "sam@voorbeeld.nl", password: "Strand-Kijkduin-9" },
    });
    expect(signedIn.status).toBe(200);
  });

  it("answers the same for an address that already has an account", async () => {
    const res = await new Client(server).call("/api/v1/candidates/register", {
      body: {
        email: "kandidaat@demo.werkbrug.test",
        name: "Iemand Anders",
        password: "Strand-Kijkduin-9",
        acceptTerms: true,
      },
    });
    expect(res.status).toBe(202);
    expect(res.json()).toEqual({ status: "verification_sent" });
  });

  it("rejects a weak password with the rule that failed", async () => {
    const res = await new Client(server).call("/api/v1/candidates/register", {
      body: { email: "zwak@voorbeeld.nl", name: "Zwak", password: "kort", acceptTerms: true },
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(400);
    expect(error(res).fields?.map((f) => f.message)).toContain("Use at least 8 characters.");
    expect(await server.database.db.$count(users, eq(users.email, "zwak@voorbeeld.nl"))).toBe(0);
  });
});
