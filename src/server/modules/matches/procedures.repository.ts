import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { type Db, inTenant } from "../../platform/db";
import { organisations, vacancies } from "../../platform/schema";
import { reaches, type SelfScope, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { matches, matchHistory, procedurePhases, procedures } from "./matches.schema";
import { PROCEDURE_TEMPLATES } from "./matches.templates";

export type ProcedureRow = typeof procedures.$inferSelect;
export type PhaseRow = typeof procedurePhases.$inferSelect;
export interface ProcedureWithPhases extends ProcedureRow {
  phases: PhaseRow[];
}

async function withPhases(db: Db, rows: ProcedureRow[]): Promise<ProcedureWithPhases[]> {
  if (rows.length === 0) return [];
  const phases = await db
    .select()
    .from(procedurePhases)
    .where(
      inArray(
        procedurePhases.procedureId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(procedurePhases.position));
  return rows.map((r) => ({ ...r, phases: phases.filter((p) => p.procedureId === r.id) }));
}

/**
 * Copies the shipped templates into each of these organisations that has no procedure yet
 * (decision 0016: organisations made after migration 0018 get them on first use). Idempotent
 * and safe when two requests race: the unique (organisation, template) key lets one insert win.
 * A candidate's application may be the first use, hence the candidate's own scope is accepted
 * too; it copies configuration only and reveals nothing.
 */
async function ensureProcedures(db: Db, scope: TenantScope | SelfScope, organisationIds: readonly string[]) {
  const ids =
    scope.kind === "self" ? [...organisationIds] : organisationIds.filter((id) => reaches(scope, id));
  if (ids.length === 0) return;
  const missing = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        inArray(organisations.id, ids),
        notExists(
          db.select({ one: sql`1` }).from(procedures).where(eq(procedures.organisationId, organisations.id)),
        ),
      ),
    );
  if (missing.length === 0) return;
  const created = await db
    .insert(procedures)
    .values(
      missing.flatMap((o) =>
        PROCEDURE_TEMPLATES.map((t) => ({
          organisationId: o.id,
          template: t.template,
          kind: t.kind,
          name: t.name,
          isDefault: t.isDefault,
        })),
      ),
    )
    .onConflictDoNothing()
    .returning();
  const phases = created.flatMap((p) =>
    (PROCEDURE_TEMPLATES.find((t) => t.template === p.template)?.phases ?? []).map((phase, position) => ({
      procedureId: p.id,
      organisationId: p.organisationId,
      key: phase.key,
      position,
      label: phase.label,
      visibleToContacts: phase.visibleToContacts,
      outcomes: [...phase.outcomes],
      meaning: phase.meaning,
      outcomeOptions: [...phase.outcomeOptions],
    })),
  );
  if (phases.length > 0) await db.insert(procedurePhases).values(phases);
}

export const templatesRepository = repository<TenantScope | SelfScope>()({ ensureProcedures });

/**
 * The procedure a vacancy's matches follow: its own choice, else its organisation's default.
 * For a candidate applying to a vacancy they were shown (the caller checked it is visible).
 */
async function procedureOfVacancy(
  db: Db,
  scope: TenantScope | SelfScope,
  vacancy: { organisationId: string; procedureId: string | null },
): Promise<ProcedureWithPhases | null> {
  if (scope.kind !== "self" && !reaches(scope, vacancy.organisationId)) return null;
  const rows = await db
    .select()
    .from(procedures)
    .where(
      and(
        eq(procedures.organisationId, vacancy.organisationId),
        vacancy.procedureId ? eq(procedures.id, vacancy.procedureId) : eq(procedures.isDefault, true),
      ),
    )
    .limit(1);
  return (await withPhases(db, rows))[0] ?? null;
}

export const vacancyProcedureRepository = repository<TenantScope | SelfScope>()({ procedureOfVacancy });

