import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { type SmsGatewayStandIn, startSmsGateway } from "../../../../test/support/sms-gateway";
import type { ErrorResponse } from "../../../contracts/common";
import type { OutboxResponse } from "../../../contracts/dev";
import type { MeResponse } from "../../../contracts/identity";
import { smsOutbox } from "../../platform/sms.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { users } from "../tenancy/tenancy.schema";
import { auditEvents } from "./identity.schema";

const error = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
const CODE_NL = /^Je Werkbrug-code is (\d{6})\. Deel deze code met niemand\.$/;
const CODE_EN = /^Your Werkbrug code is (\d{6})\. Do not share it with anyone\.$/;

async function setPhone(server: TestServer, userId: string, phone: string | null) {
  await server.database.db.update(users).set({ phone }).where(eq(users.id, userId));
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
        "Er is geen mobiel nummer bekend. Vul het in bij Instellingen of gebruik de authenticator-app.",
    });
    const en = await client.call("/api/auth/two-factor/send-otp", {
      body: {},
      headers: { "accept-language": "en" },
    });
    expect(error(en).message).toBe(
      "No mobile number is known. Add it under Settings or use the authenticator app.",
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
