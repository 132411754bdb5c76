import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { ManagedUser, MeResponse, ProfileSettings } from "../../../contracts/identity";
import { mailOutbox } from "../../platform/mail.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { users } from "../tenancy/tenancy.schema";

const error = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;

describe("user management and personal settings", () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startTestServer({ web: false });
    admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("lists the people of the admin's organisations only", async () => {
    const res = await admin.call("/api/v1/users");
    expect(res.status).toBe(200);
    const list = res.json<{ users: ManagedUser[] }>().users;
    expect(list.map((u) => u.email).sort()).toEqual([
      "accountmanager@demo.werkbrug.test",
      "beheer@demo.werkbrug.test",
    ]);
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    expect((await manager.call("/api/v1/users")).status).toBe(403);
  });

  it("changes a role and ends that person's sessions", async () => {
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const list = (await admin.call("/api/v1/users")).json<{ users: ManagedUser[] }>().users;
    const target = list.find((u) => u.email === "accountmanager@demo.werkbrug.test")!;
    const res = await admin.call(`/api/v1/users/${target.id}/memberships/${target.memberships[0]!.id}`, {
      method: "PATCH",
      body: { role: "hr_officer" },
    });
    expect(res.status).toBe(200);
    expect(res.json<ManagedUser>().memberships[0]!.role).toBe("hr_officer");
    expect((await manager.call("/api/v1/me")).json<MeResponse>().user).toBeNull();
    // Put it back for the other tests.
    await admin.call(`/api/v1/users/${target.id}/memberships/${target.memberships[0]!.id}`, {
      method: "PATCH",
      body: { role: "account_manager" },
    });
  });

  it("cannot touch people outside the admin's organisations, nor their own role", async () => {
    const outsider = await admin.call("/api/v1/users/demo-werkgever/revoke-access", { body: {} });
    expect(outsider.status).toBe(404);
    const me = (await admin.call("/api/v1/users"))
      .json<{ users: ManagedUser[] }>()
      .users.find((u) => u.id === "demo-beheer")!;
    const own = await admin.call(`/api/v1/users/demo-beheer/memberships/${me.memberships[0]!.id}`, {
      method: "PATCH",
      body: { role: "hr_officer" },
    });
    expect(own.status).toBe(403);
    expect(error(own).message).toBe("Je kunt je eigen rol niet wijzigen.");
  });

  it("revokes access: sessions end at once and sign-in is refused", async () => {
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    expect((await manager.call("/api/v1/me")).json<MeResponse>().user).not.toBeNull();
    const res = await admin.call("/api/v1/users/demo-accountmanager/revoke-access", { body: {} });
    expect(res.status).toBe(204);
    expect((await manager.call("/api/v1/me")).json<MeResponse>().user).toBeNull();
    const again = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "accountmanager@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    expect(again.status).toBe(403);
    expect(error(again).code).toBe("account_deactivated");
    const audit = (await admin.call("/api/v1/audit?type=access_revoked")).json<{
      events: { userId: string }[];
    }>().events;
    expect(audit.map((e) => e.userId)).toContain("demo-accountmanager");
  });

  it("keeps personal data and privacy choices, and rejects bad values without changing anything", async () => {
    const candidate = new Client(server);
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    const updated = await candidate.call("/api/v1/me/profile", {
      method: "PATCH",
      body: { phone: "06 11223344", postcode: "2512ab", consentEmbeddedVideo: true, locale: "en" },
    });
    expect(updated.status).toBe(200);
    expect(updated.json<ProfileSettings>()).toMatchObject({
      phone: "06 11223344",
      postcode: "2512 AB",
      consentEmbeddedVideo: true,
      consentResearch: false,
      locale: "en",
    });
    const bad = await candidate.call("/api/v1/me/profile", {
      method: "PATCH",
      body: { phone: "bel me", name: "Kim" },
    });
    expect(bad.status).toBe(400);
    expect(error(bad).fields).toEqual([
      { path: "phone", message: "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678." },
    ]);
    const [row] = await server.database.db.select().from(users).where(eq(users.id, "demo-kandidaat"));
    expect(row!.name).toBe("Kim de Kandidaat");
    expect((await new Client(server).call("/api/v1/me/profile")).status).toBe(401);
  });
});

