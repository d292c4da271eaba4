import { makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { Result } from "../../core/compute";
import { hasErrors } from "../../core/findings";
import { formatFixed, formatRupiah } from "../../core/format";
import { predicateTone } from "./predicate-color";
import { PredicateBadge } from "./PredicateBadge";

const useStyles = makeStyles({
  total: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "grid",
    gap: tokens.spacingVerticalM,
  },
  row: { display: "grid", gap: tokens.spacingVerticalXXS },
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  budget: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    marginTop: tokens.spacingVerticalM,
  },
});

const BAR_MAX = 120;
const barColor = (tone: ReturnType<typeof predicateTone>) =>
  tone === "danger" ? "error" : tone === "informative" ? "brand" : tone;

/** The total with its predicate, each sasaran's average with a badge and a bar, and the budget. */
export function Summary({
  result,
}: {
  result: Pick<Result, "settings" | "sasaran" | "total" | "totalPredikat" | "budget" | "findings">;
}) {
  const styles = useStyles();
  const d = result.settings.decimals;
  const bands = result.settings.predicateBands;
  const totalLabel =
    result.settings.averaging === "sasaran"
      ? "Total rata-rata capaian sasaran"
      : "Rata-rata capaian seluruh indikator";
  return (
    <section aria-label="Ringkasan capaian">
      <Text weight="semibold">{totalLabel}</Text>
      {hasErrors(result.findings) && (
        <Text block size={200} italic>
          Angka sementara: indikator yang bergalat belum ikut dihitung.
        </Text>
      )}
      <div className={styles.total}>
        <span className={styles.figure} data-testid="total">
          {result.total === null ? "–" : formatFixed(result.total, d)}
        </span>
        {result.totalPredikat && (
          <PredicateBadge tone={predicateTone(result.totalPredikat, bands)}>
            {result.totalPredikat}
          </PredicateBadge>
        )}
      </div>
      <ul className={styles.list} aria-label="Rata-rata per sasaran">
        {result.sasaran.map((s) => {
          const tone = predicateTone(s.predikat, bands);
          return (
            <li key={s.nomor} className={styles.row}>
              <div className={styles.line}>
                <Text size={200}>
                  {s.nomor}. {s.nama || "(tanpa nama sasaran)"}
                </Text>
                <Text size={200} weight="semibold">
                  {s.rataRata === null ? "–" : formatFixed(s.rataRata, d)}
                </Text>
              </div>
              <ProgressBar
                value={Math.min(Math.max(s.rataRata ?? 0, 0), BAR_MAX)}
                max={BAR_MAX}
                color={barColor(tone)}
                thickness="large"
                aria-label={`Sasaran ${s.nomor}: ${s.rataRata === null ? "belum ada" : formatFixed(s.rataRata, d)}`}
              />
              {s.predikat && (
                <PredicateBadge tone={tone}>
                  {s.predikat} · {s.indicators.length} indikator
                </PredicateBadge>
              )}
            </li>
          );
        })}
      </ul>
      {result.budget && (
        <div className={styles.budget} aria-label="Ringkasan anggaran">
          <Text size={200}>Jumlah anggaran</Text>
          <Text size={200}>{formatRupiah(result.budget.total.anggaran)}</Text>
          <Text size={200}>Jumlah realisasi</Text>
          <Text size={200}>{formatRupiah(result.budget.total.realisasi)}</Text>
          <Text size={200}>Serapan</Text>
          <Text size={200}>
            {result.budget.total.serapan === null
              ? "–"
              : `${formatFixed(result.budget.total.serapan, d)} %`}
          </Text>
          <Text size={200}>Sisa Anggaran (SiLPA)</Text>
          <Text size={200}>{formatRupiah(result.budget.silpa)}</Text>
        </div>
      )}
    </section>
  );
}
