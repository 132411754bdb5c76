import classes from "./skip-link.module.css";

/** First focusable element on every page, so keyboard users can bypass header and menu. */
export function SkipLink({ targetId, label }: { targetId: string; label: string }) {
  return (
    <a className={classes.skipLink} href={`#${targetId}`}>
      {label}
    </a>
  );
}
