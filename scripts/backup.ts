// `npm run backup`: one archive of the database and the uploaded files in BACKUP_DIR (docs/operations.md).

import { backupCommand } from "../src/server/operations";
import { loadEnvOrExit } from "../src/server/platform/env";

process.exit(await backupCommand(loadEnvOrExit()));
