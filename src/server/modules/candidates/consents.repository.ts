import { and, asc, desc, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { users } from "../../platform/schema";
import type { OwnScope, SelfScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { assertOwned, ownedBy, ownsUser } from "./candidate-scope.repository";
import { candidateConsents } from "./privacy.schema";

/*
 * The consent log: dated, append-only history of each consent of the person's profiles. The
 * current state lives where the app reads it (portal visibility, users.consent_research).
 */

export type ConsentRow = typeof candidateConsents.$inferSelect;
export type NewConsentRow = typeof candidateConsents.$inferInsert;

/** The consent history of these profiles (of the scope's), newest first. */
async function listConsents(db: Db, scope: OwnScope, candidateIds: readonly string[]): Promise<ConsentRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .select()
    .from(candidateConsents)
    .where(
      and(
        inArray(candidateConsents.candidateId, [...candidateIds]),
        ownedBy(scope, candidateConsents.candidateId),
      ),
    )
    .orderBy(desc(candidateConsents.at), asc(candidateConsents.purpose), asc(candidateConsents.portalId));
}

/** Appends to the history; nothing ever updates or deletes a row. */
async function insertConsents(db: Db, scope: OwnScope, rows: readonly NewConsentRow[]): Promise<void> {
  if (rows.length === 0) return;
  for (const row of rows) assertOwned(scope, row.candidateId, "insertConsents");
  await db.insert(candidateConsents).values([...rows]);
}

/** The Settings switch is the current state of the research consent. */
async function setResearchConsent(db: Db, scope: SelfScope, given: boolean, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ consentResearch: given, updatedAt: now })
    .where(ownsUser(scope, users.id, scope.userId));
}

export const consentsRepository = repository<OwnScope>()({ listConsents, insertConsents });
export const researchConsentRepository = repository<SelfScope>()({ setResearchConsent });
