import type { Db } from "./db";
import { insertOutboxSms } from "./sms.repository";

export { listSmsOutbox } from "./sms.repository";

export interface SmsSender {
  /** Sends `text` to a Dutch mobile number (any common notation; normalised to E.164 first). */
  send(to: string, text: string): Promise<void>;
  readonly transport: "http" | "outbox";
}

export interface SmsConfig {
  NODE_ENV: "development" | "production" | "test";
  SMS_GATEWAY_URL?: string | undefined;
  SMS_GATEWAY_TOKEN?: string | undefined;
  SMS_FROM?: string | undefined;
}

/** The number is not a Dutch mobile number we can text. */
export class InvalidPhoneNumberError extends Error {
  constructor(
    readonly reason: "invalid" | "not_mobile" | "not_dutch",
    readonly input: string,
  ) {
    super(`Not a Dutch mobile number (${reason})`);
    this.name = "InvalidPhoneNumberError";
  }
}

/** The gateway refused the message (4xx, not retried) or could not be reached (after one retry). */
export class SmsGatewayError extends Error {
  constructor(
    message: string,
    /** HTTP status of the last answer; absent for network errors and timeouts. */
    readonly status: number | undefined,
    /** True for 5xx, network errors and timeouts; false for a 4xx, which retrying will not fix. */
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SmsGatewayError";
  }
}

/** SMS is wanted in production but no gateway is configured. */
export class SmsNotConfiguredError extends Error {
  constructor() {
    super("Cannot send SMS: set SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN (the outbox is for development only)");
    this.name = "SmsNotConfiguredError";
  }
}

/**
 * A Dutch mobile number in E.164 (+316…). Accepts 06…, +316…, 00316… and +31 (0)6…, with spaces,
 * dashes, dots or brackets. Mobile numbers are 06 + 8 digits; of those, 066 (pagers) and 067
 * (dial-up/data) cannot receive a text, and 069 is not in use — the ACM number plan gives 061–065
 * and 068 to mobile telephony.
 */
export function normaliseDutchMobile(input: string): string {
  const compact = input.replace(/\(0\)/g, "").replace(/[\s\-.()/]/g, "");
  if (!/^(\+|00)?\d{9,15}$/.test(compact)) throw new InvalidPhoneNumberError("invalid", input);
  let national: string;
  if (compact.startsWith("+31")) national = compact.slice(3);
  else if (compact.startsWith("0031")) national = compact.slice(4);
  else if (compact.startsWith("+") || compact.startsWith("00"))
    throw new InvalidPhoneNumberError("not_dutch", input);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else throw new InvalidPhoneNumberError("invalid", input);
  if (!/^\d{9}$/.test(national)) throw new InvalidPhoneNumberError("invalid", input);
  if (!/^6[1-58]/.test(national)) throw new InvalidPhoneNumberError("not_mobile", input);
  return `+31${national}`;
}

const TIMEOUT_MS = 5_000;

/**
 * The gateway when SMS_GATEWAY_URL is set, otherwise the development outbox.
 *
 * HTTP adapter — a deliberately generic shape, one request per message:
 *   POST SMS_GATEWAY_URL
 *   Authorization: Bearer SMS_GATEWAY_TOKEN
 *   Content-Type: application/json
 *   { "to": "+31612345678", "text": "…", "from": "Werkbrug" }
 * Any 2xx is success; a 5xx, network error or timeout (5 s) is retried once; a 4xx is not.
 *
 * No commercial provider takes this body verbatim. Spryng (REST v1, also a bearer token) wants
 * `{ originator, body, recipients: ["31612345678"], route, encoding }`; MessageBird wants
 * `{ originator, recipients, body }` with `Authorization: AccessKey …`; Twilio wants a form post
 * with basic auth. Either point SMS_GATEWAY_URL at a small relay (a serverless function or an
 * internal notification service) that translates, or add a provider adapter implementing
 * `SmsSender` next to this one — nothing outside this file knows the wire format.
 *
 * Outbox (no SMS_GATEWAY_URL): the message is stored in `sms_outbox`, listed at /api/dev/mail, and
 * logged at info level. In production that would leak codes into the log, so it throws instead.
 */
export function createSmsSender(
  config: SmsConfig,
  db: Db,
  log: (message: string) => void,
  options: { timeoutMs?: number } = {},
): SmsSender {
  const url = config.SMS_GATEWAY_URL;
  if (url) {
    const token = config.SMS_GATEWAY_TOKEN ?? "";
    const from = config.SMS_FROM ?? "Werkbrug";
    const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    const attempt = async (to: string, text: string): Promise<void> => {
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ to, text, from }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        throw new SmsGatewayError(
          timedOut ? `SMS gateway did not answer within ${timeoutMs} ms` : "SMS gateway unreachable",
          undefined,
          true,
          { cause: error },
        );
      }
      // Drain the body so the connection can be reused; its content is only used in the error.
      const detail = (await response.text().catch(() => "")).slice(0, 200);
      if (response.ok) return;
      throw new SmsGatewayError(
        `SMS gateway answered ${response.status}${detail ? `: ${detail}` : ""}`,
        response.status,
        response.status >= 500,
      );
    };
    return {
      transport: "http",
      async send(to, text) {
        const number = normaliseDutchMobile(to);
        try {
          await attempt(number, text);
        } catch (error) {
          if (!(error instanceof SmsGatewayError) || !error.retryable) throw error;
          await attempt(number, text);
        }
      },
    };
  }
  return {
    transport: "outbox",
    async send(to, text) {
      if (config.NODE_ENV === "production") throw new SmsNotConfiguredError();
      const number = normaliseDutchMobile(to);
      await insertOutboxSms(db, { to: number, text });
      log(`SMS to ${number} (development outbox): ${text}`);
    },
  };
}
