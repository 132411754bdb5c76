import type { CandidateStaffView, ContactDetailsResponse } from "../../../../contracts/candidates";
import { AppError } from "../../../platform/errors";
import { publicScope } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { candidateFilesRepository } from "../candidate-files.repository";
import { CANDIDATE_EVENTS } from "../candidates.events";
import { contactDetailsOf } from "../candidates.policy";
import { candidateContact, presentStaffView } from "../candidates.presenter";
import { candidateReachRepository, portalsRepository } from "../candidates.repository";
import { contactViewsRepository } from "../contact-views.repository";
import { type CandidateDeps, portalScopeOf, storedFile } from "./context";

/**
 * Staff look at a candidate visible through the request's portal (decision 0011): the profile
 * without contact details, its files, and the contact details on request, which is logged and
 * shown to the candidate. Every query takes the caller's portal scope with the candidate's id.
 */
export function staffViewActions(deps: CandidateDeps) {
  const { store, files } = deps;

  async function visibleCandidate(caller: Caller, id: string) {
    const scope = await portalScopeOf(caller);
    const row = await store.bind(scope, candidateReachRepository).findProfile(id);
    if (!row) throw new AppError("not_found");
    return { row, scope };
  }

  return {
    /** The profile page staff see (HalloWerk "Kandidaat profiel"), without contact details. */
    async staffView(caller: Caller, id: string): Promise<CandidateStaffView> {
      const { row, scope } = await visibleCandidate(caller, id);
      const candidateFiles = store.bind(scope, candidateFilesRepository);
      const [documents, photos, consent] = await Promise.all([
        candidateFiles.listDocuments(row.id),
        candidateFiles.listPhotos(row.id),
        store.bind(publicScope, portalsRepository).viewerConsentsToEmbeds(caller.userId()),
      ]);
      return presentStaffView({ row, documents, photos, consent });
    },

    /**
     * "Contactgegevens": logged every time, then the candidate's own details or their account
     * manager's, as the candidate chose (decision 0011).
     */
    async contactDetails(caller: Caller, id: string): Promise<ContactDetailsResponse> {
      const { row, scope } = await visibleCandidate(caller, id);
      const viewer = caller.userId();
      await store.transaction(async (tx) => {
        if (!(await tx.bind(scope, contactViewsRepository).logContactView(row.id, viewer)))
          throw new AppError("not_found");
        await tx.emit({
          type: CANDIDATE_EVENTS.contactDetailsViewed,
          organisationId: scope.organisationId,
          portalId: scope.portalId,
          subject: { candidateId: row.id },
          actorUserId: viewer,
          payload: { via: contactDetailsOf(row, viewer) },
        });
      });
      if (contactDetailsOf(row, viewer) === "candidate") return candidateContact(row);
      return {
        via: "account_manager",
        accountManager: row.accountManagerUserId
          ? await store.bind(scope, candidateReachRepository).accountManagerOf(row.id)
          : null,
      };
    },

    async staffDocument(caller: Caller, id: string, documentId: string) {
      const scope = await portalScopeOf(caller);
      const document = await store.bind(scope, candidateFilesRepository).findDocument(documentId, id);
      if (!document) throw new AppError("not_found");
      return { ...(await storedFile(files, document.fileKey)), fileName: document.fileName };
    },

    async staffPhoto(caller: Caller, id: string) {
      const { row } = await visibleCandidate(caller, id);
      return storedFile(files, row.photoFileKey);
    },

    async staffMediaPhoto(caller: Caller, id: string, photoId: string) {
      const scope = await portalScopeOf(caller);
      const photo = await store.bind(scope, candidateFilesRepository).findPhoto(photoId, id);
      return storedFile(files, photo?.fileKey ?? null);
    },
  };
}
