import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { PortalScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";

/** What the candidates module's actions work with: repositories through the store, and files. */
export interface CandidateDeps {
  store: Store;
  files: FileStorage;
  log?: (message: string) => void;
}

/** The request's portal, as the candidates module needs it. */
export type HostPortal = Pick<NonNullable<Caller["portal"]>, "id" | "parentId">;

/** The portal of the request (every /api/v1 request has one; see the tenancy hook). */
export function hostOf(caller: Caller): NonNullable<Caller["portal"]> {
  if (!caller.portal) throw new AppError("portal_not_found");
  return caller.portal;
}

/**
 * Staff see candidates through the request's portal when their organisation is at home there
 * (or they are the platform administrator); anyone else gets 404, as for an invisible candidate.
 */
export async function portalScopeOf(caller: Caller): Promise<PortalScope> {
  const scope = await caller.portalCandidates();
  if (!scope) throw new AppError("not_found");
  return scope;
}

/** A stored file, or 404. */
export async function storedFile(files: FileStorage, key: string | null) {
  const file = key ? await files.get(key) : null;
  if (!file) throw new AppError("not_found");
  return file;
}
