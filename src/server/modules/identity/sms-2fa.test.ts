import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn, totpCode } from "../../../../test/support/session";
import { type SmsGatewayStandIn, startSmsGateway } from "../../../../test/support/sms-gateway";
import type { ErrorResponse } from "../../../contracts/common";
import type { OutboxResponse } from "../../../contracts/dev";
import type { MeResponse } from "../../../contracts/identity";
import { smsOutbox } from "../../platform/sms.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { users } from "../tenancy/tenancy.schema";
import { auditEvents, twoFactors } from "./identity.schema";

const error = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
const CODE_NL = /^Je Werkbrug-code is (\d{6})\. Deel deze code met niemand\.$/;
const CODE_EN = /^Your Werkbrug code is (\d{6})\. Do not share it with anyone\.$/;

/** Gives the user a confirmed number for SMS codes (as confirming one by code would), or none. */
async function setPhone(server: TestServer, userId: string, phone: string | null) {
  await server.database.db
    .update(users)
    .set({ phoneNumber: phone, phoneNumberVerified: phone !== null })
    .where(eq(users.id, userId));
}

/** Password first; for staff with a second factor better-auth then asks for a code. */
async function startSignIn(client: Client, email: string) {
  const res = await client.call("/api/auth/sign-in/email", { body: { email, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return res.json<{ twoFactorRedirect?: boolean; twoFactorMethods?: string[] }>();
}

const wrongCodeFor = (code: string) => (code === "000000" ? "111111" : "000000");

describe("SMS second factor through the HTTP gateway", () => {
  let gateway: SmsGatewayStandIn;
  let server: TestServer;
  beforeAll(async () => {
    gateway = await startSmsGateway("t");
    server = await startTestServer({
      web: false,
      env: { SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: "t" },
    });
  });
  afterAll(async () => {
    await server?.close();
    await gateway?.close();
  });

  it("texts a code in Dutch to the user's mobile number and signs in with it", async () => {
    await setPhone(server, "demo-selectie", "06-12345678");
    const client = new Client(server);
    const first = await startSignIn(client, "selectie@demo.werkbrug.test");
    expect(first).toMatchObject({ twoFactorRedirect: true });
    expect(first.twoFactorMethods).toEqual(expect.arrayContaining(["totp", "otp"]));

    const sent = await client.call("/api/auth/two-factor/send-otp", { body: {} });
    expect(sent.status).toBe(200);
    const [sms] = await gateway.waitFor(1);
    expect(sms).toMatchObject({ to: "+31612345678", from: "Werkbrug" });
    const code = CODE_NL.exec(sms?.text ?? "")?.[1];
    expect(code, sms?.text).toMatch(/^\d{6}$/);

    const wrong = await client.call("/api/auth/two-factor/verify-otp", {
      body: { code: wrongCodeFor(code!) },
    });
    expect(wrong.status).toBe(401);
    expect(error(wrong)).toEqual({
      code: "invalid_two_factor_code",
      message: "Deze code klopt niet. Je kunt het nog 4 keer proberen.",
    });
    expect((await client.call("/api/v1/me")).json<MeResponse>().user).toBeNull();

    const ok = await client.call("/api/auth/two-factor/verify-otp", { body: { code } });
    expect(ok.status).toBe(200);
    const me = (await client.call("/api/v1/me")).json<MeResponse>().user;
    expect(me).toMatchObject({ email: "selectie@demo.werkbrug.test", needsTwoFactorSetup: false });

    const [event] = await server.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, "demo-selectie"), eq(auditEvents.type, "sign_in_succeeded")))
      .orderBy(desc(auditEvents.at))
      .limit(1);
    expect(event?.details).toEqual({ factor: "sms" });
  });

  it("tells the user when the gateway refuses the text, instead of pretending it was sent", async () => {
    await setPhone(server, "demo-selectie", "06-12345678");
    const client = new Client(server);
    await startSignIn(client, "selectie@demo.werkbrug.test");
    gateway.failNext(1, 400);
    const sent = await client.call("/api/auth/two-factor/send-otp", { body: {} });
    expect(sent.status).toBe(502);
    expect(error(sent)).toMatchObject({
      code: "sms_not_sent",
      message:
        "De sms met je code kon niet worden verstuurd. Probeer het zo nog eens of gebruik je authenticator-app.",
    });
  });

  it("writes the text in the user's own language", async () => {
    await setPhone(server, "demo-jury", "+31 6 87654321");
    const client = new Client(server);
    await startSignIn(client, "jury@demo.werkbrug.test");
    const before = gateway.received.length;
    expect((await client.call("/api/auth/two-factor/send-otp", { body: {} })).status).toBe(200);
    const sms = (await gateway.waitFor(before + 1))[before];
    expect(sms?.to).toBe("+31687654321");
    expect(sms?.text).toMatch(CODE_EN);
  });

  it("answers 400 no_phone when no mobile number is known, in the user's language", async () => {
    await setPhone(server, "demo-hr", null);
    const client = new Client(server);
    await startSignIn(client, "hr@demo.werkbrug.test");
    const before = gateway.requests;
    const res = await client.call("/api/auth/two-factor/send-otp", { body: {} });
    expect(res.status).toBe(400);
    expect(error(res)).toEqual({
      code: "no_phone",
      message:
        "Er is geen bevestigd mobiel nummer bekend. Bevestig het bij Instellingen > Beveiliging of gebruik de authenticator-app.",
    });
    const en = await client.call("/api/auth/two-factor/send-otp", {
      body: {},
      headers: { "accept-language": "en" },
    });
    expect(error(en).message).toBe(
      "No confirmed mobile number is known. Confirm it under Settings > Security or use the authenticator app.",
    );
    // A landline cannot receive the text either.
    await setPhone(server, "demo-hr", "070-1234567");
    const landline = await client.call("/api/auth/two-factor/send-otp", { body: {} });
    expect(error(landline).code).toBe("no_phone");
    expect(gateway.requests).toBe(before);
  });

  it("counts SMS codes against the same per-sign-in attempt limit as authenticator codes", async () => {
    await setPhone(server, "demo-werkgever", "0611111111");
    const client = new Client(server);
    await startSignIn(client, "werkgever@demo.werkbrug.test");
    expect((await client.call("/api/auth/two-factor/send-otp", { body: {} })).status).toBe(200);
    const sms = gateway.received.at(-1);
    expect(sms?.to).toBe("+31611111111");
    const code = CODE_NL.exec(sms?.text ?? "")?.[1] ?? "";
    const left: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.call("/api/auth/two-factor/verify-otp", {
        body: { code: wrongCodeFor(code) },
      });
      expect(res.status).toBe(401);
      left.push(error(res).message);
    }
    expect(left.at(-1)).toBe("Deze code klopt niet. Je kunt het nog 0 keer proberen.");
    const blocked = await client.call("/api/auth/two-factor/verify-otp", { body: { code } });
    expect(blocked.status).toBe(429);
    expect(error(blocked)).toMatchObject({ code: "rate_limited" });
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("limits how often a code can be texted from one address", async () => {
    await setPhone(server, "demo-verwijzer", "0622222222");
    const client = new Client(server);
    await startSignIn(client, "verwijzer@demo.werkbrug.test");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.call("/api/auth/two-factor/send-otp", { body: {} })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("will not switch a user without a mobile number to SMS codes", async () => {
    await setPhone(server, "demo-beheer", null);
    const client = new Client(server);
    await signIn(client, "beheer@demo.werkbrug.test");
    const res = await client.call("/api/auth/two-factor/enable", {
      body: { method: "otp", password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(error(res).code).toBe("no_phone");
  });
});

describe("SMS second factor through the development outbox", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("puts the code in sms_outbox, lists it on the developer page and accepts it", async () => {
    await setPhone(server, "demo-selectie", "06 12 34 56 78");
    const client = new Client(server);
    const first = await startSignIn(client, "selectie@demo.werkbrug.test");
    expect(first.twoFactorMethods).toContain("otp");
    expect((await client.call("/api/auth/two-factor/send-otp", { body: {} })).status).toBe(200);

    const [row] = await server.database.db
      .select()
      .from(smsOutbox)
      .orderBy(desc(smsOutbox.createdAt))
      .limit(1);
    expect(row?.to).toBe("+31612345678");
    const code = CODE_NL.exec(row?.text ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const page = await client.call("/api/dev/mail");
    expect(page.status).toBe(200);
    const outbox = page.json<OutboxResponse>();
    expect(outbox.sms[0]).toEqual({
      id: row?.id,
      to: "+31612345678",
      text: row?.text,
      createdAt: row?.createdAt.toISOString(),
    });

    expect((await client.call("/api/auth/two-factor/verify-otp", { body: { code } })).status).toBe(200);
    expect((await client.call("/api/v1/me")).json<MeResponse>().user?.email).toBe(
      "selectie@demo.werkbrug.test",
    );
  });
});

describe("SMS set-up with the SMS outbox", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The code in the newest text to `to`. */
  async function lastCodeTo(to: string): Promise<string> {
    const [row] = await server.database.db
      .select()
      .from(smsOutbox)
      .where(eq(smsOutbox.to, to))
      .orderBy(desc(smsOutbox.createdAt))
      .limit(1);
    const code = CODE_NL.exec(row?.text ?? "")?.[1];
    expect(code, row?.text).toMatch(/^\d{6}$/);
    return code ?? "";
  }

  const me = async (client: Client) => (await client.call("/api/v1/me")).json<MeResponse>().user;

  /** A staff member who still has to choose a second factor, signed in with their password. */
  async function newStaffMember(userId: string, email: string): Promise<Client> {
    const { db } = server.database;
    await db
      .update(users)
      .set({ twoFactorEnabled: false, phoneNumber: null, phoneNumberVerified: false })
      .where(eq(users.id, userId));
    await db.delete(twoFactors).where(eq(twoFactors.userId, userId));
    const client = new Client(server);
    const res = await startSignIn(client, email);
    expect(res.twoFactorRedirect).toBeUndefined();
    expect(await me(client)).toMatchObject({
      needsTwoFactorSetup: true,
      secondFactor: null,
      smsNumber: null,
    });
    return client;
  }

  it("sets up SMS at first sign-in: number, texted code, confirmed, and then signs in by SMS only", async () => {
    const client = await newStaffMember("demo-verwijzer", "verwijzer@demo.werkbrug.test");

    // Not a mobile number, in the person's language, and nothing is texted.
    const before = (await server.database.db.select().from(smsOutbox)).length;
    const landline = await client.call("/api/auth/phone-number/send-otp", {
      body: { phoneNumber: "070 123 4567" },
    });
    expect(landline.status).toBe(400);
    expect(error(landline)).toMatchObject({
      code: "not_a_mobile_number",
      message: "Dit is geen mobiel nummer. Een sms kan alleen naar een nummer dat met 06 begint.",
    });
    const gibberishEn = await client.call("/api/auth/phone-number/send-otp", {
      body: { phoneNumber: "call me" },
      headers: { "accept-language": "en" },
    });
    expect(gibberishEn.status).toBe(400);
    expect(error(gibberishEn).message).toBe(
      "This is not a valid phone number. Enter a mobile number, such as 06 12345678.",
    );
    expect((await server.database.db.select().from(smsOutbox)).length).toBe(before);

    // SMS cannot be switched on before the number is confirmed.
    const early = await client.call("/api/auth/two-factor/enable", {
      body: { method: "otp", password: DEMO_PASSWORD },
    });
    expect(early.status).toBe(400);
    expect(error(early).code).toBe("no_phone");

    const sent = await client.call("/api/auth/phone-number/send-otp", {
      body: { phoneNumber: "06 33 44 55 66" },
    });
    expect(sent.status).toBe(200);
    const code = await lastCodeTo("+31633445566");

    const wrong = await client.call("/api/auth/phone-number/verify", {
      body: { phoneNumber: "0633445566", code: wrongCodeFor(code) },
    });
    expect(wrong.status).toBe(400);
    expect(error(wrong)).toEqual({
      code: "invalid_sms_code",
      message: "Deze code klopt niet. Controleer de sms en probeer het opnieuw.",
    });
    expect((await me(client))?.smsNumber).toBeNull();

    // The same number in another notation; the code is checked against it.
    const confirmed = await client.call("/api/auth/phone-number/verify", {
      body: { phoneNumber: "+31 6 33445566", code },
    });
    expect(confirmed.status).toBe(200);
    expect(await me(client)).toMatchObject({ smsNumber: "+31633445566", needsTwoFactorSetup: true });

    expect((await client.call("/api/v1/vacancies")).json<Partial<ErrorResponse>>().error?.code).toBe(
      "two_factor_required",
    );
    const wrongPassword = await client.call("/api/auth/two-factor/enable", {
      body: { method: "otp", password: "Niet-het-wachtwoord-1!" },
    });
    expect(wrongPassword.status).toBe(401);
    expect(error(wrongPassword).code).toBe("invalid_credentials");
    const enabled = await client.call("/api/auth/two-factor/enable", {
      body: { method: "otp", password: DEMO_PASSWORD },
    });
    expect(enabled.status).toBe(200);
    expect(await me(client)).toMatchObject({
      twoFactorEnabled: true,
      needsTwoFactorSetup: false,
      secondFactor: "sms",
      smsNumber: "+31633445566",
    });
    // Set up: the rest of the app opens.
    const blockedCode = async () =>
      (await client.call("/api/v1/vacancies")).json<Partial<ErrorResponse>>().error?.code ?? null;
    expect(await blockedCode()).not.toBe("two_factor_required");

    // Next sign-in: SMS is the only way offered, and it works.
    const next = new Client(server);
    const first = await startSignIn(next, "verwijzer@demo.werkbrug.test");
    expect(first).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["otp"] });
    expect((await next.call("/api/auth/two-factor/send-otp", { body: {} })).status).toBe(200);
    const signInCode = await lastCodeTo("+31633445566");
    expect((await next.call("/api/auth/two-factor/verify-otp", { body: { code: signInCode } })).status).toBe(
      200,
    );
    expect((await me(next))?.email).toBe("verwijzer@demo.werkbrug.test");
  });

  it("offers SMS at sign-in only to an account whose number was confirmed", async () => {
    const { db } = server.database;
    // A contact number in the profile is not a confirmed number.
    await db
      .update(users)
      .set({ phone: "06 12345678", phoneNumber: null, phoneNumberVerified: false })
      .where(eq(users.id, "demo-hr"));
    const client = new Client(server);
    const first = await startSignIn(client, "hr@demo.werkbrug.test");
    expect(first).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    const send = await client.call("/api/auth/two-factor/send-otp", { body: {} });
    expect(send.status).toBe(400);
    expect(error(send).code).toBe("no_phone");
  });

  it("switches between app and SMS under Beveiliging, confirming a changed number again", async () => {
    const client = new Client(server);
    await signIn(client, "selectie@demo.werkbrug.test");
    expect(await me(client)).toMatchObject({ secondFactor: "app", smsNumber: null });

    // Signing in is needed to confirm a number; a stranger cannot text anyone.
    const stranger = await new Client(server).call("/api/auth/phone-number/send-otp", {
      body: { phoneNumber: "0655889900" },
    });
    expect(stranger.status).toBe(401);

    // App -> SMS.
    expect(
      (await client.call("/api/auth/phone-number/send-otp", { body: { phoneNumber: "0655889900" } })).status,
    ).toBe(200);
    const code = await lastCodeTo("+31655889900");
    expect(
      (await client.call("/api/auth/phone-number/verify", { body: { phoneNumber: "0655889900", code } }))
        .status,
    ).toBe(200);
    // Confirmed but not yet chosen: the app is still the factor.
    expect(await me(client)).toMatchObject({ secondFactor: "app", smsNumber: "+31655889900" });
    expect(
      (
        await client.call("/api/auth/two-factor/enable", {
          body: { method: "otp", password: DEMO_PASSWORD },
        })
      ).status,
    ).toBe(200);
    expect(await me(client)).toMatchObject({ secondFactor: "sms", smsNumber: "+31655889900" });
    // The app's key no longer signs in.
    const afterSwitch = await startSignIn(new Client(server), "selectie@demo.werkbrug.test");
    expect(afterSwitch.twoFactorMethods).toEqual(["otp"]);

    // The same number again is not a change.
    const same = await client.call("/api/auth/phone-number/send-otp", {
      body: { phoneNumber: "06-55889900" },
    });
    expect(same.status).toBe(409);
    expect(error(same).code).toBe("sms_number_unchanged");

    // Another user's confirmed number cannot be taken.
    await setPhone(server, "demo-jury", "+31688776655");
    expect(
      (await client.call("/api/auth/phone-number/send-otp", { body: { phoneNumber: "0688776655" } })).status,
    ).toBe(200);
    const taken = await client.call("/api/auth/phone-number/verify", {
      body: { phoneNumber: "0688776655", code: await lastCodeTo("+31688776655") },
    });
    expect(taken.status).toBe(409);
    expect(error(taken).code).toBe("sms_number_taken");

    // A new number of their own: confirmed again, and texts go there.
    await client.call("/api/auth/phone-number/send-otp", { body: { phoneNumber: "0611223344" } });
    const changed = await client.call("/api/auth/phone-number/verify", {
      body: { phoneNumber: "0611223344", code: await lastCodeTo("+31611223344") },
    });
    expect(changed.status).toBe(200);
    expect(await me(client)).toMatchObject({ secondFactor: "sms", smsNumber: "+31611223344" });

    // SMS -> app: set up the authenticator; once it is confirmed the number stops receiving codes.
    const app = await client.call("/api/auth/two-factor/enable", { body: { password: DEMO_PASSWORD } });
    expect(app.status).toBe(200);
    const key = totpSecretOf(app.json<{ totpURI: string }>().totpURI);
    expect(
      (await client.call("/api/auth/two-factor/verify-totp", { body: { code: totpCode(key) } })).status,
    ).toBe(200);
    expect(await me(client)).toMatchObject({ secondFactor: "app", smsNumber: null });
    const afterApp = await startSignIn(new Client(server), "selectie@demo.werkbrug.test");
    expect(afterApp.twoFactorMethods).toEqual(["totp"]);
  });
});

function totpSecretOf(uri: string): string {
  return new URL(uri).searchParams.get("secret") ?? "";
}
