import http from "node:http";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * fetch() refuses to set the Host header, and Node does not resolve *.localhost by itself, so
 * requests for a portal go to 127.0.0.1 with the portal's Host header over plain http.
 */
export async function request(
  server: { port: number },
  pathname: string,
  init: {
    method?: string;
    host?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /**
     * The Origin header of a non-GET request: by default the host's own (`http://<host>`), as a
     * browser on the portal sends it; null sends none. GET, HEAD and OPTIONS send none by default.
     */
    origin?: string | null;
  } = {},
): Promise<{
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  text: string;
  /** The raw response bytes (downloads: PDF, xlsx). */
  body: Buffer;
  json<T = unknown>(): T;
}> {
  const method = init.method ?? "GET";
  const host = init.host ?? `localhost:${server.port}`;
  const origin = init.origin === undefined ? (READS.has(method) ? null : `http://${host}`) : init.origin;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        path: pathname,
        method,
        headers: { host, ...(origin !== null ? { origin } : {}), ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const text = body.toString("utf8");
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = String(v);
          const raw = res.headers["set-cookie"];
          const setCookies = Array.isArray(raw) ? raw : raw ? [raw] : [];
          resolve({
            status: res.statusCode ?? 0,
            headers,
            setCookies,
            text,
            body,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    req.on("error", reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
