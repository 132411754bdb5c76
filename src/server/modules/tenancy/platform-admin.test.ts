import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { MeResponse } from "../../../contracts/identity";
import type {
  AdminOrganisation,
  AdminOrganisationListResponse,
  AdminPortal,
  AdminPortalListResponse,
} from "../../../contracts/platform-admin";
import type { CurrentPortalResponse, PortalListResponse } from "../../../contracts/tenancy";
import { mailOutbox } from "../../platform/mail.schema";
import { domainEvents } from "../../platform/schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { twoFactors } from "../identity/identity.schema";
import { organisations, portals, users } from "./tenancy.schema";

const error = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe.each(testDbKinds())("platform administration on %s", (kind) => {
  let server: TestServer;
  let platform: Client;
  let orgAdmin: Client;
  let denHaag: string;
  let rotterdam: string;
  let westland: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    platform = new Client(server);
    await signIn(platform, "admin@demo.werkbrug.test");
    orgAdmin = new Client(server);
    await signIn(orgAdmin, "beheer@demo.werkbrug.test");
    const orgs = await server.database.db.select().from(organisations);
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    denHaag = id("Gemeente Den Haag");
    rotterdam = id("Gemeente Rotterdam");
    westland = id("Westland Logistiek B.V.");
  });
  afterAll(async () => {
    await server?.close();
  });

  const portalCount = async () => (await server.database.db.select().from(portals)).length;
  const organisationRow = async (id: string) =>
    (await server.database.db.select().from(organisations).where(eq(organisations.id, id)))[0];

  async function createPortal(slug: string, client = platform) {
    return client.call("/api/v1/admin/portals", {
      body: { slug, name: { nl: `Werkbrug ${slug}`, en: `Werkbrug ${slug}` }, primaryColor: "#8a1538" },
    });
  }

  it("keeps every platform admin route from an org admin (403)", async () => {
    const id = denHaag;
    const calls: Array<[string, { method?: string; body?: unknown }]> = [
      ["/api/v1/admin/portals", {}],
      [
        "/api/v1/admin/portals",
        { body: { slug: "x", name: { nl: "xx", en: "xx" }, primaryColor: "#000000" } },
      ],
      [`/api/v1/admin/portals/${id}`, { method: "PATCH", body: { primaryColor: "#000000" } }],
      [`/api/v1/admin/portals/${id}/deactivate`, { method: "POST" }],
      ["/api/v1/admin/organisations", {}],
      ["/api/v1/admin/organisations", { body: { kind: "employer", name: "Nieuw B.V." } }],
      [`/api/v1/admin/organisations/${id}`, { method: "PATCH", body: { name: "Andere naam" } }],
      [`/api/v1/admin/organisations/${id}/move`, { body: { parentId: null } }],
      [`/api/v1/admin/organisations/${id}/deactivate`, { method: "POST" }],
      [`/api/v1/admin/organisations/${id}`, { method: "DELETE" }],
    ];
    for (const [path, init] of calls) {
      const res = await orgAdmin.call(path, init);
      expect(res.status, `${init.method ?? "GET"} ${path}`).toBe(403);
    }
    expect((await organisationRow(denHaag))!.name).toBe("Gemeente Den Haag");
  });

  it("creates a portal on its own subdomain, and refuses a taken, invalid or reserved one", async () => {
    const before = await portalCount();
    const res = await createPortal("utrecht");
    expect(res.status).toBe(201);
    expect(res.json<AdminPortal>()).toMatchObject({
      slug: "utrecht",
      name: { nl: "Werkbrug utrecht" },
      primaryColor: "#8a1538",
      isNational: false,
      active: true,
      url: `http://utrecht.localhost:${server.port}/`,
    });
    // The next request already knows it.
    const here = await new Client(server, `utrecht.localhost:${server.port}`).call("/api/v1/portal");
    expect(here.json<CurrentPortalResponse>().portal).toMatchObject({
      slug: "utrecht",
      parentSlug: "landelijk",
    });

    const taken = await createPortal("haaglanden");
    expect(taken.status).toBe(409);
    expect(error(taken)).toMatchObject({
      code: "portal_slug_taken",
      message: "Er is al een portaal met dit subdomein. Kies een ander.",
    });
    const takenEn = await platform.call("/api/v1/admin/portals", {
      body: { slug: "utrecht", name: { nl: "Utrecht", en: "Utrecht" }, primaryColor: "#8a1538" },
      headers: { "accept-language": "en" },
    });
    expect(error(takenEn).message).toBe("A portal with this subdomain already exists. Choose another one.");
    for (const slug of ["-utrecht", "utrecht-", "zuid_holland", "a".repeat(64), "één"]) {
      const invalid = await createPortal(slug);
      expect(invalid.status, slug).toBe(400);
    }
    expect(error(await createPortal("zuid_holland")).code).toBe("portal_slug_invalid");
    const reserved = await createPortal("www");
    expect(reserved.status).toBe(400);
    expect(error(reserved).code).toBe("portal_slug_reserved");
    expect(await portalCount()).toBe(before + 1);
  });

  it("renames the national portal and refuses to deactivate it", async () => {
    const list = (await platform.call("/api/v1/admin/portals")).json<AdminPortalListResponse>().portals;
    const national = list.find((p) => p.isNational)!;
    const renamed = await platform.call(`/api/v1/admin/portals/${national.id}`, {
      method: "PATCH",
      body: { name: { nl: "Werkbrug Nederland", en: "Werkbrug Netherlands" }, primaryColor: "#123456" },
    });
    expect(renamed.status).toBe(200);
    const publicView = (await new Client(server).call("/api/v1/portal")).json<CurrentPortalResponse>();
    expect(publicView.portal).toMatchObject({
      name: { nl: "Werkbrug Nederland", en: "Werkbrug Netherlands" },
      primaryColor: "#123456",
    });
    const refused = await platform.call(`/api/v1/admin/portals/${national.id}/deactivate`, {
      method: "POST",
    });
    expect(refused.status).toBe(409);
    expect(error(refused).code).toBe("portal_national_fixed");
    const bad = await platform.call(`/api/v1/admin/portals/${national.id}`, {
      method: "PATCH",
      body: { primaryColor: "red" },
    });
    expect(bad.status).toBe(400);
  });

  it("deactivates a portal: its subdomain answers as unknown, and reactivation brings it back", async () => {
    const created = (await createPortal("zeeland")).json<AdminPortal>();
    const visitor = new Client(server, `zeeland.localhost:${server.port}`);
    const off = await platform.call(`/api/v1/admin/portals/${created.id}/deactivate`, { method: "POST" });
    expect(off.json<AdminPortal>().active).toBe(false);
    const answer = (await visitor.call("/api/v1/portal")).json<CurrentPortalResponse>();
    expect(answer.portal).toBeNull();
    expect(answer.requestedSlug).toBe("zeeland");
    expect(answer.portals.map((p) => p.slug)).not.toContain("zeeland");
    expect((await visitor.call("/api/v1/organisations")).status).toBe(404);
    const publicList = (await visitor.call("/api/v1/portals")).json<PortalListResponse>().portals;
    expect(publicList.map((p) => p.slug)).not.toContain("zeeland");
    // The admin still sees it, deactivated.
    const adminList = (await platform.call("/api/v1/admin/portals")).json<AdminPortalListResponse>().portals;
    expect(adminList.find((p) => p.slug === "zeeland")).toMatchObject({ active: false });

    await platform.call(`/api/v1/admin/portals/${created.id}/reactivate`, { method: "POST" });
    expect((await visitor.call("/api/v1/portal")).json<CurrentPortalResponse>().portal?.slug).toBe("zeeland");
    const events = await server.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.portalId, created.id))
      .orderBy(domainEvents.occurredAt);
    expect(events.map((e) => e.type)).toEqual(["portal.created", "portal.deactivated", "portal.reactivated"]);
  });

  it("takes a logo checked by its content and serves it as an image", async () => {
    const created = (await createPortal("friesland")).json<AdminPortal>();
    const notImage = await platform.call(`/api/v1/admin/portals/${created.id}/logo`, {
      method: "PUT",
      raw: { data: Buffer.from("<svg onload=alert(1)>"), type: "image/png" },
    });
    expect(notImage.status).toBe(415);
    const tooLarge = await platform.call(`/api/v1/admin/portals/${created.id}/logo`, {
      method: "PUT",
      raw: { data: Buffer.concat([png, Buffer.alloc(1024 * 1024)]), type: "image/png" },
    });
    expect(tooLarge.status).toBe(413);
    const uploaded = await platform.call(`/api/v1/admin/portals/${created.id}/logo`, {
      method: "PUT",
      raw: { data: png, type: "image/png" },
    });
    expect(uploaded.status).toBe(200);
    const logoUrl = uploaded.json<AdminPortal>().logoUrl!;
    expect(logoUrl).toMatch(/^\/api\/v1\/portal-logos\//);
    const image = await new Client(server, `friesland.localhost:${server.port}`).call(logoUrl);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/png");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    const branded = await new Client(server, `friesland.localhost:${server.port}`).call("/api/v1/portal");
    expect(branded.json<CurrentPortalResponse>().portal?.logoUrl).toBe(logoUrl);
  });

  it("creates a municipality with a department, moves it, refuses cycles and other kinds", async () => {
    const portalId = (await createPortal("amersfoort")).json<AdminPortal>().id;
    const created = await platform.call("/api/v1/admin/organisations", {
      body: {
        kind: "municipality",
        name: "Gemeente Amersfoort",
        kvkNumber: "12312312",
        homePortalId: portalId,
      },
    });
    expect(created.status).toBe(201);
    const town = created.json<AdminOrganisation>();
    expect(town).toMatchObject({
      kind: "municipality",
      homePortalSlug: "amersfoort",
      parentId: null,
      active: true,
    });
    const dept = (
      await platform.call("/api/v1/admin/organisations", {
        body: { kind: "employer", name: "Afdeling Werk en Inkomen", parentId: town.id },
      })
    ).json<AdminOrganisation>();
    // A department takes its parent's kind and portal.
    expect(dept).toMatchObject({
      kind: "municipality",
      parentId: town.id,
      topId: town.id,
      homePortalSlug: "amersfoort",
    });

    const noPortal = await platform.call("/api/v1/admin/organisations", {
      body: { kind: "employer", name: "Zwevend B.V." },
    });
    expect(error(noPortal).code).toBe("organisation_home_portal_required");
    const sameKvk = await platform.call("/api/v1/admin/organisations", {
      body: { kind: "employer", name: "Dubbel B.V.", kvkNumber: "12312312", homePortalId: portalId },
    });
    expect(sameKvk.status).toBe(409);

    const cycle = await platform.call(`/api/v1/admin/organisations/${town.id}/move`, {
      body: { parentId: dept.id },
    });
    expect(cycle.status).toBe(400);
    expect(error(cycle)).toMatchObject({ code: "organisation_cycle" });
    const self = await platform.call(`/api/v1/admin/organisations/${town.id}/move`, {
      body: { parentId: town.id },
    });
    expect(error(self).code).toBe("organisation_cycle");
    const otherKind = await platform.call(`/api/v1/admin/organisations/${dept.id}/move`, {
      body: { parentId: westland },
    });
    expect(error(otherKind).code).toBe("organisation_kind_mismatch");
    expect((await organisationRow(dept.id))!.parentId).toBe(town.id);

    const moved = await platform.call(`/api/v1/admin/organisations/${dept.id}/move`, {
      body: { parentId: rotterdam },
    });
    expect(moved.status).toBe(200);
    expect(moved.json<AdminOrganisation>()).toMatchObject({
      parentId: rotterdam,
      homePortalSlug: "rijnmond",
    });
    const back = await platform.call(`/api/v1/admin/organisations/${dept.id}/move`, {
      body: { parentId: town.id },
    });
    expect(back.json<AdminOrganisation>()).toMatchObject({ parentId: town.id, homePortalSlug: "amersfoort" });

    const edited = await platform.call(`/api/v1/admin/organisations/${town.id}`, {
      method: "PATCH",
      body: { name: "Gemeente Amersfoort (gewijzigd)" },
    });
    expect(edited.json<AdminOrganisation>().name).toBe("Gemeente Amersfoort (gewijzigd)");

    const tree = (
      await platform.call("/api/v1/admin/organisations?q=werk%20en%20inkomen")
    ).json<AdminOrganisationListResponse>();
    expect(tree.matches).toContain(dept.id);
    // The hit's top organisation comes along, so the tree can show where it sits.
    expect(tree.organisations.map((o) => o.id)).toContain(town.id);
    const municipalities = (
      await platform.call("/api/v1/admin/organisations?kind=employer")
    ).json<AdminOrganisationListResponse>();
    expect(municipalities.matches).toContain(westland);
    expect(municipalities.matches).not.toContain(town.id);

    // An empty department may go; a municipality with departments may not.
    const notEmpty = await platform.call(`/api/v1/admin/organisations/${town.id}`, { method: "DELETE" });
    expect(notEmpty.status).toBe(409);
    expect(error(notEmpty).code).toBe("organisation_not_empty");
    const deleted = await platform.call(`/api/v1/admin/organisations/${dept.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await organisationRow(dept.id)).toBeUndefined();
  });

  it("refuses to delete an organisation with users, and nothing changes", async () => {
    const before = await organisationRow(denHaag);
    const res = await platform.call(`/api/v1/admin/organisations/${denHaag}`, { method: "DELETE" });
    expect(res.status).toBe(409);
    expect(error(res)).toMatchObject({
      code: "organisation_has_users",
      message:
        "Deze organisatie heeft nog gebruikers en kan niet worden verwijderd. Deactiveer haar in plaats daarvan.",
    });
    expect(await organisationRow(denHaag)).toEqual(before);
    // The org admin still works there.
    expect((await orgAdmin.call("/api/v1/me")).json<MeResponse>().user?.roles).toContain("org_admin");
  });

  it("invites the first org admin, who then manages only their own organisation until it is deactivated", async () => {
    const portalId = (await createPortal("leiden")).json<AdminPortal>().id;
    const town = (
      await platform.call("/api/v1/admin/organisations", {
        body: { kind: "municipality", name: "Gemeente Leiden", homePortalId: portalId },
      })
    ).json<AdminOrganisation>();
    const invited = await platform.call("/api/v1/invitations", {
      body: { email: "eerste.beheerder@leiden.example", organisationId: town.id, role: "org_admin" },
    });
    expect(invited.status).toBe(201);
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "eerste.beheerder@leiden.example"))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    // The link goes to the organisation's home portal.
    expect(mail!.text).toContain(`http://leiden.localhost:${server.port}/uitnodiging?token=`);
    const token = decodeURIComponent(/uitnodiging\?token=([^\s&]+)/.exec(mail!.text)![1]!);
    const visitor = new Client(server, `leiden.localhost:${server.port}`);
    const accepted = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Eerste Beheerder", password: DEMO_PASSWORD, acceptTerms: true },
    });
    expect(accepted.status).toBe(201);

    // The new admin sets up a second factor (here: the demo's authenticator secret).
    const db = server.database.db;
    const [user] = await db.select().from(users).where(eq(users.email, "eerste.beheerder@leiden.example"));
    const [totp] = await db.select().from(twoFactors).where(eq(twoFactors.userId, "demo-werkgever"));
    await db.insert(twoFactors).values({ ...totp!, id: `${user!.id}-totp`, userId: user!.id });
    await db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, user!.id));
    const leidenAdmin = new Client(server, `leiden.localhost:${server.port}`);
    await signIn(leidenAdmin, "eerste.beheerder@leiden.example");
    expect((await leidenAdmin.call("/api/v1/me")).json<MeResponse>().user?.roles).toEqual(["org_admin"]);

    const own = await leidenAdmin.call(`/api/v1/organisations/${town.id}`, {
      method: "PATCH",
      body: { name: "Gemeente Leiden" },
    });
    expect(own.status).toBe(200);
    const other = await leidenAdmin.call(`/api/v1/organisations/${denHaag}`, {
      method: "PATCH",
      body: { name: "Overgenomen" },
    });
    expect(other.status).toBe(404);
    expect((await organisationRow(denHaag))!.name).toBe("Gemeente Den Haag");
    expect((await leidenAdmin.call("/api/v1/admin/organisations")).status).toBe(403);

    // Deactivated, the organisation's staff hold no role; reactivated, they have it again.
    const off = await platform.call(`/api/v1/admin/organisations/${town.id}/deactivate`, { method: "POST" });
    expect(off.json<AdminOrganisation>()).toMatchObject({ active: false, memberCount: 1 });
    expect((await leidenAdmin.call("/api/v1/me")).json<MeResponse>().user?.roles).toEqual([]);
    const blocked = await leidenAdmin.call(`/api/v1/organisations/${town.id}`, {
      method: "PATCH",
      body: { name: "Toch" },
    });
    expect(blocked.status).toBe(403);
    await platform.call(`/api/v1/admin/organisations/${town.id}/reactivate`, { method: "POST" });
    expect((await leidenAdmin.call("/api/v1/me")).json<MeResponse>().user?.roles).toEqual(["org_admin"]);
    // The platform admin's user management covers the new organisation too.
    const everyone = (await platform.call("/api/v1/users")).json<{
      users: Array<{ email: string; memberships: Array<{ organisationName: string }> }>;
    }>().users;
    expect(everyone.find((u) => u.email === "eerste.beheerder@leiden.example")?.memberships).toEqual([
      expect.objectContaining({ organisationName: "Gemeente Leiden" }),
    ]);
    expect(everyone.some((u) => u.email === "beheer@demo.werkbrug.test")).toBe(true);
  });
});
