import { verify } from "@node-rs/argon2";
import type { ConsentSource, EraseAccountRequest } from "../../../../contracts/privacy";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type Locale } from "../../../platform/i18n";
import { normaliseDutchMobile } from "../../../platform/sms";
import type { TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import type { OwnScope } from "../candidate-scope.repository";
import { CANDIDATE_EVENTS } from "../candidates.events";
import { type CandidateRow, profilesRepository, type UserRow } from "../candidates.repository";
import { consentsRepository } from "../consents.repository";
import { eraseCheckRepository, erasureRepository } from "../erasure.repository";
import { hideEverywhere, reconcileConsents } from "./consents";
import type { CandidateDeps } from "./context";

/*
 * Erasure anonymises rather than deletes, so applications and logs stay consistent; "delete my
 * account" and the retention job (privacy.jobs.ts) use the same functions, each inside the
 * caller's transaction, and delete the files after it commits.
 */

/** Without a password (an account that signs in through SSO), the session must be this fresh. */
export const FRESH_SESSION_MINUTES = 10;

export type ErasureReason = "self" | "retention";

function emailsOf(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.flatMap((v) => (v?.trim() ? [v.trim().toLowerCase()] : [])))];
}

function phonesOf(values: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    if (!value?.trim()) continue;
    out.add(value.trim());
    try {
      out.add(normaliseDutchMobile(value));
    } catch {
      // Not a Dutch mobile number: no text message went to it in E.164 form.
    }
  }
  return [...out];
}

/** The stored file key of a profile photo URL (`/api/v1/avatars/<user>/<file>`), if it is one. */
export function avatarKey(image: string | null): string | null {
  const match = image ? /^\/api\/v1\/avatars\/([^/]+)\/([a-z0-9-]+\.(?:png|jpg|webp))$/.exec(image) : null;
  return match ? `avatars/${match[1]}/${match[2]}` : null;
}

/**
 * In `tx`: hides and anonymises these profiles. Returns the keys of their files, which the caller
 * deletes from FileStorage after the transaction commits. `user` is given when `rows` are all of
 * that person's remaining profiles; `keepMailTo` are the addresses of an account that stays (its
 * outbox copies are not the profile's to remove).
 */
export async function anonymiseProfiles(
  tx: TxStore,
  scope: OwnScope,
  rows: readonly CandidateRow[],
  user: UserRow | null,
  erasure: { source: ConsentSource; reason: ErasureReason; actorUserId: string | null; now: Date },
  options: { keepMailTo?: readonly string[] } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const { source, reason, actorUserId, now } = erasure;
  const ids = rows.map((r) => r.id);
  const erase = tx.bind(scope, erasureRepository);
  await reconcileConsents(tx, scope, rows, user, now);
  for (const row of rows) await hideEverywhere(tx, scope, row, source, actorUserId, now);
  const keys = await erase.fileKeysOf(ids);
  const keep = new Set(emailsOf(options.keepMailTo ?? []));
  await erase.deleteOutboxMail(emailsOf(rows.map((r) => r.email)).filter((e) => !keep.has(e)));
  await erase.anonymiseCandidateRows(ids, now);
  for (const row of rows) {
    await tx.emit({
      type: CANDIDATE_EVENTS.erased,
      organisationId: null,
      portalId: row.portalId,
      subject: { candidateId: row.id },
      actorUserId,
      payload: { reason },
    });
  }
  return keys;
}

/**
 * In `tx`: anonymises the person's remaining profiles and their account, and logs the erasure.
 * Returns the keys of their files, to delete after the commit.
 */
export async function anonymiseAccount(
  tx: TxStore,
  scope: OwnScope,
  user: UserRow,
  rows: readonly CandidateRow[],
  erasure: { source: ConsentSource; reason: ErasureReason; actorUserId: string | null; now: Date },
): Promise<string[]> {
  const { source, now } = erasure;
  const keys = await anonymiseProfiles(tx, scope, rows, user, erasure);
  const primary = rows[0];
  if (user.consentResearch && primary) {
    await tx.bind(scope, consentsRepository).insertConsents([
      {
        candidateId: primary.id,
        portalId: primary.portalId,
        purpose: "research",
        given: false,
        at: now,
        source,
      },
    ]);
  }
  const erase = tx.bind(scope, erasureRepository);
  await erase.eraseAccountRows(user.id, {
    emails: emailsOf([user.email, ...rows.map((r) => r.email)]),
    phones: phonesOf([user.phone, user.phoneNumber, ...rows.map((r) => r.phone)]),
    now,
  });
  await erase.recordAccountErased(user.id, {
    actorUserId: erasure.actorUserId,
    details: { reason: erasure.reason, ...(erasure.reason === "self" ? { profiles: rows.length } : {}) },
  });
  const avatar = avatarKey(user.image);
  return avatar ? [...keys, avatar] : keys;
}

/** Deletes files after the database no longer points at them; a failure is logged, not fatal. */
export async function deleteFiles(deps: Pick<CandidateDeps, "files" | "log">, keys: readonly string[]) {
  for (const key of new Set(keys)) {
    try {
      await deps.files.delete(key);
    } catch (error) {
      deps.log?.(`Could not delete file ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * "Delete my account": the password is checked again (argon2id, as better-auth stores it); an
 * account without a password (SSO) needs a session started less than 10 minutes ago. Every
 * profile and the account are anonymised in one transaction, then the files are deleted.
 * Refused for someone who also works for an organisation: their roles, vacancies and logs
 * belong to that organisation, whose administrator revokes them first.
 */
export function eraseActions(deps: CandidateDeps) {
  const { store } = deps;
  return {
    async erase(
      caller: Caller,
      input: EraseAccountRequest,
      sessionToken: string | null,
      locale: Locale,
    ): Promise<void> {
      if (!input.confirm) throw new AppError("confirmation_required");
      if (caller.principal?.roles.some((r) => r !== "candidate"))
        throw new AppError("account_has_staff_roles");
      const scope = await caller.self();
      const checks = store.bind(scope, eraseCheckRepository);
      const stored = await checks.credentialPassword();
      if (stored) {
        if (!input.password) {
          throw new AppError("validation_failed", {
            fields: [{ path: "password", message: fieldMessage("required", locale) }],
          });
        }
        if (!(await checks.consumeEraseAttempt())) throw new AppError("rate_limited");
        const ok = await verify(stored, input.password).catch(() => false);
        if (!ok) {
          throw new AppError("validation_failed", {
            fields: [{ path: "password", message: fieldMessage("password_incorrect", locale) }],
          });
        }
      } else {
        const started = sessionToken ? await checks.sessionStartedAt(sessionToken) : null;
        if (!started || Date.now() - started.getTime() > FRESH_SESSION_MINUTES * 60_000) {
          throw new AppError("recent_sign_in_required");
        }
      }
      const now = new Date();
      const keys = await store.transaction(async (tx) => {
        const erase = tx.bind(scope, erasureRepository);
        const user = await erase.lockUser(scope.userId);
        if (!user) throw new AppError("not_found");
        if (await erase.hasStaffRoles(scope.userId)) throw new AppError("account_has_staff_roles");
        const rows = (await tx.bind(scope, profilesRepository).profilesOf(scope.userId)).filter(
          (r) => r.anonymisedAt === null,
        );
        return anonymiseAccount(tx, scope, user, rows, {
          source: "candidate",
          reason: "self",
          actorUserId: scope.userId,
          now,
        });
      });
      await deleteFiles(deps, keys);
    },
  };
}
