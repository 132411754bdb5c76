import { readFileSync } from "node:fs";
import { appRootUrl } from "./app-root";

/** The version users and the health check see: package.json's, read once. */
export const appVersion: string = (
  JSON.parse(readFileSync(new URL("package.json", appRootUrl), "utf8")) as { version: string }
).version;
