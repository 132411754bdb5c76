import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { RegisteredJobSeeker, RegisterJobSeekerRequestSchema } from "../../../../contracts/candidates";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import { type PortalScope, publicScope } from "../../../platform/scope";
import type { Store, TxStore } from "../../../platform/store";
import { checkPassword, hashPassword, passwordRuleMessage } from "../../identity";
import { getPlace } from "../../taxonomy";
import type { Caller } from "../../tenancy";
import { CANDIDATE_EVENTS, hashClaimToken, sealClaimToken } from "../candidates.events";
import { newProfilesRepository } from "../candidates.repository";
import {
  type AccountClaimRow,
  accountClaimsRepository,
  jobSeekersRepository,
} from "../job-seekers.repository";

type RegisterInput = z.output<typeof RegisterJobSeekerRequestSchema>;

/** A claim link works as long as an invitation: 30 days. */
export const CLAIM_DAYS = 30;

export interface JobSeekerDeps {
  store: Store;
  /** The app's secret, which seals the claim link on its way to the mail subscriber. */
  secret: string;
}

function claimStatus(claim: AccountClaimRow | null): RegisteredJobSeeker["claim"]["status"] {
  if (!claim) return "none";
  if (claim.claimedAt) return "claimed";
  if (claim.revokedAt) return "revoked";
  return claim.expiresAt <= new Date() ? "expired" : "pending";
}

/**
 * Account managers register job seekers who cannot or do not yet register themselves
 * (municipality practice) on the portal their organisation is at home on, and invite them to
 * claim the account by choosing a password. The link's mail is sent by a subscriber of
 * `job_seeker.invited`.
 */
