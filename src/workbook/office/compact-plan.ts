import type { Area, CellStyle, SheetPlan } from "../../core/sheet-plan";

/**
 * A plan's styles and merges as few Office.js calls as give the same sheet. A plan styles cell by
 * cell (a table of 10,000 rows is tens of thousands of areas); Excel takes one call per area, and
 * Excel on the web refuses a request over 5 MB. Each property is worked out per cell (a later style
 * wins), then written as rectangles of equal value: one call per column run, joined across
 * columns. Single-row merges of the same columns on consecutive rows become one "merge across".
 */
export type StyleProperty = Exclude<keyof CellStyle, "numberFormat">;

const PROPERTIES: StyleProperty[] = [
  "bold",
  "italic",
  "underline",
  "fontSize",
  "horizontal",
  "vertical",
  "wrap",
  "border",
  "fill",
];

export interface StyleRun {
  area: Area;
  style: Partial<CellStyle>;
}

/** Rectangles of one value per property, in place of the plan's cell-by-cell styles. */
export function compactStyles(
  plan: Pick<SheetPlan, "styles" | "values" | "columnWidths">
): StyleRun[] {
  const rows = plan.values.length;
  const columns = Math.max(plan.columnWidths.length, ...plan.values.map((r) => r.length), 0);
  const runs: StyleRun[] = [];
  for (const property of PROPERTIES) {
    const grid = new Array<CellStyle[StyleProperty] | undefined>(rows * columns);
    let any = false;
    for (const { area, style } of plan.styles) {
      const value = style[property];
      if (value === undefined) continue;
      any = true;
      for (let r = area.top; r <= Math.min(area.bottom, rows); r++)
        for (let c = area.left; c <= Math.min(area.right, columns); c++)
          grid[(r - 1) * columns + (c - 1)] = value;
    }
    if (!any) continue;
    // Vertical runs per column, then runs of equal rows and value joined across columns.
    let open: { area: Area; value: unknown }[] = [];
    for (let c = 1; c <= columns; c++) {
      const here: { area: Area; value: unknown }[] = [];
      let r = 1;
      while (r <= rows) {
        const value = grid[(r - 1) * columns + (c - 1)];
        let end = r;
        while (end < rows && grid[end * columns + (c - 1)] === value) end++;
        if (value !== undefined)
          here.push({ area: { top: r, left: c, bottom: end, right: c }, value });
        r = end + 1;
      }
      const next: typeof open = [];
      for (const run of here) {
        const left = open.find(
          (o) =>
            o.value === run.value &&
            o.area.top === run.area.top &&
            o.area.bottom === run.area.bottom &&
            o.area.right === c - 1
        );
        if (left) {
          left.area.right = c;
          next.push(left);
        } else next.push(run);
      }
      for (const o of open)
        if (!next.includes(o)) runs.push({ area: o.area, style: { [property]: o.value } });
      open = next;
    }
    for (const o of open) runs.push({ area: o.area, style: { [property]: o.value } });
  }
  return runs;
}

/** Merges: multi-row ones as they are; single-row ones over the same columns of consecutive rows joined. */
export function compactMerges(merges: readonly Area[]): { area: Area; across: boolean }[] {
  const out: { area: Area; across: boolean }[] = [];
  const single = merges
    .filter((m) => m.top === m.bottom)
    .sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  for (const m of merges) if (m.top !== m.bottom) out.push({ area: m, across: false });
  let run: Area | null = null;
  for (const m of single) {
    if (run && run.left === m.left && run.right === m.right && run.bottom + 1 === m.top) {
      run.bottom = m.top;
      continue;
    }
    if (run) out.push({ area: run, across: run.bottom > run.top });
    run = { ...m };
  }
  if (run) out.push({ area: run, across: run.bottom > run.top });
  return out;
}

/** Row heights: consecutive rows of one height as one range. */
export function compactHeights(
  heights: readonly { row: number; height: number }[]
): { top: number; bottom: number; height: number }[] {
  const out: { top: number; bottom: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const last = out[out.length - 1];
    if (last && last.height === height && last.bottom + 1 === row) last.bottom = row;
    else out.push({ top: row, bottom: row, height });
  }
  return out;
}
