// Preloaded with `node --import` by test/production-start.test.ts: writes every module the
// process resolves (ESM through a resolve hook, CommonJS through the resolver) to MODULE_LOG,
// one URL or path a line, so the test can show that no build tool is loaded at run time.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const file = process.env.MODULE_LOG;
if (file) {
  register("./module-log-hooks.mjs", import.meta.url, { data: { file } });
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (...args) {
    const resolved = resolve.apply(this, args);
    appendFileSync(file, `${resolved}\n`);
    return resolved;
  };
}
