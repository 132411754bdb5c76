import { CLAIM_DAYS, type JobSeekerDeps, jobSeekerActions } from "./actions/job-seekers";

export { CLAIM_DAYS, type JobSeekerDeps };

/**
 * Account managers register job seekers who cannot or do not yet register themselves
 * (municipality practice) and invite them to claim the account by choosing a password.
 */
export function createJobSeekerService(deps: JobSeekerDeps) {
  return jobSeekerActions(deps);
}

export type JobSeekerService = ReturnType<typeof createJobSeekerService>;
