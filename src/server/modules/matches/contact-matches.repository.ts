import { and, desc, eq } from "drizzle-orm";
import { inTenant } from "../../platform/db";
import { candidates, vacancies } from "../../platform/schema";
import type { TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { candidateName, everVisibleToContacts, vacancyColumns } from "./matches.repository";
import { matches, procedurePhases } from "./matches.schema";

/** Matches in the caller's organisations with what the visibility rule needs, newest first. */
export const contactMatchesRepository = repository<TenantScope>()({
  async listInScope(db, scope, limit: number) {
    return db
      .select({
        id: matches.id,
        organisationId: matches.organisationId,
        candidateName,
        vacancy: vacancyColumns,
        everVisible: everVisibleToContacts,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(and(inTenant(scope, matches.organisationId)))
      .orderBy(desc(matches.phaseSince), desc(matches.id))
      .limit(limit);
  },
});
