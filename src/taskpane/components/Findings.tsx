import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/findings";

const useStyles = makeStyles({
  group: { display: "grid", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  item: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightRegular,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}` },
});

function Group({
  title,
  findings,
  onShow,
  kind,
}: {
  title: string;
  findings: Finding[];
  onShow: (cell: string) => void;
  kind: "error" | "warning";
}) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <section className={styles.group} aria-label={title}>
      <Text weight="semibold">
        {title} ({findings.length})
      </Text>
      {findings.map((f, i) => (
        <Button
          key={`${f.code}-${f.cell}-${i}`}
          appearance="subtle"
          className={mergeClasses(styles.item, styles[kind])}
          disabled={!f.cell}
          onClick={() => f.cell && onShow(f.cell)}
          title={f.cell ? `Tampilkan sel ${f.cell}` : undefined}
        >
          <span>
            {f.cell && <span className={styles.cell}>{f.cell} </span>}
            {f.message}
          </span>
        </Button>
      ))}
    </section>
  );
}

/** Errors, then warnings; clicking one selects its cell in the workbook. */
export function Findings({
  findings,
  onShow,
}: {
  findings: Finding[];
  onShow: (cell: string) => void;
}) {
  return (
    <>
      <Group
        title="Galat"
        kind="error"
        findings={findings.filter((f) => f.level === "error")}
        onShow={onShow}
      />
      <Group
        title="Peringatan"
        kind="warning"
        findings={findings.filter((f) => f.level === "warning")}
        onShow={onShow}
      />
    </>
  );
}
