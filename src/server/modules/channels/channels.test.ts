import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type {
  ApplicantsBySourceReport,
  JobSite,
  JobSiteClicksReport,
  JobSiteListResponse,
  VacancyChannels,
} from "../../../contracts/channels";
import type { ErrorResponse } from "../../../contracts/common";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { matches, procedurePhases } from "../matches/matches.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies, vacancyViews } from "../vacancies/vacancies.schema";
import { jobSites, vacancyJobSites } from "./channels.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

type Res = Awaited<ReturnType<Client["call"]>>;
const errorOf = (res: Res) => res.json<ErrorResponse>().error;
const arrayBufferOf = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const fieldPaths = (res: Res) => (errorOf(res).fields ?? []).map((f) => f.path);

describe.each(testDbKinds())("publication channels on %s", (kind) => {
  let server: TestServer;
  let db: Db;
  let selection: Client; // selectie@: selection officer of the agency's selection office
  let other: Client; // beheer@: org admin of Gemeente Den Haag, another family
  let candidate: Client; // kandidaat@: a candidate on Haaglanden
  let anon: Client;
  let agentschapId: string;
  let selectiebureauId: string;
  let vdab: JobSite;
  let indeed: JobSite;
  let first: Vacancy; // posted to VDAB
  let second: Vacancy; // posted to Indeed

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    db = server.database.db;
    selection = new Client(server);
    other = new Client(server);
    candidate = new Client(server, `haaglanden.localhost:${server.port}`);
    anon = new Client(server);
    await signIn(selection, "selectie@demo.werkbrug.test");
    await signIn(other, "beheer@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    const orgByName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    agentschapId = await orgByName("Agentschap Publieke Dienstverlening");
    selectiebureauId = await orgByName("Agentschap Publieke Dienstverlening – Selectiebureau");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const complete = (title: string): CreateVacancyRequest => ({
    organisationId: agentschapId,
    displayTitle: title,
    functionTitle: "Beleidsmedewerker",
    description: "Je werkt mee aan betere dienstverlening voor iedereen.",
    occupationId: "2411.1",
    educationLevel: "wo-master",
    kind: "vacancy",
    hoursMin: 32,
    hoursMax: 36,
    positions: 1,
    workAddress: null,
    contactUserId: "demo-hr",
    serviceModel: "together",
    contactVia: "employer",
    publication: { portalFrom: day(0), closesOn: day(30) },
  });

  async function create(body: CreateVacancyRequest): Promise<Vacancy> {
    const res = await selection.call("/api/v1/vacancies", { body });
    expect(res.status, res.text).toBe(201);
    return res.json<{ vacancy: Vacancy }>().vacancy;
  }

  const publish = (client: Client, id: string, headers: Record<string, string> = {}) =>
    client.call(`/api/v1/vacancies/${id}/transitions`, {
      body: { action: "publish", comment: null },
      headers,
    });

  const setChannels = (client: Client, id: string, body: unknown, headers: Record<string, string> = {}) =>
    client.call(`/api/v1/vacancies/${id}/channels`, { method: "PUT", body, headers });

  async function createSite(name: string, code: string): Promise<JobSite> {
    const res = await selection.call("/api/v1/job-sites", {
      body: { organisationId: selectiebureauId, name, code },
    });
    expect(res.status, res.text).toBe(201);
    return res.json<{ jobSite: JobSite }>().jobSite;
  }

  it("refuses to publish while mandatory fields are missing, naming each in the user's language", async () => {
    const draft = await create({
      organisationId: agentschapId,
      displayTitle: "Nog in te vullen",
      functionTitle: "Medewerker",
      description: "",
      kind: "vacancy",
      workAddress: null,
    } as CreateVacancyRequest);
    const res = await publish(selection, draft.id, { "accept-language": "en" });
    expect(res.status).toBe(400);
    expect(fieldPaths(res)).toEqual(
      expect.arrayContaining([
        "description",
        "occupationId",
        "educationLevel",
        "contactUserId",
        "publication.closesOn",
        "publication",
      ]),
    );
    expect(errorOf(res).fields!.find((f) => f.path === "description")!.message).toBe("Needed to publish.");
    const dutch = await publish(selection, draft.id, { "accept-language": "nl" });
    expect(errorOf(dutch).fields!.find((f) => f.path === "description")!.message).toBe(
      "Nodig om te publiceren.",
    );
    const [row] = await db.select().from(vacancies).where(eq(vacancies.id, draft.id));
    expect(row!.status).toBe("draft");
  });

  it("lets the selection officer keep the family's job sites; codes are checked and unique", async () => {
    vdab = await createSite("VDAB", "vdab");
    indeed = await createSite("Indeed", "Indeed");
    // Sites belong to the family's top organisation, whichever of its organisations was named.
    expect(vdab.organisation).toEqual({ id: agentschapId, name: "Agentschap Publieke Dienstverlening" });
    expect(indeed.code).toBe("indeed");
    expect(vdab.feedUrl).toBe(`http://localhost:${server.port}/feeds/job-sites/${vdab.id}.xml`);

    const bad = await selection.call("/api/v1/job-sites", {
      body: { organisationId: agentschapId, name: "Slecht", code: "met spatie!" },
    });
    expect(bad.status).toBe(400);
    expect(fieldPaths(bad)).toEqual(["code"]);
    const twice = await selection.call("/api/v1/job-sites", {
      body: { organisationId: agentschapId, name: "Ander", code: "vdab" },
    });
    expect(twice.status).toBe(409);
    expect(fieldPaths(twice)).toEqual(["code"]);

    const list = (await selection.call("/api/v1/job-sites")).json<JobSiteListResponse>();
    expect(list.organisations.map((o) => o.id)).toEqual([agentschapId]);
    expect(list.jobSites.map((s) => s.code)).toEqual(["indeed", "vdab"]);
  });

  it("keeps another organisation out of the job sites", async () => {
    const theirs = (await other.call("/api/v1/job-sites")).json<JobSiteListResponse>();
    expect(theirs.jobSites.map((s) => s.id)).not.toContain(vdab.id);
    const rename = await other.call(`/api/v1/job-sites/${vdab.id}`, { method: "PATCH", body: { name: "X" } });
    expect(rename.status).toBe(404);
    const add = await other.call("/api/v1/job-sites", {
      body: { organisationId: agentschapId, name: "Sluiproute", code: "sluip" },
    });
    expect(add.status).toBe(404);
    const [row] = await db.select().from(jobSites).where(eq(jobSites.id, vdab.id));
    expect(row!.name).toBe("VDAB");
    expect(await db.select().from(jobSites).where(eq(jobSites.code, "sluip"))).toEqual([]);
    // A candidate is no manager of job sites.
    expect((await candidate.call("/api/v1/job-sites")).status).toBe(403);
  });

  it("saves a vacancy's channels: the board and career site as its audiences, job sites by code", async () => {
    first = await create(complete("Beleidsmedewerker dienstverlening"));
    second = await create(complete("Jurist klantrechten"));
    const res = await setChannels(selection, first.id, {
      publicBoard: true,
      internal: true,
      jobSites: ["VDAB"],
    });
    expect(res.status, res.text).toBe(200);
    const channels = res.json<{ channels: VacancyChannels }>().channels;
    expect(channels).toMatchObject({
      publicBoard: true,
      internal: true,
      jobSites: ["vdab"],
      mayChange: true,
    });
    expect(channels.available).toEqual([
      { code: "indeed", name: "Indeed", chosen: false },
      { code: "vdab", name: "VDAB", chosen: true },
    ]);
    const stored = (await selection.call(`/api/v1/vacancies/${first.id}`)).json<{ vacancy: Vacancy }>()
      .vacancy;
    expect(stored.publication).toMatchObject({
      publicFrom: day(0),
      organisationFrom: day(0),
      portalFrom: day(0),
    });
    expect(
      (await setChannels(selection, second.id, { publicBoard: true, internal: false, jobSites: ["indeed"] }))
        .status,
    ).toBe(200);
    for (const v of [first, second]) expect((await publish(selection, v.id)).status).toBe(200);

    // Switching the career site off clears only its date; the job site stays.
    const off = await setChannels(selection, first.id, {
      publicBoard: true,
      internal: false,
      jobSites: ["vdab"],
    });
    expect(off.json<{ channels: VacancyChannels }>().channels).toMatchObject({
      internal: false,
      jobSites: ["vdab"],
    });
    expect(
      (await db.select().from(vacancies).where(eq(vacancies.id, first.id)))[0]!.publishOrganisationFrom,
    ).toBeNull();
  });

  it("refuses an unknown job site and job sites without the public board, naming the field", async () => {
    const unknown = await setChannels(
      selection,
      first.id,
      { publicBoard: true, internal: false, jobSites: ["vdab", "monsterboard"] },
      { "accept-language": "en" },
    );
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown)).toEqual(["jobSites.1"]);
    expect(errorOf(unknown).fields![0]!.message).toBe("Choose an active job site of this organisation.");
    const noBoard = await setChannels(selection, first.id, {
      publicBoard: false,
      internal: true,
      jobSites: ["vdab"],
    });
    expect(noBoard.status).toBe(400);
    expect(fieldPaths(noBoard)).toEqual(["publicBoard"]);
    const chosen = await db.select().from(vacancyJobSites).where(eq(vacancyJobSites.vacancyId, first.id));
    expect(chosen.map((c) => c.jobSiteId)).toEqual([vdab.id]);
  });

  it("lets the HR officer read the channels but not change them, nor read the reports", async () => {
    const hr = new Client(server);
    await signIn(hr, "hr@demo.werkbrug.test");
    const seen = await hr.call(`/api/v1/vacancies/${first.id}/channels`);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.json<{ channels: VacancyChannels }>().channels).toMatchObject({
      mayChange: false,
      jobSites: ["vdab"],
    });
    const change = await setChannels(hr, first.id, { publicBoard: false, internal: false, jobSites: [] });
    expect(change.status).toBe(403);
    expect((await db.select().from(vacancies).where(eq(vacancies.id, first.id)))[0]!.publishPublicFrom).toBe(
      day(0),
    );
    expect((await hr.call(`/api/v1/reports/job-site-clicks?from=${day(-6)}&to=${day(0)}`)).status).toBe(403);
    expect((await hr.call("/api/v1/job-sites")).status).toBe(403);
  });

  it("lets no other organisation read or change a vacancy's channels", async () => {
    expect((await other.call(`/api/v1/vacancies/${first.id}/channels`)).status).toBe(404);
    const change = await setChannels(other, first.id, { publicBoard: false, internal: false, jobSites: [] });
    expect(change.status).toBe(404);
    const [row] = await db.select().from(vacancies).where(eq(vacancies.id, first.id));
    expect(row!.publishPublicFrom).toBe(day(0));
    expect(
      await db.select().from(vacancyJobSites).where(eq(vacancyJobSites.vacancyId, first.id)),
    ).toHaveLength(1);
  });

  it("gives each job site a feed with only its vacancies, every link tagged with its code", async () => {
    const feed = await anon.call(`/feeds/job-sites/${vdab.id}.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toContain("application/xml");
    expect(feed.text).toContain("Beleidsmedewerker dienstverlening");
    expect(feed.text).not.toContain("Jurist klantrechten");
    const urls = [...feed.text.matchAll(/<url><!\[CDATA\[(.*?)\]\]><\/url>/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(1);
    expect(new URL(urls[0]!).searchParams.get("utm_source")).toBe("vdab");
    expect(urls[0]).toContain(first.id);

    const other = await anon.call(`/feeds/job-sites/${indeed.id}.xml`);
    expect(other.text).toContain("Jurist klantrechten");
    expect(other.text).not.toContain("Beleidsmedewerker dienstverlening");
    expect(other.text).toContain("utm_source=indeed");
    expect((await anon.call("/feeds/job-sites/00000000-0000-4000-8000-000000000000.xml")).status).toBe(404);
    expect((await anon.call("/feeds/job-sites/vdab.xml")).status).toBe(404);
  });

  it("records views and clicks to apply per source, and the application carries the source", async () => {
    const feed = await anon.call(`/feeds/job-sites/${vdab.id}.xml`);
    const landing = new URL([...feed.text.matchAll(/<url><!\[CDATA\[(.*?)\]\]><\/url>/g)][0]![1]!);
    const page = await anon.call(`${landing.pathname}${landing.search}`);
    expect(page.status).toBe(200);
    const button = /<a class="button" href="([^"]+)"/.exec(page.text)![1]!.replace(/&amp;/g, "&");
    expect(button).toBe(`${landing.pathname}/solliciteren?utm_source=vdab`);
    const click = await anon.call(button);
    expect(click.status).toBe(303);
    const target = `/kansen/${first.id}?utm_source=vdab`;
    expect(click.headers.location).toBe(`/inloggen?redirect=${encodeURIComponent(target)}`);
    const rows = await db.select().from(vacancyViews).where(eq(vacancyViews.vacancyId, first.id));
    expect(rows.map((r) => [r.source, r.channel]).sort()).toEqual([
      ["vdab", "apply"],
      ["vdab", "board"],
    ]);

    // The candidate applies from where the click led them.
    const form = new FormData();
    form.set("motivation", "Ik wil graag bijdragen aan betere dienstverlening.");
    const body = new Response(form);
    const applied = await candidate.call(`/api/v1/vacancies/${first.id}/applications?utm_source=vdab`, {
      raw: { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! },
    });
    expect(applied.status, applied.text).toBe(201);
    const [match] = await db.select().from(matches).where(eq(matches.vacancyId, first.id));
    expect(match!.channelSource).toBe("vdab");

    // The vacancy's own source overview does not count the click as a view.
    const sources = (await selection.call(`/api/v1/vacancies/${first.id}/sources`)).json<{
      sources: { source: string; views: number; applications: number }[];
    }>().sources;
    expect(sources).toContainEqual({ source: "vdab", views: 1, applications: 1 });
  });

  async function clicksReport(client: Client, query: string) {
    const res = await client.call(`/api/v1/reports/job-site-clicks?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json<JobSiteClicksReport>();
  }

  /** The numbers straight from the tables, for one site code and vacancy, in [from, to]. */
  async function underlying(code: string, vacancyId: string, from: string, to: string) {
    const inPeriod = (column: unknown) =>
      sql`(${column} at time zone 'Europe/Amsterdam')::date between ${from}::date and ${to}::date`;
    const views = await db
      .select({ channel: vacancyViews.channel })
      .from(vacancyViews)
      .where(
        and(eq(vacancyViews.vacancyId, vacancyId), eq(vacancyViews.source, code), inPeriod(vacancyViews.at)),
      );
    const applications = await db
      .select({ id: matches.id })
      .from(matches)
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          eq(matches.channelSource, code),
          eq(matches.source, "applied"),
          inPeriod(matches.createdAt),
        ),
      );
    return {
      views: views.filter((v) => v.channel !== "apply").length,
      clicks: views.filter((v) => v.channel === "apply").length,
      applications: applications.length,
    };
  }

  it("reports views, clicks and applications per job site and vacancy, equal to the rows, also as xlsx", async () => {
    // Known extra rows: today, and 40 days ago (outside a period of this week).
    const at = (offset: number) => new Date(Date.now() + offset * DAY);
    const [firstRow] = await db.select().from(vacancies).where(eq(vacancies.id, first.id));
    const portalId = firstRow!.portalId;
    await db.insert(vacancyViews).values([
      { vacancyId: first.id, portalId, source: "vdab", channel: "board", at: at(0) },
      { vacancyId: first.id, portalId, source: "vdab", channel: "board", at: at(0) },
      { vacancyId: first.id, portalId, source: "vdab", channel: "apply", at: at(0) },
      { vacancyId: first.id, portalId, source: "vdab", channel: "board", at: at(-40) },
      { vacancyId: second.id, portalId, source: "indeed", channel: "board", at: at(0) },
      { vacancyId: second.id, portalId, source: "indeed", channel: "apply", at: at(-40) },
      // Another source is no job site's row.
      { vacancyId: first.id, portalId, source: "nieuwsbrief", channel: "board", at: at(0) },
    ]);

    const week = `from=${day(-6)}&to=${day(0)}`;
    const report = await clicksReport(selection, week);
    const row = (code: string, id: string) =>
      report.rows.find((r) => r.jobSite.code === code && r.vacancy.id === id);
    expect(row("vdab", first.id)).toMatchObject(await underlying("vdab", first.id, day(-6), day(0)));
    expect(row("vdab", first.id)).toMatchObject({ views: 3, clicks: 2, applications: 1 });
    expect(row("indeed", second.id)).toMatchObject({ views: 1, clicks: 0, applications: 0 });
    expect(row("indeed", second.id)).toMatchObject(await underlying("indeed", second.id, day(-6), day(0)));
    expect(report.rows.every((r) => r.jobSite.code !== "nieuwsbrief")).toBe(true);
    expect(report.totals.find((t) => t.jobSite.code === "vdab")).toMatchObject({
      views: 3,
      clicks: 2,
      applications: 1,
    });

    const longer = await clicksReport(selection, `from=${day(-60)}&to=${day(0)}`);
    expect(longer.rows.find((r) => r.jobSite.code === "vdab" && r.vacancy.id === first.id)).toMatchObject({
      ...(await underlying("vdab", first.id, day(-60), day(0))),
      views: 4,
    });

    const xlsx = await selection.call(`/api/v1/reports/job-site-clicks?${week}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(String(xlsx.headers["content-disposition"])).toContain("vacaturesites-clicks");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBufferOf(xlsx.body));
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Vacaturesite",
      "Bron (utm_source)",
      "Vacature",
      "Bekeken",
      "Clicks op solliciteren",
      "Sollicitaties",
    ]);
    const lines: unknown[][] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) lines.push((r.values as unknown[]).slice(1));
    });
    expect(lines).toEqual(
      report.rows.map((r) => [
        r.jobSite.name,
        r.jobSite.code,
        r.vacancy.title,
        r.views,
        r.clicks,
        r.applications,
      ]),
    );
  });

  it("reports applicants per source and the phase they reached, equal to the matches, also as xlsx", async () => {
    const [match] = await db.select().from(matches).where(eq(matches.vacancyId, first.id));
    const [phase] = await db.select().from(procedurePhases).where(eq(procedurePhases.id, match!.phaseId));
    const res = await selection.call(
      `/api/v1/reports/applicants-by-source?from=${day(-6)}&to=${day(0)}&vacancyId=${first.id}`,
    );
    expect(res.status, res.text).toBe(200);
    const report = res.json<ApplicantsBySourceReport>();
    expect(report.rows).toEqual([
      { source: "vdab", jobSiteName: "VDAB", total: 1, phases: { [phase!.key]: 1 } },
    ]);
    expect(report.phases.map((p) => p.key)).toContain(phase!.key);
    expect(report.vacancies.map((v) => v.id)).toContain(first.id);

    // Over all the family's vacancies: every applied match of the period, by source.
    const all = (
      await selection.call(`/api/v1/reports/applicants-by-source?from=${day(-6)}&to=${day(0)}`)
    ).json<ApplicantsBySourceReport>();
    const applied = await db
      .select({ source: matches.channelSource })
      .from(matches)
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .where(
        and(
          eq(matches.source, "applied"),
          sql`${vacancies.organisationId} in (${agentschapId}, ${selectiebureauId})`,
          sql`(${matches.createdAt} at time zone 'Europe/Amsterdam')::date >= ${day(-6)}::date`,
        ),
      );
    expect(all.rows.reduce((n, r) => n + r.total, 0)).toBe(applied.length);

    const xlsx = await selection.call(
      `/api/v1/reports/applicants-by-source?from=${day(-6)}&to=${day(0)}&vacancyId=${first.id}&format=xlsx`,
      { headers: { "accept-language": "en" } },
    );
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBufferOf(xlsx.body));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe("Source");
    expect(header.at(-1)).toBe("Total");
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values[0]).toBe("vdab");
    expect(values.at(-1)).toBe(1);
    const column = header.indexOf(report.phases.find((p) => p.key === phase!.key)!.label.en);
    expect(values[column]).toBe(1);
  });

  it("shows another organisation none of the family's rows, and refuses bad periods naming the field", async () => {
    const theirs = await clicksReport(other, `from=${day(-60)}&to=${day(0)}`);
    expect(theirs.rows.filter((r) => r.vacancy.id === first.id || r.vacancy.id === second.id)).toEqual([]);
    const applicants = await other.call(
      `/api/v1/reports/applicants-by-source?from=${day(-6)}&to=${day(0)}&vacancyId=${first.id}`,
    );
    expect(applicants.status).toBe(404);
    const overall = (
      await other.call(`/api/v1/reports/applicants-by-source?from=${day(-6)}&to=${day(0)}`)
    ).json<ApplicantsBySourceReport>();
    expect(overall.rows.find((r) => r.source === "vdab")).toBeUndefined();
    expect(
      (await candidate.call(`/api/v1/reports/job-site-clicks?from=${day(-6)}&to=${day(0)}`)).status,
    ).toBe(403);

    for (const [query, field] of [
      [`from=2026-13-01&to=${day(0)}`, "querystring.from"],
      [`from=${day(0)}&to=2026-02-30`, "querystring.to"],
      [`from=${day(0)}&to=${day(-1)}`, "querystring.to"],
      [`from=${day(-400)}&to=${day(0)}`, "querystring.to"],
      [`to=${day(0)}`, "querystring.from"],
      [`from=gisteren&to=${day(0)}`, "querystring.from"],
    ] as const) {
      const res = await selection.call(`/api/v1/reports/job-site-clicks?${query}`);
      expect(res.status, query).toBe(400);
      expect(fieldPaths(res), query).toEqual([field]);
    }
  });
});
