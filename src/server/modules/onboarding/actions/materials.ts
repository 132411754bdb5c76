import type { z } from "zod";
import type {
  CandidateOnboarding,
  CreateMaterialRequestSchema,
  Material,
  MaterialListResponse,
  UpdateMaterialRequestSchema,
} from "../../../../contracts/onboarding";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { MATERIAL_MANAGER_ROLES, materialAvailable } from "../onboarding.policy";
import { materialDto } from "../onboarding.presenter";
import { onboardingRepository, ownOnboardingRepository } from "../onboarding.repository";
import type { OnboardingDeps } from "./context";

type CreateInput = z.output<typeof CreateMaterialRequestSchema>;
type UpdateInput = z.output<typeof UpdateMaterialRequestSchema>;

async function managerScope(caller: Caller) {
  const ids = caller.isPlatformAdmin
    ? ("all" as const)
    : await caller.organisationsAs(MATERIAL_MANAGER_ROLES);
  return { scope: await caller.scopeAs(MATERIAL_MANAGER_ROLES), ids };
}

/** The learning material of the caller's organisation families, and their own e-mail domains. */
export async function listMaterials(deps: OnboardingDeps, caller: Caller): Promise<MaterialListResponse> {
  const { scope, ids } = await managerScope(caller);
  const repo = deps.store.bind(scope, onboardingRepository);
  const organisations = await repo.organisationsWithDomains(ids);
  const materials = await repo.materials(organisations.map((o) => o.id));
  return { materials: materials.map(materialDto), organisations };
}

/** A top organisation of the caller's families; 404 for any other. */
async function ownTop(deps: OnboardingDeps, caller: Caller, organisationId: string) {
  const { scope, ids } = await managerScope(caller);
  const repo = deps.store.bind(scope, onboardingRepository);
  const [found] = await repo.organisationsWithDomains(
    ids === "all" ? [organisationId] : ids.filter((i) => i === organisationId),
  );
  if (!found) throw new AppError("not_found");
  return { scope, repo, organisation: found };
}

export async function createMaterial(
  deps: OnboardingDeps,
  caller: Caller,
  input: CreateInput,
): Promise<Material> {
  const { repo } = await ownTop(deps, caller, input.organisationId);
  const row = await repo.insertMaterial({ ...input, createdByUserId: caller.userId() });
  return materialDto(row);
}

export async function updateMaterial(
  deps: OnboardingDeps,
  caller: Caller,
  materialId: string,
  input: UpdateInput,
): Promise<Material> {
  const { scope } = await managerScope(caller);
  const row = await deps.store.bind(scope, onboardingRepository).updateMaterial(materialId, input);
  if (!row) throw new AppError("not_found");
  return materialDto(row);
}

/** The organisation's own e-mail domains: hires with an address in one have an internal profile. */
export async function setEmailDomains(
  deps: OnboardingDeps,
  caller: Caller,
  organisationId: string,
  domains: readonly string[],
): Promise<MaterialListResponse> {
  const { repo } = await ownTop(deps, caller, organisationId);
  await repo.setEmailDomains(organisationId, [...new Set(domains)], caller.userId());
  return listMaterials(deps, caller);
}

/** "Mijn inwerken": the new employee's material, each opened before or from the first day as it allows. */
export async function candidateOnboarding(
  deps: OnboardingDeps,
  caller: Caller,
): Promise<CandidateOnboarding> {
  const scope = await caller.self();
  const repo = deps.store.bind(scope, ownOnboardingRepository);
  const hires = await repo.hires();
  const materials = await repo.materials(hires.map((h) => h.id));
  const today = deps.today();
  return {
    hires: hires.map((h) => ({
      ...h,
      materials: materials
        .filter((m) => m.hireId === h.id && m.material.active)
        .map(({ material }) => {
          const available = materialAvailable(material.availability, h.startDate, today);
          return {
            id: material.id,
            title: material.title,
            description: material.description,
            availability: material.availability,
            available,
            url: available ? material.url : null,
          };
        }),
    })),
  };
}
