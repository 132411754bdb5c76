import { asc, eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { expectAccessiblePdf, structElements } from "../../../../test/support/pdf";
import { closeProcedure } from "../../../../test/support/procedures";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ErrorResponse } from "../../../contracts/common";
import type { Procedure } from "../../../contracts/matches";
import type {
  ApprovalDetail,
  ApprovalListResponse,
  SelectionOverview,
  SelectionReport,
} from "../../../contracts/selection-results";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { candidates } from "../candidates/candidates.schema";
import { matches, matchHistory, procedurePhases } from "../matches/matches.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { selectionApprovals, selectionParts, selectionScores } from "./selection-results.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));
const JURY = "jury@demo.werkbrug.test";
const LEADER = "leiding@demo.werkbrug.test";
const OFFICER = "selectie@demo.werkbrug.test";

describe.each(testDbKinds())("selection results: jury scores, decisions and the PV, on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let db: Db;
  let officer: Client; // selectie@: owner of the vacancy
  let hr: Client; // hr@: HR officer on the team (manages applicants, not on the jury)
  let jury: Client; // jury@: jury member
  let leader: Client; // leiding@: leader and jury member
  let other: Client; // zorg@: another organisation
  let agencyId: string;
  let procedure: Procedure;
  let vacancyId: string;
  const match = new Map<string, string>();
  let parts: SelectionOverview["parts"];

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const base = () => `/api/v1/vacancies/${vacancyId}/selection`;

  async function overview(client: Client): Promise<SelectionOverview> {
    const res = await client.call(base());
    expect(res.status, res.text).toBe(200);
    return res.json<SelectionOverview>();
  }

  const score = (
    client: Client,
    who: string,
    part: number,
    body: unknown,
    headers?: Record<string, string>,
  ) =>
    client.call(`${base()}/scores/${match.get(who)}/${parts[part]!.id}`, {
      method: "PUT",
      body,
      ...(headers ? { headers } : {}),
    });

  /** What is stored by this module and the matches, to show a refused request changed nothing. */
  async function stored() {
    return {
      parts: await db.select().from(selectionParts).orderBy(asc(selectionParts.id)),
      scores: await db.select().from(selectionScores).orderBy(asc(selectionScores.id)),
      approvals: await db.select().from(selectionApprovals).orderBy(asc(selectionApprovals.id)),
      matches: await db
        .select({ id: matches.id, phaseId: matches.phaseId })
        .from(matches)
        .where(inArray(matches.id, [...match.values()]))
        .orderBy(asc(matches.id)),
      events: (await db.select({ n: sql<number>`count(*)::int` }).from(domainEvents))[0]!.n,
    };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ kind, web: false, env: { SMTP_URL: smtp.url } });
    db = server.database.db;
    agencyId = (
      await db
        .select()
        .from(organisations)
        .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"))
    )[0]!.id;
    officer = new Client(server);
    hr = new Client(server);
    jury = new Client(server);
    leader = new Client(server);
    other = new Client(server);
    await signIn(officer, OFFICER);
    await signIn(hr, "hr@demo.werkbrug.test");
    await signIn(jury, JURY);
    await signIn(leader, LEADER);
    await signIn(other, "zorg@demo.werkbrug.test");
    const res = await officer.call(`/api/v1/procedures?organisationId=${agencyId}`);
    procedure = res.json<{ procedures: Procedure[] }>().procedures.find((p) => p.kind === "selection")!;
    const body: CreateVacancyRequest = {
      organisationId: agencyId,
      displayTitle: "Analist dienstverlening",
      functionTitle: "Analist dienstverlening",
      description: "Je analyseert hoe burgers de dienstverlening van het agentschap ervaren.",
      occupationId: "2411.1",
      educationLevel: "wo-master",
      kind: "vacancy",
      hoursMin: 36,
      hoursMax: 38,
      positions: 1,
      workAddress: null,
      serviceModel: "together",
      contactVia: "employer",
      contactUserId: "demo-hr",
      publication: { portalFrom: day(0), publicFrom: day(0), closesOn: day(30) },
    };
    const created = await officer.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
    for (const [path, init] of [
      ["transitions", { body: { action: "publish", comment: null } }],
      ["procedure", { method: "PUT", body: { procedureId: procedure.id } }],
      [
        "team",
        {
          method: "PUT",
          body: {
            ownerUserId: "demo-selectie",
            coOwners: [],
            hr: ["demo-hr"],
            leaders: ["demo-leiding"],
            jury: ["demo-jury", "demo-leiding"],
          },
        },
      ],
    ] as const) {
      const r = await officer.call(`/api/v1/vacancies/${vacancyId}/${path}`, init);
      expect(r.status, r.text).toBe(200);
    }
    const [v] = await db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
    const invited = (
      await db.select().from(procedurePhases).where(eq(procedurePhases.procedureId, procedure.id))
    ).find((p) => p.key === "invited")!;
    for (const [first, last] of [
      ["An", "Peeters"],
      ["Ben", "Claes"],
      ["Chloé", "Dubois"],
    ] as const) {
      const [c] = await db
        .insert(candidates)
        .values({ portalId: v!.portalId, firstName: first, lastName: last, visible: false })
        .returning();
      const [m] = await db
        .insert(matches)
        .values({
          portalId: v!.portalId,
          organisationId: agencyId,
          vacancyId,
          candidateId: c!.id,
          source: "applied",
          procedureId: procedure.id,
          phaseId: invited.id,
          status: "in_review",
        })
        .returning();
      await db
        .insert(matchHistory)
        .values({ matchId: m!.id, organisationId: agencyId, seq: 0, toPhaseId: invited.id });
      match.set(first, m!.id);
    }
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("lets the officer define the parts; the jury, another organisation and bad input cannot", async () => {
    const put = (client: Client, body: unknown, headers?: Record<string, string>) =>
      client.call(`${base()}/parts`, { method: "PUT", body, ...(headers ? { headers } : {}) });
    const first = await put(officer, {
      parts: [
        { name: "Schriftelijke proef", dates: [day(3)], maxScore: 20 },
        { name: "Jurygesprek", dates: [day(10), day(9)], maxScore: 30 },
      ],
    });
    expect(first.status, first.text).toBe(200);
    parts = first.json<SelectionOverview>().parts;
    expect(parts.map((p) => [p.name, p.maxScore, p.dates])).toEqual([
      ["Schriftelijke proef", 20, [day(3)]],
      ["Jurygesprek", 30, [day(9), day(10)]],
    ]);
    const before = await stored();
    expect((await put(jury, { parts: [] })).status).toBe(403);
    expect((await put(other, { parts: [] })).status).toBe(404);
    const bad = await put(officer, { parts: [{ name: "", maxScore: 0 }] }, { "accept-language": "en" });
    expect(bad.status).toBe(400);
    expect(
      errorOf(bad)
        .fields?.map((f) => f.path)
        .sort(),
    ).toEqual(["parts.0.maxScore", "parts.0.name"]);
    expect(await stored()).toEqual(before);
    const seen = await overview(officer);
    expect(seen.jury.map((j) => j.name)).toEqual(["Julia Bakker", "Lars de Leeuw"]);
    expect(seen.approvers.map((a) => [a.name, a.role])).toEqual([
      ["Hanna de Ruiter", "hr"],
      ["Lars de Leeuw", "leader"],
    ]);
    expect(seen.permissions).toEqual({ manage: true, score: false, locked: null });
    expect((await other.call(base())).status).toBe(404);
  });

  it("takes each jury member's own scores and refuses others and bad scores", async () => {
    const ok = async (client: Client, who: string, part: number, body: unknown) => {
      const res = await score(client, who, part, body);
      expect(res.status, res.text).toBe(200);
    };
    await ok(jury, "An", 0, { score: 14, verdict: "suitable", motivation: "Heldere analyse." });
    await ok(leader, "An", 0, { score: 17 });
    await ok(jury, "An", 1, { score: 24.5, verdict: "suitable" });
    await ok(leader, "An", 1, { score: 20, verdict: "suitable", motivation: "Overtuigend." });
    await ok(jury, "Ben", 0, { score: 12 });
    await ok(leader, "Ben", 0, { score: 13, verdict: "unsuitable" });
    await ok(jury, "Ben", 1, { score: 18 });
    await ok(jury, "Chloé", 0, { verdict: "unsuitable", motivation: "Onvoldoende." });
    // A change of one's own score replaces it.
    await ok(jury, "Ben", 1, { score: 19, motivation: "Na overleg." });

    const before = await stored();
    const notJury = await score(hr, "An", 0, { score: 10 }, { "accept-language": "nl" });
    expect(notJury.status).toBe(403);
    expect(errorOf(notJury).code).toBe("not_on_jury");
    expect(errorOf(notJury).message).toMatch(/juryleden/);
    expect((await score(other, "An", 0, { score: 10 })).status).toBe(404);
    const above = await score(jury, "An", 0, { score: 21 }, { "accept-language": "en" });
    expect(above.status).toBe(400);
    expect(errorOf(above).fields?.[0]?.message).toMatch(/higher than the part's maximum/);
    const aboveNl = await score(jury, "An", 0, { score: 21 }, { "accept-language": "nl" });
    expect(errorOf(aboveNl).fields?.[0]?.message).toMatch(/niet hoger zijn dan het maximum/);
    expect((await score(jury, "An", 0, {})).status).toBe(400);
    expect((await score(jury, "An", 0, { score: -1 })).status).toBe(400);
    expect((await score(jury, "An", 0, { score: 1.234 })).status).toBe(400);
    expect(await stored()).toEqual(before);

    // A jury member sees only their own scores and no means.
    const own = await overview(jury);
    expect(own.permissions).toEqual({ manage: false, score: true, locked: null });
    const an = own.applicants.find((a) => a.name === "An Peeters")!;
    expect(an.results[0]!.scores.map((s) => [s.jury.name, s.score])).toEqual([["Julia Bakker", 14]]);
    expect(an.results[0]!.average).toBeNull();
    expect(an.total).toBeNull();
  });

  it("shows the officer the jury's scores side by side with means, totals and ranks", async () => {
    const seen = await overview(officer);
    const row = (name: string) => seen.applicants.find((a) => a.name === name)!;
    expect(row("An Peeters").results.map((r) => r.average)).toEqual([15.5, 22.25]);
    expect(row("An Peeters").total).toBe(37.75);
    expect(row("Ben Claes").results.map((r) => r.average)).toEqual([12.5, 19]);
    expect(row("Ben Claes").results[0]!.unsuitable).toBe(1);
    expect(row("Ben Claes").total).toBe(31.5);
    expect(row("Chloé Dubois").total).toBeNull();
    expect(row("Chloé Dubois").results[0]!.unsuitable).toBe(1);
    expect([row("An Peeters").rank, row("Ben Claes").rank, row("Chloé Dubois").rank]).toEqual([1, 2, null]);
    expect(seen.maxTotal).toBe(50);
    expect(row("An Peeters").results[1]!.scores.map((s) => [s.jury.name, s.score, s.motivation])).toEqual([
      ["Julia Bakker", 24.5, null],
      ["Lars de Leeuw", 20, "Overtuigend."],
    ]);
  });

  it("decides outcomes as phase moves; a decided applicant's scores are final", async () => {
    const decideFor = (client: Client, who: string, outcome: string) =>
      client.call(`${base()}/decisions`, { body: { matchId: match.get(who), outcome } });
    expect((await decideFor(jury, "An", "passed")).status).toBe(403);
    expect((await decideFor(other, "An", "passed")).status).toBe(404);
    for (const [who, outcome] of [
      ["An", "passed"],
      ["Ben", "reserve"],
      ["Chloé", "failed"],
    ] as const) {
      const res = await decideFor(officer, who, outcome);
      expect(res.status, res.text).toBe(200);
      expect(
        res.json<SelectionOverview>().applicants.find((a) => a.matchId === match.get(who))?.decision,
      ).toBe(outcome);
    }
    const [moved] = await db
      .select({ key: procedurePhases.key })
      .from(matches)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(eq(matches.id, match.get("An")!));
    expect(moved?.key).toBe("passed");
    const before = await stored();
    const late = await score(jury, "An", 0, { score: 18 });
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe("selection_outcome_decided");
    expect((await decideFor(officer, "An", "passed")).status).toBe(409);
    expect(await stored()).toEqual(before);
  });

  it("writes the PV as xlsx and tagged PDF with the same figures as the scores", async () => {
    const json = await officer.call(`${base()}/report`);
    expect(json.status, json.text).toBe(200);
    const report = json.json<SelectionReport>();
    expect(report.applicants.map((a) => a.name)).toEqual(["An Peeters", "Ben Claes", "Chloé Dubois"]);
    expect((await jury.call(`${base()}/report`)).status).toBe(403);
    expect((await other.call(`${base()}/report`)).status).toBe(404);

    const xlsx = await officer.call(`${base()}/report?format=xlsx`, { headers: { "accept-language": "nl" } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-disposition"]).toMatch(/pv-rapport-analist-dienstverlening\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const results = book.getWorksheet("Resultaten")!;
    const rows = results.getSheetValues().slice(2) as unknown[][];
    const stored = await db.select().from(selectionScores).where(eq(selectionScores.vacancyId, vacancyId));
    const mean = (m: string, p: number) => {
      const xs = stored.filter(
        (s) => s.matchId === match.get(m) && s.partId === parts[p]!.id && s.score !== null,
      );
      return xs.length ? xs.reduce((x, s) => x + s.score!, 0) / xs.length : null;
    };
    const expected = ["An", "Ben", "Chloé"].map((m) => [mean(m, 0), mean(m, 1)]);
    expect(rows.map((r) => [r[3] ?? null, r[4] ?? null])).toEqual(expected);
    expect(rows.map((r) => [r[1], r[2], r[5] ?? null, r[6]])).toEqual([
      [1, "An Peeters", 37.75, "Geslaagd"],
      [2, "Ben Claes", 31.5, "Werfreserve"],
      [undefined, "Chloé Dubois", null, "Niet geslaagd"],
    ]);
    const perJury = (book.getWorksheet("Scores per jurylid")!.getSheetValues().slice(2) as unknown[][]).map(
      (r) => [r[1], r[2], r[3], r[4] ?? null].join("|"),
    );
    expect(perJury).toHaveLength(stored.length);
    expect(perJury).toContain("An Peeters|Jurygesprek|Julia Bakker|24.5");
    expect(perJury).toContain("Chloé Dubois|Schriftelijke proef|Julia Bakker|");

    // A followed link names its language (the browser sends its own Accept-Language).
    const english = await officer.call(`${base()}/report?format=xlsx&lang=en`, {
      headers: { "accept-language": "nl" },
    });
    const englishBook = new ExcelJS.Workbook();
    await englishBook.xlsx.load(english.body as unknown as ArrayBuffer);
    expect(englishBook.getWorksheet("Results")?.getRow(2).getCell(2).value).toBe("An Peeters");

    const pdf = await officer.call(`${base()}/report?format=pdf`, { headers: { "accept-language": "nl" } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toMatch(/application\/pdf/);
    const read = expectAccessiblePdf(pdf.body, {
      lang: "nl-BE",
      title: "PV-rapport: Analist dienstverlening",
    });
    const types = structElements(read.structure).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["H1", "H2", "H3", "Table", "TR", "TH", "TD", "L", "LI"]));
    const text = read.text.replace(/\s+/g, " ");
    for (const fragment of [
      "Julia Bakker",
      "Lars de Leeuw",
      "Schriftelijke proef",
      "24,5 (geschikt)",
      "15,5",
      "22,25",
      "37,75 / 50",
      "Werfreserve",
    ])
      expect(text).toContain(fragment);
  });

  it("sends the PV for approval: mail, the approver's screen, reject with remarks, ask again, approve", async () => {
    const ask = (body: unknown, headers?: Record<string, string>) =>
      officer.call(`${base()}/approvals`, { body, ...(headers ? { headers } : {}) });
    const before = await stored();
    const wrong = await ask({ approverUserId: "demo-jury" }, { "accept-language": "en" });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).fields?.[0]).toEqual({
      path: "approverUserId",
      message: "Choose this vacancy's HR officer or one of its leaders.",
    });
    expect(
      (await jury.call(`${base()}/approvals`, { body: { approverUserId: "demo-leiding" } })).status,
    ).toBe(403);
    expect(await stored()).toEqual(before);

    const asked = await ask({ approverUserId: "demo-leiding", message: "Graag je akkoord." });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.json<SelectionOverview>().approval).toMatchObject({
      status: "pending",
      approver: { name: "Lars de Leeuw" },
      message: "Graag je akkoord.",
    });
    await server.app.events.drain();
    const requestMail = smtp.to(LEADER).find((m) => /PV ter goedkeuring/.test(m.subject ?? ""));
    expect(requestMail?.subject).toBe("PV ter goedkeuring: Analist dienstverlening");
    const list = await leader.call("/api/v1/selection-approvals");
    const [item] = list.json<ApprovalListResponse>().items;
    expect(item).toMatchObject({
      status: "pending",
      mayDecide: true,
      vacancy: { title: "Analist dienstverlening" },
    });
    expect(requestMail?.text).toContain(`/vacatures-goedkeuren/${item!.id}`);

    // While it waits: nothing changes, no second request; only the person asked sees or decides it.
    const locked = await stored();
    expect((await ask({ approverUserId: "demo-hr" })).status).toBe(409);
    expect((await hr.call(`/api/v1/selection-approvals/${item!.id}`)).status).toBe(404);
    expect((await hr.call("/api/v1/selection-approvals")).json<ApprovalListResponse>().items).toEqual([]);
    const notAsked = await hr.call(`/api/v1/selection-approvals/${item!.id}/decision`, {
      body: { decision: "approved" },
    });
    expect(notAsked.status).toBe(404);
    expect((await other.call(`/api/v1/selection-approvals/${item!.id}`)).status).toBe(404);
    expect((await officer.call(`${base()}/parts`, { method: "PUT", body: { parts: [] } })).status).toBe(409);
    const noRemarks = await leader.call(`/api/v1/selection-approvals/${item!.id}/decision`, {
      body: { decision: "rejected" },
    });
    expect(noRemarks.status).toBe(400);
    expect(await stored()).toEqual(locked);

    const detail = await leader.call(`/api/v1/selection-approvals/${item!.id}`);
    expect(detail.json<ApprovalDetail>().report.applicants.map((a) => a.total)).toEqual([37.75, 31.5, null]);
    const pdf = await leader.call(`/api/v1/selection-approvals/${item!.id}?format=pdf`);
    expect(pdf.status).toBe(200);
    expectAccessiblePdf(pdf.body, { lang: "nl-BE", title: "PV-rapport: Analist dienstverlening" });

    const rejected = await leader.call(`/api/v1/selection-approvals/${item!.id}/decision`, {
      body: { decision: "rejected", remarks: "Motiveer de werfreserve van Ben." },
    });
    expect(rejected.status, rejected.text).toBe(200);
    const twice = await leader.call(`/api/v1/selection-approvals/${item!.id}/decision`, {
      body: { decision: "approved" },
    });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe("approval_decided");
    await server.app.events.drain();
    const back = smtp.to(OFFICER).find((m) => /PV afgekeurd/.test(m.subject ?? ""));
    expect(back?.text).toContain("Motiveer de werfreserve van Ben.");
    expect((await overview(officer)).approval).toMatchObject({
      status: "rejected",
      remarks: "Motiveer de werfreserve van Ben.",
    });

    // After a rejection the officer may ask again; this time the leader approves.
    const again = await ask({ approverUserId: "demo-leiding" });
    expect(again.status, again.text).toBe(200);
    const second = (await leader.call("/api/v1/selection-approvals")).json<ApprovalListResponse>().items;
    expect(second.map((i) => i.status)).toEqual(["pending", "rejected"]);
    const approved = await leader.call(`/api/v1/selection-approvals/${second[0]!.id}/decision`, {
      body: { decision: "approved", remarks: null },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json<ApprovalDetail>()).toMatchObject({ status: "approved", mayDecide: false });
    await server.app.events.drain();
    expect(smtp.to(OFFICER).some((m) => m.subject === "PV goedgekeurd: Analist dienstverlening")).toBe(true);
    expect((await overview(officer)).permissions.locked).toBe("approved");
    expect((await ask({ approverUserId: "demo-hr" })).status).toBe(409);
  });

  it("refuses every change once the procedure is closed", async () => {
    const reopen = await closeProcedure(db, vacancyId);
    // The approval is what locks it now; take it away to see the closing alone.
    await db.delete(selectionApprovals).where(eq(selectionApprovals.vacancyId, vacancyId));
    const before = await stored();
    const res = await officer.call(`${base()}/decisions`, {
      body: { matchId: match.get("Ben"), outcome: "passed" },
      headers: { "accept-language": "nl" },
    });
    expect(res.status).toBe(409);
    expect(errorOf(res)).toMatchObject({
      code: "procedure_closed",
      message: expect.stringMatching(/afgesloten/),
    });
    expect((await officer.call(`${base()}/approvals`, { body: { approverUserId: "demo-hr" } })).status).toBe(
      409,
    );
    expect((await officer.call(`${base()}/parts`, { method: "PUT", body: { parts: [] } })).status).toBe(409);
    expect(await stored()).toEqual(before);
    expect((await overview(officer)).permissions.locked).toBe("closed");
    await reopen();
  });
});