export const proceduresRepository = repository<TenantScope>()({
  /** The procedures of these organisations (those the scope reaches), default first. */
  async list(db, scope, organisationIds: readonly string[]): Promise<ProcedureWithPhases[]> {
    const ids = organisationIds.filter((id) => reaches(scope, id));
    if (ids.length === 0) return [];
    const rows = await db
      .select()
      .from(procedures)
      .where(inArray(procedures.organisationId, ids))
      .orderBy(asc(procedures.organisationId), sql`${procedures.isDefault} desc`, asc(procedures.createdAt));
    return withPhases(db, rows);
  },

  async find(db, scope, id: string): Promise<ProcedureWithPhases | null> {
    const rows = await db
      .select()
      .from(procedures)
      .where(and(eq(procedures.id, id), inTenant(scope, procedures.organisationId)))
      .limit(1);
    return (await withPhases(db, rows))[0] ?? null;
  },

  /** Several procedures by id (the ones a vacancy's matches are in). */
  async byIds(db, scope, ids: readonly string[]): Promise<ProcedureWithPhases[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select()
      .from(procedures)
      .where(and(inArray(procedures.id, [...ids]), inTenant(scope, procedures.organisationId)));
    return withPhases(db, rows);
  },

  /** Whether the vacancy has matches in a procedure other than this one. */
  async vacancyHasMatchesOutside(db, scope, vacancyId: string, procedureId: string): Promise<boolean> {
    const [row] = await db
      .select({ one: sql`1` })
      .from(matches)
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          sql`${matches.procedureId} <> ${procedureId}`,
          inTenant(scope, matches.organisationId),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /**
   * Sets the vacancy's procedure (null: the organisation's default). The vacancies module owns
   * the row; this column is the matches module's (decision 0016).
   */
  async setVacancyProcedure(db, scope, vacancyId: string, procedureId: string | null): Promise<boolean> {
    const updated = await db
      .update(vacancies)
      .set({ procedureId })
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .returning({ id: vacancies.id });
    return updated.length > 0;
  },
});

/** A phase as an organisation edits it: an existing one by id, or a new one (id null). */
export interface PhaseEdit {
  id: string | null;
  label: PhaseRow["label"];
  outcomeOptions: PhaseRow["outcomeOptions"];
}

/** Editing an organisation's own copy of a procedure (rename, add, reorder, remove phases). */
export const procedureEditsRepository = repository<TenantScope>()({
  /** The organisation's procedure copied from this template. */
  async ofTemplate(db, scope, organisationId: string, template: string): Promise<ProcedureWithPhases | null> {
    if (!reaches(scope, organisationId)) return null;
    const rows = await db
      .select()
      .from(procedures)
      .where(and(eq(procedures.organisationId, organisationId), eq(procedures.template, template)))
      .limit(1);
    return (await withPhases(db, rows))[0] ?? null;
  },

  /** The ids of these phases that a match is in or ever stepped into: they cannot be removed. */
  async phasesInUse(db, scope, phaseIds: readonly string[]): Promise<string[]> {
    if (phaseIds.length === 0) return [];
    const rows = await db
      .select({ id: procedurePhases.id })
      .from(procedurePhases)
      .where(
        and(
          inArray(procedurePhases.id, [...phaseIds]),
          inTenant(scope, procedurePhases.organisationId),
          sql`(exists (select 1 from ${matches} m where m.phase_id = ${procedurePhases.id})
            or exists (select 1 from ${matchHistory} h
              where h.to_phase_id = ${procedurePhases.id} or h.from_phase_id = ${procedurePhases.id}))`,
        ),
      );
    return rows.map((r) => r.id);
  },

  /**
   * Puts the procedure's phases in the given order: `middle` between the phases that stay first
   * and last (`head`, `tail`), renaming existing ones, adding new ones (with `keyOf`), and
   * deleting `removed` (the caller checked they are unused). Positions are rewritten in full.
   */
  async replacePhases(
    db,
    scope,
    procedure: Pick<ProcedureRow, "id" | "organisationId">,
    plan: {
      head: readonly string[];
      middle: readonly PhaseEdit[];
      tail: readonly string[];
      removed: readonly string[];
      template: Pick<PhaseRow, "visibleToContacts" | "outcomes" | "meaning">;
      keyOf: (index: number) => string;
    },
  ): Promise<void> {
    if (!reaches(scope, procedure.organisationId)) throw new Error("procedure outside the scope");
    const mine = and(
      eq(procedurePhases.procedureId, procedure.id),
      eq(procedurePhases.organisationId, procedure.organisationId),
    );
    if (plan.removed.length > 0)
      await db.delete(procedurePhases).where(and(mine, inArray(procedurePhases.id, [...plan.removed])));
    let position = 0;
    for (const id of plan.head)
      await db
        .update(procedurePhases)
        .set({ position: position++ })
        .where(and(mine, eq(procedurePhases.id, id)));
    for (const [index, phase] of plan.middle.entries()) {
      if (phase.id) {
        await db
          .update(procedurePhases)
          .set({ position: position++, label: phase.label, outcomeOptions: phase.outcomeOptions })
          .where(and(mine, eq(procedurePhases.id, phase.id)));
      } else {
        await db.insert(procedurePhases).values({
          procedureId: procedure.id,
          organisationId: procedure.organisationId,
          key: plan.keyOf(index),
          position: position++,
          label: phase.label,
          visibleToContacts: plan.template.visibleToContacts,
          outcomes: [...plan.template.outcomes],
          meaning: plan.template.meaning,
          outcomeOptions: phase.outcomeOptions,
        });
      }
    }
    for (const id of plan.tail)
      await db
        .update(procedurePhases)
        .set({ position: position++ })
        .where(and(mine, eq(procedurePhases.id, id)));
  },
});
