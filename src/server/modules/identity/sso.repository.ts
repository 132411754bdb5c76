import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { memberships, organisations } from "../tenancy/tenancy.schema";
import { ssoConnections } from "./identity.schema";

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;

/** The e-mail domain of an address, lower-case; null when it has none. */
export function emailDomainOf(email: string): string | null {
  const at = email.trim().lastIndexOf("@");
  const domain =
    at > 0
      ? email
          .trim()
          .slice(at + 1)
          .toLowerCase()
      : "";
  return domain === "" ? null : domain;
}

/** The connection for a domain. Not scoped: it is used before anyone is known. */
export async function findSsoConnectionByDomain(db: Db, domain: string): Promise<SsoConnectionRow | null> {
  const [row] = await db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.emailDomain, domain.toLowerCase()));
  return row ?? null;
}

export async function listSsoConnections(
  db: Db,
  scope: readonly string[] | "all",
): Promise<SsoConnectionRow[]> {
  if (scope !== "all" && scope.length === 0) return [];
  return db
    .select()
    .from(ssoConnections)
    .where(scope === "all" ? undefined : inArray(ssoConnections.organisationId, [...scope]))
    .orderBy(ssoConnections.emailDomain);
}

export async function insertSsoConnection(
  db: Db,
  scope: readonly string[] | "all",
  input: Pick<SsoConnectionRow, "organisationId" | "emailDomain" | "issuer" | "clientId" | "clientSecret">,
): Promise<SsoConnectionRow | null> {
  if (scope !== "all" && !scope.includes(input.organisationId)) return null;
  const [row] = await db
    .insert(ssoConnections)
    .values({ ...input, emailDomain: input.emailDomain.toLowerCase() })
    .returning();
  return row ?? null;
}

/** Whether the user has a membership in the organisation or one of its departments. */
export async function isMemberOfOrganisationTree(
  db: Db,
  userId: string,
  organisationId: string,
): Promise<boolean> {
  const tree = [organisationId];
  let frontier = [organisationId];
  while (frontier.length > 0) {
    const children = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.parentId, frontier));
    frontier = children.map((c) => c.id).filter((id) => !tree.includes(id));
    tree.push(...frontier);
  }
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.organisationId, tree)))
    .limit(1);
  return row !== undefined;
}
