import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { type OidcAccount, startOidcProvider, type TestOidcProvider } from "../../../../test/support/oidc";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { MeResponse } from "../../../contracts/identity";
import { accounts, memberships, organisations, users } from "../tenancy/tenancy.schema";
import { sessions, ssoConnections } from "./identity.schema";
import { MICROSOFT_CONSUMER_TENANT } from "./sso.plugin";

const DOMAIN = "gemeente-denhaag.example";
const WORK_TENANT = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const EMAIL = `j.jansen@${DOMAIN}`;

describe.each(testDbKinds())("Microsoft (OpenID Connect) sign-in on %s", (kind) => {
  let server: TestServer;
  let idp: TestOidcProvider;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    idp = await startOidcProvider(`${server.url}/api/auth/sso/callback`);
    const { db } = server.database;
    const [denhaag] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    userId = randomUUID();
    await db.insert(users).values({ id: userId, name: "Joost Jansen", email: EMAIL, emailVerified: true });
    await db.insert(memberships).values({ userId, role: "account_manager", organisationId: denhaag!.id });

    const admin = new Client(server);
    await signIn(admin, "admin@demo.werkbrug.test");
    const created = await admin.call("/api/v1/sso-connections", {
      body: {
        organisationId: denhaag!.id,
        emailDomain: DOMAIN.toUpperCase(),
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json()).toMatchObject({ emailDomain: DOMAIN, issuer: idp.issuer });
    expect(created.text).not.toContain(idp.clientSecret);
    const [row] = await db.select().from(ssoConnections).where(eq(ssoConnections.emailDomain, DOMAIN));
    expect(row?.clientSecret).not.toContain(idp.clientSecret);
    const listed = await admin.call("/api/v1/sso-connections");
    expect(listed.status).toBe(200);
    expect(listed.text).toContain(DOMAIN);
    expect(listed.text).not.toContain(idp.clientSecret);
  });
  afterAll(async () => {
    await idp?.close();
    await server?.close();
  });

  /** Starts at Werkbrug, passes the provider (following its redirects), and lands on our callback. */
  async function ssoSignIn(client: Client, account: OidcAccount) {
    const start = await client.call("/api/auth/sso/start", {
      body: { email: account.email, callbackURL: "/dashboard" },
    });
    expect(start.status, start.text).toBe(200);
    let url = new URL(start.json<{ url: string }>().url);
    expect(url.origin).toBe(idp.issuer);
    idp.signInAs(account);
    const jar = new Map<string, string>();
    for (let hop = 0; url.origin === idp.issuer; hop++) {
      if (hop > 10) throw new Error("too many redirects at the provider");
      const res = await fetch(url, {
        redirect: "manual",
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        const i = pair.indexOf("=");
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      const location = res.headers.get("location");
      if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
      url = new URL(location, url);
    }
    expect(url.pathname).toBe("/api/auth/sso/callback");
    return client.call(`${url.pathname}${url.search}`);
  }

  it("tells the sign-in page which domains use Microsoft", async () => {
    const client = new Client(server);
    const sso = await client.call("/api/v1/auth/login-method", {
      body: { email: `Iemand@${DOMAIN.toUpperCase()}` },
    });
    expect(sso.json()).toEqual({ method: "sso", provider: { kind: "entra", name: "Microsoft" } });
    const password = await client.call("/api/v1/auth/login-method", {
      body: { email: "hr@demo.werkbrug.test" },
    });
    expect(password.json()).toEqual({ method: "password" });
  });

  it("signs a member in through the provider, counting its MFA as the second factor", async () => {
    const client = new Client(server);
    const callback = await ssoSignIn(client, { sub: "entra-joost", email: EMAIL, tid: WORK_TENANT });
    expect(callback.status, callback.text).toBe(302);
    expect(callback.headers.location).toBe("/dashboard");
    expect(client.cookies.has("werkbrug.session_token")).toBe(true);
    const me = (await client.call("/api/v1/me")).json<MeResponse>().user;
    expect(me).toMatchObject({ email: EMAIL, roles: ["account_manager"], needsTwoFactorSetup: false });
    expect((await client.call("/api/v1/organisations")).status).toBe(200);

    const { db } = server.database;
    const linked = await db
      .select()
      .from(accounts)
      .where(and(eq(accounts.userId, userId), eq(accounts.accountId, "entra-joost")));
    expect(linked).toHaveLength(1);
    expect(linked[0]?.providerId).toMatch(/^sso:/);
    // A second sign-in reuses the link.
    expect(
      (await ssoSignIn(new Client(server), { sub: "entra-joost", email: EMAIL, tid: WORK_TENANT })).status,
    ).toBe(302);
    expect(await db.select().from(accounts).where(eq(accounts.userId, userId))).toHaveLength(1);
  });

  it("refuses a domain without Microsoft sign-in", async () => {
    const res = await new Client(server).call("/api/auth/sso/start", {
      body: { email: "hr@demo.werkbrug.test", callbackURL: "/" },
    });
    expect(res.status).toBe(400);
    expect(res.json<ErrorResponse>().error).toEqual({
      code: "sso_not_configured",
      message: "Voor dit e-maildomein is geen Microsoft-login ingesteld. Log in met je wachtwoord.",
    });
  });

  it("refuses a personal Microsoft account without starting a session", async () => {
    const { db } = server.database;
    const before = (await db.select().from(sessions).where(eq(sessions.userId, userId))).length;
    const client = new Client(server);
    const res = await ssoSignIn(client, { sub: "msa-joost", email: EMAIL, tid: MICROSOFT_CONSUMER_TENANT });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/inloggen?sso_error=sso_private_account");
    expect(client.cookies.has("werkbrug.session_token")).toBe(false);
    expect((await client.call("/api/v1/me")).json<MeResponse>().user).toBeNull();
    expect((await db.select().from(sessions).where(eq(sessions.userId, userId))).length).toBe(before);
  });

  it("refuses a work account without a Werkbrug account (no accounts are created)", async () => {
    const client = new Client(server);
    const email = `onbekend@${DOMAIN}`;
    const res = await ssoSignIn(client, { sub: "entra-onbekend", email, tid: WORK_TENANT });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/inloggen?sso_error=sso_no_account");
    expect(client.cookies.has("werkbrug.session_token")).toBe(false);
    expect(await server.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("does not let an org admin set up sign-in for another organisation", async () => {
    const { db } = server.database;
    const [rotterdam] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Rotterdam"));
    const admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
    const res = await admin.call("/api/v1/sso-connections", {
      body: {
        organisationId: rotterdam?.id ?? randomUUID(),
        emailDomain: "rotterdam.example",
        issuer: idp.issuer,
        clientId: "x",
        clientSecret: "y",
      },
    });
    expect(res.status).toBe(403);
  });
});
