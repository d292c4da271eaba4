import { Component, type ReactNode } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";

/** A message at the top of the work area: what just happened, in the user's words. */
export type Status = {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  text: string;
} | null;

const useStyles = makeStyles({
  nav: {
    display: "flex",
    gap: tokens.spacingHorizontalXXS,
    flexWrap: "wrap",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
});

/** The sections of a pane as a row of buttons (lighter than Fluent's TabList, which the bundle budget cannot afford). */
export function SectionNav<T extends string>({
  label,
  sections,
  current,
  onSelect,
}: {
  label: string;
  sections: [T, string][];
  current: T;
  onSelect: (section: T) => void;
}) {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label={label}>
      {sections.map(([value, text]) => (
        <Button
          key={value}
          size="small"
          appearance={current === value ? "secondary" : "subtle"}
          aria-current={current === value ? "page" : undefined}
          onClick={() => onSelect(value)}
        >
          {text}
        </Button>
      ))}
    </nav>
  );
}

/** What is being done, while it is done. */
export function Busy({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <div role="status" aria-live="polite">
      <Text size={200}>{label}</Text>
      <ProgressBar aria-label={label} />
    </div>
  );
}

export function StatusMessage({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent}>
      <MessageBarBody>
        <MessageBarTitle>{status.title}</MessageBarTitle>
        {status.text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What a run produces besides the computed cells. */
export type RunKind = "hitung" | "lembar" | "tabel";

/** The actions of every door: Hitung Capaian, Buat Lembar Pengukuran, Buat Tabel LKjIP (more may follow, such as Unduh hasil). */
export function RunButtons({
  disabled,
  onRun,
  children,
}: {
  disabled: boolean;
  onRun: (kind: RunKind) => void;
  children?: ReactNode;
}) {
  return (
    <>
      <Button appearance="primary" disabled={disabled} onClick={() => onRun("hitung")}>
        Hitung Capaian
      </Button>
      <Button disabled={disabled} onClick={() => onRun("lembar")}>
        Buat Lembar Pengukuran
      </Button>
      <Button disabled={disabled} onClick={() => onRun("tabel")}>
        Buat Tabel LKjIP
      </Button>
      {children}
    </>
  );
}

/** Said where a part of the pane loaded on demand could not be fetched. */
export const PART_NOT_LOADED =
  "Bagian ini tidak dapat dimuat. Periksa sambungan ke server add-in, lalu tutup dan buka lagi panel ini.";

/** A part loaded on demand (a tab): if its chunk cannot be fetched, a sentence, not a blank pane. */
export class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? <Text role="alert">{PART_NOT_LOADED}</Text> : this.props.children;
  }
}
