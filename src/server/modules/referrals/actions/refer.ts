import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { CreateReferralRequest, MyReferral, ReferrableVacancy } from "../../../../contracts/referrals";
import { AppError } from "../../../platform/errors";
import { mailPortalUrl } from "../../../platform/tenancy";
import { createReferredCandidateInTransaction } from "../../candidates";
import { createReferredMatchInTransaction } from "../../matches";
import type { Caller } from "../../tenancy";
import { vacancyPath } from "../../vacancies";
import { CONFIRM_DAYS, REFERRAL_EVENTS, referralEvent } from "../referrer.events";
import { type ReferrableVacancyRow, referrerRepository } from "../referrer.repository";
import { type ReferrerDeps, referrerOf, today } from "./context";
import { myReferral } from "./my-referrals";

/** Random and unguessable: 12 bytes are 16 characters of base64url. */
const newLinkCode = () => randomBytes(12).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * The vacancy's page on the public job board with the code; a vacancy not (yet) on the board is
 * shared as its page in the app, where candidates of the portal sign in to see and apply.
 */
function shareUrl(deps: ReferrerDeps, vacancy: ReferrableVacancyRow, code: string): string {
  const onBoard = vacancy.publishPublicFrom !== null && vacancy.publishPublicFrom <= today(deps);
  const path = onBoard ? vacancyPath(vacancy) : `/kansen/${vacancy.id}`;
  const url = new URL(path, mailPortalUrl(deps.publicUrl, vacancy));
  url.searchParams.set("ref", code);
  return url.toString();
}

/** The open vacancies the referrer may refer people to, each with their own link to share. */
export async function referrableVacancies(deps: ReferrerDeps, caller: Caller): Promise<ReferrableVacancy[]> {
  const { scope, userId } = await referrerOf(caller);
  const repo = deps.store.bind(scope, referrerRepository);
  const rows = await repo.openVacancies(userId, today(deps));
  return Promise.all(
    rows.map(async (row) => {
      // The link is made the first time the referrer sees the vacancy, and kept.
      const code =
        row.linkCode ??
        (await repo.ensureLink({
          organisationId: row.organisationId,
          vacancyId: row.id,
          referrerUserId: userId,
          code: newLinkCode(),
        }));
      return {
        id: row.id,
        title: row.displayTitle,
        city: row.city,
        site: row.siteId && row.siteName ? { id: row.siteId, name: row.siteName } : null,
        closesOn: row.closesOn,
        shareUrl: shareUrl(deps, row, code),
        referredByMe: Number(row.referredByMe),
      };
    }),
  );
}

/**
 * The referrer enters a person they know, with the person's consent: a candidate row (no
 * account, not in the explorer), the match in the referral procedure and the referral, in one
 * transaction; the person gets a mail to confirm (`referral.created`).
 */
export async function createReferral(
  deps: ReferrerDeps,
  caller: Caller,
  input: CreateReferralRequest,
): Promise<MyReferral> {
  const { scope, userId } = await referrerOf(caller);
  const repo = deps.store.bind(scope, referrerRepository);
  const vacancy = await repo.referrableVacancy(input.vacancyId, today(deps));
  if (!vacancy) throw new AppError("not_found");
  if (await repo.referralExists(vacancy.id, input.email)) throw new AppError("referral_duplicate");
  const referralId = randomUUID();
  const token = randomBytes(32).toString("base64url");
  await deps.store.transaction(async (tx) => {
    const candidate = await createReferredCandidateInTransaction(tx, scope, {
      organisationId: vacancy.organisationId,
      portalId: vacancy.portalId,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phone: input.phone,
      postcode: input.postcode,
    });
    const { match } = await createReferredMatchInTransaction(deps, tx, scope, {
      vacancy,
      candidateId: candidate.id,
      actorUserId: userId,
      via: { referralId, channel: "direct" },
    });
    const now = new Date();
    const referral = await tx.bind(scope, referrerRepository).insertReferral({
      id: referralId,
      organisationId: vacancy.organisationId,
      portalId: vacancy.portalId,
      vacancyId: vacancy.id,
      matchId: match.id,
      candidateId: candidate.id,
      referrerUserId: userId,
      channel: "direct",
      email: input.email,
      reason: input.reason,
      consentAt: now,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_DAYS * 86_400_000),
    });
    // Two referrers entering the same person at once: the second one's rows are rolled back.
    if (!referral) throw new AppError("referral_duplicate");
    await tx.emit(
      referralEvent(REFERRAL_EVENTS.created, referral, userId, { sealedToken: deps.sealer.seal(token) }),
    );
  });
  return myReferral(deps, caller, referralId);
}
