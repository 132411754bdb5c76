import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { secretEncryptor } from "./modules/identity/auth";
import { openDatabase } from "./platform/db";
import type { Env } from "./platform/env";
import { resolveAuthSecret } from "./platform/secrets";
import { seedIfEmpty } from "./seed/demo";

/** env -> db -> migrate -> seed an empty database -> http. */
export async function startServer(
  env: Env,
  options: { webDir: string | null; log?: (message: string) => void },
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const log = options.log ?? ((message: string) => process.stdout.write(`${message}\n`));
  const database = await openDatabase(env);
  log(
    `Database: ${database.kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`,
  );
  await database.migrate();
  await seedIfEmpty(database.db, {
    env,
    log,
    encryptSecret: await secretEncryptor(database.db, env, await resolveAuthSecret(env)),
  });
  const app = await buildApp({ env, database, webDir: options.webDir });
  await app.listen({ port: env.PORT, host: env.HOST });
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
