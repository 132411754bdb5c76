import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { RegisteredJobSeeker } from "../../../contracts/candidates";
import {
  accounts,
  candidateMessages,
  contactDetailViews,
  domainEvents,
  eventDeliveries,
  mailOutbox,
  memberships,
  organisations,
  portals,
  twoFactors,
  users,
} from "../../platform/schema";
import { DEMO_PASSWORD } from "../../seed/demo";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

describe.each(testDbKinds())("candidates: who reaches a candidate's rows, and the events on %s", (kind) => {
  let server: TestServer;
  let kim: Client; // kandidaat@: visible on Haaglanden
  let wim: Client; // werkgever@: also a Haaglanden candidate, not visible
  let manager: Client; // accountmanager@: Gemeente Den Haag, at home on Haaglanden
  let managerOnRijnmond: Client; // the same person through the Rijnmond host
  let rotterdam: Client; // an account manager of Gemeente Rotterdam, at home on Rijnmond
  let kimId: string;
  let documentId: string;
  let photoId: string;
  let wimDocumentId: string;
  let denHaagId: string;
  let rijnmondId: string;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;
  const eventsOf = (type: string) =>
    server.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.type, type))
      .orderBy(asc(domainEvents.seq));
  const allEventsText = async () =>
    JSON.stringify(await server.database.db.select().from(domainEvents)).toLowerCase();
  const contactLogOf = async (candidateId: string) => {
    const [row] = await server.database.db
      .select({ n: count() })
      .from(contactDetailViews)
      .where(eq(contactDetailViews.candidateId, candidateId));
    return Number(row?.n ?? 0);
  };
  const setVisible = async (client: Client, portal: string, visible: boolean) => {
    const res = await client.call("/api/v1/candidates/me/visibility", {
      method: "PUT",
      body: { portal, visible },
    });
    expect(res.status, res.text).toBe(200);
  };

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const [rotterdamOrg] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Rotterdam"));
    const [denHaag] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    const [rijnmond] = await db.select().from(portals).where(eq(portals.slug, "rijnmond"));
    denHaagId = denHaag!.id;
    rijnmondId = rijnmond!.id;
    // An account manager at home on Rijnmond, with the demo staff's password and second factor.
    const [template] = await db.select().from(users).where(eq(users.id, "demo-accountmanager"));
    const [credential] = await db.select().from(accounts).where(eq(accounts.userId, "demo-accountmanager"));
    const [totp] = await db.select().from(twoFactors).where(eq(twoFactors.userId, "demo-accountmanager"));
    await db.insert(users).values({
      id: "test-rotterdam",
      name: "Ruud Rotterdam",
      email: "am@rotterdam.test",
      emailVerified: true,
      twoFactorEnabled: template!.twoFactorEnabled,
    });
    await db.insert(accounts).values({
      id: "test-rotterdam-credential",
      userId: "test-rotterdam",
      accountId: "test-rotterdam",
      providerId: "credential",
      password: credential!.password,
    });
    if (totp) {
      await db.insert(twoFactors).values({
        id: "test-rotterdam-totp",
        userId: "test-rotterdam",
        secret: totp.secret,
        backupCodes: totp.backupCodes,
      });
    }
    await db
      .insert(memberships)
      .values({ userId: "test-rotterdam", role: "account_manager", organisationId: rotterdamOrg!.id });

    kim = new Client(server, host("haaglanden"));
    wim = new Client(server, host("haaglanden"));
    manager = new Client(server, host("haaglanden"));
    managerOnRijnmond = new Client(server, host("rijnmond"));
    rotterdam = new Client(server, host("rijnmond"));
    await signIn(kim, "kandidaat@demo.werkbrug.test");
    await signIn(wim, "werkgever@demo.werkbrug.test");
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(managerOnRijnmond, "accountmanager@demo.werkbrug.test");
    await signIn(rotterdam, "am@rotterdam.test", DEMO_PASSWORD);

    kimId = (await kim.call("/api/v1/candidates/me")).json<{ profile: { id: string } }>().profile.id;
    await setVisible(kim, "haaglanden", true);
    const upload = await kim.call("/api/v1/candidates/me/documents?fileName=cv.pdf&kind=cv", {
      raw: { data: PDF, type: "application/pdf" },
    });
    expect(upload.status, upload.text).toBe(201);
    documentId = upload.json<{ document: { id: string } }>().document.id;
    const photo = await kim.call("/api/v1/candidates/me/media/photos", {
      raw: { data: PNG, type: "image/png" },
    });
    expect(photo.status, photo.text).toBe(201);
    photoId = photo.json<{ photo: { id: string } }>().photo.id;
    const wimUpload = await wim.call("/api/v1/candidates/me/documents?fileName=wim.pdf&kind=cv", {
      raw: { data: PDF, type: "application/pdf" },
    });
    expect(wimUpload.status, wimUpload.text).toBe(201);
    wimDocumentId = wimUpload.json<{ document: { id: string } }>().document.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("keeps a visible candidate's rows from staff of another portal and organisation", async () => {
    // Her own portal's staff reach her rows.
    expect((await manager.call(`/api/v1/candidates/${kimId}/documents/${documentId}`)).status).toBe(200);
    expect((await manager.call(`/api/v1/candidates/${kimId}/media/photos/${photoId}`)).status).toBe(200);

    const log = await contactLogOf(kimId);
    const [messages] = await server.database.db
      .select({ n: count() })
      .from(candidateMessages)
      .where(eq(candidateMessages.candidateId, kimId));
    for (const client of [rotterdam, managerOnRijnmond]) {
      const paths = [
        `/api/v1/candidates/${kimId}`,
        `/api/v1/candidates/${kimId}/documents/${documentId}`,
        `/api/v1/candidates/${kimId}/media/photos/${photoId}`,
        `/api/v1/candidates/${kimId}/photo`,
        `/api/v1/candidates/${kimId}/contact-details`,
        `/api/v1/candidates/${kimId}/vacancies`,
      ];
      for (const path of paths) expect((await client.call(path)).status, path).toBe(404);
      const approach = await client.call(`/api/v1/candidates/${kimId}/approach`, {
        body: { subject: "Hallo", message: "Mag ik je iets vragen?" },
      });
      expect(approach.status).toBe(404);
      expect((await client.call(`/api/v1/candidates/${kimId}/favourite`, { method: "PUT" })).status).toBe(
        404,
      );
    }
    expect((await rotterdam.call(`/api/v1/candidates/${kimId}/favourite`)).json()).toEqual({
      favourite: false,
    });
    // Nothing was logged or delivered on her behalf.
    expect(await contactLogOf(kimId)).toBe(log);
    const [after] = await server.database.db
      .select({ n: count() })
      .from(candidateMessages)
      .where(eq(candidateMessages.candidateId, kimId));
    expect(after!.n).toBe(messages!.n);
  });

  it("does not hand out another candidate's document through a visible candidate's id", async () => {
    expect((await manager.call(`/api/v1/candidates/${kimId}/documents/${wimDocumentId}`)).status).toBe(404);
    // Nor through his own id: he is not visible anywhere.
    const wimId = (await wim.call("/api/v1/candidates/me")).json<{ profile: { id: string } }>().profile.id;
    expect((await manager.call(`/api/v1/candidates/${wimId}/documents/${wimDocumentId}`)).status).toBe(404);
    expect((await wim.call(`/api/v1/candidates/me/documents/${wimDocumentId}`)).status).toBe(200);
  });

  it("lets staff of another portal in once the candidate chooses to be visible there too", async () => {
    await setVisible(kim, "rijnmond", true);
    try {
      expect((await rotterdam.call(`/api/v1/candidates/${kimId}/documents/${documentId}`)).status).toBe(200);
      // Still not for Den Haag staff through the Rijnmond host: their organisation is not at home there.
      expect((await managerOnRijnmond.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
    } finally {
      await setVisible(kim, "rijnmond", false);
    }
    expect((await rotterdam.call(`/api/v1/candidates/${kimId}`)).status).toBe(404);
  });

  it("writes an event with each change, without what the person wrote or how to reach them", async () => {
    const patched = await kim.call("/api/v1/candidates/me/profile", {
      method: "PATCH",
      body: { general: { headline: "Unieke kop 8491" }, hobbies: "Zeilen" },
    });
    expect(patched.status, patched.text).toBe(200);
    const updated = (await eventsOf("candidate.profile_updated")).at(-1)!;
    expect(updated).toMatchObject({
      subject: { candidateId: kimId },
      actorUserId: "demo-kandidaat",
      organisationId: null,
    });
    expect([...(updated.payload.parts as string[])].sort()).toEqual(["general", "hobbies"]);

    const visibility = (await eventsOf("candidate.visibility_changed")).filter(
      (e) => e.subject.candidateId === kimId && e.portalId === rijnmondId,
    );
    expect(visibility.map((e) => e.payload)).toEqual([
      { visible: true, source: "candidate" },
      { visible: false, source: "candidate" },
    ]);

    expect((await manager.call(`/api/v1/candidates/${kimId}/contact-details`)).status).toBe(200);
    expect((await eventsOf("candidate.contact_details_viewed")).at(-1)).toMatchObject({
      subject: { candidateId: kimId },
      organisationId: denHaagId,
      actorUserId: "demo-accountmanager",
    });

    const sent = await manager.call(`/api/v1/candidates/${kimId}/approach`, {
      body: { subject: "Een vraag", message: "Geheime tekst 5521" },
    });
    expect(sent.status, sent.text).toBe(201);
    const approached = (await eventsOf("candidate.approached")).at(-1)!;
    expect(approached).toMatchObject({ subject: { candidateId: kimId }, organisationId: denHaagId });
    await server.app.events.drain();
    const [delivery] = await server.database.db
      .select()
      .from(eventDeliveries)
      .where(
        and(
          eq(eventDeliveries.eventId, approached.id),
          eq(eventDeliveries.subscriber, "candidates.approach-mail"),
        ),
      );
    expect(delivery?.status).toBe("delivered");
    const mails = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "kandidaat@demo.werkbrug.test"));
    expect(mails.filter((m) => m.text.includes("Geheime tekst 5521"))).toHaveLength(1);

    const registered = await manager.call("/api/v1/candidates", {
      body: { name: "Nora Nieuw", email: "nora@example.test" },
    });
    expect(registered.status, registered.text).toBe(201);
    const jobSeeker = registered.json<{ jobSeeker: RegisteredJobSeeker }>().jobSeeker;
    expect((await eventsOf("job_seeker.registered")).at(-1)).toMatchObject({
      subject: { candidateId: jobSeeker.candidateId },
      organisationId: denHaagId,
      actorUserId: "demo-accountmanager",
      payload: { withAccount: true, invited: true },
    });
    expect((await eventsOf("job_seeker.invited")).at(-1)?.subject.candidateId).toBe(jobSeeker.candidateId);
    await server.app.events.drain();
    const [claimMail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "nora@example.test"));
    const token = /account-activeren\?token=([A-Za-z0-9_-]+)/.exec(claimMail!.text)![1]!;
    const accepted = await new Client(server, host("haaglanden")).call("/api/v1/account-claims/accept", {
      body: { token, password: "Zonnebloem-Paars-742!", acceptTerms: true },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect((await eventsOf("job_seeker.claimed")).at(-1)?.subject.candidateId).toBe(jobSeeker.candidateId);

    // The outbox holds ids, dates and names of fields: no text, address or token.
    const text = await allEventsText();
    for (const secret of [
      "Unieke kop 8491",
      "Geheime tekst 5521",
      "kandidaat@demo.werkbrug.test",
      "nora@example.test",
      "Nora Nieuw",
      token,
    ])
      expect(text, secret).not.toContain(secret.toLowerCase());
  });
});
