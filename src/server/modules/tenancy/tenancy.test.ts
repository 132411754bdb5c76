import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { request, startTestServer, type TestServer } from "../../../../test/support/server";
import type { ErrorResponse } from "../../../contracts/common";
import { type CurrentPortalResponse, type PortalListResponse, ROLES } from "../../../contracts/tenancy";
import { createStore } from "../../platform/store";
import { portalFromHost } from "../../platform/tenancy";
import { createCaller } from "./caller";
import { organisationsRepository } from "./tenancy.repository";
import { memberships, organisations, portals, users } from "./tenancy.schema";
import { createTenancyService } from "./tenancy.service";

describe("portal from Host header", () => {
  it.each([
    ["localhost:3000", { kind: "national" }],
    ["localhost", { kind: "national" }],
    ["haaglanden.localhost:3000", { kind: "portal", slug: "haaglanden" }],
    ["HAAGLANDEN.Localhost", { kind: "portal", slug: "haaglanden" }],
    ["127.0.0.1:3000", { kind: "national" }],
    [undefined, { kind: "national" }],
  ])("%s", (host, expected) => {
    expect(portalFromHost(host, "localhost")).toEqual(expected);
  });
});

describe.each(testDbKinds())("tenancy on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
  });
  afterAll(async () => {
    await server?.close();
  });
  const host = (slug?: string) => (slug ? `${slug}.localhost:${server.port}` : `localhost:${server.port}`);

  it("resolves bare localhost to the national portal", async () => {
    const res = await request(server, "/api/v1/portal", { host: host() });
    const body = res.json<CurrentPortalResponse>();
    expect(body.portal).toMatchObject({
      slug: "landelijk",
      isNational: true,
      parentSlug: null,
      url: `http://localhost:${server.port}/`,
    });
    expect(body.portals.map((p) => p.slug)).toEqual(["landelijk", "haaglanden", "rijnmond"]);
  });

  it("resolves a subdomain to its regional portal with branding", async () => {
    const res = await request(server, "/api/v1/portal", { host: host("haaglanden") });
    expect(res.json<CurrentPortalResponse>().portal).toEqual({
      slug: "haaglanden",
      name: { nl: "Werkbrug Haaglanden", en: "Werkbrug Haaglanden" },
      primaryColor: "#1b6b3a",
      logoUrl: null,
      isNational: false,
      parentSlug: "landelijk",
      url: `http://haaglanden.localhost:${server.port}/`,
    });
  });

  it("answers an unknown subdomain with no portal and the list of portals", async () => {
    const res = await request(server, "/api/v1/portal", { host: host("onbekend") });
    expect(res.status).toBe(200);
    const body = res.json<CurrentPortalResponse>();
    expect(body.portal).toBeNull();
    expect(body.requestedSlug).toBe("onbekend");
    expect(body.portals).toHaveLength(3);
  });

  it("refuses portal-bound API calls on an unknown subdomain with 404", async () => {
    const res = await request(server, "/api/v1/organisations", { host: host("onbekend") });
    expect(res.status).toBe(404);
    expect(res.json<ErrorResponse>().error).toMatchObject({
      code: "portal_not_found",
      message: "Dit portaal bestaat niet.",
    });
  });

  it("lists portals publicly", async () => {
    const res = await request(server, "/api/v1/portals");
    expect(res.json<PortalListResponse>().portals.map((p) => p.name.en)).toEqual([
      "Werkbrug National",
      "Werkbrug Haaglanden",
      "Werkbrug Rijnmond",
    ]);
  });

  it("keeps the organisation list for staff", async () => {
    const res = await request(server, "/api/v1/organisations", { host: host("haaglanden") });
    expect(res.status).toBe(401);
  });

  it("keeps the tenancy model's rules in the database", async () => {
    const { db } = server.database;
    const [national] = await db.select().from(portals).where(eq(portals.slug, "landelijk"));
    // A second national portal, a bad slug, a bad KvK number and a candidate without portal are refused.
    await expect(db.insert(portals).values({ slug: "tweede", nameNl: "x", nameEn: "x" })).rejects.toThrow();
    await expect(
      db.insert(portals).values({ slug: "Met Spatie", nameNl: "x", nameEn: "x", parentId: national!.id }),
    ).rejects.toThrow();
    await expect(
      db
        .insert(organisations)
        .values({ kind: "employer", name: "X", kvkNumber: "123", homePortalId: national!.id }),
    ).rejects.toThrow();
    await expect(
      db.insert(memberships).values({ userId: "demo-admin", role: "candidate" }),
    ).rejects.toThrow();
    expect(await db.$count(portals)).toBe(3);
  });

  it("has a user for every role, with the right organisation or portal", async () => {
    const { db } = server.database;
    const rows = await db
      .select({
        email: users.email,
        role: memberships.role,
        org: organisations.name,
        may: memberships.mayManageVacancies,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId));
    // Staff roles by address; the employer contact's extra candidate role is checked below.
    const byEmail = Object.fromEntries(
      rows.filter((r) => r.role !== "candidate" || r.email.startsWith("kandidaat")).map((r) => [r.email, r]),
    );
    expect(
      rows
        .filter((r) => r.email === "werkgever@demo.werkbrug.test")
        .map((r) => r.role)
        .sort(),
    ).toEqual(["candidate", "employer_contact"]);
    expect(byEmail["admin@demo.werkbrug.test"]).toMatchObject({ role: "platform_admin", org: null });
    expect(byEmail["beheer@demo.werkbrug.test"]).toMatchObject({
      role: "org_admin",
      org: "Gemeente Den Haag",
    });
    expect(byEmail["accountmanager@demo.werkbrug.test"]).toMatchObject({
      role: "account_manager",
      org: "Gemeente Den Haag",
    });
    expect(byEmail["werkgever@demo.werkbrug.test"]).toMatchObject({ role: "employer_contact", may: true });
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(ROLES));
  });

  describe("one organisation cannot read or change another's data", () => {
    async function ids() {
      const { db } = server.database;
      const all = await db.select({ id: organisations.id, name: organisations.name }).from(organisations);
      const id = (name: string) => all.find((o) => o.name === name)!.id;
      return {
        denHaag: id("Gemeente Den Haag"),
        denHaagWsp: id("Gemeente Den Haag – Werkgeversservicepunt"),
        rotterdam: id("Gemeente Rotterdam"),
      };
    }

    it("scopes an org admin to their organisation and its departments", async () => {
      const { db } = server.database;
      const { denHaag, denHaagWsp, rotterdam } = await ids();
      const admin = createCaller({
        db,
        principal: { userId: "demo-beheer", roles: ["org_admin"] },
        portal: null,
      });
      const scope = await admin.scopeAs(["org_admin"]);
      expect(scope.kind === "organisations" && new Set(scope.organisationIds)).toEqual(
        new Set([denHaag, denHaagWsp]),
      );
      const own = createStore(db, server.app.events).bind(scope, organisationsRepository);
      expect(await own.findOwn(denHaag)).toMatchObject({ name: "Gemeente Den Haag" });
      expect(await own.findOwn(rotterdam)).toBeNull();
      expect(await own.updateOwn(rotterdam, { name: "Overgenomen" })).toBeNull();
      const [after] = await db.select().from(organisations).where(eq(organisations.id, rotterdam));
      expect(after!.name).toBe("Gemeente Rotterdam");
    });

    it("lets the service change one's own organisation and reports another's as not found", async () => {
      const { db } = server.database;
      const { denHaag, rotterdam } = await ids();
      const tenancy = createTenancyService({
        store: createStore(db, server.app.events),
        publicUrl: server.env.PUBLIC_URL,
      });
      const as = (userId: string) =>
        createCaller({ db, principal: { userId, roles: ["org_admin"] }, portal: null });
      const admin = as("demo-beheer");
      const updated = await tenancy.updateOrganisation(admin, denHaag, { kvkNumber: "27367699" });
      expect(updated.kvkNumber).toBe("27367699");
      expect(updated.address?.city).toBe("Den Haag");
      await expect(
        tenancy.updateOrganisation(admin, rotterdam, { name: "Overgenomen" }),
      ).rejects.toMatchObject({
        code: "not_found",
      });
      // An account manager of the same municipality is not its administrator.
      const manager = as("demo-accountmanager");
      await expect(tenancy.updateOrganisation(manager, denHaag, { name: "X" })).rejects.toMatchObject({
        code: "not_found",
      });
    });
  });
});
