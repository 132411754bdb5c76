import { randomUUID } from "node:crypto";
import { verify } from "@node-rs/argon2";
import type { MediaPhoto, PortalVisibility } from "../../../contracts/candidates";
import type {
  CandidateExport,
  ConsentHistoryEntry,
  ConsentPurpose,
  ConsentSource,
  ConsentState,
  ConsentsResponse,
  EraseAccountRequest,
  PersonalDataExport,
  SetConsentRequest,
} from "../../../contracts/privacy";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { FileStorage } from "../../platform/files";
import { fieldMessage, type Locale } from "../../platform/i18n";
import { normaliseDutchMobile } from "../../platform/sms";
import { recordAudit } from "../identity/audit.repository";
import { consumeRate, type RateRule } from "../identity/rate-limit.repository";
import type { PortalRow } from "../tenancy/tenancy.repository";
import {
  allPortals,
  type CandidateRow,
  type CandidateScope,
  candidatesOfUser,
  listDocuments,
  listPhotos,
  listPortalVisibility,
  setPortalVisibility,
  staffContact,
} from "./candidates.repository";
import type { CandidateService, HostPortal } from "./candidates.service";
import {
  anonymiseCandidateRows,
  auditEventsAbout,
  avatarKey,
  type ConsentRow,
  contactViewsOf,
  credentialPassword,
  deleteOutboxMail,
  eraseAccountRows,
  fileKeysOf,
  findUser,
  hasStaffRoles,
  insertConsents,
  invitationsTo,
  listConsents,
  lockUser,
  matchesOf,
  membershipsOf,
  messagesOf,
  type NewConsentRow,
  savedVacanciesOf,
  sessionStartedAt,
  sessionsOf,
  setResearchConsent,
  signInMethodsOf,
  type UserRow,
} from "./privacy.repository";
import { documentDto, profileParts } from "./profile";

/**
 * Privacy self-service (issue 5 part 7).
 *
 * Consents. There is one source of truth per purpose, and it is what the app already reads:
 * `employers_portal` is the portal visibility of decision 0011 (candidate_portal_visibility and,
 * for the own portal, candidates.visible, written through the candidates repository), and
 * `research` is users.consent_research, the switch under Settings, which keeps working as it is.
 * candidate_consents is the dated, append-only history of both. Changes made elsewhere (the
 * visibility switch on the profile, the Settings switch) are written to the history when the
 * person's consents are next read: the latest entry per purpose and portal is compared with the
 * current state and a missing change is added with the date that place recorded.
 *
 * Erasure anonymises rather than deletes, so applications and logs stay consistent (see
 * `eraseAccount`); the retention job (privacy.jobs.ts) uses the same functions.
 */

const BASE = "/api/v1/candidates";
/** Without a password (an account that signs in through SSO), the session must be this fresh. */
export const FRESH_SESSION_MINUTES = 10;
/** Password attempts on "delete my account", per person. */
const ERASE_ATTEMPTS: RateRule = { window: 15 * 60, max: 5 };

export interface PrivacyDeps {
  db: Db;
  files: FileStorage;
  log?: (message: string) => void;
}

type PortalRef = NonNullable<ConsentState["portal"]>;

function portalRef(p: PortalRow): PortalRef {
  return { id: p.id, slug: p.slug, name: { nl: p.nameNl, en: p.nameEn }, isNational: p.parentId === null };
}

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

const consentKey = (purpose: ConsentPurpose, candidateId: string, portalId: string) =>
  purpose === "research" ? "research" : `${candidateId}|${portalId}`;

/** The newest history entry per consent (the history is newest first). */
function latestOf(history: readonly ConsentRow[]): Map<string, ConsentRow> {
  const latest = new Map<string, ConsentRow>();
  for (const h of history) {
    const key = consentKey(h.purpose, h.candidateId, h.portalId);
    if (!latest.has(key)) latest.set(key, h);
  }
  return latest;
}

/**
 * Adds to the history what changed elsewhere since its last entry (see the module comment).
 * `user` is given when `rows` are all of that person's profiles; research is then checked too.
 */
