import type { Access } from "../../platform/access";
import { INVOLVED_ROLES, VACANCY_STAFF_ROLES } from "../vacancies";

/**
 * Route-level access. What a caller may do with one vacancy's selection is decided per vacancy
 * (actions/context.ts): the officer manages it, its jury members score, nobody else.
 */
export const selectionResultsPolicy = {
  /** The officer's side: parts, decisions, the PV and asking approval. */
  officers: { roles: VACANCY_STAFF_ROLES },
  /** Reading and scoring: the officer and the jury (jury members, leaders, HR, selection staff). */
  participants: { roles: [...VACANCY_STAFF_ROLES, ...INVOLVED_ROLES] },
  /** "Vacatures goedkeuren": whoever was asked (HR officers and leaders of the vacancy's team). */
  approvers: { roles: [...VACANCY_STAFF_ROLES, ...INVOLVED_ROLES] },
} as const satisfies Record<string, Access>;
