import type { z } from "zod";
import type { Locale } from "../../../../contracts/common";
import type {
  CreateEmployerRequestSchema,
  Employer,
  RegistrySearchResponse,
} from "../../../../contracts/employers";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import { findPlaceByName, getPlace } from "../../taxonomy";
import type { Caller } from "../../tenancy";
import { RegistryUnavailableError } from "../company-registry";
import { employerActivityRepository } from "../employer-activity.repository";
import { EMPLOYER_EVENTS } from "../employers.events";
import { crmScopesOf } from "../employers.policy";
import { presentEmployer } from "../employers.presenter";
import {
  type EmployerInsert,
  type EmployerRow,
  employersRepository,
  type PersonRef,
  registrationsRepository,
} from "../employers.repository";
import { aboutEmployer, type EmployerDeps } from "./context";

type CreateInput = z.output<typeof CreateEmployerRequestSchema>;

/** The Chamber of Commerce on name (+ place) or KvK number, marking companies already registered. */
export async function searchRegistry(
  { store, registry }: EmployerDeps,
  q: string,
  city: string | undefined,
): Promise<RegistrySearchResponse> {
  const digits = q.replace(/\s/g, "");
  try {
    const results = /^\d{8}$/.test(digits)
      ? await registry.search({ kvkNumber: digits })
      : await registry.search({ name: q, ...(city ? { city } : {}) });
    const registered = new Map(
      (await store.bind(publicScope, registrationsRepository).byKvk(results.map((r) => r.kvkNumber))).map(
        (e) => [e.kvkNumber, e],
      ),
    );
    return {
      source: registry.source,
      results: results.map((r) => {
        const existing = registered.get(r.kvkNumber);
        return {
          kvkNumber: r.kvkNumber,
          name: r.name,
          tradeNames: r.tradeNames,
          street: r.street,
          houseNumber: r.houseNumber,
          postcode: r.postcode,
          city: r.city,
          kind: r.kind,
          registered: existing ? { id: existing.id, name: existing.name } : null,
        };
      }),
    };
  } catch (error) {
    if (error instanceof RegistryUnavailableError)
      throw new AppError("registry_unavailable", { cause: error });
    throw error;
  }
}

/** The address fields of the input, geocoded from the chosen place or the city's name. */
export function addressOf(input: Partial<CreateInput>, locale: Locale): Partial<EmployerInsert> {
  const out: Partial<EmployerInsert> = {};
  for (const key of ["street", "houseNumber", "city"] as const)
    if (input[key] !== undefined) out[key] = input[key];
  if (input.postcode !== undefined) out.postcode = input.postcode ? input.postcode.toUpperCase() : null;
  if (input.placeId) {
    const place = getPlace(input.placeId);
    if (!place) {
      throw new AppError("validation_failed", {
        fields: [{ path: "placeId", message: fieldMessage("unknown_place", locale) }],
      });
    }
    out.city = input.city || place.name;
    out.lat = place.lat;
    out.lon = place.lon;
  } else if (input.city) {
    const place = findPlaceByName(input.city, { country: "NL" });
    out.lat = place?.lat ?? null;
    out.lon = place?.lon ?? null;
  }
  return out;
}

/** A KvK number is registered once on the whole platform: 409 names and links the existing one. */
export async function refuseDuplicateKvk(
  { store }: EmployerDeps,
  kvkNumber: string | null | undefined,
  exceptId: string | null,
  locale: Locale,
): Promise<void> {
  if (!kvkNumber) return;
  const [existing] = (await store.bind(publicScope, registrationsRepository).byKvk([kvkNumber])).filter(
    (e) => e.id !== exceptId,
  );
  if (!existing) return;
  throw new AppError("conflict", {
    message: {
      nl: `Er is al een werkgever met KvK-nummer ${kvkNumber}: ${existing.name}.`,
      en: `An employer with Chamber of Commerce number ${kvkNumber} already exists: ${existing.name}.`,
      de: `Es gibt bereits einen Arbeitgeber mit der KvK-Nummer ${kvkNumber}: ${existing.name}.`,
      fr: `Il existe déjà un employeur avec le numéro KvK ${kvkNumber} : ${existing.name}.`,
    },
    fields: [
      {
        path: "kvkNumber",
        message:
          locale === "nl"
            ? `Al geregistreerd als ${existing.name}.`
            : `Already registered as ${existing.name}.`,
      },
    ],
    link: { href: `/werkgevers/${existing.id}`, label: existing.name },
  });
}

/** The team's account manager to assign (null: none); 400 for anyone else. */
export async function teamManager(
  deps: EmployerDeps,
  caller: Caller,
  userId: string | null,
  locale: Locale,
): Promise<PersonRef | null> {
  if (userId === null) return null;
  const scopes = await crmScopesOf(caller);
  const managers = await deps.store.bind(scopes.team, employerActivityRepository).teamManagers();
  const manager = managers.find((m) => m.id === userId);
  if (!manager) {
    throw new AppError("validation_failed", {
      fields: [{ path: "accountManagerUserId", message: fieldMessage("person_not_allowed", locale) }],
    });
  }
  return manager;
}

const isUniqueViolation = (error: unknown) =>
  String(
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code,
  ) === "23505";

/**
 * Adds an employer to the caller's team (from a KvK result or entered by hand); the account
 * manager who adds it looks after it unless another is chosen.
 */
export async function createEmployer(
  deps: EmployerDeps,
  caller: Caller,
  input: CreateInput,
  locale: Locale,
): Promise<Employer> {
  const { store } = deps;
  const scopes = await crmScopesOf(caller);
  await refuseDuplicateKvk(deps, input.kvkNumber, null, locale);
  const team = await store.bind(scopes.team, employersRepository).teamOrganisation();
  // An employer is kept by the team that adds it; only the platform administrator adds one without.
  if (!team && !caller.isPlatformAdmin) throw new AppError("forbidden");
  const homePortalId =
    team?.homePortalId ?? (await store.bind(publicScope, registrationsRepository).nationalPortalId());
  if (!homePortalId) throw new AppError("portal_not_found");
  const managerId =
    input.accountManagerUserId ?? (caller.hasRole("account_manager") ? caller.userId() : null);
  const manager = await teamManager(deps, caller, managerId, locale);
  let created: EmployerRow;
  try {
    created = await store.transaction(async (tx) => {
      const row = await tx.bind(scopes.team, employersRepository).insert({
        kind: "employer",
        name: input.name,
        kvkNumber: input.kvkNumber,
        description: input.description,
        website: input.website,
        homePortalId,
        managedByOrganisationId: team?.id ?? null,
        accountManagerUserId: managerId,
        ...addressOf(input, locale),
      });
      await tx.emit(
        aboutEmployer(caller, row, {
          type: EMPLOYER_EVENTS.created,
          payload: {
            name: row.name,
            kvkNumber: row.kvkNumber,
            managedByOrganisationId: row.managedByOrganisationId,
            accountManagerUserId: row.accountManagerUserId,
          },
        }),
      );
      return row;
    });
  } catch (error) {
    // Two people adding the same KvK number at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("conflict");
    throw error;
  }
  // A new employer has no contacts or vacancies yet; the team that added it keeps it (0010).
  return presentEmployer(created, {
    accountManager: manager,
    managedBy: team ? { id: team.id, name: team.name } : null,
    contacts: [],
    vacancies: { active: 0, expired: 0 },
    permissions: { edit: true, archive: true, delete: false },
  });
}