export async function reconcileConsents(
  db: Db,
  rows: readonly CandidateRow[],
  user: UserRow | null,
  now: Date,
): Promise<ConsentRow[]> {
  const scope: CandidateScope = { candidateIds: rows.map((r) => r.id) };
  const history = await listConsents(db, scope);
  const latest = latestOf(history);
  const missing: NewConsentRow[] = [];
  const active = rows.filter((r) => r.anonymisedAt === null);
  for (const row of active) {
    const choices = await listPortalVisibility(db, scope, row.id);
    const portalIds = new Set([row.portalId, ...choices.map((c) => c.portalId)]);
    for (const portalId of portalIds) {
      const choice = choices.find((c) => c.portalId === portalId);
      const given = portalId === row.portalId ? row.visible : (choice?.visible ?? false);
      const last = latest.get(consentKey("employers_portal", row.id, portalId));
      if (last ? last.given === given : !given) continue;
      // The date the visibility was chosen; a profile visible from the start counts from its creation.
      const at = choice?.changedAt ?? (last ? now : row.createdAt);
      missing.push({
        candidateId: row.id,
        portalId,
        purpose: "employers_portal",
        given,
        at: last && at < last.at ? now : at,
        source: choice || last ? "candidate" : "system",
      });
    }
  }
  const primary = active[0];
  if (user && primary) {
    const last = latest.get("research");
    if (last ? last.given !== user.consentResearch : user.consentResearch) {
      missing.push({
        candidateId: primary.id,
        portalId: primary.portalId,
        purpose: "research",
        given: user.consentResearch,
        at: last && user.updatedAt < last.at ? now : user.updatedAt,
        source: "candidate",
      });
    }
  }
  if (missing.length === 0) return history;
  await insertConsents(db, scope, missing);
  return listConsents(db, scope);
}

/** Hides a profile on every portal it is visible on, recording each withdrawn consent. */
async function hideEverywhere(tx: Db, row: CandidateRow, source: ConsentSource, now: Date): Promise<void> {
  const scope: CandidateScope = { candidateIds: [row.id] };
  const choices = await listPortalVisibility(tx, scope, row.id);
  const visibleOn = [
    ...(row.visible ? [row.portalId] : []),
    ...choices.filter((c) => c.visible && c.portalId !== row.portalId).map((c) => c.portalId),
  ];
  for (const portalId of visibleOn) await setPortalVisibility(tx, scope, row, portalId, false);
  await insertConsents(
    tx,
    scope,
    visibleOn.map((portalId) => ({
      candidateId: row.id,
      portalId,
      purpose: "employers_portal" as const,
      given: false,
      at: now,
      source,
    })),
  );
}

/**
 * Retention's first step, inside the caller's transaction: the profile disappears from every
 * candidates overview, and the history says the system withdrew the consent.
 */
export async function hideForRetention(tx: Db, row: CandidateRow, now: Date): Promise<void> {
  await reconcileConsents(tx, [row], null, now);
  await hideEverywhere(tx, row, "system", now);
}

/**
 * Inside the caller's transaction: hides and anonymises these profiles. Returns the keys of
 * their files, which the caller deletes from FileStorage after the transaction commits.
 * `user` is given when `rows` are all of that person's remaining profiles; `keepMailTo` are the
 * addresses of an account that stays (its outbox copies are not the profile's to remove).
 */
export async function anonymiseProfiles(
  tx: Db,
  rows: readonly CandidateRow[],
  user: UserRow | null,
  source: ConsentSource,
  now: Date,
  options: { keepMailTo?: readonly string[] } = {},
): Promise<string[]> {
  if (rows.length === 0) return [];
  const scope: CandidateScope = { candidateIds: rows.map((r) => r.id) };
  await reconcileConsents(tx, rows, user, now);
  for (const row of rows) await hideEverywhere(tx, row, source, now);
  const keys = await fileKeysOf(tx, scope);
  const keep = new Set(emailsOf(options.keepMailTo ?? []));
  await deleteOutboxMail(
    tx,
    emailsOf(rows.map((r) => r.email)).filter((e) => !keep.has(e)),
  );
  await anonymiseCandidateRows(tx, scope, now);
  return keys;
}

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

/**
 * Inside the caller's transaction: anonymises the person's remaining profiles and their account
 * (see eraseAccountRows). Returns the keys of their files, to delete after the commit.
 */
