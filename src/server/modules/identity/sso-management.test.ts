import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { type OidcAccount, startOidcProvider, type TestOidcProvider } from "../../../../test/support/oidc";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ErrorResponse } from "../../../contracts/common";
import type { SsoConnection, SsoTestResult } from "../../../contracts/sso";
import { createStore } from "../../platform/store";
import { accounts, memberships, organisations, users } from "../tenancy/tenancy.schema";
import { sessions, ssoConnections } from "./identity.schema";
import { runSsoSecretExpiry } from "./sso.jobs";

const DOMAIN = "werk-denhaag.example";
const OTHER_DOMAIN = "werk-rotterdam.example";
const WORK_TENANT = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const EMAIL = `p.peeters@${DOMAIN}`;
const ACCOUNT: OidcAccount = { sub: "entra-peeters", email: EMAIL, tid: WORK_TENANT };
const NEW_SECRET = "rotated-secret-1111111111111111";
const NEWER_SECRET = "rotated-secret-2222222222222222";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testDbKinds())("managing single sign-on connections on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let idp: TestOidcProvider;
  let platform: Client; // admin@: platform admin
  let beheer: Client; // beheer@: org admin of Gemeente Den Haag
  let denhaagId: string;
  let rotterdamId: string;
  let connectionId: string;
  let rotterdamConnectionId: string;

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const row = async (id: string) =>
    (await server.database.db.select().from(ssoConnections).where(eq(ssoConnections.id, id)))[0]!;
  const allRows = () => server.database.db.select().from(ssoConnections).orderBy(ssoConnections.emailDomain);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    idp = await startOidcProvider(`${server.url}/api/auth/sso/callback`);
    const { db } = server.database;
    const orgs = await db.select().from(organisations);
    denhaagId = orgs.find((o) => o.name === "Gemeente Den Haag")!.id;
    rotterdamId = orgs.find((o) => o.name === "Gemeente Rotterdam")!.id;
    const userId = randomUUID();
    await db.insert(users).values({ id: userId, name: "Pieter Peeters", email: EMAIL, emailVerified: true });
    await db.insert(memberships).values({ userId, role: "account_manager", organisationId: denhaagId });
    platform = new Client(server);
    await signIn(platform, "admin@demo.werkbrug.test");
    beheer = new Client(server);
    await signIn(beheer, "beheer@demo.werkbrug.test");
  });
  afterAll(async () => {
    await idp?.close();
    await server?.close();
    await smtp?.close();
  });

  /** Starts at Werkbrug, passes the provider (following its redirects), and lands on our callback. */
  async function ssoSignIn(client: Client, account: OidcAccount = ACCOUNT) {
    const start = await client.call("/api/auth/sso/start", {
      body: { email: account.email, callbackURL: "/" },
    });
    if (start.status !== 200) return start;
    let url = new URL(start.json<{ url: string }>().url);
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
    return client.call(`${url.pathname}${url.search}`);
  }
  const signedIn = async () => {
    const client = new Client(server);
    const res = await ssoSignIn(client);
    expect(res.status, res.text).toBe(302);
    expect(res.headers.location).toBe("/");
    return client.cookies.has("werkbrug.session_token");
  };

  it("refuses an issuer without a discovery document, naming the problem, and stores nothing", async () => {
    const body = {
      organisationId: denhaagId,
      emailDomain: DOMAIN,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      clientSecretExpiresOn: day(365),
    };
    const missing = await beheer.call("/api/v1/sso-connections", {
      body: { ...body, issuer: `${idp.issuer}/geen-tenant` },
    });
    expect(missing.status).toBe(422);
    expect(errorOf(missing).code).toBe("sso_discovery_failed");
    expect(errorOf(missing).message).toContain("HTTP 404");
    const closed = await beheer.call("/api/v1/sso-connections", {
      body: { ...body, issuer: "http://127.0.0.1:9/v2.0" },
    });
    expect(closed.status).toBe(422);
    expect(errorOf(closed).message).toContain("unreachable");
    expect(await allRows()).toHaveLength(0);
  });

  it("creates, lists and edits a connection, never showing a secret", async () => {
    const created = await beheer.call("/api/v1/sso-connections", {
      body: {
        organisationId: denhaagId,
        emailDomain: DOMAIN,
        issuer: `${idp.issuer}/`,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        clientSecretExpiresOn: day(365),
      },
    });
    expect(created.status, created.text).toBe(201);
    const connection = created.json<SsoConnection>();
    connectionId = connection.id;
    expect(connection).toMatchObject({
      emailDomain: DOMAIN,
      issuer: idp.issuer,
      providerKind: "entra",
      enabled: true,
      organisationName: "Gemeente Den Haag",
      secret: { expiresOn: day(365), status: "ok" },
      pendingSecret: null,
    });
    expect(created.text).not.toContain(idp.clientSecret);
    expect((await row(connectionId)).clientSecret).not.toContain(idp.clientSecret);

    const again = await platform.call("/api/v1/sso-connections", {
      body: {
        organisationId: denhaagId,
        emailDomain: DOMAIN.toUpperCase(),
        issuer: idp.issuer,
        clientId: "x",
        clientSecret: "x",
        clientSecretExpiresOn: day(30),
      },
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe("sso_domain_taken");

    const edited = await beheer.call(`/api/v1/sso-connections/${connectionId}`, {
      method: "PATCH",
      body: { providerKind: "oidc", displayName: "Den Haag ID" },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json<SsoConnection>()).toMatchObject({ providerKind: "oidc", displayName: "Den Haag ID" });
    const method = await new Client(server).call("/api/v1/auth/login-method", { body: { email: EMAIL } });
    expect(method.json()).toEqual({ method: "sso", provider: { kind: "oidc", name: "Den Haag ID" } });
    await beheer.call(`/api/v1/sso-connections/${connectionId}`, {
      method: "PATCH",
      body: { providerKind: "entra", displayName: "" },
    });

    const before = await row(connectionId);
    const badIssuer = await beheer.call(`/api/v1/sso-connections/${connectionId}`, {
      method: "PATCH",
      body: { issuer: `${idp.issuer}/common`, clientId: "ander" },
    });
    expect(badIssuer.status).toBe(422);
    expect(await row(connectionId)).toEqual(before);

    const list = await beheer.call("/api/v1/sso-connections");
    expect(list.status).toBe(200);
    expect(list.json<{ items: SsoConnection[] }>().items.map((c) => c.emailDomain)).toEqual([DOMAIN]);
    expect(list.text).not.toContain(idp.clientSecret);
  });

  it("keeps an org admin out of another organisation's connection", async () => {
    const made = await platform.call("/api/v1/sso-connections", {
      body: {
        organisationId: rotterdamId,
        emailDomain: OTHER_DOMAIN,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        clientSecretExpiresOn: day(200),
      },
    });
    expect(made.status, made.text).toBe(201);
    rotterdamConnectionId = made.json<SsoConnection>().id;
    const all = (await platform.call("/api/v1/sso-connections")).json<{ items: SsoConnection[] }>().items;
    expect(all.map((c) => c.emailDomain).sort()).toEqual([DOMAIN, OTHER_DOMAIN]);

    const own = (await beheer.call("/api/v1/sso-connections")).json<{ items: SsoConnection[] }>().items;
    expect(own.map((c) => c.id)).not.toContain(rotterdamConnectionId);
    const before = await row(rotterdamConnectionId);
    const path = `/api/v1/sso-connections/${rotterdamConnectionId}`;
    expect((await beheer.call(path, { method: "PATCH", body: { enabled: false } })).status).toBe(404);
    expect((await beheer.call(`${path}/test`, { method: "POST" })).status).toBe(404);
    expect(
      (await beheer.call(`${path}/secret`, { body: { clientSecret: "x", expiresOn: day(100) } })).status,
    ).toBe(404);
    expect((await beheer.call(path, { method: "DELETE" })).status).toBe(404);
    const create = await beheer.call("/api/v1/sso-connections", {
      body: {
        organisationId: rotterdamId,
        emailDomain: "ander-rotterdam.example",
        issuer: idp.issuer,
        clientId: "x",
        clientSecret: "y",
      },
    });
    expect(create.status).toBe(403);
    expect(await row(rotterdamConnectionId)).toEqual(before);
    // A staff member who is no administrator sees nothing at all.
    const staff = new Client(server);
    await signIn(staff, "hr@demo.werkbrug.test");
    expect((await staff.call("/api/v1/sso-connections")).status).toBe(403);
  });

  it("tests a connection: discovery, keys and the client credentials", async () => {
    const res = await beheer.call(`/api/v1/sso-connections/${connectionId}/test`, { method: "POST" });
    expect(res.status, res.text).toBe(200);
    const result = res.json<SsoTestResult>();
    expect(result).toMatchObject({
      discovery: { issuer: idp.issuer, tokenEndpoint: expect.stringContaining(idp.issuer) },
      credentials: "accepted",
      secretTested: "current",
      promoted: false,
      fallback: null,
    });
    expect(result.signingKeys).toBeGreaterThan(0);
  });

  it("still signs in with the old secret while a wrong new one waits", async () => {
    const rotate = await beheer.call(`/api/v1/sso-connections/${connectionId}/secret`, {
      body: { clientSecret: "a-wrong-secret-000000", expiresOn: day(700) },
    });
    expect(rotate.status, rotate.text).toBe(200);
    expect(rotate.json<SsoConnection>().pendingSecret).toEqual({ expiresOn: day(700), status: "ok" });
    expect(rotate.text).not.toContain("a-wrong-secret");
    const before = await row(connectionId);
    expect(before.pendingClientSecret).not.toBeNull();

    expect(await signedIn()).toBe(true);
    const after = await row(connectionId);
    expect(after.clientSecret).toBe(before.clientSecret);
    expect(after.pendingClientSecret).toBe(before.pendingClientSecret);

    const test = (
      await beheer.call(`/api/v1/sso-connections/${connectionId}/test`, { method: "POST" })
    ).json<SsoTestResult>();
    expect(test).toMatchObject({ secretTested: "pending", credentials: "rejected", fallback: "accepted" });
    expect(test.promoted).toBe(false);
    expect((await row(connectionId)).pendingClientSecret).toBe(before.pendingClientSecret);
  });

  it("signs in with the new secret while the old is kept, then drops the old", async () => {
    // As in Entra: the app registration holds both secrets during the rotation.
    await idp.acceptSecrets([idp.clientSecret, NEW_SECRET]);
    const rotate = await beheer.call(`/api/v1/sso-connections/${connectionId}/secret`, {
      body: { clientSecret: NEW_SECRET, expiresOn: day(720) },
    });
    expect(rotate.status).toBe(200);
    const waiting = await row(connectionId);
    expect(waiting.pendingClientSecret).not.toBeNull();
    expect(waiting.clientSecret).not.toBe(waiting.pendingClientSecret);

    expect(await signedIn()).toBe(true);
    const promoted = await row(connectionId);
    expect(promoted.clientSecret).toBe(waiting.pendingClientSecret);
    expect(promoted.pendingClientSecret).toBeNull();
    expect(promoted.clientSecretExpiresOn).toBe(day(720));

    // The old secret is withdrawn at the provider: sign-in goes on with the new one.
    await idp.acceptSecrets([NEW_SECRET]);
    expect(await signedIn()).toBe(true);
  });

  it("promotes a waiting secret that passes the test", async () => {
    await idp.acceptSecrets([NEW_SECRET, NEWER_SECRET]);
    await beheer.call(`/api/v1/sso-connections/${connectionId}/secret`, {
      body: { clientSecret: NEWER_SECRET, expiresOn: day(800) },
    });
    const waiting = await row(connectionId);
    const test = (
      await beheer.call(`/api/v1/sso-connections/${connectionId}/test`, { method: "POST" })
    ).json<SsoTestResult>();
    expect(test).toMatchObject({ secretTested: "pending", credentials: "accepted", promoted: true });
    expect(test.connection.pendingSecret).toBeNull();
    expect(test.connection.secret.expiresOn).toBe(day(800));
    expect((await row(connectionId)).clientSecret).toBe(waiting.pendingClientSecret);
    await idp.acceptSecrets([NEWER_SECRET]);
    expect(await signedIn()).toBe(true);
  });

  it("a disabled connection signs nobody in and ends its sessions", async () => {
    const { db } = server.database;
    const client = new Client(server);
    expect((await ssoSignIn(client)).status).toBe(302);
    const disabled = await beheer.call(`/api/v1/sso-connections/${connectionId}`, {
      method: "PATCH",
      body: { enabled: false },
    });
    expect(disabled.json<SsoConnection>().enabled).toBe(false);
    expect((await client.call("/api/v1/me")).json<{ user: unknown }>().user).toBeNull();
    const [user] = await db.select().from(users).where(eq(users.email, EMAIL));
    expect(
      (await db.select().from(sessions).where(eq(sessions.userId, user!.id))).filter(
        (s) => s.secondFactor === "sso",
      ),
    ).toHaveLength(0);
    const method = await new Client(server).call("/api/v1/auth/login-method", { body: { email: EMAIL } });
    expect(method.json()).toEqual({ method: "password" });
    const start = await ssoSignIn(new Client(server));
    expect(start.status).toBe(400);
    expect(errorOf(start).code).toBe("sso_not_configured");
    await beheer.call(`/api/v1/sso-connections/${connectionId}`, {
      method: "PATCH",
      body: { enabled: true },
    });
    expect(await signedIn()).toBe(true);
  });

  it("warns the organisation's admins once, 30 days before a secret expires, and shows it", async () => {
    const { db } = server.database;
    await db
      .update(ssoConnections)
      .set({ clientSecretExpiresOn: day(12) })
      .where(eq(ssoConnections.id, connectionId));
    await db
      .update(ssoConnections)
      .set({ clientSecretExpiresOn: day(-1) })
      .where(eq(ssoConnections.id, rotterdamConnectionId));
    const store = createStore(db, server.app.events);
    const first = await runSsoSecretExpiry({ store });
    expect(first.map((w) => w.connectionId).sort()).toEqual([connectionId, rotterdamConnectionId].sort());
    expect(await runSsoSecretExpiry({ store })).toEqual([]);
    await server.app.events.drain();
    const mails = smtp
      .to("beheer@demo.werkbrug.test")
      .filter((m) => /SSO-clientgeheim/.test(m.subject ?? ""));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(DOMAIN);
    expect(mails[0]!.text).toContain("/sso-koppelingen");

    const listed = (await platform.call("/api/v1/sso-connections")).json<{ items: SsoConnection[] }>().items;
    expect(listed.find((c) => c.id === connectionId)?.secret.status).toBe("expiring");
    expect(listed.find((c) => c.id === rotterdamConnectionId)?.secret.status).toBe("expired");
  });

  it("deletes a connection with its sign-ins and account links", async () => {
    const { db } = server.database;
    const client = new Client(server);
    expect((await ssoSignIn(client)).status).toBe(302);
    expect(
      await db
        .select()
        .from(accounts)
        .where(eq(accounts.providerId, `sso:${connectionId}`)),
    ).toHaveLength(1);
    const removed = await beheer.call(`/api/v1/sso-connections/${connectionId}`, { method: "DELETE" });
    expect(removed.status).toBe(204);
    expect(
      await db
        .select()
        .from(accounts)
        .where(like(accounts.providerId, `sso:${connectionId}`)),
    ).toHaveLength(0);
    expect((await client.call("/api/v1/me")).json<{ user: unknown }>().user).toBeNull();
    expect((await db.select().from(ssoConnections)).map((c) => c.id)).toEqual([rotterdamConnectionId]);
    const method = await new Client(server).call("/api/v1/auth/login-method", { body: { email: EMAIL } });
    expect(method.json()).toEqual({ method: "password" });
    expect((await beheer.call(`/api/v1/sso-connections/${connectionId}`, { method: "DELETE" })).status).toBe(
      404,
    );
  });
});
