import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { ApplicantListResponse } from "../../../contracts/applicants";
import type { ErrorResponse } from "../../../contracts/common";
import type { CreateVacancyRequest, Vacancy, VacancyListResponse } from "../../../contracts/vacancies";
import type { InvolvedVacanciesResponse, VacancyTeam } from "../../../contracts/vacancy-team";
import type { Db } from "../../platform/db";
import { domainEvents } from "../../platform/events.schema";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "./publication";
import { vacancies, vacancyHistory, vacancyTeam } from "./vacancies.schema";

const DAY = 86_400_000;
const day = (offset: number) => todayIn(new Date(Date.now() + offset * DAY));

describe.each(testDbKinds())(
  "a vacancy's selection team, and what leaders and jury members see, on %s",
  (kind) => {
    let server: TestServer;
    let smtp: TestSmtpServer;
    let db: Db;
    let officer: Client; // selectie@: the agency's selection officer, primary owner of the demo selection
    let hr: Client; // hr@: the agency's HR officer
    let jury: Client; // jury@: Julia Bakker, reads English
    let leader: Client; // leiding@: Lars de Leeuw, line manager
    let outsider: Client; // accountmanager@: Den Haag, another organisation
    let candidate: Client; // kandidaat@: Kim
    let policyId: string; // "Beleidsmedewerker arbeidsmarkt": five applicants
    let lawyerId: string; // "Jurist omgevingsrecht": nobody applied yet
    let agencyId: string;

    const host = (slug = "haaglanden") => `${slug}.localhost:${server.port}`;
    const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;
    const vacancyId = async (title: string) =>
      (await db.select().from(vacancies).where(eq(vacancies.displayTitle, title)))[0]!.id;

    async function team(id: string, client = officer): Promise<VacancyTeam> {
      const res = await client.call(`/api/v1/vacancies/${id}/team`);
      expect(res.status, res.text).toBe(200);
      return res.json<VacancyTeam>();
    }

    async function involved(client: Client): Promise<InvolvedVacanciesResponse> {
      // Julia's screens are in English; the phases come in the language asked.
      const res = await client.call("/api/v1/vacancies/involved", {
        headers: { "accept-language": client === jury ? "en" : "nl" },
      });
      expect(res.status, res.text).toBe(200);
      return res.json<InvolvedVacanciesResponse>();
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
      policyId = await vacancyId("Beleidsmedewerker arbeidsmarkt");
      lawyerId = await vacancyId("Jurist omgevingsrecht");
      officer = new Client(server, host("landelijk"));
      hr = new Client(server, host("landelijk"));
      jury = new Client(server, host("landelijk"));
      leader = new Client(server, host("landelijk"));
      outsider = new Client(server, host());
      candidate = new Client(server, host());
      await signIn(officer, "selectie@demo.werkbrug.test");
      await signIn(hr, "hr@demo.werkbrug.test");
      await signIn(jury, "jury@demo.werkbrug.test");
      await signIn(leader, "leiding@demo.werkbrug.test");
      await signIn(outsider, "accountmanager@demo.werkbrug.test");
      await signIn(candidate, "kandidaat@demo.werkbrug.test");
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await smtp?.close();
    });

    it("shows the team to everyone who reads the vacancy; only the selection side may change it", async () => {
      const seen = await team(policyId);
      expect(seen).toMatchObject({
        owner: { name: "Sander Visser" },
        coOwners: [],
        hr: [{ name: "Hanna de Ruiter" }],
        leaders: [{ name: "Lars de Leeuw" }],
        mayChange: true,
      });
      expect(seen.jury.map((p) => p.name)).toEqual(["Julia Bakker", "Lars de Leeuw"]);
      const asHr = await team(policyId, hr);
      expect(asHr.mayChange).toBe(false);
      const refused = await hr.call(`/api/v1/vacancies/${policyId}/team`, {
        method: "PUT",
        body: { ownerUserId: "demo-hr", coOwners: [], hr: [], leaders: [], jury: [] },
      });
      expect(refused.status).toBe(403);
      // Another organisation does not learn the vacancy exists.
      expect((await outsider.call(`/api/v1/vacancies/${policyId}/team`)).status).toBe(404);
      expect(
        (
          await outsider.call(`/api/v1/vacancies/${policyId}/team`, {
            method: "PUT",
            body: { ownerUserId: null, coOwners: [], hr: [], leaders: [], jury: [] },
          })
        ).status,
      ).toBe(404);
      expect(await db.$count(vacancyTeam, eq(vacancyTeam.vacancyId, policyId))).toBe(4);
    });

    it("offers people of the organisation with a fitting role, and refuses anyone else naming the field", async () => {
      const options = await officer.call(`/api/v1/vacancies/${lawyerId}/team/options`);
      expect(options.status, options.text).toBe(200);
      const offered = options.json<{
        owners: { id: string }[];
        hr: { id: string }[];
        leaders: { id: string }[];
        jury: { id: string }[];
      }>();
      expect(offered.owners.map((p) => p.id)).toEqual(["demo-selectie"]);
      expect(offered.hr.map((p) => p.id)).toEqual(["demo-hr"]);
      expect(offered.leaders.map((p) => p.id)).toEqual(["demo-leiding"]);
      expect(offered.jury.map((p) => p.id).sort()).toEqual([
        "demo-hr",
        "demo-jury",
        "demo-leiding",
        "demo-selectie",
      ]);

      const before = await team(lawyerId);
      const wrong = await officer.call(`/api/v1/vacancies/${lawyerId}/team`, {
        method: "PUT",
        headers: { "accept-language": "nl" },
        body: {
          ownerUserId: "demo-jury",
          coOwners: [],
          hr: ["demo-hr"],
          leaders: ["demo-hr"],
          jury: ["demo-jury", "demo-werkgever"],
        },
      });
      expect(wrong.status).toBe(400);
      expect(errorOf(wrong).fields).toEqual([
        { path: "ownerUserId", message: "Deze persoon kan hier niet gekozen worden." },
        { path: "leaders.0", message: "Deze persoon kan hier niet gekozen worden." },
        { path: "jury.1", message: "Deze persoon kan hier niet gekozen worden." },
      ]);
      expect(await team(lawyerId)).toEqual(before);
    });

    it("changes the team and hands the vacancy over in one step, with its history and event", async () => {
      const res = await officer.call(`/api/v1/vacancies/${lawyerId}/team`, {
        method: "PUT",
        body: {
          ownerUserId: "demo-selectie",
          coOwners: [],
          hr: ["demo-hr"],
          leaders: ["demo-leiding"],
          jury: ["demo-jury"],
        },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json<VacancyTeam>().leaders.map((p) => p.id)).toEqual(["demo-leiding"]);
      const [history] = await db
        .select()
        .from(vacancyHistory)
        .where(and(eq(vacancyHistory.vacancyId, lawyerId), eq(vacancyHistory.action, "team_changed")));
      expect(history!.changes.teamAdded![1]).toEqual([{ userId: "demo-leiding", role: "leader" }]);
      expect(
        await db.$count(
          domainEvents,
          and(eq(domainEvents.type, "vacancy.team_changed"), eq(domainEvents.organisationId, agencyId)),
        ),
      ).toBe(1);
      // "Mijn vacatures": the owner's list; handing over takes it off.
      const mine = async () =>
        (await officer.call("/api/v1/vacancies?owner=mine"))
          .json<VacancyListResponse>()
          .vacancies.map((v) => v.id);
      expect(await mine()).toEqual(expect.arrayContaining([policyId, lawyerId]));
      const handed = await officer.call(`/api/v1/vacancies/${lawyerId}/team`, {
        method: "PUT",
        body: {
          ownerUserId: null,
          coOwners: [],
          hr: ["demo-hr"],
          leaders: ["demo-leiding"],
          jury: ["demo-jury"],
        },
      });
      expect(handed.status, handed.text).toBe(200);
      expect(handed.json<VacancyTeam>().owner).toBeNull();
      expect(await mine()).not.toContain(lawyerId);
      // Co-owners have it on their list too.
      const back = await officer.call(`/api/v1/vacancies/${lawyerId}/team`, {
        method: "PUT",
        body: {
          ownerUserId: null,
          coOwners: ["demo-selectie"],
          hr: ["demo-hr"],
          leaders: ["demo-leiding"],
          jury: ["demo-jury"],
        },
      });
      expect(back.status, back.text).toBe(200);
      expect(await mine()).toContain(lawyerId);
    });

    it("shows a jury member and a leader only the vacancies they are on that have applicants, with counts per phase", async () => {
      const julia = await involved(jury);
      expect(julia.items.map((v) => v.displayTitle)).toEqual(["Beleidsmedewerker arbeidsmarkt"]);
      const [policy] = julia.items;
      expect(policy!.roles).toEqual(["jury"]);
      expect(policy!.applicants).toBe(5);
      // Julia reads English.
      const counts = Object.fromEntries(
        policy!.phases.filter((p) => p.count > 0).map((p) => [p.label, p.count]),
      );
      expect(counts).toEqual({ Submitted: 1, "In progress": 1, "Passed preselection": 2, "Not passed": 1 });
      const total = policy!.phases.reduce((sum, p) => sum + p.count, 0);
      expect(total).toBe(policy!.applicants);

      const lars = await involved(leader);
      expect(lars.items.map((v) => [v.displayTitle, v.roles])).toEqual([
        ["Beleidsmedewerker arbeidsmarkt", ["jury", "leader"]],
      ]);
      // Julia reads the applicants of that vacancy, read only; not those of the other one.
      const applicants = await jury.call(`/api/v1/vacancies/${policyId}/applicants`);
      expect(applicants.status, applicants.text).toBe(200);
      const listed = applicants.json<ApplicantListResponse>();
      expect(listed.total).toBe(5);
      expect(listed.permissions).toEqual({
        moveTo: [],
        mail: false,
        correct: false,
        note: false,
        vacancy: false,
      });
      const one = listed.items[0]!.id;
      expect((await jury.call(`/api/v1/vacancies/${policyId}/applicants/${one}`)).status).toBe(200);
      const note = await jury.call(`/api/v1/vacancies/${policyId}/applicants/${one}/notes`, {
        body: { text: "Sterk profiel" },
      });
      expect(note.status).toBe(403);
      expect((await jury.call(`/api/v1/vacancies/${lawyerId}/applicants`)).status).toBe(404);
      // They do not reach the staff overview or another vacancy's team.
      expect((await jury.call("/api/v1/vacancies")).status).toBe(403);
      expect((await jury.call(`/api/v1/vacancies/${lawyerId}/team`)).status).toBe(403);
      // Staff of other kinds have no such list.
      expect((await officer.call("/api/v1/vacancies/involved")).status).toBe(403);
    });

    it("mails the selection officers a request, the requester its decision, and an application to both sides", async () => {
      const body: CreateVacancyRequest = {
        organisationId: agencyId,
        displayTitle: "Data-analist",
        functionTitle: "Data-analist",
        description: "Je maakt van cijfers over de arbeidsmarkt inzichten waar beleid op kan bouwen.",
        occupationId: "2511.3",
        educationLevel: "hbo-bachelor",
        kind: "vacancy",
        hoursMin: 32,
        hoursMax: 36,
        positions: 1,
        workAddress: null,
        serviceModel: "self_service",
        contactVia: "employer",
        publication: { publicFrom: day(0), closesOn: day(30) },
      };
      const filed = await hr.call("/api/v1/vacancies", { body });
      expect(filed.status, filed.text).toBe(201);
      const requested = filed.json<{ vacancy: Vacancy }>().vacancy;
      expect(requested.status).toBe("requested");
      await server.app.events.drain();
      const toOfficer = smtp.received.filter((m) => m.to.includes("selectie@demo.werkbrug.test"));
      expect(toOfficer.map((m) => m.subject)).toEqual(["Nieuwe vacature-aanvraag: Data-analist"]);
      expect(toOfficer[0]!.text).toContain("Hanna de Ruiter vraagt een vacature aan");

      const approved = await officer.call(`/api/v1/vacancies/${requested.id}/transitions`, {
        body: { action: "approve", comment: "Akkoord, ik zet ze vandaag nog online." },
      });
      expect(approved.status, approved.text).toBe(200);
      await server.app.events.drain();
      const toHr = smtp.received.filter((m) => m.to.includes("hr@demo.werkbrug.test"));
      expect(toHr.map((m) => m.subject)).toEqual(["Vacature-aanvraag goedgekeurd: Data-analist"]);
      expect(toHr[0]!.text).toContain("Akkoord, ik zet ze vandaag nog online.");

      // Nobody applied to "Jurist omgevingsrecht" yet; Kim does, and Julia sees it from then on.
      expect((await involved(jury)).items.map((v) => v.id)).not.toContain(lawyerId);
      const form = new FormData();
      form.set("motivation", "Ik ben jurist en werk graag aan de leefomgeving.");
      const raw = new Response(form);
      const applied = await candidate.call(`/api/v1/vacancies/${lawyerId}/applications`, {
        raw: { data: Buffer.from(await raw.arrayBuffer()), type: raw.headers.get("content-type")! },
      });
      expect(applied.status, applied.text).toBe(201);
      await server.app.events.drain();
      expect((await involved(jury)).items.map((v) => v.id)).toContain(lawyerId);
      const confirmation = smtp.received.filter((m) => m.to.includes("kandidaat@demo.werkbrug.test"));
      expect(confirmation.map((m) => m.subject)).toEqual([
        "We hebben je sollicitatie ontvangen: Jurist omgevingsrecht",
      ]);
      // The vacancy has no owner since it was handed over: its contact person (HR) hears of it.
      const toHandler = smtp.received.filter(
        (m) => m.to.includes("hr@demo.werkbrug.test") && m.subject?.startsWith("Nieuwe sollicitatie"),
      );
      expect(toHandler.map((m) => m.subject)).toEqual(["Nieuwe sollicitatie voor Jurist omgevingsrecht"]);
      expect(toHandler[0]!.text).toContain("Kim de Kandidaat heeft gesolliciteerd");
    });
  },
);
