import type {
  ContactHistoryResponse,
  FavouritesQuery,
  FavouritesResponse,
} from "../../../../contracts/candidates";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { candidateReachRepository } from "../candidates.repository";
import { contactViewsRepository } from "../contact-views.repository";
import { staffOutreachRepository } from "../outreach.repository";
import { type CandidateDeps, portalScopeOf } from "./context";

/**
 * A staff member's own lists: favourite candidates (HalloWerk "Favorieten", private to each
 * person) and the candidates whose contact details they requested ("Geschiedenis"); both only
 * with candidates still visible through the request's portal.
 */
export function favouriteActions(deps: Pick<CandidateDeps, "store">) {
  const { store } = deps;
  return {
    /** 404 unless the staff member may see this candidate through the request's portal. */
    async assertVisible(caller: Caller, candidateId: string): Promise<void> {
      const scope = await portalScopeOf(caller);
      if (!(await store.bind(scope, candidateReachRepository).findProfile(candidateId)))
        throw new AppError("not_found");
    },

    /** A favourite is private to the staff member; only candidates they may see can be one. */
    async setFavourite(caller: Caller, candidateId: string, favourite: boolean) {
      const scope = await portalScopeOf(caller);
      const stars = store.bind(scope, staffOutreachRepository);
      if (favourite) {
        if (!(await stars.addFavourite(caller.userId(), candidateId))) throw new AppError("not_found");
      } else {
        await stars.removeFavourite(caller.userId(), candidateId);
      }
      return { favourite };
    },

    async isFavourite(caller: Caller, candidateId: string) {
      const scope = await portalScopeOf(caller);
      return {
        favourite: await store.bind(scope, staffOutreachRepository).isFavourite(caller.userId(), candidateId),
      };
    },

    /** "Favorieten": my favourites still visible through this portal, with the team's work on them. */
    async favourites(caller: Caller, query: FavouritesQuery): Promise<FavouritesResponse> {
      const scope = await portalScopeOf(caller);
      const { rows, total, pageSize } = await store
        .bind(scope, staffOutreachRepository)
        .favourites(caller.userId(), query);
      return {
        favourites: rows.map((r) => ({
          candidateId: r.candidateId,
          name: `${r.firstName} ${r.lastName}`.trim(),
          city: r.city,
          headline: r.headline,
          savedCount: Number(r.saved),
          proposedCount: Number(r.proposed),
          addedAt: r.addedAt.toISOString(),
        })),
        total,
        page: query.page,
        pageSize,
      };
    },

    /** "Geschiedenis": candidates whose contact details I requested, last viewed first. */
    async contactHistory(caller: Caller, page: number): Promise<ContactHistoryResponse> {
      const scope = await portalScopeOf(caller);
      const { rows, total, pageSize } = await store
        .bind(scope, contactViewsRepository)
        .requestedContacts(caller.userId(), page);
      return {
        history: rows.map((r) => ({
          candidateId: r.candidateId,
          name: `${r.firstName} ${r.lastName}`.trim(),
          city: r.city,
          lastViewedAt: new Date(r.last).toISOString(),
          views: Number(r.views),
        })),
        total,
        page,
        pageSize,
      };
    },
  };
}
