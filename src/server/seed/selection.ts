import { and, eq } from "drizzle-orm";
import { applicantMailTemplates } from "../modules/applicants/applicants.schema";
import { candidates } from "../modules/candidates/candidates.schema";
import { matches, matchHistory, procedurePhases } from "../modules/matches/matches.schema";
import { organisations } from "../modules/tenancy/tenancy.schema";
import { vacancies, vacancyTeam } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";
import { dayFrom as day, procedureOfKind } from "./procedures";
import { seedDemoSelectionEvents } from "./selection-events";
import { seedSelectionOnboarding } from "./selection-onboarding";
import { seedDemoReserveList } from "./selection-reserve";
import { seedDemoSelectionResults } from "./selection-results";

const OWNER = "demo-selectie";

/** The applicants of the demo selection: where they came from and how far they got. */
const APPLICANTS = [
  {
    firstName: "Kim",
    lastName: "de Kandidaat",
    userId: "demo-kandidaat",
    source: "direct",
    phase: "submitted",
    days: 2,
  },
  { firstName: "Ruben", lastName: "Jacobs", source: "vdab", phase: "in_progress", days: 9 },
  { firstName: "Elif", lastName: "Yilmaz", source: "linkedin", phase: "preselected", days: 12 },
  { firstName: "Thomas", lastName: "Peeters", source: "vdab", phase: "preselected", days: 13 },
  { firstName: "Nora", lastName: "Claes", source: "direct", phase: "failed", days: 15 },
] as const;

/**
 * The selection demo (issue 15, Vlimpers): the agency's selection office runs a selection for
 * "Beleidsmedewerker arbeidsmarkt" in its selection procedure, owned by Sander Visser
 * (selectie@), with Hanna de Ruiter (hr@) as HR officer, Lars de Leeuw (leiding@) as the line
 * manager and Julia Bakker (jury@) in the jury; five people applied. Julia is also on the jury
 * of "Jurist omgevingsrecht", which nobody applied to yet: she does not see that one.
 */