describe("profile photo", () => {
  let server: TestServer;
  let kim: Client;
  // The smallest valid PNG: 1×1 pixel.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  beforeAll(async () => {
    server = await startTestServer({ web: false });
    kim = new Client(server);
    await signIn(kim, "kandidaat@demo.werkbrug.test");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("uploads a photo, serves it to signed-in people as an attachment, and replaces it", async () => {
    const res = await kim.call("/api/v1/me/avatar", { method: "PUT", raw: { data: png, type: "image/png" } });
    expect(res.status, res.text).toBe(200);
    const url = res.json<{ avatarUrl: string }>().avatarUrl;
    expect((await kim.call("/api/v1/me")).json<MeResponse>().user?.avatarUrl).toBe(url);
    const photo = await kim.call(url);
    expect(photo.status).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
    expect(photo.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(photo.headers["x-content-type-options"]).toBe("nosniff");
    expect((await new Client(server).call(url)).status).toBe(401);

    const second = await kim.call("/api/v1/me/avatar", {
      method: "PUT",
      raw: { data: png, type: "image/png" },
    });
    expect((await kim.call(url)).status).toBe(404);
    expect((await kim.call(second.json<{ avatarUrl: string }>().avatarUrl)).status).toBe(200);
    expect((await kim.call("/api/v1/me/avatar", { method: "DELETE" })).status).toBe(204);
    expect((await kim.call("/api/v1/me")).json<MeResponse>().user?.avatarUrl).toBeNull();
  });

  it("refuses other file types, disguised files and files over 2 MB, keeping the current photo", async () => {
    const current = (
      await kim.call("/api/v1/me/avatar", { method: "PUT", raw: { data: png, type: "image/png" } })
    ).json<{
      avatarUrl: string;
    }>().avatarUrl;
    const text = await kim.call("/api/v1/me/avatar", {
      method: "PUT",
      raw: { data: Buffer.from("hallo"), type: "text/plain" },
    });
    expect(text.status).toBe(415);
    const disguised = await kim.call("/api/v1/me/avatar", {
      method: "PUT",
      raw: { data: Buffer.from("<svg onload=alert(1)>"), type: "image/png" },
    });
    expect(disguised.status).toBe(415);
    expect(error(disguised).message).toBe("Dit bestand is geen foto in PNG-, JPG- of WebP-formaat.");
    const huge = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await kim.call("/api/v1/me/avatar", {
      method: "PUT",
      raw: { data: huge, type: "image/png" },
    });
    expect(tooBig.status).toBe(413);
    expect(error(tooBig).message).toBe("Wat je verstuurt is te groot.");
    expect((await kim.call("/api/v1/me")).json<MeResponse>().user?.avatarUrl).toBe(current);
    expect((await kim.call(current)).status).toBe(200);
  });
});

describe("changing one's e-mail address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("changes the address only after the link sent to the new address is followed", async () => {
    const kim = new Client(server);
    await signIn(kim, "kandidaat@demo.werkbrug.test");
    const res = await kim.call("/api/auth/change-email", {
      body: { newEmail: "kim.nieuw@voorbeeld.nl", callbackURL: "/instellingen?tab=persoonsgegevens" },
    });
    expect(res.status, res.text).toBe(200);
    const { db } = server.database;
    // Nothing changes until the new address is confirmed.
    expect((await db.select().from(users).where(eq(users.id, "demo-kandidaat")))[0]!.email).toBe(
      "kandidaat@demo.werkbrug.test",
    );
    await server.app.events.drain();
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, "kim.nieuw@voorbeeld.nl"));
    expect(mail?.subject).toContain("Bevestig je e-mailadres");
    const link = new URL(/(http\S+verify-email\S+)/.exec(mail!.text)![1]!);
    const followed = await kim.call(`${link.pathname}${link.search}`);
    expect([200, 302]).toContain(followed.status);
    expect((await db.select().from(users).where(eq(users.id, "demo-kandidaat")))[0]!.email).toBe(
      "kim.nieuw@voorbeeld.nl",
    );
    const again = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "kim.nieuw@voorbeeld.nl", password: DEMO_PASSWORD },
    });
    expect(again.status).toBe(200);
  });

  it("gives the same answer for an address that already belongs to someone, and changes nothing", async () => {
    const wim = new Client(server);
    await signIn(wim, "werkgever@demo.werkbrug.test");
    const res = await wim.call("/api/auth/change-email", { body: { newEmail: "hr@demo.werkbrug.test" } });
    expect(res.status).toBe(200);
    expect(
      (await server.database.db.select().from(users).where(eq(users.id, "demo-werkgever")))[0]!.email,
    ).toBe("werkgever@demo.werkbrug.test");
    await server.app.events.drain();
    expect(await server.database.db.$count(mailOutbox, eq(mailOutbox.to, "hr@demo.werkbrug.test"))).toBe(0);
  });
});
