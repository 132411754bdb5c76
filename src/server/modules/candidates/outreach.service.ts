import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type {
  ApproachRequest,
  CandidateMessage,
  ContactHistoryResponse,
  FavouritesQuery,
  FavouritesResponse,
  SavedVacancy,
} from "../../../contracts/candidates";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Mailer } from "../../platform/mail";
import { approach, mailLocale } from "../../platform/mail-templates";
import { portalUrl } from "../../platform/tenancy";
import { matches } from "../matches/matches.schema";
import { membershipFactsOf as membershipFacts } from "../tenancy/caller.repository";
import { organisationFamilies } from "../tenancy/tenancy.repository";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { findVisibleVacancy, isOpenOn, todayIn, type Viewer, visibleToViewer } from "../vacancies";
import { vacancies } from "../vacancies/vacancies.schema";
import { staffPortalAccess } from "./candidates.policy";
import {
  type CandidateScope,
  candidatesOfUser,
  findVisibleCandidate,
  staffMemberships,
  visibleOnPortal,
} from "./candidates.repository";
import { candidates, contactDetailViews } from "./candidates.schema";
import type { HostPortal } from "./candidates.service";
import { candidateFavourites, candidateMessages, savedVacancies } from "./outreach.schema";

/**
 * Reaching candidates and keeping vacancies: "Benaderen" (staff write to a visible candidate,
 * who reads it in the inbox and by mail, without their address being shared), the inbox, and
 * the candidate's saved vacancies.
 */
const FAVOURITES_PAGE = 20;