export function jobSeekerActions(deps: JobSeekerDeps) {
  const { store } = deps;

  /** A new claim link in the caller's transaction; the previous one stops working. */
  async function invite(
    tx: TxStore,
    scope: PortalScope,
    caller: Caller,
    candidate: { id: string; portalId: string; userId: string },
  ): Promise<void> {
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    const repo = tx.bind(scope, jobSeekersRepository);
    await repo.revokeOpenClaims(candidate.userId, now);
    const claim = await repo.insertClaim({
      tokenHash: hashClaimToken(token),
      userId: candidate.userId,
      candidateId: candidate.id,
      portalId: candidate.portalId,
      createdByUserId: caller.userId(),
      expiresAt: new Date(now.getTime() + CLAIM_DAYS * 86_400_000),
    });
    await tx.emit({
      type: CANDIDATE_EVENTS.jobSeekerInvited,
      organisationId: scope.organisationId,
      portalId: candidate.portalId,
      subject: { candidateId: candidate.id, userId: candidate.userId, claimId: claim.id },
      actorUserId: caller.userId(),
      payload: {
        claimId: claim.id,
        link: await sealClaimToken(deps.secret, token),
        expiresAt: claim.expiresAt.toISOString(),
      },
    });
  }

  async function describe(
    scope: PortalScope,
    caller: Caller,
    candidateId: string,
  ): Promise<RegisteredJobSeeker> {
    const repo = store.bind(scope, jobSeekersRepository);
    const candidate = await repo.managedProfile(candidateId, caller.userId());
    if (!candidate) throw new AppError("not_found");
    const { latest } = await repo.claimsOf(candidateId);
    return {
      candidateId,
      name: `${candidate.firstName} ${candidate.lastName}`.trim(),
      email: candidate.email,
      claim: { status: claimStatus(latest), expiresAt: latest?.expiresAt.toISOString() ?? null },
    };
  }

  async function pendingClaim(token: string) {
    const found = await store
      .bind(publicScope, accountClaimsRepository)
      .claimByTokenHash(hashClaimToken(token));
    if (!found || claimStatus(found.claim) !== "pending") throw new AppError("invitation_unusable");
    return found;
  }

  return {
    /** Registers the job seeker on the request's portal, with the caller as account manager. */
    async register(caller: Caller, input: RegisterInput, locale: "nl" | "en"): Promise<RegisteredJobSeeker> {
      const scope = await caller.portalCandidates();
      if (!scope) throw new AppError("forbidden");
      const problems: FieldError[] = [];
      const place = input.placeId ? getPlace(input.placeId) : null;
      if (input.placeId && !place)
        problems.push({ path: "placeId", message: fieldMessage("unknown_place", locale) });
      if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
      if (input.email && (await store.bind(publicScope, accountClaimsRepository).emailInUse(input.email))) {
        throw new AppError("conflict", {
          message: {
            nl: "Er is al een account met dit e-mailadres. Vraag de werkzoekende zijn profiel zichtbaar te maken.",
            en: "An account with this e-mail address already exists. Ask the job seeker to make their profile visible.",
            de: "Es gibt bereits ein Konto mit dieser E-Mail-Adresse. Bitten Sie die arbeitsuchende Person, ihr Profil sichtbar zu machen.",
            fr: "Un compte existe déjà avec cette adresse e-mail. Demandez au demandeur d'emploi de rendre son profil visible.",
          },
          fields: [{ path: "email", message: locale === "nl" ? "Al in gebruik." : "Already in use." }],
        });
      }
      const [first = input.name, ...rest] = input.name.split(/\s+/);
      const candidateId = await store.transaction(async (tx) => {
        const userId = input.email
          ? await tx
              .bind(scope, jobSeekersRepository)
              .insertJobSeekerAccount({ name: input.name, email: input.email, phone: input.phone })
          : null;
        const row = await tx.bind(scope, newProfilesRepository).insertProfile({
          portalId: scope.portalId,
          userId,
          firstName: first,
          lastName: rest.join(" "),
          email: input.email,
          phone: input.phone,
          placeId: place?.id ?? null,
          city: place?.name ?? null,
          lat: place?.lat ?? null,
          lon: place?.lon ?? null,
          accountManagerUserId: caller.userId(),
          contactPreference: "account_manager",
          // The job seeker decides about visibility once they use the account.
          visible: false,
        });
        const invited = userId !== null && input.invite;
        await tx.emit({
          type: CANDIDATE_EVENTS.jobSeekerRegistered,
          organisationId: scope.organisationId,
          portalId: row.portalId,
          subject: { candidateId: row.id, ...(userId ? { userId } : {}) },
          actorUserId: caller.userId(),
          payload: { withAccount: userId !== null, invited },
        });
        if (userId && invited)
          await invite(tx, scope, caller, { id: row.id, portalId: row.portalId, userId });
        return row.id;
      });
      return describe(scope, caller, candidateId);
    },

    /** Sends a new claim link (the previous one stops working). Only for this account manager's job seekers. */
    async resendClaim(caller: Caller, candidateId: string): Promise<RegisteredJobSeeker> {
      const scope = await caller.portalCandidates();
      if (!scope) throw new AppError("not_found");
      const repo = store.bind(scope, jobSeekersRepository);
      const candidate = await repo.managedProfile(candidateId, caller.userId());
      if (!candidate) throw new AppError("not_found");
      if ((await repo.claimsOf(candidateId)).claimed) throw new AppError("conflict");
      const userId = candidate.userId;
      if (!userId) throw new AppError("not_found");
      await store.transaction((tx) =>
        invite(tx, scope, caller, { id: candidate.id, portalId: candidate.portalId, userId }),
      );
      return describe(scope, caller, candidateId);
    },

    /** What a claim link is for, before the person chooses a password. */
    async preview(token: string) {
      const { claim, user, portal, registeredBy } = await pendingClaim(token);
      return {
        name: user.name,
        email: user.email,
        portalName: { nl: portal.nameNl, en: portal.nameEn },
        registeredBy,
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
      await store.transaction(async (tx) => {
        const now = new Date();
        if (!(await tx.bind(publicScope, accountClaimsRepository).completeClaim(claim, hash, now)))
          throw new AppError("invitation_unusable");
        await tx.emit({
          type: CANDIDATE_EVENTS.jobSeekerClaimed,
          organisationId: null,
          portalId: claim.portalId,
          subject: { candidateId: claim.candidateId, userId: claim.userId },
          actorUserId: claim.userId,
          payload: {},
        });
      });
      return { email: user.email };
    },
  };
}
