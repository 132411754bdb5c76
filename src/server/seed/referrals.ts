import { createHash } from "node:crypto";
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import { candidates } from "../modules/candidates/candidates.schema";
import { matches, matchHistory, procedurePhases, procedures } from "../modules/matches/matches.schema";
import { DEFAULT_POINTS } from "../modules/referrals";
import { referralLinks, referralPoints, referrals } from "../modules/referrals/referrals.schema";
import { organisationSites, organisations } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";
import { dayFrom as day, procedureOfKind } from "./procedures";

const REFERRER = "demo-verwijzer";
/** Marieke de Wit, the recruiter of De Duinen (zorg@). */
const RECRUITER = "demo-zorg";

const VACANCIES = [
  {
    title: "Verzorgende IG",
    description:
      "Je verzorgt bewoners van De Duinen met aandacht en geduld, in een klein team op de afdeling aan zee.",
    occupationId: "5321.1",
    hoursMin: 24,
    hoursMax: 32,
  },
  {
    title: "Medewerker huishouding",
    description: "Je zorgt dat de appartementen van onze bewoners schoon en gezellig zijn.",
    occupationId: "9112.1",
    hoursMin: 16,
    hoursMax: 24,
  },
  {
    title: "Gastvrouw/gastheer restaurant",
    description: "Je ontvangt bewoners en bezoekers in ons restaurant en zorgt voor een goede sfeer.",
    occupationId: "5131.1",
    hoursMin: 12,
    hoursMax: 20,
  },
] as const;

/** Three people Vincent referred: two confirmed their interest, one has not answered yet. */
const PEOPLE = [
  {
    firstName: "Sanne",
    lastName: "de Boer",
    email: "sanne.deboer@example.test",
    postcode: "2583 AB",
    days: 12,
    confirmed: true,
    vacancy: 0,
    // Marieke de Wit (zorg@) reached her, planned and held the interview: 25 points for Vincent.
    steps: [
      { key: "contact_made", option: "reached", days: 10 },
      { key: "interview_planned", option: "planned", days: 8 },
      { key: "interview_done", option: "positive", days: 5 },
    ],
  },
  {
    firstName: "Mohamed",
    lastName: "El Amrani",
    email: "m.elamrani@example.test",
    postcode: "2564 CD",
    days: 8,
    confirmed: true,
    vacancy: 1,
    steps: [{ key: "contact_made", option: "not_reached", days: 6 }],
  },
  {
    firstName: "Lotte",
    lastName: "Visser",
    email: "lotte.visser@example.test",
    postcode: "2582 EF",
    days: 2,
    confirmed: false,
    vacancy: 0,
    steps: [],
  },
] as const;

/**
 * The referral portal's demo (issue 14): Zorgcentrum De Duinen takes referrals (its default
 * procedure is the referral milestones), has three open vacancies at its Scheveningen site, and its
 * employee verwijzer@demo.werkbrug.test (Vincent Verhoeven) referred three people. The recruiter
 * (zorg@) has given two of them outcomes; the points follow the ledger's rule (decision 0023).
 */
