import type { Store } from "../../../platform/store";
import type { VacancyDeps } from "../../vacancies";

/** What the channel actions work with: repositories through the store, and the vacancies' deps. */
export interface ChannelDeps {
  store: Store;
  /** The vacancies module's actions read and re-date the vacancy (public board, career site). */
  vacancies: VacancyDeps;
}