export function createOutreachService(deps: { db: Db; mailer: Mailer; publicUrl: string }) {
  const { db } = deps;

  async function own(principal: Principal): Promise<CandidateScope> {
    return { candidateIds: (await candidatesOfUser(db, principal.userId)).map((c) => c.id) };
  }

  async function viewerOf(userId: string): Promise<Extract<Viewer, { kind: "candidate" }>> {
    const facts = await membershipFacts(db, userId);
    return {
      kind: "candidate",
      portalIds: facts.flatMap((m) => (m.role === "candidate" && m.portalId ? [m.portalId] : [])),
      organisationIds: await organisationFamilies(
        db,
        facts.flatMap((m) => (m.role !== "candidate" && m.organisationId ? [m.organisationId] : [])),
      ),
    };
  }

  const messageDto = (row: {
    message: typeof candidateMessages.$inferSelect;
    senderName: string | null;
    organisationName: string | null;
  }): CandidateMessage => ({
    id: row.message.id,
    subject: row.message.subject,
    body: row.message.body,
    sender: { name: row.senderName, organisation: row.organisationName },
    createdAt: row.message.createdAt.toISOString(),
    readAt: row.message.readAt?.toISOString() ?? null,
  });

  async function messagesOf(scope: CandidateScope, id?: string) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({ message: candidateMessages, senderName: users.name, organisationName: organisations.name })
      .from(candidateMessages)
      .leftJoin(users, eq(users.id, candidateMessages.senderUserId))
      .leftJoin(organisations, eq(organisations.id, candidateMessages.senderOrganisationId))
      .where(
        and(
          inArray(candidateMessages.candidateId, [...scope.candidateIds]),
          id ? eq(candidateMessages.id, id) : undefined,
        ),
      )
      .orderBy(desc(candidateMessages.createdAt));
  }

  return {
    /** Staff who may see the candidate on this portal write to them. */
    async approach(principal: Principal, host: HostPortal, candidateId: string, input: ApproachRequest) {
      const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
      if (!access) throw new AppError("not_found");
      const candidate = await findVisibleCandidate(
        db,
        { portalId: host.id, national: host.parentId === null },
        candidateId,
      );
      if (!candidate) throw new AppError("not_found");
      const [created] = await db
        .insert(candidateMessages)
        .values({
          candidateId,
          portalId: host.id,
          senderUserId: principal.userId,
          senderOrganisationId: access.organisationId,
          subject: input.subject,
          body: input.message,
        })
        .returning();
      const [sender] = await db.select().from(users).where(eq(users.id, principal.userId));
      const [organisation] = access.organisationId
        ? await db.select().from(organisations).where(eq(organisations.id, access.organisationId))
        : [];
      const to = candidate.userId
        ? (await db.select().from(users).where(eq(users.id, candidate.userId)))[0]
        : undefined;
      const address = to?.email ?? candidate.email;
      if (address) {
        const [portal] = await db.select().from(portals).where(eq(portals.id, candidate.portalId));
        const locale = mailLocale(to?.locale);
        await deps.mailer.send({
          to: address,
          ...approach({
            locale,
            portalName: portal ? (locale === "nl" ? portal.nameNl : portal.nameEn) : "Werkbrug",
            name: candidate.firstName,
            senderName: sender?.name ?? "",
            organisationName: organisation?.name ?? "Werkbrug",
            subject: input.subject,
            message: input.message,
            inboxUrl: new URL(
              "/berichten",
              portalUrl(deps.publicUrl, portal && portal.parentId !== null ? portal.slug : null),
            ).toString(),
          }),
        });
      }
      return messageDto({
        message: created!,
        senderName: sender?.name ?? null,
        organisationName: organisation?.name ?? null,
      });
    },

    async inbox(principal: Principal) {
      const rows = await messagesOf(await own(principal));
      return { messages: rows.map(messageDto), unread: rows.filter((r) => r.message.readAt === null).length };
    },

    async markRead(principal: Principal, id: string): Promise<CandidateMessage> {
      const scope = await own(principal);
      const [row] = await messagesOf(scope, id);
      if (!row) throw new AppError("not_found");
      if (!row.message.readAt) {
        await db
          .update(candidateMessages)
          .set({ readAt: new Date() })
          .where(and(eq(candidateMessages.id, id), isNull(candidateMessages.readAt)));
      }
      return messageDto((await messagesOf(scope, id))[0]!);
    },

    /** 404 unless the staff member may see this candidate through the request's portal. */
    async assertVisible(principal: Principal, host: HostPortal, candidateId: string): Promise<void> {
      const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
      const candidate = access
        ? await findVisibleCandidate(db, { portalId: host.id, national: host.parentId === null }, candidateId)
        : null;
      if (!candidate) throw new AppError("not_found");
    },

    /** A favourite is private to the staff member; only candidates they may see can be one. */
    async setFavourite(principal: Principal, host: HostPortal, candidateId: string, favourite: boolean) {
      const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
      if (!access) throw new AppError("not_found");
      if (favourite) {
        const candidate = await findVisibleCandidate(
          db,
          { portalId: host.id, national: host.parentId === null },
          candidateId,
        );
        if (!candidate) throw new AppError("not_found");
        await db
          .insert(candidateFavourites)
          .values({ userId: principal.userId, candidateId })
          .onConflictDoNothing();
      } else {
        await db
          .delete(candidateFavourites)
          .where(
            and(
              eq(candidateFavourites.userId, principal.userId),
              eq(candidateFavourites.candidateId, candidateId),
            ),
          );
      }
      return { favourite };
    },

    async isFavourite(principal: Principal, candidateId: string) {
      const [row] = await db
        .select()
        .from(candidateFavourites)
        .where(
          and(
            eq(candidateFavourites.userId, principal.userId),
            eq(candidateFavourites.candidateId, candidateId),
          ),
        );
      return { favourite: row !== undefined };
    },

    /** "Favorieten": my favourites still visible through this portal, with the team's work on them. */
    async favourites(
      principal: Principal,
      host: HostPortal,
      query: FavouritesQuery,
    ): Promise<FavouritesResponse> {
      const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
      if (!access) throw new AppError("not_found");
      const scope = { portalId: host.id, national: host.parentId === null };
      const saved = sql<number>`(select count(*) from ${matches} m where m.candidate_id = ${candidates.id} and m.source = 'saved')`;
      const proposed = sql<number>`(select count(*) from ${matches} m where m.candidate_id = ${candidates.id} and m.proposed_at is not null)`;
      const where = and(eq(candidateFavourites.userId, principal.userId), visibleOnPortal(scope));
      const sortBy = {
        name: sql`lower(${candidates.firstName} || ' ' || ${candidates.lastName})`,
        saved,
        proposed,
        added: sql`${candidateFavourites.createdAt}`,
      }[query.sort];
      const rows = await db
        .select({
          candidateId: candidates.id,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
          city: candidates.city,
          headline: candidates.headline,
          saved,
          proposed,
          addedAt: candidateFavourites.createdAt,
        })
        .from(candidateFavourites)
        .innerJoin(candidates, eq(candidates.id, candidateFavourites.candidateId))
        .where(where)
        .orderBy(query.order === "asc" ? sql`${sortBy} asc` : sql`${sortBy} desc`, candidates.id)
        .limit(FAVOURITES_PAGE)
        .offset((query.page - 1) * FAVOURITES_PAGE);
      const [total] = await db
        .select({ n: sql<number>`count(*)` })
        .from(candidateFavourites)
        .innerJoin(candidates, eq(candidates.id, candidateFavourites.candidateId))
        .where(where);
      return {
        favourites: rows.map((r) => ({
          candidateId: r.candidateId,
          name: `${r.firstName} ${r.lastName}`.trim(),
          city: r.city,
          headline: r.headline,
          savedCount: Number(r.saved),
          proposedCount: Number(r.proposed),
          addedAt: r.addedAt.toISOString(),
        })),
        total: Number(total?.n ?? 0),
        page: query.page,
        pageSize: FAVOURITES_PAGE,
      };
    },

    /** "Geschiedenis": candidates whose contact details I requested, last viewed first. */
    async contactHistory(
      principal: Principal,
      host: HostPortal,
      page: number,
    ): Promise<ContactHistoryResponse> {
      const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
      if (!access) throw new AppError("not_found");
      const scope = { portalId: host.id, national: host.parentId === null };
      const last = sql<Date>`max(${contactDetailViews.at})`;
      const where = and(eq(contactDetailViews.viewerUserId, principal.userId), visibleOnPortal(scope));
      const rows = await db
        .select({
          candidateId: candidates.id,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
          city: candidates.city,
          last,
          views: sql<number>`count(*)`,
        })
        .from(contactDetailViews)
        .innerJoin(candidates, eq(candidates.id, contactDetailViews.candidateId))
        .where(where)
        .groupBy(candidates.id)
        .orderBy(sql`${last} desc`, candidates.id)
        .limit(FAVOURITES_PAGE)
        .offset((page - 1) * FAVOURITES_PAGE);
      const [total] = await db
        .select({ n: sql<number>`count(distinct ${contactDetailViews.candidateId})` })
        .from(contactDetailViews)
        .innerJoin(candidates, eq(candidates.id, contactDetailViews.candidateId))
        .where(where);
      return {
        history: rows.map((r) => ({
          candidateId: r.candidateId,
          name: `${r.firstName} ${r.lastName}`.trim(),
          city: r.city,
          lastViewedAt: new Date(r.last).toISOString(),
          views: Number(r.views),
        })),
        total: Number(total?.n ?? 0),
        page,
        pageSize: FAVOURITES_PAGE,
      };
    },

    async saved(principal: Principal): Promise<SavedVacancy[]> {
      const scope = await own(principal);
      if (scope.candidateIds.length === 0) return [];
      const today = todayIn();
      const viewer = await viewerOf(principal.userId);
      const rows = await db
        .select({
          saved: savedVacancies,
          vacancy: vacancies,
          organisationName: organisations.name,
        })
        .from(savedVacancies)
        .innerJoin(vacancies, eq(vacancies.id, savedVacancies.vacancyId))
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .where(inArray(savedVacancies.candidateId, [...scope.candidateIds]))
        .orderBy(desc(savedVacancies.createdAt));
      const stillVisible = new Set(
        rows.length
          ? (
              await db
                .select({ id: vacancies.id })
                .from(vacancies)
                .where(
                  and(
                    inArray(
                      vacancies.id,
                      rows.map((r) => r.vacancy.id),
                    ),
                    visibleToViewer(viewer, today),
                  ),
                )
            ).map((r) => r.id)
          : [],
      );
      const seen = new Set<string>();
      return rows
        .filter((r) => {
          // A person registered on two portals may have saved the same vacancy twice.
          if (seen.has(r.vacancy.id)) return false;
          seen.add(r.vacancy.id);
          return true;
        })
        .map((r) => ({
          vacancyId: r.vacancy.id,
          displayTitle: r.vacancy.displayTitle,
          organisationName: r.organisationName,
          city: r.vacancy.city,
          closesOn: r.vacancy.closesOn,
          open: stillVisible.has(r.vacancy.id) && isOpenOn(r.vacancy, today),
          savedAt: r.saved.createdAt.toISOString(),
        }));
    },

    /** Keep a vacancy the candidate can see now. */
    async save(principal: Principal, vacancyId: string, hostPortalId: string | null): Promise<void> {
      const viewer = await viewerOf(principal.userId);
      if (!(await findVisibleVacancy(db, viewer, vacancyId, todayIn()))) throw new AppError("not_found");
      const rows = await candidatesOfUser(db, principal.userId);
      const candidate = rows.find((c) => c.portalId === hostPortalId) ?? rows[0];
      if (!candidate) throw new AppError("forbidden");
      await db.insert(savedVacancies).values({ candidateId: candidate.id, vacancyId }).onConflictDoNothing();
    },

    async unsave(principal: Principal, vacancyId: string): Promise<void> {
      const scope = await own(principal);
      if (scope.candidateIds.length === 0) return;
      await db
        .delete(savedVacancies)
        .where(
          and(
            eq(savedVacancies.vacancyId, vacancyId),
            inArray(savedVacancies.candidateId, [...scope.candidateIds]),
          ),
        );
    },
  };
}

export type OutreachService = ReturnType<typeof createOutreachService>;
