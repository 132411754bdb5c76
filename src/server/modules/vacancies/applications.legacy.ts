import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Locale } from "../../../contracts/common";
import type { Application, CandidateOnVacancy } from "../../../contracts/vacancies";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError, type FieldError } from "../../platform/errors";
import { type FileStorage, sniffDocument } from "../../platform/files";
import { fieldMessage } from "../../platform/i18n";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { candidates } from "../candidates/candidates.schema";
import {
  type CandidateScope,
  findApplication,
  findMatchOfCandidate,
  insertApplication,
  listApplications,
} from "../matches/matches.repository";
import { matches } from "../matches/matches.schema";
import { createCaller } from "../tenancy";
import { organisations, users } from "../tenancy/tenancy.schema";
import { candidateViewerOf, vacancyActorOf, vacancyScopeOf } from "./actor";
import { visibleVacancyRepository } from "./candidate-vacancies.repository";
import { todayIn, type Viewer } from "./publication";
import { canEdit, canRead, readableOrganisations, type VacancyActor } from "./vacancies.policy";
import { vacancyRepository } from "./vacancies.repository";
import { vacancies } from "./vacancies.schema";

/*
 * LEGACY, to be dropped at merge: saving candidates on a vacancy and candidates' applications,
 * as they were in vacancies.service.ts. The matches module takes them over (issue 11, part 5);
 * only what the new structure of this module needs changed here (the actor, the read scope and
 * the viewer come from a caller made from the principal).
 */

export interface ApplicationsLegacyDeps {
  db: Db;
  store: Store;
  files: FileStorage;
  today?: () => string;
}

