import type {
  CandidateMeResponse,
  ContactView,
  PortalVisibility,
  SetPortalVisibilityRequest,
} from "../../../../contracts/candidates";
import type { Locale } from "../../../../contracts/common";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import { publicScope, type SelfScope } from "../../../platform/scope";
import type { TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { candidateFilesRepository } from "../candidate-files.repository";
import { CANDIDATE_EVENTS } from "../candidates.events";
import { contactViewDto, presentMe, visibilityOf } from "../candidates.presenter";
import {
  type CandidateRow,
  candidateReachRepository,
  newProfilesRepository,
  portalsRepository,
  profilesRepository,
  selfRepository,
} from "../candidates.repository";
import { ownContactViewsRepository } from "../contact-views.repository";
import { resolvePatch, type UpdateProfileInput } from "../profile-patch";
import type { CandidateDeps } from "./context";

export interface OwnProfile {
  /** The profile on the request's portal, else the person's first. */
  row: CandidateRow;
  /** All of the person's profiles, oldest first. */
  rows: CandidateRow[];
  scope: SelfScope;
}

/**
 * The signed-in candidate's profile: the one on the request's portal, else their first. A
 * person with the candidate role but no profile yet (a staff member who is also a candidate)
 * gets an empty, invisible one.
 */
export async function ownProfile(deps: CandidateDeps, caller: Caller): Promise<OwnProfile> {
  const host = caller.portal;
  const scope = await caller.self();
  const rows = await deps.store.bind(scope, profilesRepository).profilesOf(scope.userId);
  const found = rows.find((r) => r.portalId === host?.id) ?? rows[0];
  if (found) return { row: found, rows, scope };
  const portalIds = (await caller.memberships()).flatMap((m) =>
    m.role === "candidate" && m.portalId ? [m.portalId] : [],
  );
  const portalId = portalIds.find((p) => p === host?.id) ?? portalIds[0];
  if (!portalId) throw new AppError("forbidden");
  const contact = await deps.store.bind(scope, selfRepository).ownContact();
  const [first, ...rest] = (contact?.name ?? "").trim().split(/\s+/);
  const row = await deps.store.bind(scope, newProfilesRepository).insertProfile({
    portalId,
    userId: scope.userId,
    firstName: first || "-",
    lastName: rest.join(" ") || "-",
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    visible: false,
  });
  return { row, rows: [row], scope: await caller.self({ fresh: true }) };
}

/** Records that the candidate changed parts of their profile (for webhooks and history). */
export async function profileUpdated(
  tx: TxStore,
  caller: Caller,
  row: Pick<CandidateRow, "id" | "portalId">,
  parts: readonly string[],
): Promise<void> {
  await tx.emit({
    type: CANDIDATE_EVENTS.profileUpdated,
    organisationId: null,
    portalId: row.portalId,
    subject: { candidateId: row.id },
    actorUserId: caller.userId(),
    payload: { parts: [...parts] },
  });
}

async function meOf(deps: CandidateDeps, caller: Caller, row: CandidateRow, scope: SelfScope) {
  const reach = deps.store.bind(scope, candidateReachRepository);
  const files = deps.store.bind(scope, candidateFilesRepository);
  const shared = deps.store.bind(publicScope, portalsRepository);
  const [documents, photos, consent, portals, choices, accountManager] = await Promise.all([
    files.listDocuments(row.id),
    files.listPhotos(row.id),
    shared.viewerConsentsToEmbeds(caller.userId()),
    shared.allPortals(),
    reach.visibilityChoices(row.id),
    row.accountManagerUserId ? reach.accountManagerOf(row.id) : Promise.resolve(null),
  ]);
  return presentMe({ row, portals, choices, documents, photos, consent, accountManager });
}

export function ownProfileActions(deps: CandidateDeps) {
  const { store } = deps;
  return {
    async me(caller: Caller): Promise<CandidateMeResponse> {
      const { row, scope } = await ownProfile(deps, caller);
      return meOf(deps, caller, row, scope);
    },

    async updateProfile(
      caller: Caller,
      input: UpdateProfileInput,
      locale: Locale,
    ): Promise<CandidateMeResponse> {
      const { row, scope } = await ownProfile(deps, caller);
      const patch = resolvePatch(input, row, locale);
      const updated =
        Object.keys(patch).length === 0
          ? row
          : await store.transaction(async (tx) => {
              const changed = await tx.bind(scope, profilesRepository).updateProfile(row.id, patch);
              if (changed) {
                const parts = Object.keys(input).filter(
                  (k) => input[k as keyof UpdateProfileInput] !== undefined,
                );
                await profileUpdated(tx, caller, changed, parts);
              }
              return changed;
            });
      if (!updated) throw new AppError("not_found");
      return meOf(deps, caller, updated, scope);
    },

    async setVisibility(
      caller: Caller,
      input: SetPortalVisibilityRequest,
      locale: Locale,
    ): Promise<PortalVisibility[]> {
      const { row, scope } = await ownProfile(deps, caller);
      const portals = await store.bind(publicScope, portalsRepository).allPortals();
      const portal = portals.find((p) => p.id === input.portal || p.slug === input.portal);
      if (!portal) {
        throw new AppError("validation_failed", {
          fields: [{ path: "portal", message: fieldMessage("unknown_option", locale) }],
        });
      }
      await store.transaction(async (tx) => {
        await tx.bind(scope, profilesRepository).chooseVisibility(row, portal.id, input.visible, new Date());
        await tx.emit({
          type: CANDIDATE_EVENTS.visibilityChanged,
          organisationId: null,
          portalId: portal.id,
          subject: { candidateId: row.id },
          actorUserId: caller.userId(),
          payload: { visible: input.visible, source: "candidate" },
        });
      });
      const reach = store.bind(scope, candidateReachRepository);
      const [updated, choices] = await Promise.all([
        reach.findProfile(row.id),
        reach.visibilityChoices(row.id),
      ]);
      return visibilityOf(updated ?? row, portals, choices);
    },

    /** Who opened my contact details (person and organisation) and when, newest first. */
    async contactViews(caller: Caller): Promise<ContactView[]> {
      const scope = await caller.self();
      const rows = await store.bind(scope, ownContactViewsRepository).contactViewsOfMine();
      return rows.map(contactViewDto);
    },
  };
}
