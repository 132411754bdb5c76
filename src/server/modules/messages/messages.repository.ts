import { and, asc, count, desc, eq, exists, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { InboxFilters } from "../../../contracts/messages";
import { type Db, scopeTimeZone } from "../../platform/db";
import {
  candidates,
  contactPersons,
  matches,
  memberships,
  messageAttachments,
  messageReads,
  messages,
  messageThreads,
  organisations,
  portals,
  users,
  vacancies,
} from "../../platform/schema";
import { type PlatformScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import type { MessageSide } from "./messages.schema";

export type ThreadRow = typeof messageThreads.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type AttachmentRow = typeof messageAttachments.$inferSelect;

/**
 * Whose view a query takes. The team (account managers and org admins) sees every thread of its
 * organisations; a contact person only their own threads, at employers in their scope.
 */
export interface MessageViewer {
  side: MessageSide;
  userId: string;
}

function within(scope: TenantScope, column: AnyPgColumn): SQL | undefined {
  if (scope.kind === "platform") return undefined;
  return scope.organisationIds.length > 0 ? inArray(column, [...scope.organisationIds]) : sql`false`;
}

/** The threads the viewer may see, as a condition on `message_threads`. */
function threadsOf(scope: TenantScope, viewer: MessageViewer): SQL | undefined {
  if (viewer.side === "team") return within(scope, messageThreads.organisationId);
  return and(
    within(scope, messageThreads.employerId),
    exists(
      sql`(select 1 from ${contactPersons} where ${contactPersons.id} = ${sql.raw('"message_threads"."contact_person_id"')}
        and ${contactPersons.userId} = ${viewer.userId})`,
    ),
  );
}

const employer = alias(organisations, "employer");
const author = alias(users, "author");

// Written out in full: in a query over one table Drizzle leaves column names unqualified, and
// an unqualified "id" inside these subqueries would mean the subquery's own table.
const MESSAGE_ID = sql.raw('"messages"."id"');
const isRead = sql<boolean>`exists (select 1 from ${messageReads} where ${messageReads.messageId} = ${MESSAGE_ID})`;
const readAt = sql<Date | null>`(select min(${messageReads.readAt}) from ${messageReads}
  where ${messageReads.messageId} = ${MESSAGE_ID})`;
const attachmentCount = sql<number>`(select count(*)::int from ${messageAttachments}
  where ${messageAttachments.messageId} = ${MESSAGE_ID})`;

const threadFacts = {
  thread: messageThreads,
  employerName: employer.name,
  contactName: contactPersons.name,
  matchVacancyTitle: vacancies.displayTitle,
  matchCandidateName: sql<string | null>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`,
};

export type ThreadFactsRow = {
  thread: ThreadRow;
  employerName: string;
  contactName: string;
  matchVacancyTitle: string | null;
  matchCandidateName: string | null;
};

const messageFacts = {
  message: messages,
  authorName: author.name,
  read: isRead,
  readAt,
  attachmentCount,
};

export type MessageFactsRow = {
  message: MessageRow;
  authorName: string | null;
  read: boolean;
  readAt: Date | string | null;
  attachmentCount: number;
};

/** Thread columns with the employer, contact and match they are about. */
function selectThreads(db: Db) {
  return db
    .select(threadFacts)
    .from(messageThreads)
    .innerJoin(employer, eq(employer.id, messageThreads.employerId))
    .innerJoin(contactPersons, eq(contactPersons.id, messageThreads.contactPersonId))
    .leftJoin(matches, eq(matches.id, messageThreads.matchId))
    .leftJoin(vacancies, eq(vacancies.id, matches.vacancyId))
    .leftJoin(candidates, eq(candidates.id, matches.candidateId));
}

function filtersOf(filters: InboxFilters): SQL[] {
  const day = sql`(${messages.createdAt} at time zone 'Europe/Amsterdam')::date`;
  const where: SQL[] = [];
  if (filters.employerId) where.push(eq(messageThreads.employerId, filters.employerId));
  if (filters.from) where.push(sql`${day} >= ${filters.from}::date`);
  if (filters.to) where.push(sql`${day} <= ${filters.to}::date`);
  return where;
}

/** Sent to the viewer's side and opened by nobody on it yet. */
const unreadFor = (viewer: MessageViewer) => and(ne(messages.authorSide, viewer.side), sql`not ${isRead}`);

export const messagesRepository = repository<TenantScope>()({
  /** The time zone the team's exports are written in. */
  timeZone: scopeTimeZone,
  /** The contact person rows of this user at employers in scope, with the team that keeps each. */
  async contactsOfUser(db, scope, userId: string) {
    return db
      .select({
        contactPersonId: contactPersons.id,
        contactName: contactPersons.name,
        employerId: contactPersons.organisationId,
        employerName: organisations.name,
        teamId: organisations.managedByOrganisationId,
      })
      .from(contactPersons)
      .innerJoin(organisations, eq(organisations.id, contactPersons.organisationId))
      .where(
        and(
          eq(contactPersons.userId, userId),
          within(scope, contactPersons.organisationId),
          sql`${organisations.archivedAt} is null`,
        ),
      )
      .orderBy(asc(organisations.name), asc(contactPersons.id));
  },

  /** A contact person with an account at an employer the team in scope keeps; null otherwise. */
  async contactForTeam(db, scope, contactPersonId: string) {
    const [row] = await db
      .select({
        contactPersonId: contactPersons.id,
        contactName: contactPersons.name,
        userId: contactPersons.userId,
        employerId: contactPersons.organisationId,
        teamId: organisations.managedByOrganisationId,
      })
      .from(contactPersons)
      .innerJoin(organisations, eq(organisations.id, contactPersons.organisationId))
      .where(
        and(
          eq(contactPersons.id, contactPersonId),
          isNotNull(organisations.managedByOrganisationId),
          within(scope, organisations.managedByOrganisationId),
          sql`${organisations.archivedAt} is null`,
        ),
      );
    return row ?? null;
  },

  /**
   * The employers the team in scope keeps (not archived; one of them with `employerId`) and their
   * contact persons with portal access: an account holding the employer_contact role there.
   */
  async recipients(db, scope, employerId?: string) {
    return db
      .select({
        employerId: organisations.id,
        employerName: organisations.name,
        contactPersonId: contactPersons.id,
        contactName: contactPersons.name,
        email: contactPersons.email,
        // An account that is not deactivated, holding the employer_contact role here.
        hasAccess: sql<boolean>`${contactPersons.userId} is not null and exists (select 1 from ${memberships}
          join ${users} on ${users.id} = ${memberships.userId}
          where ${memberships.userId} = ${contactPersons.userId} and ${memberships.role} = 'employer_contact'
          and ${users.deactivatedAt} is null and ${memberships.organisationId} = ${organisations.id})`,
      })
      .from(organisations)
      .leftJoin(contactPersons, eq(contactPersons.organisationId, organisations.id))
      .where(
        and(
          isNotNull(organisations.managedByOrganisationId),
          within(scope, organisations.managedByOrganisationId),
          sql`${organisations.archivedAt} is null`,
          employerId ? eq(organisations.id, employerId) : undefined,
        ),
      )
      .orderBy(asc(organisations.name), asc(organisations.id), asc(contactPersons.name));
  },

  async findThread(db, scope, viewer: MessageViewer, threadId: string): Promise<ThreadFactsRow | null> {
    const [row] = await selectThreads(db).where(
      and(eq(messageThreads.id, threadId), threadsOf(scope, viewer)),
    );
    return row ?? null;
  },

  /** The thread of a contact (and match), made when it does not exist yet. */
  async ensureThread(
    db,
    scope,
    row: {
      organisationId: string;
      employerId: string;
      contactPersonId: string;
      matchId: string | null;
    },
  ): Promise<ThreadRow> {
    if (!reaches(scope, row.organisationId) && !reaches(scope, row.employerId))
      throw new Error("ensureThread outside the caller's organisations");
    await db.insert(messageThreads).values(row).onConflictDoNothing();
    const [found] = await db
      .select()
      .from(messageThreads)
      .where(
        and(
          eq(messageThreads.contactPersonId, row.contactPersonId),
          row.matchId === null
            ? sql`${messageThreads.matchId} is null`
            : eq(messageThreads.matchId, row.matchId),
        ),
      );
    return found!;
  },

  async insertMessage(
    db,
    scope,
    thread: ThreadRow,
    row: { authorUserId: string; authorSide: MessageSide; body: string },
    files: { fileKey: string; fileName: string; contentType: string; size: number }[],
  ): Promise<MessageRow> {
    if (!reaches(scope, thread.organisationId) && !reaches(scope, thread.employerId))
      throw new Error("insertMessage outside the caller's organisations");
    const [created] = await db
      .insert(messages)
      .values({ ...row, threadId: thread.id, organisationId: thread.organisationId })
      .returning();
    if (files.length > 0)
      await db
        .insert(messageAttachments)
        .values(files.map((f) => ({ ...f, messageId: created!.id, organisationId: thread.organisationId })));
    await db
      .update(messageThreads)
      .set({ lastMessageAt: created!.createdAt })
      .where(eq(messageThreads.id, thread.id));
    return created!;
  },

  /** The viewer's threads, newest activity first, with counts and the last message. */
  async listThreads(db, scope, viewer: MessageViewer) {
    return selectThreads(db)
      .where(threadsOf(scope, viewer))
      .orderBy(desc(messageThreads.lastMessageAt), asc(messageThreads.id))
      .then(async (threads) => {
        if (threads.length === 0) return [];
        const ids = threads.map((t) => t.thread.id);
        const counts = await db
          .select({
            id: messages.threadId,
            total: sql<number>`count(*)::int`,
            unread: sql<number>`(count(*) filter (where ${messages.authorSide} <> ${viewer.side} and not ${isRead}))::int`,
          })
          .from(messages)
          .where(inArray(messages.threadId, ids))
          .groupBy(messages.threadId);
        const lasts = await db
          .selectDistinctOn([messages.threadId], messageFacts)
          .from(messages)
          .leftJoin(author, eq(author.id, messages.authorUserId))
          .where(inArray(messages.threadId, ids))
          .orderBy(messages.threadId, desc(messages.createdAt), desc(messages.id));
        const countOf = new Map(counts.map((c) => [c.id, c]));
        const lastOf = new Map(lasts.map((l) => [l.message.threadId, l]));
        return threads.map((t) => ({
          ...t,
          unread: Number(countOf.get(t.thread.id)?.unread ?? 0),
          total: Number(countOf.get(t.thread.id)?.total ?? 0),
          last: lastOf.get(t.thread.id) ?? null,
        }));
      });
  },

  /** A thread's messages, oldest first (the thread must have been found for the viewer). */
  async threadMessages(db, scope, viewer: MessageViewer, threadId: string): Promise<MessageFactsRow[]> {
    return db
      .select(messageFacts)
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .leftJoin(author, eq(author.id, messages.authorUserId))
      .where(and(eq(messages.threadId, threadId), threadsOf(scope, viewer)))
      .orderBy(asc(messages.createdAt), asc(messages.id));
  },

  async findMessage(db, scope, viewer: MessageViewer, messageId: string) {
    const [row] = await db
      .select({ ...messageFacts, thread: messageThreads })
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .leftJoin(author, eq(author.id, messages.authorUserId))
      .where(and(eq(messages.id, messageId), threadsOf(scope, viewer)));
    return row ?? null;
  },

  async attachments(
    db,
    scope,
    viewer: MessageViewer,
    messageIds: readonly string[],
  ): Promise<AttachmentRow[]> {
    if (messageIds.length === 0) return [];
    return db
      .select({ attachment: messageAttachments })
      .from(messageAttachments)
      .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .where(and(inArray(messageAttachments.messageId, [...messageIds]), threadsOf(scope, viewer)))
      .orderBy(asc(messageAttachments.createdAt), asc(messageAttachments.fileName))
      .then((rows) => rows.map((r) => r.attachment));
  },

  /** Records that the viewer opened the message in full; false when it was read before. */
  async markRead(db, scope, viewer: MessageViewer, message: MessageRow): Promise<boolean> {
    const [visible] = await db
      .select({ id: messages.id })
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .where(and(eq(messages.id, message.id), threadsOf(scope, viewer)));
    if (!visible) throw new Error("markRead of a message outside the caller's threads");
    const inserted = await db
      .insert(messageReads)
      .values({ messageId: message.id, userId: viewer.userId, organisationId: message.organisationId })
      .onConflictDoNothing()
      .returning({ messageId: messageReads.messageId });
    return inserted.length > 0;
  },

  async unreadCount(db, scope, viewer: MessageViewer): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .where(and(threadsOf(scope, viewer), unreadFor(viewer)));
    return Number(row?.n ?? 0);
  },

  /** The team's inbox ("RPO-berichten"): every message of its threads, newest first, filtered. */
  async inbox(db, scope, viewer: MessageViewer, filters: InboxFilters, limit: number) {
    return db
      .select({ ...messageFacts, ...threadFacts })
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .innerJoin(employer, eq(employer.id, messageThreads.employerId))
      .innerJoin(contactPersons, eq(contactPersons.id, messageThreads.contactPersonId))
      .leftJoin(matches, eq(matches.id, messageThreads.matchId))
      .leftJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .leftJoin(candidates, eq(candidates.id, matches.candidateId))
      .leftJoin(author, eq(author.id, messages.authorUserId))
      .where(
        and(threadsOf(scope, viewer), ...filtersOf(filters), filters.unread ? unreadFor(viewer) : undefined),
      )
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit);
  },

  /** The employers that have threads with the viewer's side, for the inbox filter. */
  async employersWithThreads(db, scope, viewer: MessageViewer) {
    return db
      .selectDistinct({ id: employer.id, name: employer.name })
      .from(messageThreads)
      .innerJoin(employer, eq(employer.id, messageThreads.employerId))
      .where(threadsOf(scope, viewer))
      .orderBy(employer.name, employer.id);
  },
});

/** What the `message.sent` subscriber needs to tell the other side; read with the events scope. */
export const messageMailRepository = repository<PlatformScope>()({
  async facts(db, _scope, messageId: string) {
    const manager = alias(users, "manager");
    const contactUser = alias(users, "contact_user");
    const [row] = await db
      .select({
        message: messages,
        contactName: contactPersons.name,
        contactEmail: contactPersons.email,
        contactLanguage: contactPersons.language,
        contactUserId: contactPersons.userId,
        contactUserEmail: contactUser.email,
        contactDeactivatedAt: contactUser.deactivatedAt,
        employerName: employer.name,
        managerName: manager.name,
        managerEmail: manager.email,
        managerLocale: manager.locale,
        managerDeactivatedAt: manager.deactivatedAt,
        teamName: organisations.name,
        ...mailPortalColumns,
      })
      .from(messages)
      .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
      .innerJoin(employer, eq(employer.id, messageThreads.employerId))
      .innerJoin(organisations, eq(organisations.id, messageThreads.organisationId))
      .innerJoin(portals, eq(portals.id, employer.homePortalId))
      .innerJoin(contactPersons, eq(contactPersons.id, messageThreads.contactPersonId))
      .leftJoin(contactUser, eq(contactUser.id, contactPersons.userId))
      .leftJoin(manager, eq(manager.id, employer.accountManagerUserId))
      .where(eq(messages.id, messageId));
    return row ?? null;
  },
});
