import { eq, sql } from "drizzle-orm";
import type { Db } from "../../src/server/platform/db";
import { procedureClosures } from "../../src/server/platform/schema";

/**
 * Closes a vacancy's selection procedure as "afsluiten" records it (a closure row), without its
 * mails, for tests of what a closed procedure refuses; the returned function reopens it.
 */
export async function closeProcedure(db: Db, vacancyId: string): Promise<() => Promise<void>> {
  await db.insert(procedureClosures).values({
    vacancyId,
    organisationId: sql`(select organisation_id from vacancies where id = ${vacancyId})`,
    kind: "completed",
  });
  return async () => {
    await db.delete(procedureClosures).where(eq(procedureClosures.vacancyId, vacancyId));
  };
}
