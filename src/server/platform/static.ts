import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "./errors";
import { sendError } from "./http";

/**
 * Serves the built web app. Paths the client router owns fall back to index.html; unknown API
 * paths get the JSON 404; an unknown portal subdomain gets the app with status 404 so that
 * crawlers and monitors see it is not a page.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string | null): Promise<void> {
  const hasBuild = webDir !== null && existsSync(path.join(webDir, "index.html"));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // Cache headers are ours (below), not send's default max-age=0.
      cacheControl: false,
      // Vite fingerprints asset names, so they can be cached for good; index.html never.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader("cache-control", "public, max-age=31536000, immutable");
        } else {
          res.setHeader("cache-control", "no-cache");
        }
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    if (
      pathname.startsWith("/api/") ||
      pathname === "/api" ||
      !hasBuild ||
      (request.method !== "GET" && request.method !== "HEAD")
    ) {
      return sendError(request, reply, new AppError("not_found"));
    }
    if (/\.[a-z0-9]+$/i.test(pathname) && !pathname.endsWith(".html")) {
      return sendError(request, reply, new AppError("not_found"));
    }
    reply.header("cache-control", "no-cache");
    return reply.code(request.portal ? 200 : 404).sendFile("index.html");
  });
}
