import { Area, areaOf, CellStyle, PlanValue } from "./sheet-plan";

/** A sheet being laid out: values from A1, styles by area, merges. Rows are 1-based. */
export class PlanGrid {
  values: PlanValue[][] = [];
  styles: { area: Area; style: CellStyle }[] = [];
  merges: Area[] = [];

  constructor(readonly columns: number) {}

  set(row: number, column: number, value: PlanValue): void {
    while (this.values.length < row)
      this.values.push(new Array<PlanValue>(this.columns).fill(null));
    this.values[row - 1][column - 1] = value;
  }
  style(area: Area, style: CellStyle): void {
    this.styles.push({ area, style });
  }
  merge(area: Area): void {
    if (area.bottom > area.top || area.right > area.left) this.merges.push(area);
  }
  /** A text across columns left..right of one row. */
  line(row: number, text: string, left = 1, right = this.columns, style: CellStyle = {}): void {
    this.set(row, left, text);
    this.merge(areaOf(row, left, row, right));
    this.style(areaOf(row, left, row, right), style);
  }
}
