import type { TenantScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import { answersOf } from "../../forms";
import { applicantsRepository } from "../applicants.repository";
import { registerNumberIn } from "./detail";

/** An applicant as the procedure knows them: corrections count over the profile and the form. */
export interface ApplicantIdentity {
  matchId: string;
  vacancyId: string;
  candidateId: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** The corrected number, else the one on the application form; null when neither has one. */
  nationalRegisterNumber: string | null;
  userId: string | null;
  postcode: string | null;
  city: string | null;
  locale: string | null;
}

/**
 * The applicant of a match in the caller's (already checked) scope, for other modules (hiring
 * reads the register number and the starter form's identity); null when out of scope. Runs
 * with the store it is given, so inside a step's transaction it sees that transaction.
 */
export async function applicantIdentity(
  deps: { store: Store },
  scope: TenantScope,
  matchId: string,
): Promise<ApplicantIdentity | null> {
  const row = await deps.store.bind(scope, applicantsRepository).identityOf(matchId);
  if (!row) return null;
  const corrected = row.nationalRegisterNumber;
  const fromForm = corrected
    ? null
    : registerNumberIn(await answersOf(deps, scope, { ...row, id: row.matchId }, () => ""));
  return { ...row, nationalRegisterNumber: corrected ?? fromForm };
}
