import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db";
import { mailOutbox } from "../../platform/mail.schema";
import { smsOutbox } from "../../platform/sms.schema";
import { lastVisits } from "../employers/employers.schema";
import {
  auditEvents,
  invitations,
  rateLimits,
  sessions,
  twoFactors,
  verifications,
} from "../identity/identity.schema";
import { matches } from "../matches/matches.schema";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";
import type { CandidateRow, CandidateScope } from "./candidates.repository";
import { candidateDocuments, candidatePhotos, candidates, contactDetailViews } from "./candidates.schema";
import { accountClaims, candidateMessages, savedVacancies } from "./outreach.schema";
import { candidateConsents } from "./privacy.schema";

/**
 * The SQL of privacy self-service: the consent log, what the export reads, anonymisation and
 * the retention sweep. Candidate rows are reached through a CandidateScope (the person's own
 * profiles); account rows through the person's user id, which is their scope.
 */

export type ConsentRow = typeof candidateConsents.$inferSelect;
export type NewConsentRow = typeof candidateConsents.$inferInsert;
export type UserRow = typeof users.$inferSelect;

/** What an anonymised person is called everywhere staff still see them (applications). */
export const ANONYMOUS_FIRST_NAME = "Geanonimiseerde";
export const ANONYMOUS_LAST_NAME = "kandidaat";
export const ANONYMOUS_NAME = `${ANONYMOUS_FIRST_NAME} ${ANONYMOUS_LAST_NAME}`;

function owned(scope: CandidateScope, column: AnyPgColumn = candidates.id): SQL {
  return scope.candidateIds.length === 0 ? sql`false` : inArray(column, [...scope.candidateIds]);
}

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------
// Consents

/** The consent history of the scope's profiles, newest first. */
export async function listConsents(db: Db, scope: CandidateScope): Promise<ConsentRow[]> {
  return db
    .select()
    .from(candidateConsents)
    .where(owned(scope, candidateConsents.candidateId))
    .orderBy(desc(candidateConsents.at), asc(candidateConsents.purpose), asc(candidateConsents.portalId));
}

/** Appends to the history; nothing ever updates or deletes a row. */
export async function insertConsents(db: Db, scope: CandidateScope, rows: NewConsentRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.some((r) => !scope.candidateIds.includes(r.candidateId)))
    throw new Error("insertConsents for another candidate");
  await db.insert(candidateConsents).values(rows);
}

// ---------------------------------------------------------------------------------------------
// The person's account

export async function findUser(db: Db, userId: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

/**
 * The user row, locked until the transaction ends (one anonymisation of a person at a time).
 * With `skipLocked`, null when someone else holds it (the retention sweep then leaves the person
 * for its next run rather than wait while holding their profiles, which could deadlock).
 */
export async function lockUser(
  tx: Db,
  userId: string,
  options: { skipLocked?: boolean } = {},
): Promise<UserRow | null> {
  const [row] = await tx
    .select()
    .from(users)
    .where(eq(users.id, userId))
    .for("update", options.skipLocked ? { skipLocked: true } : {});
  return row ?? null;
}

/** The Settings switch is the current state of the research consent. */
export async function setResearchConsent(db: Db, userId: string, given: boolean, now: Date): Promise<void> {
  await db.update(users).set({ consentResearch: given, updatedAt: now }).where(eq(users.id, userId));
}

/** The argon2id hash of the person's password, or null without a password (SSO only). */
export async function credentialPassword(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")));
  return row?.password ?? null;
}

/** When the session with this token (the person's own) was started. */
export async function sessionStartedAt(db: Db, userId: string, token: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.token, token)));
  return row?.createdAt ?? null;
}

export async function hasStaffRoles(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.role, "candidate")))
    .limit(1);
  return row !== undefined;
}

// ---------------------------------------------------------------------------------------------
// What "download my data" reads

