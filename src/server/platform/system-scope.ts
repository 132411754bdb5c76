import type { PlatformScope, SystemActor } from "./scope";
import { mint } from "./scope-mint";

/**
 * Platform-wide access for work that no person asks for: background jobs (`*.jobs.ts`), the
 * event dispatcher and its subscribers, seeding, benchmarks and tests. The architecture test
 * allows this import only there.
 */
export function systemScope(actor: SystemActor): PlatformScope {
  return mint.platform(actor);
}