export async function anonymiseAccount(
  tx: Db,
  user: UserRow,
  rows: readonly CandidateRow[],
  source: ConsentSource,
  now: Date,
): Promise<string[]> {
  const keys = await anonymiseProfiles(tx, rows, user, source, now);
  const primary = rows[0];
  if (user.consentResearch && primary) {
    await insertConsents(tx, { candidateIds: [primary.id] }, [
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
  await eraseAccountRows(tx, user, {
    erasedEmail: `erased-${randomUUID()}@invalid`,
    emails: emailsOf([user.email, ...rows.map((r) => r.email)]),
    phones: phonesOf([user.phone, ...rows.map((r) => r.phone)]),
    now,
  });
  const avatar = avatarKey(user.image);
  return avatar ? [...keys, avatar] : keys;
}

/** Deletes files after the database no longer points at them; a failure is logged, not fatal. */
export async function deleteFiles(deps: PrivacyDeps, keys: readonly string[]): Promise<void> {
  for (const key of new Set(keys)) {
    try {
      await deps.files.delete(key);
    } catch (error) {
      deps.log?.(`Could not delete file ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * "Delete my account" (and retention's last step for a person without other profiles): every
 * profile and the account anonymised in one transaction, then the files, then the audit event.
 * Refused for someone who also works for an organisation: their roles, vacancies and logs
 * belong to that organisation, whose administrator revokes them first.
 */
export async function eraseAccount(
  deps: PrivacyDeps,
  userId: string,
  options: { source: ConsentSource; reason: "self" | "retention"; actorUserId: string | null; now?: Date },
): Promise<{ candidateIds: string[] }> {
  const now = options.now ?? new Date();
  const { keys, candidateIds } = await deps.db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user) throw new AppError("not_found");
    if (await hasStaffRoles(tx, userId)) throw new AppError("account_has_staff_roles");
    const rows = (await candidatesOfUser(tx, userId)).filter((r) => r.anonymisedAt === null);
    return {
      keys: await anonymiseAccount(tx, user, rows, options.source, now),
      candidateIds: rows.map((r) => r.id),
    };
  });
  await deleteFiles(deps, keys);
  await recordAudit(deps.db, {
    type: "account_erased",
    userId,
    actorUserId: options.actorUserId,
    organisationIds: [],
    details: { reason: options.reason, profiles: candidateIds.length },
  });
  return { candidateIds };
}

/** The candidate's own side: consents, the export and erasure. */
export function createPrivacyService(deps: PrivacyDeps & { candidates: CandidateService }) {
  const { db } = deps;

  /**
   * The signed-in person's profiles and account; `row` is the profile on the request's portal
   * (else the first). A candidate without a profile yet gets the empty one the profile pages
   * would make.
   */
  async function own(principal: Principal, host: HostPortal) {
    let rows = await candidatesOfUser(db, principal.userId);
    if (rows.length === 0) {
      await deps.candidates.me(principal, host);
      rows = await candidatesOfUser(db, principal.userId);
    }
    const user = await findUser(db, principal.userId);
    const row = rows.find((r) => r.portalId === host.id) ?? rows[0];
    if (!user || !row) throw new AppError("forbidden");
    return { user, rows, row, scope: { candidateIds: rows.map((r) => r.id) } as CandidateScope };
  }

  async function portalsById(): Promise<Map<string, PortalRow>> {
    return new Map((await allPortals(db)).map((p) => [p.id, p]));
  }

  function historyDto(
    history: readonly ConsentRow[],
    portals: Map<string, PortalRow>,
  ): ConsentHistoryEntry[] {
    return history.map((h) => {
      const portal = portals.get(h.portalId);
      return {
        purpose: h.purpose,
        portal: h.purpose === "research" || !portal ? null : portalRef(portal),
        given: h.given,
        at: h.at.toISOString(),
        source: h.source,
      };
    });
  }

  /** The current state of every consent of one profile (every portal, and research). */
  async function statesOf(
    row: CandidateRow,
    user: UserRow,
    history: readonly ConsentRow[],
    portals: Map<string, PortalRow>,
  ): Promise<ConsentState[]> {
    const choices = new Map(
      (await listPortalVisibility(db, { candidateIds: [row.id] }, row.id)).map((c) => [c.portalId, c]),
    );
    const latest = latestOf(history);
    const states: ConsentState[] = [...portals.values()].map((p) => ({
      purpose: "employers_portal",
      portal: portalRef(p),
      given: p.id === row.portalId ? row.visible : (choices.get(p.id)?.visible ?? false),
      at: iso(latest.get(consentKey("employers_portal", row.id, p.id))?.at),
    }));
    states.push({
      purpose: "research",
      portal: null,
      given: user.consentResearch,
      at: iso(latest.get("research")?.at),
    });
    return states;
  }

  async function consentsOf(principal: Principal, host: HostPortal): Promise<ConsentsResponse> {
    const { user, rows, row } = await own(principal, host);
    const history = await reconcileConsents(db, rows, user, new Date());
    const portals = await portalsById();
    return { consents: await statesOf(row, user, history, portals), history: historyDto(history, portals) };
  }

  async function visibilityOf(
    row: CandidateRow,
    portals: Map<string, PortalRow>,
  ): Promise<PortalVisibility[]> {
    const choices = new Map(
      (await listPortalVisibility(db, { candidateIds: [row.id] }, row.id)).map((c) => [c.portalId, c]),
    );
    return [...portals.values()].map((p) => {
      const choice = choices.get(p.id);
      const home = p.id === row.portalId;
      return {
        portal: portalRef(p),
        home,
        visible: home ? row.visible : (choice?.visible ?? false),
        changedAt: iso(choice?.changedAt),
      };
    });
  }

  /** One profile in its parts (as the profile pages show them) plus every stored column. */
  async function profileExport(row: CandidateRow, portals: Map<string, PortalRow>): Promise<CandidateExport> {
    const scope: CandidateScope = { candidateIds: [row.id] };
    const me = `${BASE}/me`;
    const [documents, photos, visibility, accountManager] = await Promise.all([
      listDocuments(db, scope, row.id),
      listPhotos(db, scope, row.id),
      visibilityOf(row, portals),
      row.accountManagerUserId ? staffContact(db, row.accountManagerUserId) : Promise.resolve(null),
    ]);
    const portal = portals.get(row.portalId)!;
    return {
      id: row.id,
      portal: portalRef(portal),
      ...profileParts(row, {
        base: me,
        place: row.city ? { id: row.placeId, name: row.city } : null,
        accountManager,
      }),
      media: {
        photos: photos.map(
          (p): MediaPhoto => ({
            id: p.id,
            url: `${me}/media/photos/${p.id}`,
            createdAt: p.createdAt.toISOString(),
          }),
        ),
        videos: row.media.videos.map((v) => ({ url: v.url, title: v.title, embedUrl: null })),
        links: row.media.links.map((l) => ({ url: l.url, label: l.label })),
      },
      documents: documents.map((d) => documentDto(d, me)),
      visibility,
      stored: Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
      ),
    };
  }

  return {
    consents: consentsOf,

    async setConsent(
      principal: Principal,
      host: HostPortal,
      purpose: ConsentPurpose,
      input: SetConsentRequest,
      locale: Locale,
    ): Promise<ConsentsResponse> {
      const { user, rows, row, scope } = await own(principal, host);
      const now = new Date();
      await reconcileConsents(db, rows, user, now);
      if (purpose === "employers_portal") {
        const portals = await allPortals(db);
        const portal = input.portal
          ? portals.find((p) => p.id === input.portal || p.slug === input.portal)
          : portals.find((p) => p.id === host.id);
        if (!portal) {
          throw new AppError("validation_failed", {
            fields: [{ path: "portal", message: fieldMessage("unknown_option", locale) }],
          });
        }
        await db.transaction(async (tx) => {
          await setPortalVisibility(tx, scope, row, portal.id, input.given);
          await insertConsents(tx, scope, [
            {
              candidateId: row.id,
              portalId: portal.id,
              purpose,
              given: input.given,
              at: now,
              source: "candidate",
            },
          ]);
        });
      } else {
        await db.transaction(async (tx) => {
          await setResearchConsent(tx, user.id, input.given, now);
          await insertConsents(tx, scope, [
            {
              candidateId: row.id,
              portalId: row.portalId,
              purpose,
              given: input.given,
              at: now,
              source: "candidate",
            },
          ]);
        });
      }
      return consentsOf(principal, host);
    },

    /** "Download my data": everything stored about the signed-in person. */
    async exportData(principal: Principal, host: HostPortal): Promise<PersonalDataExport> {
      const { user, rows, scope } = await own(principal, host);
      const now = new Date();
      const history = await reconcileConsents(db, rows, user, now);
      const portals = await portalsById();
      const emails = emailsOf([user.email, ...rows.map((r) => r.email)]);
      const [methods, sessionRows, roles, matchRows, messageRows, saved, views, audits, invites] =
        await Promise.all([
          signInMethodsOf(db, user.id),
          sessionsOf(db, user.id),
          membershipsOf(db, user.id),
          matchesOf(db, scope),
          messagesOf(db, scope),
          savedVacanciesOf(db, scope),
          contactViewsOf(db, scope),
          auditEventsAbout(db, user.id, emails),
          invitationsTo(db, emails),
        ]);
      const profiles: CandidateExport[] = [];
      for (const row of rows) profiles.push(await profileExport(row, portals));
      const current: PersonalDataExport["consents"]["current"] = [];
      for (const row of rows) {
        const states = await statesOf(
          row,
          user,
          history.filter((h) => h.candidateId === row.id || h.purpose === "research"),
          portals,
        );
        current.push(...states.map((s) => ({ ...s, candidateId: row.id })));
      }
      return {
        format: "werkbrug-personal-data/1",
        exportedAt: now.toISOString(),
        account: {
          id: user.id,
          name: user.name,
          email: user.email,
          emailVerified: user.emailVerified,
          image: user.image,
          locale: user.locale,
          phone: user.phone,
          postcode: user.postcode,
          twoFactorEnabled: user.twoFactorEnabled,
          consentEmbeddedVideo: user.consentEmbeddedVideo,
          consentResearch: user.consentResearch,
          deactivatedAt: iso(user.deactivatedAt),
          createdAt: user.createdAt.toISOString(),
          updatedAt: user.updatedAt.toISOString(),
        },
        signInMethods: methods.map((m) => ({
          providerId: m.providerId,
          createdAt: m.createdAt.toISOString(),
          updatedAt: m.updatedAt.toISOString(),
        })),
        sessions: sessionRows.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          updatedAt: s.updatedAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
        })),
        memberships: roles.map((m) => ({
          role: m.role,
          portal: m.portal,
          organisation: m.organisation,
          createdAt: m.createdAt.toISOString(),
        })),
        candidates: profiles,
        consents: {
          current,
          history: historyDto(history, portals).map((h, i) => ({
            ...h,
            candidateId: history[i]!.candidateId,
          })),
        },
        applications: matchRows.map(({ match, vacancyTitle, organisation }) => ({
          id: match.id,
          candidateId: match.candidateId,
          vacancyId: match.vacancyId,
          vacancyTitle,
          organisation,
          source: match.source,
          status: match.status,
          motivation: match.motivation,
          cv: match.cvFileKey
            ? {
                fileName: match.cvFileName,
                contentType: match.cvContentType,
                url: `/api/v1/applications/${match.id}/cv`,
              }
            : null,
          channelSource: match.channelSource,
          proposedAt: iso(match.proposedAt),
          createdAt: match.createdAt.toISOString(),
          updatedAt: match.updatedAt.toISOString(),
        })),
        messages: messageRows.map(({ message, sender, organisation }) => ({
          candidateId: message.candidateId,
          subject: message.subject,
          body: message.body,
          sender,
          organisation,
          createdAt: message.createdAt.toISOString(),
          readAt: iso(message.readAt),
        })),
        savedVacancies: saved.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
        contactViews: views.map((v) => ({
          at: v.at.toISOString(),
          viewer: v.viewer,
          organisation: v.organisation,
        })),
        auditEvents: audits.map((e) => ({
          at: e.at.toISOString(),
          type: e.type,
          email: e.email,
          ipAddress: e.ipAddress,
          userAgent: e.userAgent,
          details: e.details,
        })),
        invitations: invites.map(({ invitation, organisation, invitedBy }) => ({
          email: invitation.email,
          organisation,
          role: invitation.role,
          invitedBy,
          personalMessage: invitation.personalMessage,
          createdAt: invitation.createdAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
          acceptedAt: iso(invitation.acceptedAt),
          revokedAt: iso(invitation.revokedAt),
        })),
      };
    },

    /**
     * "Delete my account". The password is checked again (argon2id, as better-auth stores it);
     * an account without a password (SSO) needs a session started less than 10 minutes ago.
     */
    async erase(
      principal: Principal,
      input: EraseAccountRequest,
      sessionToken: string | null,
      locale: Locale,
    ): Promise<void> {
      if (!input.confirm) throw new AppError("confirmation_required");
      if (principal.roles.some((r) => r !== "candidate")) throw new AppError("account_has_staff_roles");
      const stored = await credentialPassword(db, principal.userId);
      if (stored) {
        if (!input.password) {
          throw new AppError("validation_failed", {
            fields: [{ path: "password", message: fieldMessage("required", locale) }],
          });
        }
        const verdict = await consumeRate(db, `erase:${principal.userId}`, ERASE_ATTEMPTS);
        if (!verdict.allowed) throw new AppError("rate_limited");
        const ok = await verify(stored, input.password).catch(() => false);
        if (!ok) {
          throw new AppError("validation_failed", {
            fields: [{ path: "password", message: fieldMessage("password_incorrect", locale) }],
          });
        }
      } else {
        const started = sessionToken ? await sessionStartedAt(db, principal.userId, sessionToken) : null;
        if (!started || Date.now() - started.getTime() > FRESH_SESSION_MINUTES * 60_000) {
          throw new AppError("recent_sign_in_required");
        }
      }
      await eraseAccount(deps, principal.userId, {
        source: "candidate",
        reason: "self",
        actorUserId: principal.userId,
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
