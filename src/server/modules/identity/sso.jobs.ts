import { SSO_SECRET_WARNING_DAYS } from "../../../contracts/sso";
import type { Jobs } from "../../platform/jobs";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { SSO_EVENTS } from "./sso.events";
import { ssoJobRepository } from "./sso.repository";

/**
 * The daily warning of expiring single sign-on client secrets (Entra secrets expire): a secret,
 * in use or waiting, that expires within 30 days warns once through `sso.secret_expiring`.
 */
export const SSO_SECRET_EXPIRY_JOB = "sso-secret-expiry";
export const SSO_SECRET_EXPIRY_CRON = "15 7 * * *";

export interface SsoJobDeps {
  store: Store;
  log?: (message: string) => void;
}

/** One run at `now`: the connections (and which secret) it warned about. */
export async function runSsoSecretExpiry(deps: SsoJobDeps, now: Date = new Date()) {
  const until = new Date(now.getTime() + SSO_SECRET_WARNING_DAYS * 86_400_000).toISOString().slice(0, 10);
  return deps.store.transaction(async (tx) => {
    const due = await tx.bind(systemScope("job"), ssoJobRepository).claimExpiringSecrets(until, now);
    for (const secret of due)
      await tx.emit({
        type: SSO_EVENTS.secretExpiring,
        organisationId: secret.organisationId,
        portalId: null,
        subject: { ssoConnectionId: secret.id },
        actorUserId: null,
        payload: { slot: secret.slot, expiresOn: secret.expiresOn },
      });
    return due.map((s) => ({ connectionId: s.id, slot: s.slot }));
  });
}

export function registerSsoJobs(jobs: Jobs, deps: SsoJobDeps): Promise<void> {
  return jobs.schedule(SSO_SECRET_EXPIRY_JOB, SSO_SECRET_EXPIRY_CRON, async () => {
    const warned = await runSsoSecretExpiry(deps);
    if (warned.length > 0) deps.log?.(`SSO: ${warned.length} expiring client secrets warned about`);
  });
}
