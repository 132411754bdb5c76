// `npm run job -- NAME`: runs a scheduled job now (docs/operations.md).

import { jobCommand } from "../src/server/operations";
import { loadEnvOrExit } from "../src/server/platform/env";

const name = process.argv[2];
if (!name || process.argv.length > 3) {
  process.stderr.write("Usage: npm run job -- NAME (an unknown name lists the jobs)\n");
  process.exit(2);
}
process.exit(await jobCommand(loadEnvOrExit(), name));