export async function seedDemoReferrals(db: Db, duinenId: string, now: Date): Promise<void> {
  const [duinen] = await db.select().from(organisations).where(eq(organisations.id, duinenId));
  if (!duinen?.homePortalId) return;
  const portalId = duinen.homePortalId;
  const referral = await procedureOfKind(db, duinenId, "referral");

  // Vacancies that already have candidates keep the procedure they were made in.
  const [recruitment] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.organisationId, duinenId), eq(procedures.isDefault, true)));
  if (recruitment && recruitment.id !== referral) {
    await db
      .update(vacancies)
      .set({ procedureId: recruitment.id })
      .where(
        and(
          eq(vacancies.organisationId, duinenId),
          isNull(vacancies.procedureId),
          exists(db.select({ one: sql`1` }).from(matches).where(sql`matches.vacancy_id = vacancies.id`)),
        ),
      );
    await db.update(procedures).set({ isDefault: false }).where(eq(procedures.id, recruitment.id));
  }
  await db.update(procedures).set({ isDefault: true }).where(eq(procedures.id, referral));

  // De Duinen's sites are the demo's (seed/sites.ts, seeded before); these vacancies are at one.
  const [site] = await db
    .select()
    .from(organisationSites)
    .where(
      and(
        eq(organisationSites.organisationId, duinenId),
        eq(organisationSites.name, "De Duinen Scheveningen"),
      ),
    );
  const published = day(now, -20);
  const made = [];
  for (const v of VACANCIES) {
    const [row] = await db
      .insert(vacancies)
      .values({
        organisationId: duinenId,
        portalId,
        createdByUserId: "demo-accountmanager",
        accountManagerUserId: "demo-accountmanager",
        ownerUserId: "demo-accountmanager",
        title: v.title,
        displayTitle: v.title,
        description: v.description,
        occupationId: v.occupationId,
        hoursMin: v.hoursMin,
        hoursMax: v.hoursMax,
        city: "Den Haag",
        status: "published",
        publishOrganisationFrom: published,
        publishPortalFrom: published,
        publishPublicFrom: published,
        publishedAt: new Date(`${published}T08:00:00Z`),
        siteId: site?.id ?? null,
      })
      .returning();
    made.push(row!);
    await db.insert(referralLinks).values({
      organisationId: duinenId,
      vacancyId: row!.id,
      referrerUserId: REFERRER,
      code: createHash("sha256").update(`demo-link-${v.title}`).digest("base64url").slice(0, 16),
    });
  }

  const [entry] = await db
    .select()
    .from(procedurePhases)
    .where(and(eq(procedurePhases.procedureId, referral), eq(procedurePhases.key, "referred")));
  for (const person of PEOPLE) {
    const vacancy = made[person.vacancy]!;
    const at = new Date(now.getTime() - person.days * 86_400_000);
    const [candidate] = await db
      .insert(candidates)
      .values({
        portalId,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        phone: "06 12345678",
        postcode: person.postcode,
        city: person.confirmed ? "Den Haag" : null,
        visible: false,
        createdAt: at,
      })
      .returning();
    const [match] = await db
      .insert(matches)
      .values({
        portalId,
        organisationId: duinenId,
        vacancyId: vacancy.id,
        candidateId: candidate!.id,
        source: "referred",
        procedureId: referral,
        phaseId: entry!.id,
        status: "submitted",
        createdByUserId: REFERRER,
        createdAt: at,
        phaseSince: at,
      })
      .returning();
    await db.insert(matchHistory).values({
      matchId: match!.id,
      organisationId: duinenId,
      seq: 0,
      fromPhaseId: null,
      toPhaseId: entry!.id,
      actorUserId: REFERRER,
      at,
    });
    const [saved] = await db
      .insert(referrals)
      .values({
        organisationId: duinenId,
        portalId,
        vacancyId: vacancy.id,
        matchId: match!.id,
        candidateId: candidate!.id,
        referrerUserId: REFERRER,
        channel: "direct",
        email: person.email,
        reason: "Een oud-collega van mij: zorgzaam, betrouwbaar en ze zoekt werk dichter bij huis.",
        consentAt: at,
        eoiAt: person.confirmed ? new Date(at.getTime() + 86_400_000) : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await seedSteps(db, {
      match: match!,
      referralId: saved!.id,
      procedureId: referral,
      now,
      steps: person.steps,
    });
  }
}

/** The recruiter's outcomes on a demo referral: steps, the match where they leave it, the points. */
async function seedSteps(
  db: Db,
  input: {
    match: typeof matches.$inferSelect;
    referralId: string;
    procedureId: string;
    now: Date;
    steps: readonly { key: string; option: string; days: number }[];
  },
): Promise<void> {
  const phases = await db
    .select()
    .from(procedurePhases)
    .where(eq(procedurePhases.procedureId, input.procedureId));
  let from = input.match.phaseId;
  for (const [index, step] of input.steps.entries()) {
    const phase = phases.find((p) => p.key === step.key)!;
    const option = phase.outcomeOptions.find((o) => o.key === step.option)!;
    const at = new Date(input.now.getTime() - step.days * 86_400_000);
    const [row] = await db
      .insert(matchHistory)
      .values({
        matchId: input.match.id,
        organisationId: input.match.organisationId,
        seq: index + 1,
        fromPhaseId: from,
        toPhaseId: phase.id,
        outcome: option.colour,
        outcomeOption: option.key,
        actorUserId: RECRUITER,
        at,
      })
      .returning();
    const points = option.colour === "green" ? (DEFAULT_POINTS[phase.key] ?? 0) : 0;
    if (points > 0)
      await db.insert(referralPoints).values({
        organisationId: input.match.organisationId,
        referrerUserId: REFERRER,
        referralId: input.referralId,
        stepId: row!.id,
        phaseKey: phase.key,
        points,
        at,
      });
    await db
      .update(matches)
      .set({ phaseId: phase.id, outcome: option.colour, phaseSince: at, status: "in_review", updatedAt: at })
      .where(eq(matches.id, input.match.id));
    await db.update(referrals).set({ updatedAt: at }).where(eq(referrals.id, input.referralId));
    from = phase.id;
  }
}
