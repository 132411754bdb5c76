import { Fragment, type ReactNode } from "react";

/**
 * Label-value pairs as a description list; empty values are left out rather than shown as
 * dashes, and nothing at all is drawn when every value is empty.
 */
export function Facts({ items }: { items: readonly [string, ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className="werkbrug-facts">
      {shown.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
