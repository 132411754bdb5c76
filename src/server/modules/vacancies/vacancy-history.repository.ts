import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { users } from "../../platform/schema";
import type { TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { assertReaches, type HistoryEntry, inScope } from "./vacancies.repository";
import { vacancyHistory } from "./vacancies.schema";

export type VacancyHistoryRow = typeof vacancyHistory.$inferSelect;

/** A vacancy's history: every change, who made it, what it changed and why. */
export const vacancyHistoryRepository = repository<TenantScope>()({
  /** A change that is not a column of the vacancy (its files); changes of columns record themselves. */
  async add(
    db: Db,
    scope: TenantScope,
    vacancy: { id: string; organisationId: string },
    entry: HistoryEntry,
  ): Promise<void> {
    assertReaches(scope, vacancy.organisationId, "a history entry");
    await db.insert(vacancyHistory).values({
      vacancyId: vacancy.id,
      organisationId: vacancy.organisationId,
      ...entry,
    });
  },

  /** Newest first, with the name of who did it. */
  async list(
    db: Db,
    scope: TenantScope,
    vacancyId: string,
  ): Promise<(VacancyHistoryRow & { userName: string | null; userEmail: string | null })[]> {
    return db
      .select({
        id: vacancyHistory.id,
        vacancyId: vacancyHistory.vacancyId,
        organisationId: vacancyHistory.organisationId,
        userId: vacancyHistory.userId,
        action: vacancyHistory.action,
        changes: vacancyHistory.changes,
        comment: vacancyHistory.comment,
        at: vacancyHistory.at,
        userName: users.name,
        userEmail: users.email,
      })
      .from(vacancyHistory)
      .leftJoin(users, eq(users.id, vacancyHistory.userId))
      .where(and(eq(vacancyHistory.vacancyId, vacancyId), inScope(scope, vacancyHistory.organisationId)))
      .orderBy(desc(vacancyHistory.at), desc(vacancyHistory.id));
  },
});
