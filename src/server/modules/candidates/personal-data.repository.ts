import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import {
  accounts,
  applicationAnswers,
  applicationFiles,
  applicationFormVersions,
  auditEvents,
  invitations,
  matches,
  memberships,
  organisations,
  placements,
  portals,
  sessions,
  timesheetEntries,
  timesheets,
  users,
  vacancies,
} from "../../platform/schema";
import type { SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { ownedBy } from "./candidate-scope.repository";
import { contactDetailViews } from "./candidates.schema";
import { candidateMessages, savedVacancies } from "./outreach.schema";

/*
 * What "download my data" reads about the signed-in person (SelfScope): their account rows by
 * the scope's user id, their profiles' rows by the scope's candidate ids, and rows that name one
 * of their addresses.
 */

async function signInMethodsOf(db: Db, scope: SelfScope) {
  return db
    .select({ providerId: accounts.providerId, createdAt: accounts.createdAt, updatedAt: accounts.updatedAt })
    .from(accounts)
    .where(eq(accounts.userId, scope.userId))
    .orderBy(asc(accounts.createdAt));
}

async function sessionsOf(db: Db, scope: SelfScope) {
  return db
    .select({
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
      expiresAt: sessions.expiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, scope.userId))
    .orderBy(desc(sessions.createdAt));
}

async function membershipsOf(db: Db, scope: SelfScope) {
  return db
    .select({
      role: memberships.role,
      portal: portals.slug,
      organisation: organisations.name,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .leftJoin(portals, eq(portals.id, memberships.portalId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, scope.userId))
    .orderBy(asc(memberships.createdAt));
}

/** Applications, saved and proposed matches of the person's profiles, with the vacancy. */
async function matchesOf(db: Db, scope: SelfScope) {
  return db
    .select({
      match: matches,
      vacancyTitle: vacancies.displayTitle,
      organisation: organisations.name,
      form: {
        answers: applicationAnswers.answers,
        version: applicationFormVersions.version,
        definition: applicationFormVersions.definition,
      },
    })
    .from(matches)
    .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .leftJoin(applicationAnswers, eq(applicationAnswers.matchId, matches.id))
    .leftJoin(applicationFormVersions, eq(applicationFormVersions.id, applicationAnswers.formVersionId))
    .where(ownedBy(scope, matches.candidateId))
    .orderBy(desc(matches.createdAt), asc(matches.id));
}

/** The files the person sent with application forms (the answers say which belongs where). */
async function applicationFilesOf(db: Db, scope: SelfScope) {
  return db
    .select({
      id: applicationFiles.id,
      fileName: applicationFiles.fileName,
      contentType: applicationFiles.contentType,
    })
    .from(applicationFiles)
    .where(ownedBy(scope, applicationFiles.candidateId))
    .orderBy(asc(applicationFiles.createdAt), asc(applicationFiles.id));
}

/** The person's placements, with the vacancy and the employer (not the rate: that is the employer's). */
async function placementsOf(db: Db, scope: SelfScope) {
  return db
    .select({
      id: placements.id,
      candidateId: placements.candidateId,
      matchId: placements.matchId,
      vacancyTitle: vacancies.displayTitle,
      employer: organisations.name,
      startDate: placements.startDate,
      endDate: placements.endDate,
    })
    .from(placements)
    .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
    .innerJoin(organisations, eq(organisations.id, placements.employerId))
    .where(ownedBy(scope, placements.candidateId))
    .orderBy(desc(placements.startDate), asc(placements.id));
}

/** The weeks of hours of the person's placements, newest first. */
async function timesheetsOf(db: Db, scope: SelfScope) {
  return db
    .select({
      id: timesheets.id,
      placementId: timesheets.placementId,
      weekStart: timesheets.weekStart,
      status: timesheets.status,
      remark: timesheets.remark,
      decisionComment: timesheets.decisionComment,
      submittedAt: timesheets.submittedAt,
      decidedAt: timesheets.decidedAt,
    })
    .from(timesheets)
    .where(ownedBy(scope, timesheets.candidateId))
    .orderBy(desc(timesheets.weekStart), asc(timesheets.id));
}

/** The hours on those weeks, per day and kind. */
async function timesheetEntriesOf(db: Db, scope: SelfScope) {
  return db
    .select({
      timesheetId: timesheetEntries.timesheetId,
      date: timesheetEntries.date,
      kind: timesheetEntries.kind,
      minutes: timesheetEntries.minutes,
    })
    .from(timesheetEntries)
    .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
    .where(ownedBy(scope, timesheets.candidateId))
    .orderBy(asc(timesheetEntries.date), asc(timesheetEntries.kind));
}

async function messagesOf(db: Db, scope: SelfScope) {
  return db
    .select({ message: candidateMessages, sender: users.name, organisation: organisations.name })
    .from(candidateMessages)
    .leftJoin(users, eq(users.id, candidateMessages.senderUserId))
    .leftJoin(organisations, eq(organisations.id, candidateMessages.senderOrganisationId))
    .where(ownedBy(scope, candidateMessages.candidateId))
    .orderBy(desc(candidateMessages.createdAt), asc(candidateMessages.id));
}

async function savedVacanciesOf(db: Db, scope: SelfScope) {
  return db
    .select({
      candidateId: savedVacancies.candidateId,
      vacancyId: savedVacancies.vacancyId,
      vacancyTitle: vacancies.displayTitle,
      organisation: organisations.name,
      createdAt: savedVacancies.createdAt,
    })
    .from(savedVacancies)
    .innerJoin(vacancies, eq(vacancies.id, savedVacancies.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(ownedBy(scope, savedVacancies.candidateId))
    .orderBy(desc(savedVacancies.createdAt));
}

/** Every opening of the person's contact details (their own log, without a limit). */
async function contactViewsOf(db: Db, scope: SelfScope) {
  return db
    .select({ at: contactDetailViews.at, viewer: users.name, organisation: organisations.name })
    .from(contactDetailViews)
    .leftJoin(users, eq(users.id, contactDetailViews.viewerUserId))
    .leftJoin(organisations, eq(organisations.id, contactDetailViews.viewerOrganisationId))
    .where(ownedBy(scope, contactDetailViews.candidateId))
    .orderBy(desc(contactDetailViews.at), desc(contactDetailViews.id));
}

/** Security events about the person: theirs, or naming one of their addresses (failed sign-ins). */
async function auditEventsAbout(db: Db, scope: SelfScope, emails: readonly string[]) {
  const byEmail = emails.length > 0 ? inArray(sql`lower(${auditEvents.email})`, [...emails]) : undefined;
  return db
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.userId, scope.userId), byEmail))
    .orderBy(desc(auditEvents.at), asc(auditEvents.id));
}

/** Invitations sent to one of the person's addresses. */
async function invitationsTo(db: Db, _scope: SelfScope, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .select({ invitation: invitations, organisation: organisations.name, invitedBy: users.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(inArray(sql`lower(${invitations.email})`, [...emails])))
    .orderBy(desc(invitations.createdAt));
}

export const personalDataRepository = repository<SelfScope>()({
  signInMethodsOf,
  sessionsOf,
  membershipsOf,
  matchesOf,
  applicationFilesOf,
  placementsOf,
  timesheetsOf,
  timesheetEntriesOf,
  messagesOf,
  savedVacanciesOf,
  contactViewsOf,
  auditEventsAbout,
  invitationsTo,
});
