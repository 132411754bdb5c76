import type { IntakeField, IntakeRequest, IntakeStatus } from "../../../../contracts/candidates";
import type { Locale } from "../../../../contracts/common";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { SelfScope } from "../../../platform/scope";
import { getOccupation, getPlace, getWorkLevels } from "../../taxonomy";
import type { Caller } from "../../tenancy";
import { CANDIDATE_EVENTS } from "../candidates.events";
import {
  type CandidateRow,
  type NewCandidateRow,
  newProfilesRepository,
  type PortalRow,
  profilesRepository,
  selfRepository,
} from "../candidates.repository";
import type { CandidateDeps } from "./context";
import { profileUpdated } from "./own-profile";

/** Whether a stored profile has what an intake field asks for. */
const HAS: Record<IntakeField, (c: CandidateRow) => boolean> = {
  phone: (c) => Boolean(c.phone),
  place: (c) => c.lat != null && Boolean(c.city),
  birthDate: (c) => c.birthDate != null,
  workLevel: (c) => c.workLevel != null,
  occupations: (c) => (c.desiredOccupationIds ?? []).length > 0,
  availability: (c) => c.hoursMin != null || c.hoursMax != null,
};

/** Where each intake field is answered in the request (for the error's path). */
const PATHS: Record<IntakeField, string> = {
  phone: "phone",
  place: "placeId",
  birthDate: "birthDate",
  workLevel: "workLevel",
  occupations: "desiredOccupationIds",
  availability: "hoursMax",
};

function status(portal: PortalRow, row: CandidateRow | null): IntakeStatus {
  const required = portal.candidateIntakeFields.filter((f): f is IntakeField => f in HAS);
  const missing = required.filter((field) => !row || !HAS[field](row));
  return {
    portal: { slug: portal.slug, name: { nl: portal.nameNl, en: portal.nameEn } },
    member: row !== null,
    required,
    missing,
    complete: missing.length === 0,
    values: {
      phone: row?.phone ?? null,
      placeId: row?.placeId ?? null,
      placeName: row?.city ?? null,
      birthDate: row?.birthDate ?? null,
      workLevel: row?.workLevel ?? null,
      desiredOccupationIds: row?.desiredOccupationIds ?? [],
      hoursMin: row?.hoursMin ?? null,
      hoursMax: row?.hoursMax ?? null,
    },
  };
}

/** The answers as columns, after checking them; every field the portal asks for must be there. */
function resolveAnswers(
  portal: PortalRow,
  existing: CandidateRow | null,
  input: IntakeRequest,
  locale: Locale,
): Partial<NewCandidateRow> {
  const problems: FieldError[] = [];
  const fail = (path: string, key: string) => problems.push({ path, message: fieldMessage(key, locale) });
  const place = input.placeId ? getPlace(input.placeId) : null;
  if (input.placeId && !place) fail("placeId", "unknown_place");
  if (input.workLevel && !getWorkLevels().some((l) => l.id === input.workLevel))
    fail("workLevel", "unknown_option");
  input.desiredOccupationIds?.forEach((id, i) => {
    if (!getOccupation(id)) fail(`desiredOccupationIds.${i}`, "unknown_occupation");
  });
  if (input.hoursMin != null && input.hoursMax != null && input.hoursMin > input.hoursMax) {
    fail("hoursMax", "range_min_above_max");
  }
  const patch: Partial<NewCandidateRow> = {};
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.placeId !== undefined) {
    Object.assign(patch, {
      placeId: place?.id ?? null,
      city: place?.name ?? null,
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
    });
  }
  if (input.birthDate !== undefined) patch.birthDate = input.birthDate;
  if (input.workLevel !== undefined) patch.workLevel = input.workLevel;
  if (input.desiredOccupationIds !== undefined)
    patch.desiredOccupationIds = [...new Set(input.desiredOccupationIds)];
  if (input.hoursMin !== undefined) patch.hoursMin = input.hoursMin;
  if (input.hoursMax !== undefined) patch.hoursMax = input.hoursMax;
  // Every field the portal asks for must be answered, by this request or before.
  const after = {
    ...(existing ?? ({ desiredOccupationIds: [] } as unknown as CandidateRow)),
    ...patch,
  } as CandidateRow;
  for (const field of portal.candidateIntakeFields as IntakeField[]) {
    if (field in HAS && !HAS[field](after)) {
      if (!problems.some((p) => p.path === PATHS[field])) fail(PATHS[field], "required");
    }
  }
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
  return patch;
}

/**
 * The first visit of a portal's candidate side asks for the extra data the portal needs before
 * the site can be used (Kansenportaal). A candidate of another portal joins this one by
 * answering it. What a portal asks is `portals.candidate_intake_fields`.
 */
export function intakeActions(deps: Pick<CandidateDeps, "store">) {
  const { store } = deps;

  async function rowOn(scope: SelfScope, portalId: string): Promise<CandidateRow | null> {
    const rows = await store.bind(scope, profilesRepository).profilesOf(scope.userId);
    return rows.find((r) => r.portalId === portalId) ?? null;
  }

  return {
    async get(caller: Caller, portal: PortalRow): Promise<IntakeStatus> {
      return status(portal, await rowOn(await caller.self(), portal.id));
    },

    /** Saves the answers; all required fields must be there afterwards. Nothing half-saved. */
    async answer(caller: Caller, portal: PortalRow, input: IntakeRequest, locale: Locale) {
      const scope = await caller.self();
      const existing = await rowOn(scope, portal.id);
      const patch = resolveAnswers(portal, existing, input, locale);
      await store.transaction(async (tx) => {
        if (existing) {
          await tx.bind(scope, profilesRepository).updateProfile(existing.id, patch);
          await profileUpdated(tx, caller, existing, ["intake"]);
          return;
        }
        // A candidate of another portal joins this one.
        const user = await tx.bind(scope, profilesRepository).person(scope.userId);
        if (!user) throw new AppError("not_found");
        const [first = user.name, ...rest] = user.name.split(/\s+/);
        await tx.bind(scope, selfRepository).joinPortal(portal.id);
        const row = await tx.bind(scope, newProfilesRepository).insertProfile({
          portalId: portal.id,
          userId: user.id,
          firstName: first,
          lastName: rest.join(" "),
          email: user.email,
          visible: false,
          ...patch,
        });
        await tx.emit({
          type: CANDIDATE_EVENTS.joinedPortal,
          organisationId: null,
          portalId: portal.id,
          subject: { candidateId: row.id, userId: user.id },
          actorUserId: user.id,
          payload: {},
        });
      });
      return status(portal, await rowOn(existing ? scope : await caller.self({ fresh: true }), portal.id));
    },
  };
}
