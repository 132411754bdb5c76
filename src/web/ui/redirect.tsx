import { useRouter } from "@tanstack/react-router";
import { useEffect } from "react";

/**
 * Replaces the current entry with a plain path (e.g. a ?redirect target), which <Navigate to>
 * cannot take because it only accepts routes known at compile time.
 */
export function Redirect({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => {
    void router.navigate({ href, replace: true });
  }, [router, href]);
  return null;
}
