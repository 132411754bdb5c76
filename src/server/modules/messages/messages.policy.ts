import type { Role } from "../../../contracts/tenancy";
import type { Access } from "../../platform/access";
import { AppError } from "../../platform/errors";
import type { OrgScope, PlatformScope } from "../../platform/scope";
import type { Caller } from "../tenancy";
import type { MessageViewer } from "./messages.repository";

const TEAM_ROLES: readonly Role[] = ["account_manager", "org_admin"];
const CONTACT_ROLES: readonly Role[] = ["employer_contact"];

/** Who reaches the messages: employer contacts and the team (account managers, org admins). */
export const messagesPolicy = {
  messages: { roles: [...CONTACT_ROLES, ...TEAM_ROLES] },
  /** The inbox across all contacts ("RPO-berichten") and its export. */
  team: { roles: TEAM_ROLES },
  contact: { roles: CONTACT_ROLES },
} as const satisfies Record<string, Access>;

export interface MessageContext {
  viewer: MessageViewer;
  scope: OrgScope | PlatformScope;
}

/**
 * The side the caller takes: the team when they are account manager or org admin of an
 * organisation (its threads are all employers' it keeps), else the contact person (their own
 * threads at their employers). Anyone else has no messages here.
 */
export async function messageContextOf(caller: Caller): Promise<MessageContext> {
  const userId = caller.userId();
  if (caller.hasRole(...TEAM_ROLES) && (await caller.team()).length > 0)
    return { viewer: { side: "team", userId }, scope: await caller.scopeAs(TEAM_ROLES) };
  if (caller.hasRole(...CONTACT_ROLES))
    return { viewer: { side: "contact", userId }, scope: await caller.scopeAs(CONTACT_ROLES) };
  throw new AppError("forbidden");
}

/** The first characters of a message, whitespace folded, for lists that must not open it. */
export function previewOf(body: string, length: number): { preview: string; truncated: boolean } {
  const folded = body.replace(/\s+/g, " ").trim();
  if (folded.length <= length) return { preview: folded, truncated: false };
  return { preview: `${folded.slice(0, length - 1).trimEnd()}…`, truncated: true };
}