export async function seedDemoSelection(db: Db, agencyId: string, now: Date): Promise<void> {
  const [agency] = await db.select().from(organisations).where(eq(organisations.id, agencyId));
  const portalId = agency?.homePortalId;
  if (!portalId) return;
  const procedureId = await procedureOfKind(db, agencyId, "selection");
  const phases = await db.select().from(procedurePhases).where(eq(procedurePhases.procedureId, procedureId));
  const phase = (key: string) => phases.find((p) => p.key === key)!;
  const published = day(now, -20);
  const base = {
    organisationId: agencyId,
    portalId,
    createdByUserId: OWNER,
    ownerUserId: OWNER,
    contactUserId: "demo-hr",
    requestedByUserId: "demo-hr",
    city: "Den Haag",
    status: "published" as const,
    publishOrganisationFrom: published,
    publishPortalFrom: published,
    publishPublicFrom: published,
    publishedAt: new Date(`${published}T08:00:00Z`),
    // No closing date: the demo is dated (DEMO_NOW) and must stay open whenever it is tried.
    closesOn: null,
    procedureId,
  };
  const [policy] = await db
    .insert(vacancies)
    .values({
      ...base,
      title: "Beleidsmedewerker arbeidsmarkt",
      displayTitle: "Beleidsmedewerker arbeidsmarkt",
      description:
        "Je schrijft mee aan het arbeidsmarktbeleid van het agentschap: je analyseert cijfers, spreekt met partners en zet voorstellen helder op papier.",
      hoursMin: 32,
      hoursMax: 36,
      salaryScaleMin: 10,
      salaryScaleMax: 11,
    })
    .returning();
  const [lawyer] = await db
    .insert(vacancies)
    .values({
      ...base,
      title: "Jurist omgevingsrecht",
      displayTitle: "Jurist omgevingsrecht",
      description: "Je adviseert over vergunningen en bezwaren in het omgevingsrecht.",
      hoursMin: 36,
      hoursMax: 36,
    })
    .returning();
  const team = (vacancyId: string, rows: { userId: string; role: "hr" | "leader" | "jury" }[]) =>
    db
      .insert(vacancyTeam)
      .values(rows.map((r) => ({ ...r, vacancyId, organisationId: agencyId, addedByUserId: OWNER })));
  await team(policy!.id, [
    { userId: "demo-hr", role: "hr" },
    { userId: "demo-leiding", role: "leader" },
    { userId: "demo-jury", role: "jury" },
    { userId: "demo-leiding", role: "jury" },
  ]);
  await team(lawyer!.id, [
    { userId: "demo-hr", role: "hr" },
    { userId: "demo-jury", role: "jury" },
  ]);

  await seedMailTemplate(db, agencyId);
  /** Candidate ids by first name, for the reserve-list demo. */
  const people = new Map<string, string>();
  for (const a of APPLICANTS) {
    const at = new Date(now.getTime() - a.days * 86_400_000);
    const own =
      "userId" in a
        ? (
            await db
              .select()
              .from(candidates)
              .where(and(eq(candidates.userId, a.userId)))
              .limit(1)
          )[0]
        : undefined;
    const candidate =
      own ??
      (
        await db
          .insert(candidates)
          .values({
            portalId,
            firstName: a.firstName,
            lastName: a.lastName,
            email: `${a.firstName.toLowerCase()}.${a.lastName.toLowerCase()}@example.test`,
            city: "Den Haag",
            visible: false,
            createdAt: at,
          })
          .returning()
      )[0]!;
    people.set(a.firstName, candidate.id);
    const entry = phase("submitted");
    const [match] = await db
      .insert(matches)
      .values({
        portalId,
        organisationId: agencyId,
        vacancyId: policy!.id,
        candidateId: candidate.id,
        source: "applied",
        procedureId,
        phaseId: phase(a.phase).id,
        status: a.phase === "submitted" ? "submitted" : a.phase === "failed" ? "rejected" : "in_review",
        motivation:
          "Ik werk graag aan beleid dat mensen aan werk helpt, en breng daarvoor analyse en overleg mee.",
        channelSource: a.source,
        createdByUserId: "userId" in a ? a.userId : OWNER,
        createdAt: at,
        phaseSince: at,
      })
      .returning();
    await db.insert(matchHistory).values({
      matchId: match!.id,
      organisationId: agencyId,
      seq: 0,
      fromPhaseId: null,
      toPhaseId: entry.id,
      actorUserId: "userId" in a ? a.userId : null,
      at,
    });
    if (a.phase !== "submitted")
      await db.insert(matchHistory).values({
        matchId: match!.id,
        organisationId: agencyId,
        seq: 1,
        fromPhaseId: entry.id,
        toPhaseId: phase(a.phase).id,
        actorUserId: OWNER,
        at: new Date(at.getTime() + 86_400_000),
      });
  }
  // Issue 16: a past selection of the agency, completed, with a reserve list of two laureates.
  await seedDemoReserveList(
    db,
    { organisationId: agencyId, portalId, procedureId },
    [people.get("Elif")!, people.get("Thomas")!],
    now,
  );
  await seedDemoSelectionEvents(db, policy!.id, now);
  await seedSelectionOnboarding(db, agencyId, policy!.id);
  // Issue 16 parts 3-4: the selection parts and the jury's first scores.
  await seedDemoSelectionResults(db, { id: policy!.id, organisationId: agencyId }, now);
}

/** The selection office's first mail template, in Dutch and English, with its merge fields. */
async function seedMailTemplate(db: Db, agencyId: string): Promise<void> {
  await db.insert(applicantMailTemplates).values({
    organisationId: agencyId,
    name: "Uitnodiging selectiegesprek",
    createdByUserId: OWNER,
    texts: {
      nl: {
        subject: "Uitnodiging jurygesprek: {{vacature}}",
        body: "Beste {{voornaam}},\n\nJe bent geslaagd voor de preselectie voor {{vacature}}. We nodigen je graag uit voor een jurygesprek. Je krijgt binnenkort een link om een moment te kiezen.\n\nMet vriendelijke groet,\nHet selectiebureau",
      },
      en: {
        subject: "Invitation to a jury interview: {{vacature}}",
        body: "Dear {{voornaam}},\n\nYou passed the preselection for {{vacature}}. We would like to invite you to a jury interview. You will soon receive a link to choose a time.\n\nKind regards,\nThe selection office",
      },
    },
  });
}
