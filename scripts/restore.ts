// `npm run restore -- FILE`: a backup into an empty DATA_DIR or database (docs/operations.md).

import { restoreCommand } from "../src/server/operations";
import { loadEnvOrExit } from "../src/server/platform/env";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write("Usage: npm run restore -- FILE (a werkbrug-*.tar.gz written by npm run backup)\n");
  process.exit(2);
}
process.exit(await restoreCommand(loadEnvOrExit(), file));
