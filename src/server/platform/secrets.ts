import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Env } from "./env";

/**
 * The secret that signs sessions and encrypts second-factor secrets. Production must configure
 * it (env.ts refuses to start otherwise); a development install makes one on first start and
 * keeps it next to the embedded database, so sessions and enrolled authenticators survive
 * restarts without anyone having to invent a secret.
 */
export async function resolveAuthSecret(env: Pick<Env, "AUTH_SECRET" | "DATA_DIR">): Promise<string> {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.DATA_DIR, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(env.DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Seals short secrets (reset and verification links, invitation tokens) that must travel through
 * a table a developer or an operator may read, such as the domain-event payloads (decision 0015).
 * AES-256-GCM with a key derived from the app secret by HKDF, so the sealed text is useless
 * without the secret and any change to it is detected. A sealed value made under another secret
 * (a rotated AUTH_SECRET) cannot be opened: `open` throws.
 */
export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

const SEAL_VERSION = "s1";

export function createSealer(secret: string, purpose = "werkbrug/event-payload"): Sealer {
  const key = Buffer.from(hkdfSync("sha256", secret, "werkbrug", purpose, 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [SEAL_VERSION, iv, body, cipher.getAuthTag()]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== SEAL_VERSION || !iv || body === undefined || !tag)
        throw new Error("not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}
