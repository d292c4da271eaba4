import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { CellPreview } from "../../app/cell-preview";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalS,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    maxWidth: "160px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
  },
  target: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** A few rows and columns of the sheet around a finding's cell, the cell itself outlined. */
export function Preview({ preview }: { preview: CellPreview }) {
  const styles = useStyles();
  return (
    <section aria-label={`Pratinjau sel ${preview.address}`}>
      <Text weight="semibold">
        Lembar {preview.sheet}, di sekitar sel {preview.address}
      </Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={`${styles.cell} ${styles.head}`} scope="col">
              <span className="visually-hidden">Baris</span>
            </th>
            {preview.columns.map((c) => (
              <th key={c} className={`${styles.cell} ${styles.head}`} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row}>
              <th className={`${styles.cell} ${styles.head}`} scope="row">
                {row.row}
              </th>
              {row.cells.map((cell, i) => (
                <td
                  key={i}
                  className={cell.target ? `${styles.cell} ${styles.target}` : styles.cell}
                  aria-current={cell.target ? "true" : undefined}
                  title={cell.text}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