export function createApplicationsLegacy(deps: ApplicationsLegacyDeps) {
  const { db, files, store } = deps;
  const today = deps.today ?? (() => todayIn());
  const callerFor = (principal: Principal) => createCaller({ db, principal, portal: null });

  async function actorFor(principal: Principal): Promise<VacancyActor> {
    return vacancyActorOf(callerFor(principal));
  }

  async function readable(principal: Principal, id: string) {
    const caller = callerFor(principal);
    const actor = await vacancyActorOf(caller);
    const row = await store.bind(await vacancyScopeOf(caller), vacancyRepository).findView(id);
    if (!row || !canRead(actor, row)) throw new AppError("not_found");
    return { actor, row };
  }

  async function candidateScopeOf(
    userId: string,
  ): Promise<CandidateScope & { rows: (typeof candidates.$inferSelect)[] }> {
    const rows = await db.select().from(candidates).where(eq(candidates.userId, userId));
    return { candidateIds: rows.map((r) => r.id), rows };
  }

  async function viewerOf(userId: string): Promise<Extract<Viewer, { kind: "candidate" }>> {
    return candidateViewerOf(callerFor({ userId, roles: [] }));
  }

  const findVisibleVacancy = (viewer: Viewer, id: string, day: string) =>
    store.bind(publicScope, visibleVacancyRepository).find(viewer, id, day, null);

  return {
    /** "Toevoegen aan vacature": save a candidate (whom the caller may see) on a vacancy they may change. */
    async saveCandidate(principal: Principal, vacancyId: string, candidateId: string): Promise<void> {
      const { actor, row } = await readable(principal, vacancyId);
      if (!canEdit(actor, row)) throw new AppError("forbidden");
      await db
        .insert(matches)
        .values({
          portalId: row.portalId,
          vacancyId,
          candidateId,
          source: "saved",
          createdByUserId: principal.userId,
        })
        .onConflictDoNothing();
    },

    /** Takes a saved candidate off the vacancy again; a candidate's own application stays. */
    async unsaveCandidate(principal: Principal, vacancyId: string, candidateId: string): Promise<void> {
      const { actor, row } = await readable(principal, vacancyId);
      if (!canEdit(actor, row)) throw new AppError("forbidden");
      await db
        .delete(matches)
        .where(
          and(
            eq(matches.vacancyId, vacancyId),
            eq(matches.candidateId, candidateId),
            eq(matches.source, "saved"),
          ),
        );
    },

    /** The vacancies this candidate is on that the caller's team can see (date, vacancy, by, proposed). */
    async vacanciesOfCandidate(principal: Principal, candidateId: string): Promise<CandidateOnVacancy[]> {
      const actor = await actorFor(principal);
      const orgs = readableOrganisations(actor);
      const rows = await db
        .select({
          match: matches,
          displayTitle: vacancies.displayTitle,
          organisationName: organisations.name,
          addedBy: users.name,
        })
        .from(matches)
        .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .leftJoin(users, eq(users.id, matches.createdByUserId))
        .where(
          and(
            eq(matches.candidateId, candidateId),
            orgs === "all"
              ? undefined
              : orgs.length
                ? inArray(vacancies.organisationId, [...orgs])
                : sql`false`,
          ),
        )
        .orderBy(desc(matches.createdAt));
      return rows.map((r) => ({
        vacancyId: r.match.vacancyId,
        displayTitle: r.displayTitle,
        organisationName: r.organisationName,
        source: r.match.source,
        addedBy: r.match.source === "applied" ? null : r.addedBy,
        addedAt: r.match.createdAt.toISOString(),
        proposed: r.match.proposedAt !== null,
      }));
    },

    /** "Reageren": a match candidate x vacancy with a motivation and optionally a CV. */
    async apply(
      principal: Principal,
      id: string,
      input: { motivation: string; cv: { fileName: string; data: Buffer } | null; source: string | null },
      hostPortalId: string | null,
      locale: Locale,
    ): Promise<Application> {
      const viewer = await viewerOf(principal.userId);
      const vacancy = await findVisibleVacancy(viewer, id, today());
      if (!vacancy) throw new AppError("not_found");
      const motivation = input.motivation.trim();
      const problems: FieldError[] = [];
      if (motivation.length === 0)
        problems.push({ path: "motivation", message: fieldMessage("required", locale) });
      const cvKind = input.cv ? sniffDocument(input.cv.data) : null;
      if (input.cv && !cvKind)
        problems.push({ path: "cv", message: fieldMessage("document_type_not_allowed", locale) });
      if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
      const candidate = await ensureCandidate(principal.userId, viewer.portalIds, hostPortalId);
      const scope = { candidateIds: [candidate.id] };
      if (await findMatchOfCandidate(db, scope, id)) throw new AppError("already_applied");
      let cv: { key: string; name: string; type: string } | null = null;
      if (input.cv && cvKind) {
        cv = {
          key: `applications/${candidate.id}/${randomUUID()}.${cvKind.ext}`,
          name: `${input.cv.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${cvKind.ext}`,
          type: cvKind.type,
        };
        await files.put(cv.key, input.cv.data, cv.type);
      }
      const created = await insertApplication(db, scope, {
        portalId: vacancy.portalId,
        vacancyId: id,
        candidateId: candidate.id,
        motivation,
        cvFileKey: cv?.key ?? null,
        cvFileName: cv?.name ?? null,
        cvContentType: cv?.type ?? null,
        channelSource: input.source,
        createdByUserId: principal.userId,
      });
      if (!created) {
        if (cv) await files.delete(cv.key);
        throw new AppError("already_applied");
      }
      return applicationDto({
        match: created,
        displayTitle: vacancy.displayTitle,
        organisationName: vacancy.organisationName,
      });
    },

    async myApplications(principal: Principal): Promise<Application[]> {
      const own = await candidateScopeOf(principal.userId);
      return (await listApplications(db, own)).map(applicationDto);
    },

    async applicationCv(principal: Principal, applicationId: string) {
      const own = await candidateScopeOf(principal.userId);
      const match = await findApplication(db, own, applicationId);
      if (!match?.cvFileKey) throw new AppError("not_found");
      const file = await files.get(match.cvFileKey);
      if (!file) throw new AppError("not_found");
      return { ...file, fileName: match.cvFileName ?? "cv" };
    },
  };

  async function ensureCandidate(
    userId: string,
    candidatePortalIds: readonly string[],
    hostPortalId: string | null,
  ) {
    const existing = await db.select().from(candidates).where(eq(candidates.userId, userId));
    const preferred = existing.find((c) => c.portalId === hostPortalId) ?? existing[0];
    if (preferred) return preferred;
    const portalId = candidatePortalIds.find((p) => p === hostPortalId) ?? candidatePortalIds[0];
    if (!portalId) throw new AppError("forbidden");
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const [first, ...rest] = (user?.name ?? "").trim().split(/\s+/);
    const [created] = await db
      .insert(candidates)
      .values({
        portalId,
        userId,
        firstName: first || "-",
        lastName: rest.join(" ") || "-",
        email: user?.email ?? null,
        phone: user?.phone ?? null,
        postcode: user?.postcode ?? null,
        visible: false,
      })
      .returning();
    return created!;
  }
}

function applicationDto(row: {
  match: {
    id: string;
    vacancyId: string;
    status: Application["status"];
    motivation: string;
    cvFileName: string | null;
    cvFileKey: string | null;
    createdAt: Date;
  };
  displayTitle: string;
  organisationName: string;
}): Application {
  return {
    id: row.match.id,
    vacancyId: row.match.vacancyId,
    displayTitle: row.displayTitle,
    organisationName: row.organisationName,
    status: row.match.status,
    motivation: row.match.motivation,
    cv: row.match.cvFileKey
      ? { fileName: row.match.cvFileName ?? "cv", url: `/api/v1/applications/${row.match.id}/cv` }
      : null,
    createdAt: row.match.createdAt.toISOString(),
  };
}

export type ApplicationsLegacy = ReturnType<typeof createApplicationsLegacy>;
