import type { FileStorage } from "../../../platform/files";
import type { Store } from "../../../platform/store";
import type { MatchDeps } from "../../matches";

/** What the hiring and onboarding actions work with. */
export interface OnboardingDeps {
  store: Store;
  files: FileStorage;
  /** The matches module's deps: hiring moves the match through `moveMatch`. */
  matches: MatchDeps;
  /** Today's date (Europe/Brussels); tests may pin it. */
  today: () => string;
}
