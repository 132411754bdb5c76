import { Button, FileButton } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";

export interface UploadButtonProps {
  label: string;
  accept: string;
  maxBytes: number;
  loading: boolean;
  /** Called on every pick (also a cancelled one), before anything else: clear old messages. */
  onPick: () => void;
  /** A file over `maxBytes`: say so without sending it. */
  onTooBig: (file: File) => void;
  onFile: (file: File) => void;
}

/** "Upload": pick one file, refuse one that is too big before sending, hand on the rest. */
export function UploadButton({
  label,
  accept,
  maxBytes,
  loading,
  onPick,
  onTooBig,
  onFile,
}: UploadButtonProps) {
  return (
    <FileButton
      accept={accept}
      onChange={(file) => {
        onPick();
        if (!file) return;
        if (file.size > maxBytes) onTooBig(file);
        else onFile(file);
      }}
    >
      {(props) => (
        <Button
          {...props}
          variant="light"
          leftSection={<IconUpload aria-hidden="true" size={18} />}
          loading={loading}
        >
          {label}
        </Button>
      )}
    </FileButton>
  );
}
