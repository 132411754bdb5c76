import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Answers, ApplyStep, FormDefinition } from "../../../contracts/forms";
import { inTenant } from "../../platform/db";
import { candidates, matches, organisations, users, vacancies } from "../../platform/schema";
import { type PublicScope, reaches, type SelfScope, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { type Viewer, visibleToViewer } from "../vacancies";
import {
  applicationAnswers,
  applicationDrafts,
  applicationFiles,
  applicationForms,
  applicationFormTemplates,
  applicationFormVersions,
} from "./forms.schema";

const versionColumns = {
  id: applicationFormVersions.id,
  formId: applicationFormVersions.formId,
  version: applicationFormVersions.version,
  definition: applicationFormVersions.definition,
  createdAt: applicationFormVersions.createdAt,
  createdBy: users.name,
  answered: sql<number>`(select count(*)::int from ${applicationAnswers} a where a.form_version_id = ${applicationFormVersions.id})`,
};

function assertReaches(scope: TenantScope, organisationId: string): void {
  if (!reaches(scope, organisationId)) throw new Error("forms: write outside the caller's organisations");
}

/** Templates and vacancy forms, for staff in their organisations. */
export const formsRepository = repository<TenantScope>()({
  /** What the vacancies module's rules need to decide who may read or change the vacancy. */
  async findVacancy(db, scope, vacancyId: string) {
    const [row] = await db
      .select({
        id: vacancies.id,
        organisationId: vacancies.organisationId,
        status: vacancies.status,
        contactUserId: vacancies.contactUserId,
        createdByUserId: vacancies.createdByUserId,
        requestedByUserId: vacancies.requestedByUserId,
      })
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The vacancy's form with its newest version, if it has one. */
  async formOfVacancy(db, scope, vacancyId: string) {
    const [row] = await db
      .select({ formId: applicationForms.id, vacancyId: applicationForms.vacancyId, version: versionColumns })
      .from(applicationForms)
      .innerJoin(applicationFormVersions, eq(applicationFormVersions.formId, applicationForms.id))
      .leftJoin(users, eq(users.id, applicationFormVersions.createdByUserId))
      .where(and(eq(applicationForms.vacancyId, vacancyId), inTenant(scope, applicationForms.organisationId)))
      .orderBy(desc(applicationFormVersions.version))
      .limit(1);
    return row ?? null;
  },

  async versions(db, scope, formId: string) {
    return db
      .select(versionColumns)
      .from(applicationFormVersions)
      .leftJoin(users, eq(users.id, applicationFormVersions.createdByUserId))
      .where(
        and(
          eq(applicationFormVersions.formId, formId),
          inTenant(scope, applicationFormVersions.organisationId),
        ),
      )
      .orderBy(desc(applicationFormVersions.version));
  },

  /** Every submitted application's answers to the form, with the version they answered. */
  async answered(db, scope, formId: string): Promise<{ definition: FormDefinition; answers: Answers }[]> {
    return db
      .select({ definition: applicationFormVersions.definition, answers: applicationAnswers.answers })
      .from(applicationAnswers)
      .innerJoin(applicationFormVersions, eq(applicationFormVersions.id, applicationAnswers.formVersionId))
      .where(
        and(eq(applicationFormVersions.formId, formId), inTenant(scope, applicationAnswers.organisationId)),
      );
  },

  async createForm(
    db,
    scope,
    input: { vacancyId: string; organisationId: string; definition: FormDefinition; userId: string },
  ) {
    assertReaches(scope, input.organisationId);
    const [form] = await db
      .insert(applicationForms)
      .values({ vacancyId: input.vacancyId, organisationId: input.organisationId })
      .onConflictDoNothing()
      .returning();
    if (!form) return null;
    await db.insert(applicationFormVersions).values({
      formId: form.id,
      organisationId: input.organisationId,
      version: 1,
      definition: input.definition,
      createdByUserId: input.userId,
    });
    return form;
  },

  /** A new version; null when another save made that number first. */
  async addVersion(
    db,
    scope,
    input: {
      formId: string;
      organisationId: string;
      version: number;
      definition: FormDefinition;
      userId: string;
    },
  ) {
    assertReaches(scope, input.organisationId);
    const [row] = await db
      .insert(applicationFormVersions)
      .values({
        formId: input.formId,
        organisationId: input.organisationId,
        version: input.version,
        definition: input.definition,
        createdByUserId: input.userId,
      })
      .onConflictDoNothing()
      .returning({ id: applicationFormVersions.id });
    return row ?? null;
  },

  /** Changes a version nobody submitted answers to yet; false when someone just did. */
  async replaceUnanswered(db, scope, versionId: string, definition: FormDefinition, userId: string) {
    const rows = await db
      .update(applicationFormVersions)
      .set({ definition, createdByUserId: userId, createdAt: sql`now()` })
      .where(
        and(
          eq(applicationFormVersions.id, versionId),
          inTenant(scope, applicationFormVersions.organisationId),
          sql`not exists (select 1 from ${applicationAnswers} a where a.form_version_id = ${applicationFormVersions.id})`,
        ),
      )
      .returning({ id: applicationFormVersions.id });
    return rows.length > 0;
  },

  async templates(db, scope, organisationIds: readonly string[]) {
    if (organisationIds.length === 0) return [];
    return db
      .select()
      .from(applicationFormTemplates)
      .where(
        and(
          inArray(applicationFormTemplates.organisationId, [...organisationIds]),
          inTenant(scope, applicationFormTemplates.organisationId),
        ),
      )
      .orderBy(asc(applicationFormTemplates.name));
  },

  async createTemplate(
    db,
    scope,
    input: { organisationId: string; name: string; definition: FormDefinition; userId: string },
  ) {
    assertReaches(scope, input.organisationId);
    const [row] = await db
      .insert(applicationFormTemplates)
      .values({
        organisationId: input.organisationId,
        name: input.name,
        definition: input.definition,
        createdByUserId: input.userId,
      })
      .returning();
    return row!;
  },

  /** The answers an application was submitted with and the version they answered. */
  async answersOfMatch(db, scope, matchId: string) {
    const [row] = await db
      .select({
        answers: applicationAnswers.answers,
        version: applicationFormVersions.version,
        definition: applicationFormVersions.definition,
      })
      .from(applicationAnswers)
      .innerJoin(applicationFormVersions, eq(applicationFormVersions.id, applicationAnswers.formVersionId))
      .where(and(eq(applicationAnswers.matchId, matchId), inTenant(scope, applicationAnswers.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** Files of the match's candidate for its vacancy (uploads for the form's file questions). */
  async filesOfMatch(
    db,
    scope,
    match: { candidateId: string; vacancyId: string; organisationId: string },
    ids: readonly string[],
  ) {
    if (ids.length === 0 || !reaches(scope, match.organisationId)) return [];
    return db
      .select()
      .from(applicationFiles)
      .where(
        and(
          inArray(applicationFiles.id, [...ids]),
          eq(applicationFiles.candidateId, match.candidateId),
          eq(applicationFiles.vacancyId, match.vacancyId),
        ),
      );
  },

  async findTemplate(db, scope, id: string) {
    const [row] = await db
      .select()
      .from(applicationFormTemplates)
      .where(
        and(eq(applicationFormTemplates.id, id), inTenant(scope, applicationFormTemplates.organisationId)),
      )
      .limit(1);
    return row ?? null;
  },

  async organisationNames(db, scope, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(inArray(organisations.id, [...ids]), inTenant(scope, organisations.id)))
      .orderBy(asc(organisations.name));
  },
});

/** The form applicants answer: a vacancy's newest version (the job board decides who sees it). */
export const publicFormsRepository = repository<PublicScope>()({
  async currentVersion(db, _scope, vacancyId: string, viewer: Viewer, today: string) {
    const [row] = await db
      .select({
        id: applicationFormVersions.id,
        organisationId: applicationFormVersions.organisationId,
        definition: applicationFormVersions.definition,
      })
      .from(applicationFormVersions)
      .innerJoin(applicationForms, eq(applicationForms.id, applicationFormVersions.formId))
      .innerJoin(vacancies, eq(vacancies.id, applicationForms.vacancyId))
      .where(and(eq(applicationForms.vacancyId, vacancyId), visibleToViewer(viewer, today)))
      .orderBy(desc(applicationFormVersions.version))
      .limit(1);
    return row ?? null;
  },

  async hasForm(db, _scope, vacancyId: string) {
    const [row] = await db
      .select({ n: count() })
      .from(applicationForms)
      .where(eq(applicationForms.vacancyId, vacancyId));
    return Number(row?.n ?? 0) > 0;
  },
});

const own = (scope: SelfScope) => [...scope.candidateIds];

/** The applicant's own drafts, files and submitted answers. */
export const applicantRepository = repository<SelfScope>()({
  async draft(db, scope, vacancyId: string) {
    if (scope.candidateIds.length === 0) return null;
    const [row] = await db
      .select()
      .from(applicationDrafts)
      .where(
        and(eq(applicationDrafts.vacancyId, vacancyId), inArray(applicationDrafts.candidateId, own(scope))),
      )
      .limit(1);
    return row ?? null;
  },

  async saveDraft(
    db,
    scope,
    input: {
      candidateId: string;
      vacancyId: string;
      formVersionId: string;
      answers: Answers;
      step: ApplyStep;
    },
  ) {
    if (!scope.candidateIds.includes(input.candidateId)) throw new Error("forms: draft of another person");
    const [row] = await db
      .insert(applicationDrafts)
      .values(input)
      .onConflictDoUpdate({
        target: [applicationDrafts.candidateId, applicationDrafts.vacancyId],
        set: {
          formVersionId: input.formVersionId,
          answers: input.answers,
          step: input.step,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    return row!;
  },

  async deleteDraft(db, scope, vacancyId: string) {
    if (scope.candidateIds.length === 0) return;
    await db
      .delete(applicationDrafts)
      .where(
        and(eq(applicationDrafts.vacancyId, vacancyId), inArray(applicationDrafts.candidateId, own(scope))),
      );
  },

  async files(db, scope, vacancyId: string) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select()
      .from(applicationFiles)
      .where(
        and(eq(applicationFiles.vacancyId, vacancyId), inArray(applicationFiles.candidateId, own(scope))),
      )
      .orderBy(asc(applicationFiles.createdAt));
  },

  async addFile(
    db,
    scope,
    input: {
      candidateId: string;
      vacancyId: string;
      fileKey: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
    },
  ) {
    if (!scope.candidateIds.includes(input.candidateId)) throw new Error("forms: file of another person");
    const [row] = await db.insert(applicationFiles).values(input).returning();
    return row!;
  },

  async findFile(db, scope, fileId: string) {
    if (scope.candidateIds.length === 0) return null;
    const [row] = await db
      .select()
      .from(applicationFiles)
      .where(and(eq(applicationFiles.id, fileId), inArray(applicationFiles.candidateId, own(scope))))
      .limit(1);
    return row ?? null;
  },

  /** Whether the applicant already applied (or is on the vacancy otherwise). */
  async onVacancy(db, scope, vacancyId: string) {
    if (scope.candidateIds.length === 0) return false;
    const [row] = await db
      .select({ n: count() })
      .from(matches)
      .where(and(eq(matches.vacancyId, vacancyId), inArray(matches.candidateId, own(scope))));
    return Number(row?.n ?? 0) > 0;
  },

  /** What the applicant's profile already says, to start a form with (their first candidate row with one). */
  async profile(db, scope) {
    if (scope.candidateIds.length === 0) return null;
    const [row] = await db
      .select({ educationLevel: candidates.educationLevel, languages: candidates.languages })
      .from(candidates)
      .where(inArray(candidates.id, own(scope)))
      .orderBy(asc(candidates.createdAt))
      .limit(1);
    return row ?? null;
  },

  /** Stored with the match, in the transaction that makes it. */
  async recordAnswers(
    db,
    _scope,
    input: { matchId: string; organisationId: string; formVersionId: string; answers: Answers },
  ) {
    await db.insert(applicationAnswers).values(input);
  },

  /** The answers of one of the applicant's own applications, with the version they answered. */
  async answersOf(db, scope, matchId: string) {
    if (scope.candidateIds.length === 0) return null;
    const [row] = await db
      .select({
        answers: applicationAnswers.answers,
        version: applicationFormVersions.version,
        definition: applicationFormVersions.definition,
      })
      .from(applicationAnswers)
      .innerJoin(applicationFormVersions, eq(applicationFormVersions.id, applicationAnswers.formVersionId))
      .innerJoin(matches, eq(matches.id, applicationAnswers.matchId))
      .where(and(eq(applicationAnswers.matchId, matchId), inArray(matches.candidateId, own(scope))))
      .limit(1);
    return row ?? null;
  },
});
