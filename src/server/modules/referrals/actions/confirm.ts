import type { ConfirmReferralRequest, ReferralInvitationResponse } from "../../../../contracts/referrals";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import { completeReferredCandidateInTransaction } from "../../candidates";
import { rateLimitRepository } from "../../identity";
import { getPlace } from "../../taxonomy";
import { REFERRAL_EVENTS, referralEvent } from "../referrer.events";
import { invitationRepository } from "../referrer.repository";
import type { ReferrerDeps } from "./context";
import { hashToken } from "./refer";

/** Guessing tokens is pointless (256 bits), but an address hammering the link is stopped anyway. */
const TOKEN_ATTEMPTS = { window: 600, max: 30 };

async function limit(deps: ReferrerDeps, ip: string): Promise<void> {
  const { allowed } = await deps.store
    .bind(publicScope, rateLimitRepository)
    .consume(`referral-token:${ip}`, TOKEN_ATTEMPTS);
  if (!allowed) throw new AppError("rate_limited");
}

/** The referral a token stands for: 404 when unknown or used, 410 when it expired. */
async function invitationOf(deps: ReferrerDeps, token: string) {
  const found = await deps.store.bind(publicScope, invitationRepository).byTokenHash(hashToken(token));
  if (!found) throw new AppError("referral_token_invalid");
  if (!found.expiresAt || found.expiresAt.getTime() < Date.now())
    throw new AppError("referral_token_expired");
  return found;
}

function present(
  found: Awaited<ReturnType<typeof invitationOf>>,
  confirmedAt: Date | null,
): ReferralInvitationResponse {
  return {
    vacancy: { title: found.vacancyTitle, organisation: found.organisationName, city: found.vacancyCity },
    referrerName: found.referrerName?.trim().split(/\s+/)[0] ?? "",
    person: {
      firstName: found.firstName,
      lastName: found.lastName,
      phone: found.phone ?? "",
      postcode: found.postcode ?? "",
      placeId: found.placeId,
    },
    confirmedAt: confirmedAt?.toISOString() ?? null,
  };
}

/** What the referred person sees behind the link in their mail, before confirming. */
export async function referralInvitation(
  deps: ReferrerDeps,
  token: string,
  ip: string,
): Promise<ReferralInvitationResponse> {
  await limit(deps, ip);
  const found = await invitationOf(deps, token);
  return present(found, found.eoiAt);
}

/**
 * The person confirms their interest and completes their details: the EOI date is kept, the
 * candidate row updated, the token spent (the link works once). `referral.confirmed` follows.
 */
export async function confirmReferral(
  deps: ReferrerDeps,
  token: string,
  input: ConfirmReferralRequest,
  ip: string,
  locale: MessageLocale,
): Promise<ReferralInvitationResponse> {
  await limit(deps, ip);
  const found = await invitationOf(deps, token);
  const place = input.placeId ? getPlace(input.placeId) : undefined;
  if (input.placeId && !place) {
    const fields: FieldError[] = [{ path: "placeId", message: fieldMessage("unknown_place", locale) }];
    throw new AppError("validation_failed", { fields });
  }
  const tokenHash = hashToken(token);
  const confirmedAt = await deps.store.transaction(async (tx) => {
    const updated = await completeReferredCandidateInTransaction(
      tx,
      publicScope,
      found.candidateId,
      tokenHash,
      {
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone,
        postcode: input.postcode,
        placeId: place?.id ?? null,
        city: place?.name ?? null,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
      },
    );
    const confirmed = updated
      ? await tx.bind(publicScope, invitationRepository).confirm(found.id, tokenHash)
      : null;
    // Spent by a request that came in just before this one.
    if (!confirmed) throw new AppError("referral_token_invalid");
    await tx.emit(
      referralEvent(
        REFERRAL_EVENTS.confirmed,
        {
          id: found.id,
          organisationId: found.organisationId,
          portalId: found.portalId,
          matchId: found.matchId,
          vacancyId: found.vacancyId,
          candidateId: found.candidateId,
          channel: "direct",
          referrerUserId: found.referrerUserId,
        },
        null,
      ),
    );
    return confirmed.eoiAt;
  });
  return present(
    {
      ...found,
      firstName: input.firstName,
      lastName: input.lastName,
      phone: input.phone,
      postcode: input.postcode,
      placeId: place?.id ?? null,
    },
    confirmedAt,
  );
}
