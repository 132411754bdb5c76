import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { RegisteredJobSeeker, RegisterJobSeekerRequestSchema } from "../../../contracts/candidates";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { fieldMessage } from "../../platform/i18n";
import type { Mailer } from "../../platform/mail";
import { claimAccount, mailLocale } from "../../platform/mail-templates";
import { portalUrl } from "../../platform/tenancy";
import { hashPassword } from "../identity/auth";
import { checkPassword, passwordRuleMessage } from "../identity/password-policy";
import { getPlace } from "../taxonomy/reference-data";
import { accounts, memberships, portals, users } from "../tenancy/tenancy.schema";
import { candidates } from "./candidates.schema";
import type { HostPortal } from "./candidates.service";
import { accountClaims } from "./outreach.schema";

type RegisterInput = z.output<typeof RegisterJobSeekerRequestSchema>;

/** A claim link works as long as an invitation: 30 days. */
export const CLAIM_DAYS = 30;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Account managers register job seekers who cannot or do not yet register themselves
 * (municipality practice) and invite them to claim the account by choosing a password.
 */
export function createJobSeekerService(deps: { db: Db; mailer: Mailer; publicUrl: string }) {
  const { db } = deps;

  async function sendClaim(principal: Principal, candidateId: string): Promise<RegisteredJobSeeker> {
    const [candidate] = await db.select().from(candidates).where(eq(candidates.id, candidateId));
    if (!candidate?.userId) throw new AppError("not_found");
    const [user] = await db.select().from(users).where(eq(users.id, candidate.userId));
    if (!user) throw new AppError("not_found");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + CLAIM_DAYS * 86_400_000);
    await db.transaction(async (tx) => {
      // One link at a time: a new one replaces the previous.
      await tx
        .update(accountClaims)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(accountClaims.userId, user.id),
            isNull(accountClaims.claimedAt),
            isNull(accountClaims.revokedAt),
          ),
        );
      await tx.insert(accountClaims).values({
        tokenHash: hashToken(token),
        userId: user.id,
        candidateId,
        portalId: candidate.portalId,
        createdByUserId: principal.userId,
        expiresAt,
      });
    });
    const [portal] = await db.select().from(portals).where(eq(portals.id, candidate.portalId));
    const [manager] = await db.select().from(users).where(eq(users.id, principal.userId));
    const locale = mailLocale(user.locale);
    const claimUrl = new URL(
      `/account-activeren?token=${encodeURIComponent(token)}`,
      portalUrl(deps.publicUrl, portal && portal.parentId !== null ? portal.slug : null),
    ).toString();
    await deps.mailer.send({
      to: user.email,
      ...claimAccount({
        locale,
        portalName: portal ? (locale === "nl" ? portal.nameNl : portal.nameEn) : "Werkbrug",
        name: candidate.firstName,
        registeredBy: manager?.name ?? "",
        claimUrl,
        expiresOn: expiresAt,
      }),
    });
    return describe(candidateId);
  }

  async function describe(candidateId: string): Promise<RegisteredJobSeeker> {
    const [candidate] = await db.select().from(candidates).where(eq(candidates.id, candidateId));
    if (!candidate) throw new AppError("not_found");
    const [claim] = await db
      .select()
      .from(accountClaims)
      .where(eq(accountClaims.candidateId, candidateId))
      .orderBy(desc(accountClaims.createdAt))
      .limit(1);
    const status = !claim
      ? "none"
      : claim.claimedAt
        ? "claimed"
        : claim.revokedAt
          ? "revoked"
          : claim.expiresAt <= new Date()
            ? "expired"
            : "pending";
    return {
      candidateId,
      name: `${candidate.firstName} ${candidate.lastName}`.trim(),
      email: candidate.email,
      claim: { status, expiresAt: claim?.expiresAt.toISOString() ?? null },
    };
  }

  async function pendingClaim(token: string) {
    const [row] = await db
      .select({ claim: accountClaims, user: users, portal: portals })
      .from(accountClaims)
      .innerJoin(users, eq(users.id, accountClaims.userId))
      .innerJoin(portals, eq(portals.id, accountClaims.portalId))
      .where(eq(accountClaims.tokenHash, hashToken(token)));
    if (!row || row.claim.claimedAt || row.claim.revokedAt || row.claim.expiresAt <= new Date()) {
      throw new AppError("invitation_unusable");
    }
    return row;
  }

  return {
    /** Registers the job seeker on the request's portal, with the caller as account manager. */
    async register(principal: Principal, host: HostPortal, input: RegisterInput, locale: "nl" | "en") {
      const problems = [];
      const place = input.placeId ? getPlace(input.placeId) : null;
      if (input.placeId && !place)
        problems.push({ path: "placeId", message: fieldMessage("unknown_place", locale) });
      if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
      if (input.email) {
        const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
        if (existing) {
          throw new AppError("conflict", {
            message: {
              nl: "Er is al een account met dit e-mailadres. Vraag de werkzoekende zijn profiel zichtbaar te maken.",
              en: "An account with this e-mail address already exists. Ask the job seeker to make their profile visible.",
            },
            fields: [{ path: "email", message: locale === "nl" ? "Al in gebruik." : "Already in use." }],
          });
        }
      }
      const [first = input.name, ...rest] = input.name.split(/\s+/);
      const candidateId = await db.transaction(async (tx) => {
        let userId: string | null = null;
        if (input.email) {
          userId = randomUUID();
          await tx.insert(users).values({
            id: userId,
            name: input.name,
            email: input.email,
            // Confirmed when they claim the account through the link sent to this address.
            emailVerified: false,
            phone: input.phone,
          });
          await tx.insert(memberships).values({ userId, role: "candidate", portalId: host.id });
        }
        const [row] = await tx
          .insert(candidates)
          .values({
            portalId: host.id,
            userId,
            firstName: first,
            lastName: rest.join(" "),
            email: input.email,
            phone: input.phone,
            placeId: place?.id ?? null,
            city: place?.name ?? null,
            lat: place?.lat ?? null,
            lon: place?.lon ?? null,
            accountManagerUserId: principal.userId,
            contactPreference: "account_manager",
            // The job seeker decides about visibility once they use the account.
            visible: false,
          })
          .returning({ id: candidates.id });
        return row!.id;
      });
      if (input.email && input.invite) return sendClaim(principal, candidateId);
      return describe(candidateId);
    },

    /** Sends a new claim link (the previous one stops working). Only for this account manager's job seekers. */
    async resendClaim(principal: Principal, candidateId: string) {
      const [candidate] = await db.select().from(candidates).where(eq(candidates.id, candidateId));
      if (!candidate || candidate.accountManagerUserId !== principal.userId) throw new AppError("not_found");
      const [claimed] = await db
        .select()
        .from(accountClaims)
        .where(
          and(eq(accountClaims.candidateId, candidateId), eq(accountClaims.userId, candidate.userId ?? "")),
        );
      if (claimed?.claimedAt) throw new AppError("conflict");
      return sendClaim(principal, candidateId);
    },

    async preview(token: string) {
      const { claim, user, portal } = await pendingClaim(token);
      const [by] = claim.createdByUserId
        ? await db.select({ name: users.name }).from(users).where(eq(users.id, claim.createdByUserId))
        : [];
      return {
        name: user.name,
        email: user.email,
        portalName: { nl: portal.nameNl, en: portal.nameEn },
        registeredBy: by?.name ?? null,
        expiresAt: claim.expiresAt.toISOString(),
      };
    },

    /** Sets the password, confirms the address (the link came there) and uses up the link. */
    async claim(token: string, password: string, locale: "nl" | "en") {
      const { claim, user } = await pendingClaim(token);
      const check = checkPassword(password, { email: user.email });
      if (!check.ok) {
        throw new AppError("password_policy", {
          fields: check.failed.map((rule) => ({
            path: "password",
            message: passwordRuleMessage(rule, locale),
          })),
        });
      }
      const hash = await hashPassword(password);
      await db.transaction(async (tx) => {
        const used = await tx
          .update(accountClaims)
          .set({ claimedAt: new Date() })
          .where(and(eq(accountClaims.id, claim.id), isNull(accountClaims.claimedAt)))
          .returning({ id: accountClaims.id });
        if (used.length === 0) throw new AppError("invitation_unusable");
        await tx.insert(accounts).values({
          id: randomUUID(),
          userId: user.id,
          accountId: user.id,
          providerId: "credential",
          password: hash,
        });
        await tx
          .update(users)
          .set({ emailVerified: true, updatedAt: new Date() })
          .where(eq(users.id, user.id));
      });
      return { email: user.email };
    },
  };
}

export type JobSeekerService = ReturnType<typeof createJobSeekerService>;
