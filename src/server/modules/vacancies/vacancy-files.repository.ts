import { and, asc, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import { matches, organisations } from "../../platform/schema";
import type { TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { assertReaches, inScope, type VacancyAttachmentRow } from "./vacancies.repository";
import { vacancies, vacancyAttachments, vacancyViews } from "./vacancies.schema";

/** A vacancy's files (attachments, its image) and its click report. */
export const vacancyFilesRepository = repository<TenantScope>()({
  async attachment(
    db: Db,
    scope: TenantScope,
    vacancyId: string,
    attachmentId: string,
  ): Promise<VacancyAttachmentRow | null> {
    const [row] = await db
      .select()
      .from(vacancyAttachments)
      .where(
        and(
          eq(vacancyAttachments.id, attachmentId),
          eq(vacancyAttachments.vacancyId, vacancyId),
          inScope(scope, vacancyAttachments.organisationId),
        ),
      );
    return row ?? null;
  },

  /** The stored files of the vacancy's attachments (to remove with it). */
  async attachmentKeys(db: Db, scope: TenantScope, vacancyId: string): Promise<string[]> {
    const rows = await db
      .select({ key: vacancyAttachments.fileKey })
      .from(vacancyAttachments)
      .where(
        and(eq(vacancyAttachments.vacancyId, vacancyId), inScope(scope, vacancyAttachments.organisationId)),
      )
      .orderBy(asc(vacancyAttachments.createdAt));
    return rows.map((r) => r.key);
  },

  async insertAttachment(
    db: Db,
    scope: TenantScope,
    row: typeof vacancyAttachments.$inferInsert,
  ): Promise<VacancyAttachmentRow> {
    assertReaches(scope, row.organisationId, "an attachment");
    const [created] = await db.insert(vacancyAttachments).values(row).returning();
    return created!;
  },

  async deleteAttachment(
    db: Db,
    scope: TenantScope,
    vacancyId: string,
    attachmentId: string,
  ): Promise<VacancyAttachmentRow | null> {
    const [row] = await db
      .delete(vacancyAttachments)
      .where(
        and(
          eq(vacancyAttachments.id, attachmentId),
          eq(vacancyAttachments.vacancyId, vacancyId),
          inScope(scope, vacancyAttachments.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  /** The file key of the vacancy's image: its own, else its organisation's logo. */
  async imageKey(db: Db, scope: TenantScope, vacancyId: string): Promise<{ key: string | null } | null> {
    const [row] = await db
      .select({
        organisationId: vacancies.organisationId,
        key: sql<string | null>`coalesce(${vacancies.imageFileKey}, ${organisations.logoFileKey})`,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, vacancyId), inScope(scope)));
    return row ? { key: row.key } : null;
  },

  /** Views and applications per source of one vacancy of the scope. */
  async sources(
    db: Db,
    scope: TenantScope,
    vacancyId: string,
  ): Promise<{ source: string; views: number; applications: number }[]> {
    const rows = await queryRows<{ source: string; views: string | number; applications: string | number }>(
      db,
      sql`select source, sum(views) as views, sum(applications) as applications from (
        select ${vacancyViews.source} as source, count(*) as views, 0 as applications
          from ${vacancyViews} where ${vacancyViews.vacancyId} = ${vacancyId} and ${vacancyViews.channel} <> 'apply' group by 1
        union all
        select coalesce(${matches.channelSource}, 'direct') as source, 0 as views, count(*) as applications
          from ${matches} where ${matches.vacancyId} = ${vacancyId} and ${matches.source} = 'applied' group by 1
      ) s
      where exists (select 1 from ${vacancies} where ${and(eq(vacancies.id, vacancyId), inScope(scope))})
      group by source order by sum(views) desc, source`,
    );
    return rows.map((r) => ({
      source: r.source,
      views: Number(r.views),
      applications: Number(r.applications),
    }));
  },
});
