import type { Access } from "../../platform/access";
import { VACANCY_STAFF_ROLES } from "../vacancies";

/** The roles that build application forms and keep templates (Vlimpers: selectieverantwoordelijke). */
export const FORM_BUILDER_ROLES = ["selection_officer", "org_admin"] as const;

/** Route-level access; which vacancies' forms a caller reads or changes follows the vacancies module. */
export const formsPolicy = {
  templates: { roles: ["platform_admin", ...FORM_BUILDER_ROLES] },
  staff: { roles: VACANCY_STAFF_ROLES },
  candidate: { roles: ["candidate"] },
} as const satisfies Record<string, Access>;
