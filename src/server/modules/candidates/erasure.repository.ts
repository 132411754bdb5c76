import { randomUUID } from "node:crypto";
import { and, eq, inArray, like, ne, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db";
import {
  accounts,
  applicationAnswers,
  applicationDrafts,
  applicationFiles,
  auditEvents,
  invitations,
  lastVisits,
  mailOutbox,
  matchEvaluations,
  matches,
  matchHistory,
  memberships,
  rateLimits,
  sessions,
  smsOutbox,
  timesheetDigestItems,
  timesheetLog,
  timesheetMailSettings,
  timesheets,
  twoFactors,
  users,
  verifications,
} from "../../platform/schema";
import type { OwnScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { consumeRate, type RateRule } from "../identity";
import { ownedBy, ownsUser } from "./candidate-scope.repository";
import type { UserRow } from "./candidates.repository";
import { candidateDocuments, candidatePhotos, candidates, contactDetailViews } from "./candidates.schema";
import { accountClaims, candidateMessages, savedVacancies } from "./outreach.schema";

/*
 * Erasure: anonymising profiles and accounts, for "delete my account" (SelfScope) and the
 * retention job (PlatformScope). Profiles are given by id and must be the scope's; the account
 * by user id and must be the scope's person.
 */

/** What an anonymised person is called everywhere staff still see them (applications). */
export const ANONYMOUS_FIRST_NAME = "Geanonimiseerde";
export const ANONYMOUS_LAST_NAME = "kandidaat";
export const ANONYMOUS_NAME = `${ANONYMOUS_FIRST_NAME} ${ANONYMOUS_LAST_NAME}`;

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** WHERE: these profiles, each one of the scope's. */
function these(scope: OwnScope, column: AnyPgColumn, candidateIds: readonly string[]): SQL {
  if (candidateIds.length === 0) return sql`false`;
  return and(inArray(column, [...candidateIds]), ownedBy(scope, column))!;
}

// ---------------------------------------------------------------------------------------------
// The person

/**
 * The user row, locked until the transaction ends (one anonymisation of a person at a time).
 * With `skipLocked`, null when someone else holds it (the retention sweep then leaves the person
 * for its next run rather than wait while holding their profiles, which could deadlock).
 */
async function lockUser(
  db: Db,
  scope: OwnScope,
  userId: string,
  options: { skipLocked?: boolean } = {},
): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(ownsUser(scope, users.id, userId))
    .for("update", options.skipLocked ? { skipLocked: true } : {});
  return row ?? null;
}

async function hasStaffRoles(db: Db, scope: OwnScope, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(ownsUser(scope, memberships.userId, userId), ne(memberships.role, "candidate")))
    .limit(1);
  return row !== undefined;
}

/** The argon2id hash of the person's password, or null without a password (SSO only). */
async function credentialPassword(db: Db, scope: SelfScope): Promise<string | null> {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, scope.userId), eq(accounts.providerId, "credential")));
  return row?.password ?? null;
}

/** When the person's session with this token was started. */
async function sessionStartedAt(db: Db, scope: SelfScope, token: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.userId, scope.userId), eq(sessions.token, token)));
  return row?.createdAt ?? null;
}

/** Password attempts on "delete my account", per person. */
const ERASE_ATTEMPTS: RateRule = { window: 15 * 60, max: 5 };

/** One password attempt on "delete my account" (the identity module's rate counter, per person). */
async function consumeEraseAttempt(db: Db, scope: SelfScope): Promise<boolean> {
  return (await consumeRate(db, `erase:${scope.userId}`, ERASE_ATTEMPTS)).allowed;
}

// ---------------------------------------------------------------------------------------------
// Profiles

