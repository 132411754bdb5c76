import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { type PublicScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { candidates } from "./candidates.schema";

export interface ReferredPerson {
  /** The vacancy's organisation: the referrer must act for it. */
  organisationId: string;
  portalId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  postcode: string;
}

export interface ConfirmedPerson {
  firstName: string;
  lastName: string;
  phone: string;
  postcode: string;
  placeId: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * Candidate rows of people an employee referred (referral portal): no account, never shown in the
 * explorer (`visible = false`); they belong to the vacancy's portal.
 */
export const referredCandidatesRepository = repository<TenantScope>()({
  async create(db: Db, scope: TenantScope, person: ReferredPerson): Promise<{ id: string }> {
    if (!reaches(scope, person.organisationId))
      throw new Error("referred candidate outside the caller's scope");
    const [row] = await db
      .insert(candidates)
      .values({
        portalId: person.portalId,
        userId: null,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        phone: person.phone,
        postcode: person.postcode,
        visible: false,
      })
      .returning({ id: candidates.id });
    return row!;
  },
});

/**
 * The referred person completing their details through the link in their mail: only the row of
 * the referral whose (still valid) token they hold, so the token hash is the scope.
 */
export const referredConfirmationRepository = repository<PublicScope>()({
  async complete(
    db: Db,
    _scope: PublicScope,
    candidateId: string,
    tokenHash: string,
    person: ConfirmedPerson,
  ): Promise<boolean> {
    const rows = await db
      .update(candidates)
      .set({
        firstName: person.firstName,
        lastName: person.lastName,
        phone: person.phone,
        postcode: person.postcode,
        placeId: person.placeId,
        city: person.city,
        lat: person.lat,
        lon: person.lon,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(candidates.id, candidateId),
          // Spelled out: Drizzle leaves columns unqualified inside an update's subquery.
          sql`exists (select 1 from referrals r where r.candidate_id = candidates.id and r.confirm_token_hash = ${tokenHash})`,
        ),
      )
      .returning({ id: candidates.id });
    return rows.length > 0;
  },
});
