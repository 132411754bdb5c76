import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { mailOutbox } from "../../platform/mail.schema";
import { organisations } from "../tenancy/tenancy.schema";

/*
 * A person who asks on a regional portal gets mail whose links bring them back to that portal
 * (issue 19, part 9): not to the national host that better-auth knows as its one base URL.
 */
describe("mail links go to the portal the person used", () => {
  let server: TestServer;
  const haaglanden = () => `haaglanden.localhost:${server.port}`;

  beforeAll(async () => {
    server = await startTestServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function lastMailTo(email: string) {
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, email))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    return mail!;
  }
  const linkIn = (text: string, path: string) => new URL(new RegExp(`(http\\S+${path}\\S*)`).exec(text)![1]!);

  it("links a password reset asked on Haaglanden to Haaglanden, where the link works", async () => {
    const visitor = new Client(server, haaglanden());
    const res = await visitor.call("/api/auth/request-password-reset", {
      body: { email: "kandidaat@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
    });
    expect(res.status).toBe(200);
    const mail = await lastMailTo("kandidaat@demo.werkbrug.test");
    const link = linkIn(mail.text, "reset-password/");
    expect(link.host).toBe(haaglanden());
    expect(mail.text).toContain("Werkbrug Haaglanden");

    // Followed on that host, the link lands on the page that asks for the new password there.
    const followed = await visitor.call(`${link.pathname}${link.search}`);
    expect(followed.status).toBe(302);
    const landing = new URL(followed.headers.location as string, `http://${haaglanden()}`);
    expect(landing.pathname).toBe("/wachtwoord-herstellen");
    expect(landing.searchParams.get("token")).toBeTruthy();
    expect(landing.host).toBe(haaglanden());
  });

  it("links a password reset asked on the national host to the national host", async () => {
    const res = await new Client(server).call("/api/auth/request-password-reset", {
      body: { email: "accountmanager@demo.werkbrug.test", redirectTo: "/wachtwoord-herstellen" },
    });
    expect(res.status).toBe(200);
    const link = linkIn((await lastMailTo("accountmanager@demo.werkbrug.test")).text, "reset-password/");
    expect(link.host).toBe(`localhost:${server.port}`);
  });

  it("links the confirmation of a registration on Haaglanden to Haaglanden, and again at sign-in", async () => {
    const visitor = new Client(server, haaglanden());
    const registered = await visitor.call("/api/v1/candidates/register", {
      body: {
        email: "noor@voorbeeld.nl",
        name: "Noor Bakker",
        password: "Strand-Kijkduin-9",
        acceptTerms: true,
      },
    });
    expect(registered.status).toBe(202);
    const first = linkIn((await lastMailTo("noor@voorbeeld.nl")).text, "verify-email");
    expect(first.host).toBe(haaglanden());

    // Signing in with the address still unconfirmed sends a fresh link, to where they signed in.
    const signIn = await visitor.call("/api/auth/sign-in/email", {
      body: { email: "noor@voorbeeld.nl", password: "Strand-Kijkduin-9" },
    });
    expect(signIn.status).toBe(403);
    const again = linkIn((await lastMailTo("noor@voorbeeld.nl")).text, "verify-email");
    expect(again.host).toBe(haaglanden());
    const mails = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "noor@voorbeeld.nl"));
    expect(mails).toHaveLength(2);

    const verified = await visitor.call(`${again.pathname}${again.search}`);
    expect(verified.status).toBe(302);
    expect(new URL(verified.headers.location as string, `http://${haaglanden()}`).host).toBe(haaglanden());
  });

  it("links an invitation to the regional portal it was made on, and from the national host to the organisation's home portal", async () => {
    const admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
    const [denHaag] = await server.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    const invite = (client: Client, email: string) =>
      client.call("/api/v1/invitations", {
        body: { email, organisationId: denHaag!.id, role: "hr_officer", personalMessage: null },
      });

    const onRijnmond = new Client(server, `rijnmond.localhost:${server.port}`);
    for (const [name, value] of admin.cookies) onRijnmond.cookies.set(name, value);
    expect((await invite(onRijnmond, "via.rijnmond@voorbeeld.nl")).status).toBe(201);
    const mail = await lastMailTo("via.rijnmond@voorbeeld.nl");
    expect(linkIn(mail.text, "uitnodiging").host).toBe(`rijnmond.localhost:${server.port}`);
    expect(mail.subject).toContain("Werkbrug Rijnmond");

    expect((await invite(admin, "via.landelijk@voorbeeld.nl")).status).toBe(201);
    const national = await lastMailTo("via.landelijk@voorbeeld.nl");
    expect(linkIn(national.text, "uitnodiging").host).toBe(haaglanden());
  });
});
