import type { FileStorage } from "../../../platform/files";
import type { Store } from "../../../platform/store";
import type { MatchDeps } from "../../matches";

/** What the forms actions work with: repositories through the store, files, and the matches module. */
export interface FormsDeps {
  store: Store;
  files: FileStorage;
  /** The application is a match, made by the matches module's apply. */
  matches: MatchDeps;
}
