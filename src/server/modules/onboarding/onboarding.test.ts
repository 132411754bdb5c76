import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { expectAccessiblePdf, readPdf } from "../../../../test/support/pdf";
import { closeProcedure } from "../../../../test/support/procedures";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ErrorResponse } from "../../../contracts/common";
import { birthDateFromNationalRegisterNumber } from "../../../contracts/national-register";
import type {
  CandidateOnboarding,
  Hire,
  Material,
  MaterialListResponse,
  MyOnboarding,
  VacancyHiring,
} from "../../../contracts/onboarding";
import type { Db } from "../../platform/db";
import { candidates } from "../candidates/candidates.schema";
import { matches, procedurePhases } from "../matches/matches.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { hires, learningMaterials, materialAssignments, onboardingActions } from "./onboarding.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

/** A valid national register number for someone born on that day (before 2000) with serial `serial`. */
function registerNumber(yymmdd: string, serial: string): string {
  const base = Number(`${yymmdd}${serial}`);
  const check = String(97 - (base % 97)).padStart(2, "0");
  return `${yymmdd}${serial}${check}`;
}

describe("birth date from a national register number", () => {
  it("reads the date and the century from the check digits", () => {
    expect(birthDateFromNationalRegisterNumber("85.07.30-033.28")).toBe("1985-07-30");
    const base = 2_000_000_000 + Number("050312001");
    const born2005 = `050312001${String(97 - (base % 97)).padStart(2, "0")}`;
    expect(birthDateFromNationalRegisterNumber(born2005)).toBe("2005-03-12");
    expect(birthDateFromNationalRegisterNumber(registerNumber("900000", "123"))).toBeNull();
  });
});

