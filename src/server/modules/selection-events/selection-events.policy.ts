import { CALENDAR_FEED_ROLES } from "../../../contracts/selection-events";
import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";
import { INVOLVED_ROLES, VACANCY_STAFF_ROLES } from "../vacancies";

/**
 * Route-level access. Per event the applicants module's rule decides: whoever manages the
 * vacancy's applicants plans, invites and marks attendance; leaders and jury members on its team
 * read. Applicants reach only their own invitations; a feed's token is its own authority.
 */
export const selectionEventsPolicy = {
  planners: { roles: VACANCY_STAFF_ROLES },
  readers: { roles: [...VACANCY_STAFF_ROLES, ...INVOLVED_ROLES] },
  applicant: { roles: ["candidate"] },
  feedOwners: { roles: CALENDAR_FEED_ROLES satisfies readonly Role[] },
  feed: "public",
} as const satisfies Record<string, Access>;