/** Every stored file of these profiles: photo, media photos, documents, application CVs. */
async function fileKeysOf(db: Db, scope: OwnScope, candidateIds: readonly string[]): Promise<string[]> {
  if (candidateIds.length === 0) return [];
  const [photo, media, documents, cvs, formFiles] = await Promise.all([
    db
      .select({ key: candidates.photoFileKey })
      .from(candidates)
      .where(these(scope, candidates.id, candidateIds)),
    db
      .select({ key: candidatePhotos.fileKey })
      .from(candidatePhotos)
      .where(these(scope, candidatePhotos.candidateId, candidateIds)),
    db
      .select({ key: candidateDocuments.fileKey })
      .from(candidateDocuments)
      .where(these(scope, candidateDocuments.candidateId, candidateIds)),
    db
      .select({ key: matches.cvFileKey })
      .from(matches)
      .where(these(scope, matches.candidateId, candidateIds)),
    // The forms module's uploads for application forms (the CV among them is also a match's CV).
    db
      .select({ key: applicationFiles.fileKey })
      .from(applicationFiles)
      .where(these(scope, applicationFiles.candidateId, candidateIds)),
  ]);
  return [
    ...new Set(
      [...photo, ...media, ...documents, ...cvs, ...formFiles].flatMap((r) => (r.key ? [r.key] : [])),
    ),
  ];
}

/**
 * Empties these profiles for good: every personal column, the files' rows, the contact log,
 * saved vacancies and pending account claims go; applications stay (without motivation or CV,
 * their steps and verdicts without comments), placements' weeks of hours stay (without remarks
 * or comments) and messages stay as a log (without their text), all linked to "Geanonimiseerde
 * kandidaat".
 * The consent history stays as it is. Call inside a transaction; the files themselves are
 * deleted after it commits.
 */
async function anonymiseCandidateRows(
  db: Db,
  scope: OwnScope,
  candidateIds: readonly string[],
  now: Date,
): Promise<void> {
  if (candidateIds.length === 0) return;
  const of = (column: AnyPgColumn) => these(scope, column, candidateIds);
  await db.delete(candidatePhotos).where(of(candidatePhotos.candidateId));
  await db.delete(candidateDocuments).where(of(candidateDocuments.candidateId));
  await db.delete(contactDetailViews).where(of(contactDetailViews.candidateId));
  await db.delete(savedVacancies).where(of(savedVacancies.candidateId));
  await db.delete(accountClaims).where(of(accountClaims.candidateId));
  await db.update(candidateMessages).set({ subject: "", body: "" }).where(of(candidateMessages.candidateId));
  // The matches module's rows: the application stays, what the person wrote and sent goes.
  await db
    .update(matches)
    .set({ motivation: "", cvFileKey: null, cvFileName: null, cvContentType: null, updatedAt: now })
    .where(of(matches.candidateId));
  // The forms module's rows: drafts and uploads go, a submitted form's answers (a register number,
  // what the person wrote) are emptied while the application keeps its form version.
  await db.delete(applicationDrafts).where(of(applicationDrafts.candidateId));
  await db.delete(applicationFiles).where(of(applicationFiles.candidateId));
  await db
    .update(applicationAnswers)
    .set({ answers: {} })
    .where(
      inArray(
        applicationAnswers.matchId,
        db.select({ id: matches.id }).from(matches).where(of(matches.candidateId)),
      ),
    );
  // What staff wrote about the person on those matches (step comments, verdicts' comments) is
  // about them too: the steps and verdicts stay as the procedure's record, their text goes.
  const theirMatches = db.select({ id: matches.id }).from(matches).where(of(matches.candidateId));
  await db.update(matchHistory).set({ comment: null }).where(inArray(matchHistory.matchId, theirMatches));
  await db
    .update(matchEvaluations)
    .set({ comment: "" })
    .where(inArray(matchEvaluations.matchId, theirMatches));
  // The placements module's weeks of hours are payroll records and stay with their hours; the
  // remark the person wrote goes, and so does what the approvers wrote about them (the decision's
  // comment and the log's), as with the matches' comments.
  await db
    .update(timesheets)
    .set({ remark: "", decisionComment: null, updatedAt: now })
    .where(of(timesheets.candidateId));
  const theirWeeks = db.select({ id: timesheets.id }).from(timesheets).where(of(timesheets.candidateId));
  await db.update(timesheetLog).set({ comment: null }).where(inArray(timesheetLog.timesheetId, theirWeeks));
  await db
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
    .where(of(candidates.id));
}

/** Outbox copies of mail to addresses of these profiles (without an account that stays). */
async function deleteOutboxMail(db: Db, _scope: OwnScope, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  await db.delete(mailOutbox).where(inArray(sql`lower(${mailOutbox.to})`, [...emails]));
}

