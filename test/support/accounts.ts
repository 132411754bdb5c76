import { eq } from "drizzle-orm";
import type { Role } from "../../src/contracts/tenancy";
import { hashPassword } from "../../src/server/modules/identity";
import { twoFactors } from "../../src/server/modules/identity/identity.schema";
import { accounts, memberships, users } from "../../src/server/modules/tenancy/tenancy.schema";
import type { Db } from "../../src/server/platform/db";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";

export interface ExtraAccount {
  id: string;
  name: string;
  email: string;
  /** A staff role in `organisationId`; none for an account without a role. */
  role?: Exclude<Role, "platform_admin" | "candidate">;
  organisationId?: string;
  mayManageVacancies?: boolean;
}

/**
 * One more staff account beside the demo's, signing in as they do: the demo password and the demo
 * TOTP secret (copied from the demo contact), so `signIn(client, email)` works for it.
 */
export async function addDemoLikeAccount(db: Db, account: ExtraAccount): Promise<void> {
  const { id, name, email } = account;
  await db.insert(users).values({ id, name, email, emailVerified: true, twoFactorEnabled: true });
  await db.insert(accounts).values({
    id: `${id}-credential`,
    userId: id,
    accountId: id,
    providerId: "credential",
    password: await hashPassword(DEMO_PASSWORD),
  });
  if (account.role && account.organisationId)
    await db.insert(memberships).values({
      userId: id,
      role: account.role,
      organisationId: account.organisationId,
      mayManageVacancies: account.mayManageVacancies ?? false,
    });
  const [totp] = await db.select().from(twoFactors).where(eq(twoFactors.userId, "demo-werkgever"));
  if (!totp) throw new Error("the demo contact's second factor is missing");
  await db.insert(twoFactors).values({ ...totp, id: `${id}-totp`, userId: id });
}
