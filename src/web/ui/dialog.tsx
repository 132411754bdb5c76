import { Modal } from "@mantine/core";
import type { ReactNode } from "react";

export interface DialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Accessible name of the close button (×). */
  closeLabel: string;
  size?: string;
  children: ReactNode;
}

/**
 * Mantine's modal with two accessibility fixes: the close button has a name, and the header is
 * a plain div (a <header> outside the main content counts as a second "banner" landmark).
 */
export function Dialog({ opened, onClose, title, closeLabel, size = "md", children }: DialogProps) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...({ component: "div" } as object)}>
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={closeLabel} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
