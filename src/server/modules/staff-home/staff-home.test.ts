import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import { addDays, mondayOf } from "../../../contracts/calendar-weeks";
import type { VacancyMatchesResponse } from "../../../contracts/matches";
import type { StaffDashboardResponse } from "../../../contracts/staff-home";
import type { VacancyListResponse } from "../../../contracts/vacancies";
import { organisations } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { lastWeeks } from "./actions/dashboard";

describe("the weeks of the staff figures", () => {
  it("are the 8 Mondays up to this week's, across the turn of the year", () => {
    expect(lastWeeks("2027-01-06")).toEqual([
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
    ]);
    expect(lastWeeks("2026-12-13").at(-1)).toBe("2026-12-07");
  });
});

describe.each(testDbKinds())("the staff home on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, looks after Westland and De Duinen
  let admin: Client; // beheer@: org admin of Gemeente Den Haag
  let hr: Client; // hr@: HR officer of the agency (another organisation)
  let jury: Client;
  let employer: Client; // werkgever@: Westland's contact person
  let candidate: Client; // kandidaat@
  let visitor: Client;
  const today = todayIn();

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const host = `haaglanden.localhost:${server.port}`;
    manager = new Client(server, host);
    admin = new Client(server, host);
    hr = new Client(server, host);
    jury = new Client(server, host);
    employer = new Client(server, host);
    candidate = new Client(server, host);
    visitor = new Client(server, host);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(admin, "beheer@demo.werkbrug.test");
    await signIn(hr, "hr@demo.werkbrug.test");
    await signIn(jury, "jury@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function dashboard(client: Client): Promise<StaffDashboardResponse> {
    const res = await client.call("/api/v1/home/staff");
    expect(res.status, res.text).toBe(200);
    return res.json<StaffDashboardResponse>();
  }

  async function listed(client: Client, query: string): Promise<VacancyListResponse> {
    const res = await client.call(`/api/v1/vacancies?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json<VacancyListResponse>();
  }

  function apply(vacancyId: string) {
    const form = new FormData();
    form.set("motivation", "Ik heb vijf jaar ervaring in de klantenservice.");
    const body = new Response(form);
    return body.arrayBuffer().then((data) =>
      candidate.call(`/api/v1/vacancies/${vacancyId}/applications`, {
        raw: { data: Buffer.from(data), type: body.headers.get("content-type")! },
      }),
    );
  }

  const thisWeek = (d: StaffDashboardResponse) => d.figures.at(-1)!;

  it("shows the account manager what waits, each count matching the page its link opens", async () => {
    const d = await dashboard(manager);
    expect(d.vacancyFilter).toBe("mine");
    expect(d.invitations).toBeNull();
    expect(d.figures.map((f) => f.weekStart)).toEqual(lastWeeks(today));
    expect(thisWeek(d).weekStart).toBe(mondayOf(today));
    // The demo: three applications on two of the manager's vacancies, an approved proposal, and
    // its one conversation read on both sides.
    expect(d.newApplications).toEqual({ count: 3, vacancies: 2 });
    expect(d.closingSoon!.count).toBeGreaterThan(0);
    expect(d.verdicts).toEqual({ count: 1 });
    expect(d.messages).toEqual({ count: 0 });
    expect(d.figures.reduce((n, f) => n + f.applications, 0)).toBeGreaterThanOrEqual(3);
    const fresh = await listed(manager, "accountManager=mine&applications=new");
    expect(fresh.total).toBe(d.newApplications!.vacancies);
    const closing = await listed(manager, "accountManager=mine&closing=soon");
    expect(closing.total).toBe(d.closingSoon!.count);
    for (const v of closing.vacancies) {
      expect(v.closesOn! >= today && v.closesOn! <= addDays(today, 7), v.closesOn!).toBe(true);
    }
    const notices = await manager.call("/api/v1/notifications");
    expect(notices.json<{ unread: number }>().unread).toBe(d.verdicts!.count);
    // The contact writes: one message nobody in the team opened.
    const sent = await employer.call("/api/v1/message-threads", {
      body: { body: "Hebben jullie nog planners?" },
    });
    expect(sent.status, sent.text).toBe(201);
    const after = await dashboard(manager);
    expect(after.messages).toEqual({ count: 1 });
    const unread = await manager.call("/api/v1/messages/unread-count");
    expect(unread.json<{ unread: number }>().unread).toBe(1);
  });

  it("counts a new application until someone moves it on, and a vacancy that starts closing soon", async () => {
    const before = await dashboard(manager);
    const hrBefore = await dashboard(hr);
    // A vacancy of the manager's that candidates see and Kim has not applied to yet.
    const visible = await listed(manager, "accountManager=mine&visible=yes&sort=title&order=asc");
    let vacancyId: string | null = null;
    for (const v of visible.vacancies) {
      const res = await apply(v.id);
      if (res.status === 201 || res.status === 200) {
        vacancyId = v.id;
        break;
      }
    }
    expect(vacancyId).not.toBeNull();
    const after = await dashboard(manager);
    expect(after.newApplications!.count).toBe(before.newApplications!.count + 1);
    expect(thisWeek(after).applications).toBe(thisWeek(before).applications + 1);
    // Another organisation's HR officer sees none of it.
    const hrAfter = await dashboard(hr);
    expect(hrAfter.newApplications).toEqual(hrBefore.newApplications);
    expect(hrAfter.figures).toEqual(hrBefore.figures);

    // Moved on from "Gesolliciteerd": handled, no longer new.
    const board = (
      await manager.call(`/api/v1/vacancies/${vacancyId}/matches`)
    ).json<VacancyMatchesResponse>();
    const match = board.phases
      .flatMap((p) => p.matches)
      .find((m) => m.source === "applied" && m.candidate.name.startsWith("Kim"));
    const screening = board.phases.find((p) => p.phase.key === "screening")!;
    const moved = await manager.call(`/api/v1/matches/${match!.id}/moves`, {
      body: { phaseId: screening.phase.id },
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await dashboard(manager)).newApplications!.count).toBe(before.newApplications!.count);

    // Closing in three days: counted for the manager and listed by the block's link.
    const { db } = server.database;
    const [later] = await db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(
        and(
          eq(vacancies.accountManagerUserId, "demo-accountmanager"),
          eq(vacancies.status, "published"),
          ne(vacancies.closesOn, addDays(today, 3)),
        ),
      )
      .limit(1);
    await db
      .update(vacancies)
      .set({ closesOn: addDays(today, 30) })
      .where(eq(vacancies.id, later!.id));
    const open = (await dashboard(manager)).closingSoon!.count;
    await db
      .update(vacancies)
      .set({ closesOn: addDays(today, 3) })
      .where(eq(vacancies.id, later!.id));
    expect((await dashboard(manager)).closingSoon!.count).toBe(open + 1);
    const closing = await listed(manager, "accountManager=mine&closing=soon");
    expect(closing.vacancies.map((v) => v.id)).toContain(later!.id);
  });

  it("never counts another organisation's vacancies", async () => {
    const { db } = server.database;
    const [agency] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"));
    const [theirs] = await db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(eq(vacancies.organisationId, agency!.id))
      .limit(1);
    const managerBefore = await dashboard(manager);
    const adminBefore = await dashboard(admin);
    const hrBefore = await dashboard(hr);
    await db
      .update(vacancies)
      .set({ status: "published", closesOn: addDays(today, 2) })
      .where(eq(vacancies.id, theirs!.id));
    expect((await dashboard(manager)).closingSoon).toEqual(managerBefore.closingSoon);
    expect((await dashboard(admin)).closingSoon).toEqual(adminBefore.closingSoon);
    expect((await dashboard(hr)).closingSoon!.count).toBe(hrBefore.closingSoon!.count + 1);
    expect((await dashboard(hr)).vacancyFilter).toBe("all");
  });

  it("shows an org admin the open invitations of their organisation", async () => {
    const before = await dashboard(admin);
    expect(before.invitations).not.toBeNull();
    const list = (await admin.call("/api/v1/invitations")).json<{ invitations: { status: string }[] }>();
    expect(before.invitations!.count).toBe(list.invitations.filter((i) => i.status === "pending").length);
    const [denhaag] = await server.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    const invited = await admin.call("/api/v1/invitations", {
      body: { email: "nieuwe.collega@denhaag.test", organisationId: denhaag!.id, role: "account_manager" },
    });
    expect(invited.status, invited.text).toBe(201);
    expect((await dashboard(admin)).invitations!.count).toBe(before.invitations!.count + 1);
  });

  it("gives roles without those pages no blocks, and refuses contacts, candidates and visitors", async () => {
    const d = await dashboard(jury);
    expect(d).toMatchObject({
      newApplications: null,
      closingSoon: null,
      verdicts: null,
      messages: null,
      invitations: null,
    });
    expect(d.figures).toHaveLength(8);
    const hrHome = await dashboard(hr);
    expect(hrHome.verdicts).toBeNull();
    expect(hrHome.messages).toBeNull();
    expect(hrHome.invitations).toBeNull();
    expect((await employer.call("/api/v1/home/staff")).status).toBe(403);
    expect((await candidate.call("/api/v1/home/staff")).status).toBe(403);
    expect((await visitor.call("/api/v1/home/staff")).status).toBe(401);
  });
});
