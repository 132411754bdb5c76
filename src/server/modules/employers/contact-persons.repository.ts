import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import {
  auditEvents,
  contactPersons,
  invitations,
  memberships,
  organisations,
  sessions,
  users,
} from "../../platform/schema";
import { reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { inScope } from "./employers.repository";

export type ContactPersonRow = typeof contactPersons.$inferSelect;
export type ContactPersonInsert = typeof contactPersons.$inferInsert;
export type InvitationRow = typeof invitations.$inferSelect;

export interface AccessFacts {
  /** Users holding the employer_contact role in these organisations, by lower-case e-mail. */
  activeByEmail: Map<string, { userId: string; lastSignInAt: Date | null }>;
  activeByUserId: Set<string>;
  /** The newest invitation per lower-case e-mail. */
  invitationByEmail: Map<string, InvitationRow>;
}

/** Whom an access-revoked mail goes to. */
export interface Recipient {
  email: string;
  name: string;
  locale: string;
}

const inFamily = (scope: TenantScope, family: readonly string[]) =>
  and(inArray(contactPersons.organisationId, [...family]), inScope(scope, contactPersons.organisationId));

async function listContacts(
  db: Db,
  scope: TenantScope,
  family: readonly string[],
): Promise<ContactPersonRow[]> {
  if (family.length === 0) return [];
  return db
    .select()
    .from(contactPersons)
    .where(inFamily(scope, family))
    .orderBy(sql`${contactPersons.userId} is null`, asc(contactPersons.createdAt), asc(contactPersons.name));
}

async function findContact(
  db: Db,
  scope: TenantScope,
  organisationId: string,
  contactId: string,
): Promise<ContactPersonRow | null> {
  const [row] = await db
    .select()
    .from(contactPersons)
    .where(
      and(
        eq(contactPersons.id, contactId),
        eq(contactPersons.organisationId, organisationId),
        inScope(scope, contactPersons.organisationId),
      ),
    );
  return row ?? null;
}

async function insertContact(
  db: Db,
  scope: TenantScope,
  row: ContactPersonInsert,
): Promise<ContactPersonRow> {
  if (!reaches(scope, row.organisationId)) throw new Error("insertContact outside the caller's employers");
  const [created] = await db.insert(contactPersons).values(row).returning();
  return created!;
}

async function updateContact(
  db: Db,
  scope: TenantScope,
  contactId: string,
  patch: Partial<ContactPersonInsert>,
): Promise<ContactPersonRow | null> {
  const [row] = await db
    .update(contactPersons)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contactPersons.id, contactId), inScope(scope, contactPersons.organisationId)))
    .returning();
  return row ?? null;
}

async function deleteContact(
  db: Db,
  scope: TenantScope,
  contactId: string,
): Promise<ContactPersonRow | null> {
  const [row] = await db
    .delete(contactPersons)
    .where(and(eq(contactPersons.id, contactId), inScope(scope, contactPersons.organisationId)))
    .returning();
  return row ?? null;
}

/** The right to manage vacancies is the contact's account's right too. */
async function setMayManageVacancies(
  db: Db,
  scope: TenantScope,
  family: readonly string[],
  userId: string,
  mayManageVacancies: boolean,
): Promise<void> {
  if (family.length === 0) return;
  await db
    .update(memberships)
    .set({ mayManageVacancies })
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "employer_contact"),
        inArray(memberships.organisationId, [...family]),
        inScope(scope, memberships.organisationId),
      ),
    );
}

/** Who in the family has the employer_contact role, and the newest invitation per address. */
async function accessFacts(db: Db, scope: TenantScope, family: readonly string[]): Promise<AccessFacts> {
  const facts: AccessFacts = {
    activeByEmail: new Map(),
    activeByUserId: new Set(),
    invitationByEmail: new Map(),
  };
  if (family.length === 0) return facts;
  const active = await db
    .select({
      userId: users.id,
      email: users.email,
      lastSignInAt: sql<Date | null>`(select max(${sessions.createdAt}) from ${sessions} where ${sessions.userId} = ${users.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.organisationId, [...family]),
        inScope(scope, memberships.organisationId),
        eq(memberships.role, "employer_contact"),
        isNull(users.deactivatedAt),
      ),
    );
  for (const a of active) {
    const last = a.lastSignInAt ? new Date(a.lastSignInAt) : null;
    facts.activeByEmail.set(a.email.toLowerCase(), { userId: a.userId, lastSignInAt: last });
    facts.activeByUserId.add(a.userId);
  }
  const invites = await db
    .select()
    .from(invitations)
    .where(
      and(
        inArray(invitations.organisationId, [...family]),
        inScope(scope, invitations.organisationId),
        eq(invitations.role, "employer_contact"),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  for (const i of invites) facts.invitationByEmail.set(i.email.toLowerCase(), i);
  return facts;
}

/**
 * Ends a contact's access to the family: their employer_contact memberships go, their sessions
 * end, an account left without any membership is deactivated, and the audit log records it.
 * Null when they held no such membership.
 */
async function endAccess(
  db: Db,
  scope: TenantScope,
  family: readonly string[],
  userId: string,
  actorUserId: string,
): Promise<{ organisationIds: string[]; recipient: Recipient | null } | null> {
  if (family.length === 0) return null;
  const held = await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, "employer_contact"),
        inArray(memberships.organisationId, [...family]),
        inScope(scope, memberships.organisationId),
      ),
    )
    .returning({ organisationId: memberships.organisationId });
  if (held.length === 0) return null;
  const remaining = await db.$count(memberships, eq(memberships.userId, userId));
  if (remaining === 0) await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  const [user] = await db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  const organisationIds = [...new Set(held.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
  await db.insert(auditEvents).values({
    id: randomUUID(),
    type: "access_revoked",
    userId,
    actorUserId,
    organisationIds,
    email: user?.email ?? null,
    details: {},
  });
  return { organisationIds, recipient: user ?? null };
}

/** The name of an organisation in scope (the employer a mail speaks of). */
async function organisationName(db: Db, scope: TenantScope, id: string): Promise<string | null> {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), inScope(scope)));
  return row?.name ?? null;
}

/** An employer's contact persons and their portal access, bound to the caller's employers. */
/** The employer's record of a contact follows the language the contact chose for their account. */
async function setLanguageOfUser(
  db: Db,
  scope: TenantScope,
  userId: string,
  language: ContactPersonRow["language"],
): Promise<number> {
  const rows = await db
    .update(contactPersons)
    .set({ language, updatedAt: new Date() })
    .where(and(eq(contactPersons.userId, userId), inScope(scope, contactPersons.organisationId)))
    .returning({ id: contactPersons.id });
  return rows.length;
}

export const contactPersonsRepository = repository<TenantScope>()({
  setLanguageOfUser,
  list: listContacts,
  find: findContact,
  insert: insertContact,
  update: updateContact,
  delete: deleteContact,
  setMayManageVacancies,
  accessFacts,
  endAccess,
  organisationName,
});
