// Runs before the first paint (the CSP allows no inline script, so Mantine's ColorSchemeScript
// cannot be used): applies the scheme remembered under the key of
// src/web/features/appearance/color-scheme.ts, or the system's, so dark never flashes white.
(() => {
  let stored = null;
  try {
    stored = window.localStorage.getItem("werkbrug-color-scheme");
  } catch {
    // Storage blocked: follow the system.
  }
  const scheme =
    stored === "light" || stored === "dark"
      ? stored
      : window.matchMedia("(prefers-color-scheme: dark)").matches
        ? "dark"
        : "light";
  document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
})();