describe.each(testDbKinds())("hiring and onboarding, on %s", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let db: Db;
  let selection: Client; // selectie@: owner of the demo selection
  let hr: Client; // hr@: the vacancy's HR officer
  let leader: Client; // leiding@: the vacancy's leader
  let jury: Client; // jury@: the mentor
  let other: Client; // zorg@: another organisation
  let otherStaff: Client; // beheer@: staff of another organisation
  let kim: Client; // kandidaat@: Kim, an applicant with an account
  let agencyId: string;
  let vacancyId: string;
  let hiredPhaseId: string;
  const match = new Map<string, string>();
  const materials: Material[] = [];
  let foreignMaterialId: string;
  const ELIF = registerNumber("900512", "001");
  const KIM = registerNumber("880203", "045");

  const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
  const hiringOf = async (client = selection) => {
    const res = await client.call(`/api/v1/vacancies/${vacancyId}/hires`);
    expect(res.status, res.text).toBe(200);
    return res.json<VacancyHiring>();
  };
  const phaseOf = async (matchId: string) =>
    (
      await db
        .select({ key: procedurePhases.key })
        .from(matches)
        .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
        .where(eq(matches.id, matchId))
    )[0]!.key;
  const counts = async () => ({
    hires: (await db.select({ n: sql<number>`count(*)::int` }).from(hires))[0]!.n,
    actions: (await db.select({ n: sql<number>`count(*)::int` }).from(onboardingActions))[0]!.n,
    assignments: (await db.select({ n: sql<number>`count(*)::int` }).from(materialAssignments))[0]!.n,
  });
  const correct = (first: string, value: string) =>
    selection.call(`/api/v1/vacancies/${vacancyId}/applicants/${match.get(first)}/corrections`, {
      body: { field: "national_register_number", value },
    });
  const mine = async (client: Client) => {
    const res = await client.call("/api/v1/onboarding/mine");
    expect(res.status, res.text).toBe(200);
    return res.json<MyOnboarding>();
  };

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
    const [vacancy] = await db
      .select()
      .from(vacancies)
      .where(
        and(
          eq(vacancies.displayTitle, "Beleidsmedewerker arbeidsmarkt"),
          eq(vacancies.organisationId, agencyId),
        ),
      );
    vacancyId = vacancy!.id;
    hiredPhaseId = (
      await db
        .select()
        .from(procedurePhases)
        .where(and(eq(procedurePhases.procedureId, vacancy!.procedureId!), eq(procedurePhases.key, "hired")))
    )[0]!.id;
    for (const row of await db
      .select({ id: matches.id, first: candidates.firstName })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .where(eq(matches.vacancyId, vacancyId)))
      match.set(row.first, row.id);
    [selection, hr, leader, jury, other, kim, otherStaff] = await Promise.all(
      ["selectie", "hr", "leiding", "jury", "zorg", "kandidaat", "beheer"].map(async (who) => {
        const client = new Client(server);
        await signIn(client, `${who}@demo.werkbrug.test`);
        return client;
      }),
    );
    const [duinen] = await db.select().from(organisations).where(sql`${organisations.name} ilike '%duinen%'`);
    const [foreign] = await db
      .insert(learningMaterials)
      .values({
        organisationId: duinen!.id,
        title: "Welkom in de zorg",
        url: "https://duinen.example.test/welkom",
        availability: "before_first_day",
      })
      .returning();
    foreignMaterialId = foreign!.id;
  });

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it("manages learning material and the organisation's own e-mail domains", async () => {
    const list = await selection.call("/api/v1/onboarding/materials");
    expect(list.status, list.text).toBe(200);
    expect(list.json<MaterialListResponse>().organisations.map((o) => o.id)).toEqual([agencyId]);
    for (const [title, availability] of [
      ["Onze organisatie in vogelvlucht", "before_first_day"],
      ["Werken met het dossiersysteem", "from_first_day"],
    ] as const) {
      const res = await selection.call("/api/v1/onboarding/materials", {
        body: {
          organisationId: agencyId,
          title,
          url: `https://leren.example.test/${availability}`,
          availability,
        },
      });
      expect(res.status, res.text).toBe(201);
      materials.push(res.json<{ material: Material }>().material);
    }
    const bad = await selection.call("/api/v1/onboarding/materials", {
      body: {
        organisationId: agencyId,
        title: "Script",
        url: "javascript:alert(1)",
        availability: "before_first_day",
      },
      headers: { "accept-language": "en" },
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).fields?.[0]?.message).toMatch(/https:\/\//);
    const elsewhere = await other.call("/api/v1/onboarding/materials", {
      body: { organisationId: agencyId, title: "X", url: "https://x.test", availability: "before_first_day" },
    });
    expect(elsewhere.status).toBe(403);
    const domains = await selection.call(`/api/v1/onboarding/organisations/${agencyId}/email-domains`, {
      method: "PUT",
      body: { domains: ["demo.werkbrug.test"] },
    });
    expect(domains.status, domains.text).toBe(200);
    expect(domains.json<MaterialListResponse>().organisations[0]!.emailDomains).toEqual([
      "demo.werkbrug.test",
    ]);
    // Another organisation's staff reach neither the material nor the domains.
    const foreignEdit = await otherStaff.call(`/api/v1/onboarding/materials/${materials[0]!.id}`, {
      method: "PATCH",
      body: { active: false },
    });
    expect(foreignEdit.status).toBe(404);
    const foreignDomains = await otherStaff.call(
      `/api/v1/onboarding/organisations/${agencyId}/email-domains`,
      {
        method: "PUT",
        body: { domains: ["example.test"] },
      },
    );
    expect(foreignDomains.status).toBe(404);
    expect(
      (await selection.call("/api/v1/onboarding/materials")).json<MaterialListResponse>().organisations[0]!
        .emailDomains,
    ).toEqual(["demo.werkbrug.test"]);
    const badDomain = await selection.call(`/api/v1/onboarding/organisations/${agencyId}/email-domains`, {
      method: "PUT",
      body: { domains: ["@demo"] },
    });
    expect(badDomain.status).toBe(400);
  });

  it("switches onboarding on for the vacancy; another organisation does not find it", async () => {
    const res = await selection.call(`/api/v1/vacancies/${vacancyId}/onboarding`, {
      method: "PUT",
      body: { enabled: true },
    });
    expect(res.status, res.text).toBe(200);
    const hiring = res.json<VacancyHiring>();
    expect(hiring).toMatchObject({
      selection: true,
      onboarding: true,
      mayManage: true,
      leader: { name: "Lars de Leeuw" },
    });
    expect(hiring.mentorOptions.map((p) => p.name)).toContain("Julia Bakker");
    expect(hiring.mentorOptions.map((p) => p.name)).not.toContain("Marieke de Wit");
    expect((await other.call(`/api/v1/vacancies/${vacancyId}/hires`)).status).toBe(404);
    expect(
      (
        await other.call(`/api/v1/vacancies/${vacancyId}/onboarding`, {
          method: "PUT",
          body: { enabled: false },
        })
      ).status,
    ).toBe(404);
  });

  it("refuses hiring without the national register number from every screen, and nothing changes", async () => {
    const before = await counts();
    const res = await selection.call(`/api/v1/vacancies/${vacancyId}/hires`, {
      body: { matchId: match.get("Elif"), startDate: day(14), mentorUserId: "demo-jury" },
    });
    expect(res.status).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: "national_register_number_required" });
    expect(
      (
        await otherStaff.call(`/api/v1/vacancies/${vacancyId}/hires`, {
          body: { matchId: match.get("Elif"), startDate: day(14) },
        })
      ).status,
    ).toBe(404);
    expect(errorOf(res).message).toMatch(/aanpassingsvelden/);
    // The applicants' bulk move goes through the same hook.
    const moved = await selection.call(`/api/v1/vacancies/${vacancyId}/applicants/moves`, {
      body: { matchIds: [match.get("Elif")], phaseId: hiredPhaseId },
      headers: { "accept-language": "en" },
    });
    expect(moved.status).toBe(422);
    expect(errorOf(moved).message).toMatch(/correction fields/);
    // And so does the match's own move.
    const own = await selection.call(`/api/v1/matches/${match.get("Elif")}/moves`, {
      body: { phaseId: hiredPhaseId },
    });
    expect(own.status).toBe(422);
    expect(errorOf(own).code).toBe("national_register_number_required");
    expect(await phaseOf(match.get("Elif")!)).toBe("preselected");
    expect(await counts()).toEqual(before);
  });

  it("refuses an invalid start date and a mentor of another organisation", async () => {
    const elif = () => hiringOf().then((h) => h.applicants.find((a) => a.matchId === match.get("Elif")));
    expect(await elif()).toMatchObject({ name: "Elif Yilmaz", hasRegisterNumber: false });
    await expect(correct("Elif", ELIF)).resolves.toMatchObject({ status: 200 });
    expect(await elif()).toMatchObject({ hasRegisterNumber: true });
    const before = await counts();
    for (const [body, path] of [
      [{ startDate: "2026-02-30" }, "startDate"],
      [{ startDate: day(-3) }, "startDate"],
      [{ startDate: day(14), mentorUserId: "demo-zorg" }, "mentorUserId"],
    ] as const) {
      const res = await selection.call(`/api/v1/vacancies/${vacancyId}/hires`, {
        body: { matchId: match.get("Elif"), ...body },
      });
      expect(res.status, res.text).toBe(400);
      expect(errorOf(res).fields?.[0]?.path).toBe(path);
    }
    const notADate = await selection.call(`/api/v1/vacancies/${vacancyId}/hires`, {
      body: { matchId: match.get("Elif"), startDate: "morgen" },
    });
    expect(notADate.status).toBe(400);
    expect(await phaseOf(match.get("Elif")!)).toBe("preselected");
    expect(await counts()).toEqual(before);
  });

  it("hires after the correction, with the leader and the mentor, and assigns their actions and external material", async () => {
    const res = await selection.call(`/api/v1/vacancies/${vacancyId}/hires`, {
      body: { matchId: match.get("Elif"), startDate: day(14), mentorUserId: "demo-jury" },
    });
    expect(res.status, res.text).toBe(201);
    const hire = res.json<{ hire: Hire }>().hire;
    expect(hire).toMatchObject({
      name: "Elif Yilmaz",
      startDate: day(14),
      leader: { name: "Lars de Leeuw" },
      mentor: { name: "Julia Bakker" },
      profile: "external",
      onboarding: true,
    });
    expect(await phaseOf(match.get("Elif")!)).toBe("hired");
    expect(hire.actions.map((a) => [a.role, a.assignee.name, a.doneAt])).toEqual([
      ["leader", "Lars de Leeuw", null],
      ["mentor", "Julia Bakker", null],
    ]);
    // Every active material of the organisation (the demo's two and this test's two).
    const all = (await selection.call("/api/v1/onboarding/materials")).json<MaterialListResponse>().materials;
    expect(all.length).toBeGreaterThanOrEqual(materials.length);
    expect(hire.materials.map((m) => m.materialId).sort()).toEqual(all.map((m) => m.id).sort());
    expect(hire.materials.every((m) => m.assignedBy === null)).toBe(true);
    await server.app.events.drain();
    const [mail] = smtp.to("elif.yilmaz@example.test").filter((m) => /Leermateriaal/.test(m.subject ?? ""));
    expect(mail?.text).toMatch(/\/mijn-inwerken/);
    // The leader (Dutch) and the mentor (English) are reminded by mail, with the link to their actions.
    const [toLeader] = smtp
      .to("leiding@demo.werkbrug.test")
      .filter((m) => /Elif Yilmaz/.test(m.subject ?? ""));
    expect(toLeader?.subject).toBe("Plan een kennismakingsgesprek met Elif Yilmaz");
    expect(toLeader?.text).toMatch(/\/inwerken/);
    const [toMentor] = smtp.to("jury@demo.werkbrug.test").filter((m) => /Elif Yilmaz/.test(m.subject ?? ""));
    expect(toMentor?.subject).toBe("Plan an introductory meeting with Elif Yilmaz");
    expect(toMentor?.text).toContain("has been hired as Beleidsmedewerker arbeidsmarkt and starts on");
  });

  it("makes the starter form for the officer and the HR officer, as an accessible PDF with the hire's facts", async () => {
    const url = `/api/v1/vacancies/${vacancyId}/hires/${match.get("Elif")}/starter-form.pdf`;
    const res = await selection.call(url);
    expect(res.status, res.text).toBe(200);
    expect(res.headers["content-type"]).toMatch(/application\/pdf/);
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="indiensttredingsfiche-elif-yilmaz\.pdf"/,
    );
    const report = expectAccessiblePdf(res.body, {
      lang: "nl-BE",
      title: "Indiensttredingsfiche – Elif Yilmaz",
    });
    const text = report.text.replace(/\s+/g, " ");
    for (const expected of [
      "Rijksregisternummer",
      `${ELIF.slice(0, 2)}.${ELIF.slice(2, 4)}.${ELIF.slice(4, 6)}-${ELIF.slice(6, 9)}.${ELIF.slice(9)}`,
      "Elif Yilmaz",
      "12 mei 1990",
      "elif.yilmaz@example.test",
      "Beleidsmedewerker arbeidsmarkt",
      "Salarisschaal 10",
      "Agentschap Publieke Dienstverlening",
      "Lars de Leeuw",
      "Julia Bakker",
    ])
      expect(text).toContain(expected);
    const english = await hr.call(url, { headers: { "accept-language": "en" } });
    expect(english.status).toBe(200);
    expect(readPdf(english.body).text.replace(/\s+/g, " ")).toContain("National register number");
    expect((await jury.call(url)).status).toBe(403);
    expect((await other.call(url)).status).toBe(404);
  });

  it("lets the leader and the mentor mark their own action done, and no one else's", async () => {
    const leaderView = await mine(leader);
    const leaderAction = leaderView.actions.find((a) => a.hire.name === "Elif Yilmaz")!;
    expect(leaderAction).toMatchObject({ role: "leader", doneAt: null });
    const mentorAction = (await mine(jury)).actions.find((a) => a.hire.name === "Elif Yilmaz")!;
    expect(mentorAction).toMatchObject({ role: "mentor", doneAt: null });
    const notYours = await jury.call(`/api/v1/onboarding/actions/${leaderAction.id}/done`, {
      method: "POST",
    });
    expect(notYours.status).toBe(403);
    expect(errorOf(notYours).code).toBe("onboarding_action_not_yours");
    expect(
      (await otherStaff.call(`/api/v1/onboarding/actions/${leaderAction.id}/done`, { method: "POST" }))
        .status,
    ).toBe(404);
    expect((await mine(otherStaff)).actions).toEqual([]);
    expect((await mine(leader)).actions.find((a) => a.id === leaderAction.id)!.doneAt).toBeNull();
    const done = await jury.call(`/api/v1/onboarding/actions/${mentorAction.id}/done`, { method: "POST" });
    expect(done.status, done.text).toBe(200);
    expect((await mine(jury)).actions.find((a) => a.id === mentorAction.id)!.doneAt).not.toBeNull();
  });

  it("gives an internal profile no material by itself; the leader assigns it and the availability rule holds", async () => {
    await expect(correct("Kim", KIM)).resolves.toMatchObject({ status: 200 });
    const res = await selection.call(`/api/v1/vacancies/${vacancyId}/hires`, {
      body: { matchId: match.get("Kim"), startDate: day(10) },
    });
    expect(res.status, res.text).toBe(201);
    const hire = res.json<{ hire: Hire }>().hire;
    expect(hire).toMatchObject({ profile: "internal", materials: [], mentor: null });
    const led = (await mine(leader)).led.find((h) => h.id === hire.id)!;
    expect(led.materialOptions.map((m) => m.id)).toEqual(expect.arrayContaining(materials.map((m) => m.id)));
    // Material of another organisation is refused, and nothing is stored.
    const before = await counts();
    const foreign = await leader.call(`/api/v1/hires/${hire.id}/materials`, {
      body: { materialId: foreignMaterialId },
    });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign).fields?.[0]?.path).toBe("materialId");
    expect(await counts()).toEqual(before);
    // Someone who neither leads the hire nor manages the vacancy may not.
    expect(
      (await jury.call(`/api/v1/hires/${hire.id}/materials`, { body: { materialId: materials[0]!.id } }))
        .status,
    ).toBe(403);
    for (const material of materials) {
      const given = await leader.call(`/api/v1/hires/${hire.id}/materials`, {
        body: { materialId: material.id },
      });
      expect(given.status, given.text).toBe(200);
    }
    await server.app.events.drain();
    expect(smtp.to("kandidaat@demo.werkbrug.test").some((m) => /Leermateriaal/.test(m.subject ?? ""))).toBe(
      true,
    );
    const own = async () => {
      const r = await kim.call("/api/v1/me/onboarding");
      expect(r.status, r.text).toBe(200);
      return r.json<CandidateOnboarding>().hires[0]!;
    };
    const before10 = await own();
    expect(before10.startDate).toBe(day(10));
    const byAvailability = (h: Awaited<ReturnType<typeof own>>) =>
      Object.fromEntries(h.materials.map((m) => [m.availability, { available: m.available, url: m.url }]));
    expect(byAvailability(before10)).toEqual({
      before_first_day: { available: true, url: "https://leren.example.test/before_first_day" },
      from_first_day: { available: false, url: null },
    });
    const moved = await selection.call(`/api/v1/vacancies/${vacancyId}/hires/${match.get("Kim")}`, {
      method: "PATCH",
      body: { startDate: day(0), mentorUserId: "demo-jury" },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json<{ hire: Hire }>().hire.actions.map((a) => a.role)).toEqual(["leader", "mentor"]);
    expect(byAvailability(await own()).from_first_day).toEqual({
      available: true,
      url: "https://leren.example.test/from_first_day",
    });
    // Another candidate sees none of it.
    expect((await other.call("/api/v1/me/onboarding")).status).toBe(403);
  });

  it("records the hire from any screen's move and takes it away when the step is undone", async () => {
    const thomas = match.get("Thomas")!;
    await expect(correct("Thomas", registerNumber("791224", "377"))).resolves.toMatchObject({ status: 200 });
    // Any screen that moves the match to "hired" records the hire (here the match's own move).
    const moved = await selection.call(`/api/v1/matches/${thomas}/moves`, {
      body: { phaseId: hiredPhaseId },
    });
    expect(moved.status, moved.text).toBe(200);
    const hired = (await hiringOf()).hires.find((h) => h.matchId === thomas);
    expect(hired).toMatchObject({ startDate: null, leader: { name: "Lars de Leeuw" }, mentor: null });
    const undone = await selection.call(`/api/v1/matches/${thomas}/undo`, { method: "POST" });
    expect(undone.status, undone.text).toBe(200);
    expect((await hiringOf()).hires.some((h) => h.matchId === thomas)).toBe(false);
    expect(await db.select().from(hires).where(eq(hires.matchId, thomas))).toEqual([]);
  });

  it("keeps a closed procedure read only", async () => {
    // Ruben could be hired but for the closing (another part may make corrections read only too).
    await expect(correct("Ruben", registerNumber("850101", "123"))).resolves.toMatchObject({ status: 200 });
    const reopen = await closeProcedure(db, vacancyId);
    try {
      const before = await counts();
      const res = await selection.call(`/api/v1/vacancies/${vacancyId}/hires/${match.get("Kim")}`, {
        method: "PATCH",
        body: { startDate: day(20) },
      });
      expect(res.status).toBe(409);
      expect(errorOf(res).code).toBe("procedure_closed");
      const hireClosed = await selection.call(`/api/v1/vacancies/${vacancyId}/hires`, {
        body: { matchId: match.get("Ruben"), startDate: day(30) },
      });
      expect(hireClosed.status).toBe(409);
      expect(errorOf(hireClosed).message).toMatch(/afgesloten/);
      const onboardingOff = await selection.call(`/api/v1/vacancies/${vacancyId}/onboarding`, {
        method: "PUT",
        body: { enabled: false },
      });
      expect(onboardingOff.status).toBe(409);
      const given = await leader.call(`/api/v1/hires/${(await hiringOf()).hires[0]!.id}/materials`, {
        body: { materialId: materials[0]!.id },
      });
      expect(given.status).toBe(409);
      expect((await hiringOf()).mayManage).toBe(false);
      expect(await counts()).toEqual(before);
      expect((await hiringOf()).hires.find((h) => h.name.startsWith("Kim"))!.startDate).toBe(day(0));
    } finally {
      await reopen();
    }
  });
});
