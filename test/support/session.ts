import { generateSync } from "otplib";
import { DEMO_PASSWORD, DEMO_TOTP_KEY } from "../../src/server/seed/demo";
import { request } from "./http";

let clients = 0;

/**
 * A cookie jar for one browser-like client of a test server. Each client has an address of its
 * own (test servers trust X-Forwarded-For), as real users do, so per-address limits apply per
 * client.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  readonly ip: string;
  constructor(
    readonly server: { port: number },
    readonly host = `localhost:${server.port}`,
  ) {
    clients++;
    this.ip = `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
  }

  async call(
    path: string,
    init: {
      method?: string;
      body?: unknown;
      raw?: { data: Buffer; type: string };
      headers?: Record<string, string>;
      /** Another Origin than the client's own host, or null to send none. */
      origin?: string | null;
    } = {},
  ) {
    const origin = init.origin === undefined ? `http://${this.host}` : init.origin;
    const headers: Record<string, string> = {
      "x-forwarded-for": this.ip,
      ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.raw ? { "content-type": init.raw.type } : {}),
      ...init.headers,
    };
    const res = await request(this.server, path, {
      method: init.method ?? (init.body !== undefined || init.raw ? "POST" : "GET"),
      host: this.host,
      origin,
      headers,
      ...(init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : init.raw
          ? { body: init.raw.data }
          : {}),
    });
    for (const line of res.setCookies) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

export function totpCode(key = DEMO_TOTP_KEY, offsetSteps = 0): string {
  return generateSync({ secret: key, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

/** Signs a demo account in with password and, for staff, the demo TOTP code. */
export async function signIn(client: Client, email: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await client.call("/api/auth/sign-in/email", { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  if (res.json<{ twoFactorRedirect?: boolean }>().twoFactorRedirect) {
    const verified = await client.call("/api/auth/two-factor/verify-totp", { body: { code: totpCode() } });
    if (verified.status !== 200) throw new Error(`TOTP failed: ${verified.status} ${verified.text}`);
  }
}
