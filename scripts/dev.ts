// `npm run dev`: the API with live reload (tsx watch) on PORT and Vite's dev server on 5173,
// which proxies /api to it. Open http://localhost:5173 or http://haaglanden.localhost:5173.
import { spawn } from "node:child_process";

// Portal links should point at Vite's port, where the pages are served in development.
const apiEnv = { ...process.env, PUBLIC_URL: process.env.PUBLIC_URL ?? "http://localhost:5173" };
const children = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "scripts/dev-api.ts"], {
    stdio: "inherit",
    env: apiEnv,
  }),
  spawn("npx", ["vite"], { stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && code !== 0 && stop());
