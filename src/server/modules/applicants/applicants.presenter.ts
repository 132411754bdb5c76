import type { ApplicantSummary, MailTemplate } from "../../../contracts/applicants";
import type { Labels, Phase, PhaseMeaning } from "../../../contracts/matches";
import { matchState, type PhaseRow } from "../matches";
import type { MailTemplateRow } from "./applicants.repository";

export interface SummaryRow {
  id: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  source: ApplicantSummary["source"];
  channel: string | null;
  phaseId: string;
  phaseKey: string;
  phaseLabel: Labels;
  phaseMeaning: PhaseMeaning;
  outcome: Parameters<typeof matchState>[1];
  appliedAt: Date;
  phaseSince: Date;
  hasCv: boolean;
}

export function summaryDto(row: SummaryRow): ApplicantSummary {
  return {
    id: row.id,
    candidateId: row.candidateId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    source: row.source,
    channel: row.channel,
    phase: { id: row.phaseId, key: row.phaseKey, label: row.phaseLabel },
    state: matchState({ meaning: row.phaseMeaning }, row.outcome),
    appliedAt: row.appliedAt.toISOString(),
    phaseSince: row.phaseSince.toISOString(),
    hasCv: row.hasCv,
  };
}

export function phaseDto(row: PhaseRow): Phase {
  return {
    id: row.id,
    procedureId: row.procedureId,
    key: row.key,
    position: row.position,
    label: row.label,
    visibleToContacts: row.visibleToContacts,
    outcomes: row.outcomes,
    meaning: row.meaning,
    outcomeOptions: row.outcomeOptions,
  };
}

export function templateDto(
  row: { template: MailTemplateRow; organisationName: string },
  editable: boolean,
): MailTemplate {
  const t = row.template.texts;
  const optional = (text: { subject: string; body: string } | undefined) =>
    text?.subject && text.body ? { subject: text.subject, body: text.body } : null;
  return {
    id: row.template.id,
    organisationId: row.template.organisationId,
    organisationName: row.organisationName,
    name: row.template.name,
    texts: {
      nl: t.nl ?? { subject: "", body: "" },
      en: t.en ?? { subject: "", body: "" },
      de: optional(t.de),
      fr: optional(t.fr),
    },
    createdAt: row.template.createdAt.toISOString(),
    updatedAt: row.template.updatedAt.toISOString(),
    editable,
  };
}
