import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn, totpCode } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { MeResponse } from "../../../contracts/identity";
import { mailOutbox } from "../../platform/mail.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { users } from "../tenancy/tenancy.schema";
import { hashPassword } from "./auth";
import { twoFactors } from "./identity.schema";

const error = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;

describe.each(testDbKinds())("sign-in and sessions on %s", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("signs a staff member in with password and authenticator code, and out again", async () => {
    const client = new Client(server);
    const first = await client.call("/api/auth/sign-in/email", {
      body: { email: "accountmanager@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    expect(first.status).toBe(200);
    expect(first.json<{ twoFactorRedirect?: boolean }>().twoFactorRedirect).toBe(true);
    // No session before the second factor.
    expect((await client.call("/api/v1/me")).json<MeResponse>().user).toBeNull();

    const second = await client.call("/api/auth/two-factor/verify-totp", { body: { code: totpCode() } });
    expect(second.status).toBe(200);
    const me = (await client.call("/api/v1/me")).json<MeResponse>().user;
    expect(me).toMatchObject({
      email: "accountmanager@demo.werkbrug.test",
      roles: ["account_manager"],
      twoFactorEnabled: true,
      needsTwoFactorSetup: false,
    });
    expect((await client.call("/api/v1/organisations", { headers: {} })).status).toBe(200);

    expect((await client.call("/api/auth/sign-out", { body: {} })).status).toBe(200);
    expect((await client.call("/api/v1/me")).json<MeResponse>().user).toBeNull();
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, without Secure over plain http", async () => {
    const client = new Client(server);
    await client.call("/api/auth/sign-in/email", {
      body: { email: "kandidaat@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    const res = await client.call("/api/auth/get-session");
    expect(res.status).toBe(200);
    const signIn = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "kandidaat@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    const cookie = signIn.setCookies.find((c) => c.startsWith("werkbrug.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("gives the same answer for a wrong password and an unknown e-mail, in the user's language", async () => {
    const wrong = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "hr@demo.werkbrug.test", password: "Verkeerd-wachtwoord1!" },
    });
    const unknown = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "niemand@demo.werkbrug.test", password: "Verkeerd-wachtwoord1!" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(error(wrong)).toEqual(error(unknown));
    expect(error(wrong)).toEqual({
      code: "invalid_credentials",
      message: "Het e-mailadres of wachtwoord klopt niet.",
    });
    const en = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "hr@demo.werkbrug.test", password: "Verkeerd-wachtwoord1!" },
      headers: { "accept-language": "en" },
    });
    expect(error(en).message).toBe("The e-mail address or password is not correct.");
  });

  it("says a code is wrong and how many attempts are left", async () => {
    const client = new Client(server);
    await client.call("/api/auth/sign-in/email", {
      body: { email: "selectie@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    const wrongCode = totpCode(undefined, 10) === "000000" ? "111111" : "000000";
    const res = await client.call("/api/auth/two-factor/verify-totp", { body: { code: wrongCode } });
    expect(res.status).toBe(401);
    expect(error(res)).toMatchObject({
      code: "invalid_two_factor_code",
      message: "Deze code klopt niet. Je kunt het nog 4 keer proberen.",
    });
    const ok = await client.call("/api/auth/two-factor/verify-totp", { body: { code: totpCode() } });
    expect(ok.status).toBe(200);
  });

  it("limits password attempts per address with 429 and Retry-After", async () => {
    const client = new Client(server);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await client.call("/api/auth/sign-in/email", {
        body: { email: `iemand${i}@demo.werkbrug.test`, password: "Fout-wachtwoord-0!" },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
        expect(error(res).code).toBe("rate_limited");
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("locks wrong passwords for an account from one address, not the owner elsewhere", async () => {
    const stranger = new Client(server);
    let last = await stranger.call("/api/auth/sign-in/email", {
      body: { email: "jury@demo.werkbrug.test", password: "Fout-wachtwoord-0!" },
    });
    for (let i = 1; i < 9; i++) {
      last = await stranger.call("/api/auth/sign-in/email", {
        body: { email: "jury@demo.werkbrug.test", password: `Fout-wachtwoord-${i}!` },
      });
    }
    expect(last.status).toBe(429);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(60);
    expect(error(last).code).toBe("rate_limited");
    // Even the right password waits now, from the stranger's address.
    const fromStranger = await stranger.call("/api/auth/sign-in/email", {
      body: { email: "jury@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    expect(fromStranger.status).toBe(429);
    // The owner, elsewhere, signs in as ever.
    const owner = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "jury@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    expect(owner.status).toBe(200);
  });

  it("locks an address that tried too many wrong passwords, whatever the account", async () => {
    const guesser = new Client(server);
    // As if this address had failed 30 times in the last minutes (better-auth's own limit per
    // minute would stop a test that tried them all now).
    await server.database.db.execute(
      sql`insert into rate_limits (id, key, count, last_request)
          values (${`sign-in-source:${guesser.ip}`}, ${`sign-in-source:${guesser.ip}`}, 30, ${Date.now()})`,
    );
    const res = await guesser.call("/api/auth/sign-in/email", {
      body: { email: "hr@demo.werkbrug.test", password: "Fout-wachtwoord-9!" },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(60);
    expect(error(res).code).toBe("rate_limited");
    const other = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email: "hr@demo.werkbrug.test", password: "Fout-wachtwoord-9!" },
    });
    expect(other.status).toBe(401);
  });

  it("slows guessing one account from many addresses without locking it", async () => {
    const email = "zorg@demo.werkbrug.test";
    for (let i = 0; i < 30; i++) {
      const res = await new Client(server).call("/api/auth/sign-in/email", {
        body: { email, password: `Fout-wachtwoord-${i}!` },
      });
      expect(res.status).toBe(401);
    }
    // Past 30 attempts the account takes one attempt per 10 seconds, from any address.
    const first = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email, password: "Fout-wachtwoord-x!" },
    });
    expect(first.status).toBe(401);
    const second = await new Client(server).call("/api/auth/sign-in/email", {
      body: { email, password: DEMO_PASSWORD },
    });
    expect(second.status).toBe(429);
    const wait = Number(second.headers["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10);
  });

  it("ends a session at once when it is revoked from another device", async () => {
    const laptop = new Client(server);
    const phone = new Client(server);
    await signIn(laptop, "beheer@demo.werkbrug.test");
    await signIn(phone, "beheer@demo.werkbrug.test");
    const list = await laptop.call("/api/auth/list-sessions");
    const sessions = list.json<{ id: string; token?: string }[]>();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    // Session tokens are credentials: they never reach the browser.
    expect(sessions.every((s) => s.token === undefined)).toBe(true);
    expect(list.text).not.toContain(
      decodeURIComponent(phone.cookies.get("werkbrug.session_token") ?? "").split(".")[0],
    );
    const current = (await phone.call("/api/auth/get-session")).json<{
      session: { id: string; token?: string };
    }>();
    expect(current.session.token).toBeUndefined();
    // Someone else's session id is not found.
    const stranger = new Client(server);
    await signIn(stranger, "kandidaat@demo.werkbrug.test");
    expect(
      (await stranger.call("/api/auth/revoke-session", { body: { id: current.session.id } })).status,
    ).toBe(404);
    const revoked = await laptop.call("/api/auth/revoke-session", { body: { id: current.session.id } });
    expect(revoked.status).toBe(200);
    expect((await phone.call("/api/v1/me")).json<MeResponse>().user).toBeNull();
    expect((await laptop.call("/api/v1/me")).json<MeResponse>().user?.email).toBe(
      "beheer@demo.werkbrug.test",
    );
  });

  it("keeps a staff member without a second factor on the set-up page", async () => {
    const { db } = server.database;
    await db.update(users).set({ twoFactorEnabled: false }).where(eq(users.id, "demo-verwijzer"));
    await db.delete(twoFactors).where(eq(twoFactors.userId, "demo-verwijzer"));
    const client = new Client(server);
    const res = await client.call("/api/auth/sign-in/email", {
      body: { email: "verwijzer@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect((await client.call("/api/v1/me")).json<MeResponse>().user).toMatchObject({
      needsTwoFactorSetup: true,
    });
    const blocked = await client.call("/api/auth/list-sessions");
    expect(blocked.status).toBe(403);
    expect(error(blocked).code).toBe("two_factor_required");

    // Enrol: the URI carries the key an authenticator app needs; verifying a code finishes it.
    const enable = await client.call("/api/auth/two-factor/enable", { body: { password: DEMO_PASSWORD } });
    expect(enable.status).toBe(200);
    const { totpURI, backupCodes } = enable.json<{ totpURI: string; backupCodes: string[] }>();
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Werkbrug:verwijzer%40demo\.werkbrug\.test\?/);
    expect(backupCodes).toHaveLength(10);
    const key = new URL(totpURI).searchParams.get("secret")!;
    const verified = await client.call("/api/auth/two-factor/verify-totp", { body: { code: totpCode(key) } });
    expect(verified.status).toBe(200);
    expect((await client.call("/api/v1/me")).json<MeResponse>().user).toMatchObject({
      needsTwoFactorSetup: false,
    });
    expect((await client.call("/api/auth/list-sessions")).status).toBe(200);
  });

  it("refuses a deactivated user", async () => {
    const { db } = server.database;
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, "demo-hr"));
    const client = new Client(server);
    const res = await client.call("/api/auth/sign-in/email", {
      body: { email: "hr@demo.werkbrug.test", password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(error(res)).toMatchObject({
      code: "account_deactivated",
      message: "Je toegang is ingetrokken. Neem contact op met de beheerder van je organisatie.",
    });
    expect(client.cookies.has("werkbrug.two_factor")).toBe(false);
  });

  describe("password reset", () => {
    it("answers neutrally whether or not the account exists, and mails only real accounts", async () => {
      const { db } = server.database;
      const before = await db.$count(mailOutbox);
      const known = await new Client(server).call("/api/auth/request-password-reset", {
        body: { email: "kandidaat@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
      });
      const unknown = await new Client(server).call("/api/auth/request-password-reset", {
        body: { email: "onbekend@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
      });
      expect(known.status).toBe(200);
      expect(unknown.status).toBe(200);
      expect(known.text).toBe(unknown.text);
      await server.app.events.drain();
      expect(await db.$count(mailOutbox)).toBe(before + 1);
    });

    it("sets a new password through the single-use link, enforcing the policy", async () => {
      const { db } = server.database;
      await new Client(server).call("/api/auth/request-password-reset", {
        body: { email: "kandidaat@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
      });
      await server.app.events.drain();
      const [mail] = await db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.to, "kandidaat@demo.werkbrug.test"))
        .orderBy(mailOutbox.createdAt);
      const link = /http\S+reset-password\/([^?\s]+)\?/.exec(
        (await db.select().from(mailOutbox)).at(-1)!.text,
      );
      expect(mail).toBeDefined();
      const token = link![1]!;

      const weak = await new Client(server).call("/api/auth/reset-password", {
        body: { token, newPassword: "welkom01" },
      });
      expect(weak.status).toBe(400);
      expect(error(weak).code).toBe("password_policy");
      expect(error(weak).fields?.map((f) => f.message)).toContain("Gebruik minstens één hoofdletter.");

      const strong = await new Client(server).call("/api/auth/reset-password", {
        body: { token, newPassword: "Zon&Zee-Scheveningen" },
      });
      expect(strong.status).toBe(200);
      const again = await new Client(server).call("/api/auth/reset-password", {
        body: { token, newPassword: "Nog-een-keer-Anders!" },
      });
      expect(again.status).toBe(400);
      expect(error(again).code).toBe("invalid_token");

      const client = new Client(server);
      const signedIn = await client.call("/api/auth/sign-in/email", {
        body: { email: "kandidaat@demo.werkbrug.test", password: "Zon&Zee-Scheveningen" },
      });
      expect(signedIn.status).toBe(200);
      // Put the documented demo password back for the other tests in this file.
      await db
        .update((await import("../tenancy/tenancy.schema")).accounts)
        .set({ password: await hashPassword(DEMO_PASSWORD) })
        .where(eq((await import("../tenancy/tenancy.schema")).accounts.userId, "demo-kandidaat"));
    });
  });
});

describe("cookies behind TLS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ web: false, env: { PUBLIC_URL: "https://werkbrug.example" } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("marks the session cookie Secure when the public address is https", async () => {
    const client = new Client(server);
    const res = await client.call("/api/auth/sign-in/email", {
      body: { email: "kandidaat@demo.werkbrug.test", password: DEMO_PASSWORD },
      // The browser is at the public https address; the TLS proxy in front says so.
      headers: {
        origin: "https://werkbrug.example",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "werkbrug.example",
      },
    });
    expect(res.status).toBe(200);
    const cookie = res.setCookies.find((c) => c.includes("session_token="));
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/i);
  });
});