export async function signInMethodsOf(db: Db, userId: string) {
  return db
    .select({ providerId: accounts.providerId, createdAt: accounts.createdAt, updatedAt: accounts.updatedAt })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .orderBy(asc(accounts.createdAt));
}

export async function sessionsOf(db: Db, userId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
      expiresAt: sessions.expiresAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt));
}

export async function membershipsOf(db: Db, userId: string) {
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
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

/** Applications, saved and proposed matches of the scope's profiles, with the vacancy. */
export async function matchesOf(db: Db, scope: CandidateScope) {
  return db
    .select({ match: matches, vacancyTitle: vacancies.displayTitle, organisation: organisations.name })
    .from(matches)
    .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(owned(scope, matches.candidateId))
    .orderBy(desc(matches.createdAt), asc(matches.id));
}

export async function messagesOf(db: Db, scope: CandidateScope) {
  return db
    .select({ message: candidateMessages, sender: users.name, organisation: organisations.name })
    .from(candidateMessages)
    .leftJoin(users, eq(users.id, candidateMessages.senderUserId))
    .leftJoin(organisations, eq(organisations.id, candidateMessages.senderOrganisationId))
    .where(owned(scope, candidateMessages.candidateId))
    .orderBy(desc(candidateMessages.createdAt), asc(candidateMessages.id));
}

export async function savedVacanciesOf(db: Db, scope: CandidateScope) {
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
    .where(owned(scope, savedVacancies.candidateId))
    .orderBy(desc(savedVacancies.createdAt));
}

/** Every opening of the scope's contact details (the candidate's own log, without a limit). */
export async function contactViewsOf(db: Db, scope: CandidateScope) {
  return db
    .select({ at: contactDetailViews.at, viewer: users.name, organisation: organisations.name })
    .from(contactDetailViews)
    .leftJoin(users, eq(users.id, contactDetailViews.viewerUserId))
    .leftJoin(organisations, eq(organisations.id, contactDetailViews.viewerOrganisationId))
    .where(owned(scope, contactDetailViews.candidateId))
    .orderBy(desc(contactDetailViews.at), desc(contactDetailViews.id));
}

/** Security events about the person: theirs, or naming one of their addresses (failed sign-ins). */
export async function auditEventsAbout(db: Db, userId: string, emails: readonly string[]) {
  const byEmail = emails.length > 0 ? inArray(sql`lower(${auditEvents.email})`, [...emails]) : undefined;
  return db
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.userId, userId), byEmail))
    .orderBy(desc(auditEvents.at), asc(auditEvents.id));
}