// ---------------------------------------------------------------------------------------------
// The account

/**
 * Makes the account unidentifiable and unusable: the users row keeps its id (applications,
 * audit events and the consent history point at it) but gets a placeholder name and address and
 * is deactivated; sign-in methods, sessions, second factors, single-use tokens, roles, rate
 * counters, timesheet mail settings and digest items, and outbox copies go; audit events and invitations lose the address. `emails` and
 * `phones` are every address and number the person used (lower-case; E.164 and as typed).
 */
async function eraseAccountRows(
  db: Db,
  scope: OwnScope,
  userId: string,
  input: { emails: readonly string[]; phones: readonly string[]; now: Date },
): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(ownsUser(scope, users.id, userId));
  if (!user) throw new Error("eraseAccountRows for another person");
  const { id } = user;
  const { emails, phones, now } = input;
  const erasedEmail = `erased-${randomUUID()}@invalid`;
  await db.delete(sessions).where(eq(sessions.userId, id));
  await db.delete(accounts).where(eq(accounts.userId, id));
  await db.delete(twoFactors).where(eq(twoFactors.userId, id));
  await db.delete(memberships).where(eq(memberships.userId, id));
  await db.delete(lastVisits).where(eq(lastVisits.userId, id));
  await db.delete(accountClaims).where(eq(accountClaims.userId, id));
  await db.delete(timesheetMailSettings).where(eq(timesheetMailSettings.userId, id));
  await db.delete(timesheetDigestItems).where(eq(timesheetDigestItems.userId, id));
  const mentions = (column: AnyPgColumn) => [
    like(column, `%${likeEscape(id)}%`),
    ...emails.map((e) => sql`lower(${column}) like ${`%${likeEscape(e)}%`}`),
  ];
  await db
    .delete(verifications)
    .where(or(...mentions(verifications.identifier), ...mentions(verifications.value)));
  await db.delete(rateLimits).where(or(...mentions(rateLimits.key)));
  const aboutEmail = emails.length > 0 ? inArray(sql`lower(${auditEvents.email})`, [...emails]) : undefined;
  await db
    .update(auditEvents)
    .set({ email: null, ipAddress: null, userAgent: null })
    .where(or(eq(auditEvents.userId, id), aboutEmail));
  if (emails.length > 0) {
    await db
      .update(invitations)
      .set({ email: erasedEmail, personalMessage: null })
      .where(inArray(sql`lower(${invitations.email})`, [...emails]));
    await db.delete(mailOutbox).where(inArray(sql`lower(${mailOutbox.to})`, [...emails]));
  }
  if (phones.length > 0) await db.delete(smsOutbox).where(inArray(smsOutbox.to, [...phones]));
  await db
    .update(users)
    .set({
      name: ANONYMOUS_NAME,
      email: erasedEmail,
      emailVerified: false,
      image: null,
      phone: null,
      phoneNumber: null,
      phoneNumberVerified: false,
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
async function deleteCandidateMembership(db: Db, scope: OwnScope, userId: string, portalId: string) {
  await db
    .delete(memberships)
    .where(
      and(
        ownsUser(scope, memberships.userId, userId),
        eq(memberships.role, "candidate"),
        eq(memberships.portalId, portalId),
      ),
    );
}

/** The security log's entry for an erased account (in the erasure's transaction). */
async function recordAccountErased(
  db: Db,
  scope: OwnScope,
  userId: string,
  input: { actorUserId: string | null; details: Record<string, unknown> },
): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(ownsUser(scope, users.id, userId));
  if (!user) throw new Error("recordAccountErased for another person");
  await db.insert(auditEvents).values({
    id: randomUUID(),
    type: "account_erased",
    userId: user.id,
    actorUserId: input.actorUserId,
    organisationIds: [],
    details: input.details,
  });
}

export const erasureRepository = repository<OwnScope>()({
  lockUser,
  hasStaffRoles,
  fileKeysOf,
  anonymiseCandidateRows,
  deleteOutboxMail,
  eraseAccountRows,
  deleteCandidateMembership,
  recordAccountErased,
});

export const eraseCheckRepository = repository<SelfScope>()({
  credentialPassword,
  sessionStartedAt,
  consumeEraseAttempt,
});
