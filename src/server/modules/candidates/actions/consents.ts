import type {
  ConsentHistoryEntry,
  ConsentPurpose,
  ConsentSource,
  ConsentState,
  ConsentsResponse,
  SetConsentRequest,
} from "../../../../contracts/privacy";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type Locale } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import type { Store, TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import type { OwnScope } from "../candidate-scope.repository";
import { CANDIDATE_EVENTS } from "../candidates.events";
import { portalRef } from "../candidates.presenter";
import {
  type CandidateRow,
  candidateReachRepository,
  type PortalRow,
  portalsRepository,
  profilesRepository,
  type UserRow,
} from "../candidates.repository";
import {
  type ConsentRow,
  consentsRepository,
  type NewConsentRow,
  researchConsentRepository,
} from "../consents.repository";
import type { CandidateDeps } from "./context";
import { ownProfile } from "./own-profile";

/*
 * Consents (issue 5 part 7). There is one source of truth per purpose, and it is what the app
 * already reads: `employers_portal` is the portal visibility of decision 0011
 * (candidate_portal_visibility and, for the own portal, candidates.visible), and `research` is
 * users.consent_research, the switch under Settings. candidate_consents is the dated,
 * append-only history of both. Changes made elsewhere (the visibility switch on the profile,
 * the Settings switch) are written to the history when the person's consents are next read:
 * the latest entry per purpose and portal is compared with the current state and a missing
 * change is added with the date that place recorded.
 */

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const consentKey = (purpose: ConsentPurpose, candidateId: string, portalId: string) =>
  purpose === "research" ? "research" : `${candidateId}|${portalId}`;

/** The newest history entry per consent (the history is newest first). */
export function latestOf(history: readonly ConsentRow[]): Map<string, ConsentRow> {
  const latest = new Map<string, ConsentRow>();
  for (const h of history) {
    const key = consentKey(h.purpose, h.candidateId, h.portalId);
    if (!latest.has(key)) latest.set(key, h);
  }
  return latest;
}

/**
 * Adds to the history what changed elsewhere since its last entry (see the top of this file).
 * `user` is given when `rows` are all of that person's profiles; research is then checked too.
 */
export async function reconcileConsents(
  store: Store,
  scope: OwnScope,
  rows: readonly CandidateRow[],
  user: UserRow | null,
  now: Date,
): Promise<ConsentRow[]> {
  const consents = store.bind(scope, consentsRepository);
  const reach = store.bind(scope, candidateReachRepository);
  const ids = rows.map((r) => r.id);
  const history = await consents.listConsents(ids);
  const latest = latestOf(history);
  const missing: NewConsentRow[] = [];
  const active = rows.filter((r) => r.anonymisedAt === null);
  for (const row of active) {
    const choices = await reach.visibilityChoices(row.id);
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
  await consents.insertConsents(missing);
  return consents.listConsents(ids);
}

/** Shows or hides a profile on one portal with its consent entry and event, in `tx`. */
export async function chooseVisibility(
  tx: TxStore,
  scope: OwnScope,
  row: CandidateRow,
  portalId: string,
  visible: boolean,
  source: ConsentSource,
  actorUserId: string | null,
  now: Date,
): Promise<void> {
  await tx.bind(scope, profilesRepository).chooseVisibility(row, portalId, visible, now);
  await tx
    .bind(scope, consentsRepository)
    .insertConsents([
      { candidateId: row.id, portalId, purpose: "employers_portal", given: visible, at: now, source },
    ]);
  await tx.emit({
    type: CANDIDATE_EVENTS.visibilityChanged,
    organisationId: null,
    portalId,
    subject: { candidateId: row.id },
    actorUserId,
    payload: { visible, source },
  });
}

/** Hides a profile on every portal it is visible on, recording each withdrawn consent. */
export async function hideEverywhere(
  tx: TxStore,
  scope: OwnScope,
  row: CandidateRow,
  source: ConsentSource,
  actorUserId: string | null,
  now: Date,
): Promise<void> {
  const choices = await tx.bind(scope, candidateReachRepository).visibilityChoices(row.id);
  const visibleOn = [
    ...(row.visible ? [row.portalId] : []),
    ...choices.filter((c) => c.visible && c.portalId !== row.portalId).map((c) => c.portalId),
  ];
  for (const portalId of visibleOn)
    await chooseVisibility(tx, scope, row, portalId, false, source, actorUserId, now);
}

export function historyDto(
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
export async function statesOf(
  store: Store,
  scope: OwnScope,
  row: CandidateRow,
  user: UserRow,
  history: readonly ConsentRow[],
  portals: Map<string, PortalRow>,
): Promise<ConsentState[]> {
  const choices = new Map(
    (await store.bind(scope, candidateReachRepository).visibilityChoices(row.id)).map((c) => [c.portalId, c]),
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

export async function portalsById(store: Store): Promise<Map<string, PortalRow>> {
  return new Map((await store.bind(publicScope, portalsRepository).allPortals()).map((p) => [p.id, p]));
}

/**
 * The signed-in person's profiles and account; `row` is the profile on the request's portal
 * (else the first). A candidate without a profile yet gets the empty one the profile pages make.
 */
export async function ownPerson(deps: CandidateDeps, caller: Caller) {
  const { row, rows, scope } = await ownProfile(deps, caller);
  const user = await deps.store.bind(scope, profilesRepository).person(scope.userId);
  if (!user) throw new AppError("forbidden");
  return { user, rows, row, scope };
}

export function consentActions(deps: CandidateDeps) {
  const { store } = deps;

  async function consents(caller: Caller): Promise<ConsentsResponse> {
    const { user, rows, row, scope } = await ownPerson(deps, caller);
    const history = await reconcileConsents(store, scope, rows, user, new Date());
    const portals = await portalsById(store);
    return {
      consents: await statesOf(store, scope, row, user, history, portals),
      history: historyDto(history, portals),
    };
  }

  return {
    consents,

    async setConsent(
      caller: Caller,
      purpose: ConsentPurpose,
      input: SetConsentRequest,
      locale: Locale,
    ): Promise<ConsentsResponse> {
      const { user, rows, row, scope } = await ownPerson(deps, caller);
      const now = new Date();
      await reconcileConsents(store, scope, rows, user, now);
      if (purpose === "employers_portal") {
        const portals = await store.bind(publicScope, portalsRepository).allPortals();
        const portal = input.portal
          ? portals.find((p) => p.id === input.portal || p.slug === input.portal)
          : portals.find((p) => p.id === caller.portal?.id);
        if (!portal) {
          throw new AppError("validation_failed", {
            fields: [{ path: "portal", message: fieldMessage("unknown_option", locale) }],
          });
        }
        await store.transaction((tx) =>
          chooseVisibility(tx, scope, row, portal.id, input.given, "candidate", user.id, now),
        );
      } else {
        await store.transaction(async (tx) => {
          await tx.bind(scope, researchConsentRepository).setResearchConsent(input.given, now);
          await tx.bind(scope, consentsRepository).insertConsents([
            {
              candidateId: row.id,
              portalId: row.portalId,
              purpose,
              given: input.given,
              at: now,
              source: "candidate",
            },
          ]);
          await tx.emit({
            type: CANDIDATE_EVENTS.consentChanged,
            organisationId: null,
            portalId: row.portalId,
            subject: { candidateId: row.id, userId: user.id },
            actorUserId: user.id,
            payload: { purpose, given: input.given },
          });
        });
      }
      return consents(caller);
    },
  };
}
