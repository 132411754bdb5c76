import { eq } from "drizzle-orm";
import { createCaller } from "../../src/server/modules/tenancy";
import type { Db } from "../../src/server/platform/db";
import { portals } from "../../src/server/platform/schema";
import type { PortalScope } from "../../src/server/platform/scope";

/**
 * A portal's candidates as the platform administrator sees them through that portal: the
 * scope comes from the caller, as in a request (tests cannot mint scopes either).
 */
export async function portalScopeFor(db: Db, portalId: string): Promise<PortalScope> {
  const [portal] = await db.select().from(portals).where(eq(portals.id, portalId));
  if (!portal) throw new Error(`no portal ${portalId}`);
  const caller = createCaller({
    db,
    principal: { userId: "test-platform-admin", roles: ["platform_admin"] },
    portal,
  });
  const scope = await caller.portalCandidates();
  if (!scope) throw new Error("the platform administrator has no portal scope");
  return scope;
}