/** Invitations sent to one of the person's addresses. */
export async function invitationsTo(db: Db, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .select({ invitation: invitations, organisation: organisations.name, invitedBy: users.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(inArray(sql`lower(${invitations.email})`, [...emails]))
    .orderBy(desc(invitations.createdAt));
}

// ---------------------------------------------------------------------------------------------
// Anonymisation

/** Every stored file of the scope's profiles: photo, media photos, documents, application CVs. */
export async function fileKeysOf(db: Db, scope: CandidateScope): Promise<string[]> {
  if (scope.candidateIds.length === 0) return [];
  const [photo, media, documents, cvs] = await Promise.all([
    db.select({ key: candidates.photoFileKey }).from(candidates).where(owned(scope)),
    db
      .select({ key: candidatePhotos.fileKey })
      .from(candidatePhotos)
      .where(owned(scope, candidatePhotos.candidateId)),
    db
      .select({ key: candidateDocuments.fileKey })
      .from(candidateDocuments)
      .where(owned(scope, candidateDocuments.candidateId)),
    db.select({ key: matches.cvFileKey }).from(matches).where(owned(scope, matches.candidateId)),
  ]);
  return [...photo, ...media, ...documents, ...cvs].flatMap((r) => (r.key ? [r.key] : []));
}

/**
 * Empties the scope's profiles for good: every personal column, the files' rows, the contact
 * log, saved vacancies and pending account claims go; applications stay (without motivation or
 * CV) and messages stay as a log (without their text), both linked to "Geanonimiseerde
 * kandidaat". The consent history stays as it is. Call inside a transaction; the files
 * themselves are deleted after it commits.
 */
export async function anonymiseCandidateRows(tx: Db, scope: CandidateScope, now: Date): Promise<void> {
  if (scope.candidateIds.length === 0) return;
  await tx.delete(candidatePhotos).where(owned(scope, candidatePhotos.candidateId));
  await tx.delete(candidateDocuments).where(owned(scope, candidateDocuments.candidateId));
  await tx.delete(contactDetailViews).where(owned(scope, contactDetailViews.candidateId));
  await tx.delete(savedVacancies).where(owned(scope, savedVacancies.candidateId));
  await tx.delete(accountClaims).where(owned(scope, accountClaims.candidateId));
  await tx
    .update(candidateMessages)
    .set({ subject: "", body: "" })
    .where(owned(scope, candidateMessages.candidateId));
  await tx
    .update(matches)
    .set({ motivation: "", cvFileKey: null, cvFileName: null, cvContentType: null, updatedAt: now })
    .where(owned(scope, matches.candidateId));
  await tx
    .update(candidates)
    .set({
      userId: null,
      firstName: ANONYMOUS_FIRST_NAME,
      lastName: ANONYMOUS_LAST_NAME,
      email: null,
      phone: null,
      birthDate: null,
      postcode: null,
      city: null,
      lat: null,
      lon: null,
      placeId: null,
      headline: "",
      summary: "",
      desiredOccupationIds: [],
      experience: [],
      educationLevel: null,
      workLevel: null,
      drivingLicences: [],
      languages: [],
      certificates: [],
      physicalLimitations: [],
      targetGroups: [],
      transportModes: [],
      dayparts: [],
      availabilityGrid: [],
      hoursMin: null,
      hoursMax: null,
      maxTravelKm: null,
      availableFrom: null,
      visible: false,
      photoFileKey: null,
      workTypes: [],
      sectors: [],
      contactPreference: "account_manager",
      accountManagerUserId: null,
      education: [],
      courses: [],
      media: { videos: [], links: [] },
      hobbies: "",
      retentionRemindedAt: null,
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(owned(scope));
}

/** The stored file key of a profile photo URL (`/api/v1/avatars/<user>/<file>`), if it is one. */
export function avatarKey(image: string | null): string | null {
  const match = image ? /^\/api\/v1\/avatars\/([^/]+)\/([a-z0-9-]+\.(?:png|jpg|webp))$/.exec(image) : null;
  return match ? `avatars/${match[1]}/${match[2]}` : null;
}

/**
 * Makes the account unidentifiable and unusable: the users row keeps its id (applications,
 * audit events and the consent history point at it) but gets a placeholder name and address and
 * is deactivated; sign-in methods, sessions, second factors, single-use tokens, roles, rate
 * counters and outbox copies go; audit events and invitations lose the address. `emails` and
 * `phones` are every address and number the person used (lower-case; E.164 and as typed).
 */
export async function eraseAccountRows(
  tx: Db,
  user: Pick<UserRow, "id">,
  input: { erasedEmail: string; emails: readonly string[]; phones: readonly string[]; now: Date },
): Promise<void> {
  const { id } = user;
  const { erasedEmail, emails, phones, now } = input;
  await tx.delete(sessions).where(eq(sessions.userId, id));
  await tx.delete(accounts).where(eq(accounts.userId, id));
  await tx.delete(twoFactors).where(eq(twoFactors.userId, id));
  await tx.delete(memberships).where(eq(memberships.userId, id));
  await tx.delete(lastVisits).where(eq(lastVisits.userId, id));
  await tx.delete(accountClaims).where(eq(accountClaims.userId, id));
  const mentions = (column: AnyPgColumn) => [
    like(column, `%${likeEscape(id)}%`),
    ...emails.map((e) => sql`lower(${column}) like ${`%${likeEscape(e)}%`}`),
  ];
  await tx
    .delete(verifications)
    .where(or(...mentions(verifications.identifier), ...mentions(verifications.value)));
  await tx.delete(rateLimits).where(or(...mentions(rateLimits.key)));
  const aboutEmail = emails.length > 0 ? inArray(sql`lower(${auditEvents.email})`, [...emails]) : undefined;
  await tx
    .update(auditEvents)
    .set({ email: null, ipAddress: null, userAgent: null })
    .where(or(eq(auditEvents.userId, id), aboutEmail));
  if (emails.length > 0) {
    await tx
      .update(invitations)
      .set({ email: erasedEmail, personalMessage: null })
      .where(inArray(sql`lower(${invitations.email})`, [...emails]));
    await tx.delete(mailOutbox).where(inArray(sql`lower(${mailOutbox.to})`, [...emails]));
  }
  if (phones.length > 0) await tx.delete(smsOutbox).where(inArray(smsOutbox.to, [...phones]));
  await tx
    .update(users)
    .set({
      name: ANONYMOUS_NAME,
      email: erasedEmail,
      emailVerified: false,
      image: null,
      phone: null,
      postcode: null,
      twoFactorEnabled: false,
      consentEmbeddedVideo: false,
      consentResearch: false,
      deactivatedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, id));
}

/** Removes one candidate role (a staff member whose profile on that portal was anonymised). */
export async function deleteCandidateMembership(tx: Db, userId: string, portalId: string): Promise<void> {
  await tx
    .delete(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "candidate"),
        eq(memberships.portalId, portalId),
      ),
    );
}

/** Outbox copies of mail to addresses of profiles without an account. */
export async function deleteOutboxMail(tx: Db, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  await tx.delete(mailOutbox).where(inArray(sql`lower(${mailOutbox.to})`, [...emails]));
}

// ---------------------------------------------------------------------------------------------
// Retention (system-wide sweeps, like the vacancy publication job)

/** A reminder counts until the profile changes: a later change clears it. */
export async function clearRetentionReminders(db: Db): Promise<number> {
  const rows = await db
    .update(candidates)
    .set({ retentionRemindedAt: null })
    .where(
      and(
        isNotNull(candidates.retentionRemindedAt),
        isNull(candidates.anonymisedAt),
        sql`${candidates.profileUpdatedAt} > ${candidates.retentionRemindedAt}`,
      ),
    )
    .returning({ id: candidates.id });
  return rows.length;
}

/** Profiles unchanged since `staleBefore` and not reminded yet, locked (others' rows skipped). */
export async function lockDueForReminder(tx: Db, staleBefore: Date, limit: number): Promise<CandidateRow[]> {
  return tx
    .select()
    .from(candidates)
    .where(
      and(
        isNull(candidates.anonymisedAt),
        isNull(candidates.retentionRemindedAt),
        lt(candidates.profileUpdatedAt, staleBefore),
      ),
    )
    .orderBy(asc(candidates.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function markReminded(tx: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(candidates)
    .set({ retentionRemindedAt: now, updatedAt: now })
    .where(and(inArray(candidates.id, [...ids]), isNull(candidates.retentionRemindedAt)));
}

/** Profiles reminded before `remindedBefore` and unchanged since, locked (others' rows skipped). */
export async function lockDueForAnonymisation(
  tx: Db,
  remindedBefore: Date,
  limit: number,
): Promise<CandidateRow[]> {
  return tx
    .select()
    .from(candidates)
    .where(
      and(
        isNull(candidates.anonymisedAt),
        isNotNull(candidates.retentionRemindedAt),
        lt(candidates.retentionRemindedAt, remindedBefore),
        lte(candidates.profileUpdatedAt, candidates.retentionRemindedAt),
      ),
    )
    .orderBy(asc(candidates.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function usersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...ids]));
}
