import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { request, startTestServer, type TestServer } from "../../../test/support/server";
import { Client, signIn } from "../../../test/support/session";
import type { ErrorResponse } from "../../contracts/common";
import type { CandidateVacancyListResponse, CreateVacancyRequest } from "../../contracts/vacancies";
import { matches } from "../modules/matches/matches.schema";
import { organisations } from "../modules/tenancy/tenancy.schema";
import { todayIn } from "../modules/vacancies";
import { vacancies } from "../modules/vacancies/vacancies.schema";

const REFUSED_NL =
  "Dit verzoek komt niet van de website van dit portaal en is geweigerd. Open het portaal via zijn eigen adres en probeer het opnieuw.";
const REFUSED_EN =
  "This request did not come from this portal's own website and was refused. Open the portal at its own address and try again.";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.each(testDbKinds())("origin check on %s", (kind) => {
  let server: TestServer;
  let employer: Client; // werkgever@: Westland Logistiek on Haaglanden, may manage vacancies
  let candidate: Client; // kandidaat@: a Haaglanden candidate
  let westlandId: string;
  const host = (slug: string) => `${slug}.localhost:${server.port}`;
  const national = () => `localhost:${server.port}`;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const [westland] = await server.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Westland Logistiek B.V."));
    westlandId = westland!.id;
    employer = new Client(server, host("haaglanden"));
    candidate = new Client(server, host("haaglanden"));
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const vacancy = (title: string): CreateVacancyRequest => ({
    organisationId: westlandId,
    displayTitle: title,
    functionTitle: "Orderpicker",
    description: "Je verzamelt orders in ons distributiecentrum.",
    occupationId: "9333.8",
    educationLevel: "vmbo-bb",
    kind: "vacancy",
    hoursMin: 24,
    hoursMax: 32,
    positions: 1,
    salaryMin: 2400,
    salaryMax: 2900,
    workAddress: null,
    serviceModel: "together",
    contactVia: "employer",
    publication: { portalFrom: todayIn(), closesOn: todayIn(new Date(Date.now() + 30 * 86_400_000)) },
  });

  async function vacanciesTitled(title: string): Promise<number> {
    const [row] = await server.database.db
      .select({ n: count() })
      .from(vacancies)
      .where(eq(vacancies.displayTitle, title));
    return row!.n;
  }

  function expectRefused(res: { status: number; json<T>(): T }, message = REFUSED_NL) {
    expect(res.status).toBe(403);
    expect(res.json<ErrorResponse>().error).toEqual({ code: "cross_origin_request", message });
  }

  it("refuses a write from a foreign origin, in Dutch and in English, and stores nothing", async () => {
    const title = "Oorsprong vreemd";
    const nl = await employer.call("/api/v1/vacancies", {
      body: vacancy(title),
      origin: "http://evil.test",
    });
    expectRefused(nl);
    const en = await employer.call("/api/v1/vacancies", {
      body: vacancy(title),
      origin: "https://evil.test",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expectRefused(en, REFUSED_EN);
    expect(await vacanciesTitled(title)).toBe(0);
  });

  it("refuses an opaque (null) Origin and a write without any Origin", async () => {
    const title = "Oorsprong leeg";
    expectRefused(await employer.call("/api/v1/vacancies", { body: vacancy(title), origin: "null" }));
    expectRefused(await employer.call("/api/v1/vacancies", { body: vacancy(title), origin: null }));
    // A browser saying the request crossed sites does not stand in for an Origin either.
    expectRefused(
      await employer.call("/api/v1/vacancies", {
        body: vacancy(title),
        origin: null,
        headers: { "sec-fetch-site": "same-site" },
      }),
    );
    expect(await vacanciesTitled(title)).toBe(0);
  });

  it("allows a write from the portal's own origin, or without Origin when Sec-Fetch-Site says same-origin", async () => {
    const own = await employer.call("/api/v1/vacancies", { body: vacancy("Oorsprong eigen") });
    expect(own.status, own.text).toBe(201);
    const fetchMetadata = await employer.call("/api/v1/vacancies", {
      body: vacancy("Oorsprong fetch metadata"),
      origin: null,
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(fetchMetadata.status, fetchMetadata.text).toBe(201);
    // Default ports are the same origin.
    const withPort = await request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
      method: "PATCH",
      host: "localhost:80",
      origin: "http://localhost",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Nieuwe naam" }),
    });
    expect(withPort.status).toBe(401);
  });

  it("lets reads through from anywhere", async () => {
    const res = await employer.call("/api/v1/vacancies", { origin: "http://evil.test" });
    expect(res.status).toBe(200);
    const head = await request(server, "/api/health", { method: "HEAD", origin: "null" });
    expect(head.status).toBe(200);
  });

  it("refuses another portal's origin, and the national one, on a portal's host", async () => {
    const title = "Oorsprong ander portaal";
    expectRefused(
      await employer.call("/api/v1/vacancies", {
        body: vacancy(title),
        origin: `http://${host("rijnmond")}`,
      }),
    );
    expectRefused(
      await employer.call("/api/v1/vacancies", { body: vacancy(title), origin: `http://${national()}` }),
    );
    // Same host, other scheme or port: another origin.
    expectRefused(
      await employer.call("/api/v1/vacancies", {
        body: vacancy(title),
        origin: `https://${host("haaglanden")}`,
      }),
    );
    expect(await vacanciesTitled(title)).toBe(0);
  });

  it("refuses a multipart job application from a foreign origin", async () => {
    const list = await candidate.call("/api/v1/vacancies/for-candidate");
    const open = list.json<CandidateVacancyListResponse>().vacancies.find((v) => !v.applied);
    expect(open, list.text).toBeDefined();
    const form = new FormData();
    form.set("motivation", "Ik heb vijf jaar ervaring als orderpicker.");
    form.set("cv", new Blob([PDF], { type: "application/pdf" }), "mijn-cv.pdf");
    const body = new Response(form);
    const raw = { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! };
    const applicationsTo = async () =>
      (
        await server.database.db.select({ n: count() }).from(matches).where(eq(matches.vacancyId, open!.id))
      )[0]!.n;
    const before = await applicationsTo();

    expectRefused(
      await candidate.call(`/api/v1/vacancies/${open!.id}/applications`, {
        raw,
        origin: "http://evil.test",
      }),
    );
    expect(await applicationsTo()).toBe(before);
    const own = await candidate.call(`/api/v1/vacancies/${open!.id}/applications`, { raw });
    expect(own.status, own.text).toBe(201);
  });

  it("guards sign-in and the other better-auth endpoints the same way", async () => {
    const visitor = new Client(server, host("haaglanden"));
    const body = { email: "kandidaat@demo.werkbrug.test", password: "wrong-password" };
    expectRefused(await visitor.call("/api/auth/sign-in/email", { body, origin: "http://evil.test" }));
    expectRefused(
      await visitor.call("/api/auth/sign-in/email", { body, origin: `http://${host("rijnmond")}` }),
    );
    expectRefused(await visitor.call("/api/auth/sign-out", { body: {}, origin: null }));
    // From the portal itself the request reaches better-auth (which refuses the password).
    expect((await visitor.call("/api/auth/sign-in/email", { body })).status).toBe(401);
  });

  it("takes the origin from X-Forwarded-Proto and X-Forwarded-Host behind a trusted proxy", async () => {
    const patch = (headers: Record<string, string>, origin: string) =>
      request(server, "/api/v1/organisations/00000000-0000-4000-8000-000000000000", {
        method: "PATCH",
        origin,
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "Nieuwe naam" }),
      });
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": national() };
    // Past the origin check, the write is refused for want of a session.
    expect((await patch(proxied, `https://${national()}`)).status).toBe(401);
    expectRefused(await patch(proxied, `http://${national()}`));
    expectRefused(await patch({ "x-forwarded-host": host("haaglanden") }, `http://${national()}`));
    expect(
      (await patch({ "x-forwarded-host": host("haaglanden") }, `http://${host("haaglanden")}`)).status,
    ).toBe(401);
  });
});
