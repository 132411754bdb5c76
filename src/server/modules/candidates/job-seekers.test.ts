import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { RegisteredJobSeeker } from "../../../contracts/candidates";
import type { ErrorResponse } from "../../../contracts/common";
import { mailOutbox } from "../../platform/mail.schema";
import { candidates } from "./candidates.schema";

describe.each(testDbKinds())("account managers registering job seekers on %s", (kind) => {
  let server: TestServer;
  let manager: Client;
  const host = () => `haaglanden.localhost:${server.port}`;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    manager = new Client(server, host());
    await signIn(manager, "accountmanager@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function claimToken(email: string): Promise<string> {
    await server.app.events.drain();
    const mails = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    const match = /account-activeren\?token=([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.text);
    return match![1]!;
  }

  it("registers a job seeker with the account manager as go-between, who then claims the account", async () => {
    const res = await manager.call("/api/v1/candidates", {
      body: {
        name: "Jan de Vries",
        email: "jan.devries@example.test",
        phone: "06 12345678",
        placeId: "nl-1783-naaldwijk",
      },
    });
    expect(res.status, res.text).toBe(201);
    const jobSeeker = res.json<{ jobSeeker: RegisteredJobSeeker }>().jobSeeker;
    expect(jobSeeker).toMatchObject({ name: "Jan de Vries", claim: { status: "pending" } });
    const [row] = await server.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, jobSeeker.candidateId));
    expect(row).toMatchObject({
      accountManagerUserId: "demo-accountmanager",
      contactPreference: "account_manager",
      visible: false,
      city: "Naaldwijk",
    });

    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "jan.devries@example.test"));
    expect(mail!.subject).toBe("Je account op Werkbrug Haaglanden staat klaar");
    expect(mail!.text).toContain(`http://haaglanden.localhost:${server.port}/account-activeren?token=`);
    const token = await claimToken("jan.devries@example.test");

    const visitor = new Client(server, host());
    const preview = await visitor.call(`/api/v1/account-claims/preview?token=${token}`);
    expect(preview.json()).toMatchObject({ name: "Jan de Vries", registeredBy: "Fatima El Amrani" });
    const noTerms = await visitor.call("/api/v1/account-claims/accept", {
      body: { token, password: "Mijn-eigen-wachtwoord-42!" },
    });
    expect(noTerms.status).toBe(400);
    const weak = await visitor.call("/api/v1/account-claims/accept", {
      body: { token, password: "kort", acceptTerms: true },
    });
    expect(weak.status).toBe(400);
    const ok = await visitor.call("/api/v1/account-claims/accept", {
      body: { token, password: "Mijn-eigen-wachtwoord-42!", acceptTerms: true },
    });
    expect(ok.status, ok.text).toBe(200);
    const again = await visitor.call("/api/v1/account-claims/accept", {
      body: { token, password: "Mijn-eigen-wachtwoord-42!", acceptTerms: true },
    });
    expect(again.status).toBe(410);

    const jan = new Client(server, host());
    await signIn(jan, "jan.devries@example.test", "Mijn-eigen-wachtwoord-42!");
    const me = await jan.call("/api/v1/candidates/me");
    expect(me.status, me.text).toBe(200);
  });

  it("sends a new link that replaces the old one", async () => {
    const created = (
      await manager.call("/api/v1/candidates", { body: { name: "Els Bakker", email: "els@example.test" } })
    ).json<{ jobSeeker: RegisteredJobSeeker }>().jobSeeker;
    const first = await claimToken("els@example.test");
    const resent = await manager.call(`/api/v1/candidates/${created.candidateId}/claim-invitation`, {
      method: "POST",
    });
    expect(resent.status, resent.text).toBe(200);
    const second = await claimToken("els@example.test");
    expect(second).not.toBe(first);
    expect((await manager.call(`/api/v1/account-claims/preview?token=${first}`)).status).toBe(410);
    expect((await manager.call(`/api/v1/account-claims/preview?token=${second}`)).status).toBe(200);
  });

  it("refuses an address that already has an account, an unknown place, and people who are not account managers", async () => {
    const taken = await manager.call("/api/v1/candidates", {
      body: { name: "Kim Dubbel", email: "kandidaat@demo.werkbrug.test" },
      headers: { "accept-language": "nl" },
    });
    expect(taken.status).toBe(409);
    expect(taken.json<ErrorResponse>().error.fields).toEqual([{ path: "email", message: "Al in gebruik." }]);
    const place = await manager.call("/api/v1/candidates", {
      body: { name: "Piet Nergens", email: null, placeId: "nl-0000-nergens" },
    });
    expect(place.status).toBe(400);
    const employer = new Client(server, host());
    await signIn(employer, "werkgever@demo.werkbrug.test");
    expect((await employer.call("/api/v1/candidates", { body: { name: "Iemand Anders" } })).status).toBe(403);
  });

  it("registers someone without an e-mail address as a profile without an account", async () => {
    const res = await manager.call("/api/v1/candidates", { body: { name: "Mo Zonder Mail" } });
    expect(res.status).toBe(201);
    expect(res.json<{ jobSeeker: RegisteredJobSeeker }>().jobSeeker.claim.status).toBe("none");
  });
});
