import { fromNodeHeaders } from "better-auth/node";
import type { FastifyRequest } from "fastify";
import type { Role } from "../../../contracts/tenancy";
import type { Principal } from "../../platform/access";
import { requestMemberships } from "../tenancy";
import type { Auth } from "./auth";
import { SSO_SECOND_FACTOR } from "./sso.plugin";

const isStaff = (roles: readonly Role[]) => roles.some((r) => r !== "candidate");

/** The account of the signed-in user as the session lookup read it (no second read for "who am I"). */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  image: string | null;
  locale: string;
  twoFactorEnabled: boolean;
  /** The confirmed mobile number for SMS codes (E.164), if any. */
  smsNumber: string | null;
}

const sessionUsers = new WeakMap<FastifyRequest, SessionUser>();

export function sessionUserOf(request: FastifyRequest): SessionUser | null {
  return sessionUsers.get(request) ?? null;
}

/**
 * Who signs this request: the session (better-auth) and the roles of the user's memberships.
 * The memberships are read in the statement the caller uses too (`requestMemberships`), so a
 * request reads them once.
 */
export async function resolvePrincipal(auth: Auth, request: FastifyRequest): Promise<Principal | null> {
  if (!request.headers.cookie?.includes("werkbrug.")) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  const memberships = await requestMemberships(request, session.user.id);
  const user = session.user as typeof session.user & {
    locale?: string | null;
    twoFactorEnabled?: boolean | null;
    phoneNumber?: string | null;
    phoneNumberVerified?: boolean | null;
  };
  sessionUsers.set(request, {
    id: user.id,
    name: user.name,
    email: user.email,
    image: user.image ?? null,
    locale: user.locale ?? "nl",
    twoFactorEnabled: user.twoFactorEnabled === true,
    smsNumber: (user.phoneNumberVerified && user.phoneNumber) || null,
  });
  const roles = [...new Set(memberships.map((m) => m.role))];
  const twoFactorEnabled = user.twoFactorEnabled === true;
  // Sessions from the organisation's identity provider carry its MFA (decision 0008).
  const viaSso = (session.session as { secondFactor?: string | null }).secondFactor === SSO_SECOND_FACTOR;
  return {
    userId: session.user.id,
    roles,
    needsTwoFactorSetup: isStaff(roles) && !twoFactorEnabled && !viaSso,
  };
}
