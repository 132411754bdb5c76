import { Box } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A wide table of plain figures that scrolls sideways on a narrow screen. The scrolling area
 * takes the keyboard focus itself (a table without links or buttons has nothing else that
 * could), and is named as a region after what it holds.
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto" }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
