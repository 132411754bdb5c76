import { and, desc, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import { organisations, users } from "../../platform/schema";
import type { PortalScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { ownedBy, visibleOnPortal } from "./candidate-scope.repository";
import { candidates, contactDetailViews } from "./candidates.schema";

/*
 * "Contactgegevens": every time staff open a candidate's contact details it is logged; the
 * candidate reads the log, staff their own history of requests ("Geschiedenis").
 */

const HISTORY_PAGE = 20;

/**
 * Logs one opening by the scope's staff member, for their organisation; only for a candidate
 * visible through the scope's portal (the check is in the statement). False when not visible.
 */
async function logContactView(
  db: Db,
  scope: PortalScope,
  candidateId: string,
  viewerUserId: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into ${contactDetailViews} (candidate_id, portal_id, viewer_user_id, viewer_organisation_id)
        select c.id, c.portal_id, ${viewerUserId}, ${scope.organisationId}::uuid
        from ${candidates} c where c.id = ${candidateId} and ${visibleOnPortal(scope, sql`c`)}
        returning id`,
  );
  return rows.length > 0;
}

/** Who opened the contact details of the person's profiles, newest first. */
async function contactViewsOfMine(db: Db, scope: SelfScope) {
  return db
    .select({
      at: contactDetailViews.at,
      viewerName: users.name,
      organisationName: organisations.name,
    })
    .from(contactDetailViews)
    .leftJoin(users, eq(users.id, contactDetailViews.viewerUserId))
    .leftJoin(organisations, eq(organisations.id, contactDetailViews.viewerOrganisationId))
    .where(ownedBy(scope, contactDetailViews.candidateId))
    .orderBy(desc(contactDetailViews.at), desc(contactDetailViews.id))
    .limit(1000);
}

/** "Geschiedenis": the candidates still visible here whose details this person requested, last first. */
async function requestedContacts(db: Db, scope: PortalScope, viewerUserId: string, page: number) {
  const last = sql<Date>`max(${contactDetailViews.at})`;
  const where = and(eq(contactDetailViews.viewerUserId, viewerUserId), visibleOnPortal(scope));
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
    .limit(HISTORY_PAGE)
    .offset((page - 1) * HISTORY_PAGE);
  const [total] = await db
    .select({ n: sql<number>`count(distinct ${contactDetailViews.candidateId})` })
    .from(contactDetailViews)
    .innerJoin(candidates, eq(candidates.id, contactDetailViews.candidateId))
    .where(where);
  return { rows, total: Number(total?.n ?? 0), pageSize: HISTORY_PAGE };
}

export const contactViewsRepository = repository<PortalScope>()({ logContactView, requestedContacts });
export const ownContactViewsRepository = repository<SelfScope>()({ contactViewsOfMine });
