import { and, eq } from "drizzle-orm";
import type { ProcedureKind } from "../../contracts/matches";
import { procedurePhases, procedures } from "../modules/matches/matches.schema";
import { PROCEDURE_TEMPLATES } from "../modules/matches/matches.templates";
import type { Db } from "../platform/db";

/**
 * The organisation's procedure of a kind (referral, selection, ...), copied from the template
 * when it has none yet. An organisation gets all templates at once (decision 0016): all are
 * copied when it has none; else only the missing kind.
 */
export async function procedureOfKind(db: Db, organisationId: string, kind: ProcedureKind): Promise<string> {
  const [found] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.organisationId, organisationId), eq(procedures.kind, kind)));
  if (found) return found.id;
  const existing = await db.select().from(procedures).where(eq(procedures.organisationId, organisationId));
  const templates =
    existing.length === 0 ? PROCEDURE_TEMPLATES : PROCEDURE_TEMPLATES.filter((t) => t.kind === kind);
  let wanted: string | null = null;
  for (const template of templates) {
    const [made] = await db
      .insert(procedures)
      .values({
        organisationId,
        template: template.template,
        kind: template.kind,
        name: template.name,
        // Only a recruitment procedure is an organisation's default unless the demo says so.
        isDefault: template.isDefault && template.kind !== "referral",
      })
      .returning();
    await db.insert(procedurePhases).values(
      template.phases.map((phase, position) => ({
        procedureId: made!.id,
        organisationId,
        key: phase.key,
        position,
        label: phase.label,
        visibleToContacts: phase.visibleToContacts,
        outcomes: [...phase.outcomes],
        outcomeOptions: [...phase.outcomeOptions],
        meaning: phase.meaning,
      })),
    );
    if (template.kind === kind) wanted = made!.id;
  }
  return wanted!;
}

/** The calendar day (UTC) `offset` days from `now`, as YYYY-MM-DD. */
export function dayFrom(now: Date, offset: number): string {
  return new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}
