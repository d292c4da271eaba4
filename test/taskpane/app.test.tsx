/**
 * @jest-environment jsdom
 */
import "./setup-dom";

jest.setTimeout(60_000);
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, DRAF_ELSEWHERE, SAVED_WITH_WORKBOOK } from "../../src/taskpane/components/App";
import { hitungInExcel } from "../../src/app/excel-actions";
import { publishOutcome } from "../../src/app/pane-bus";
import { TABEL_SHEET } from "../../src/core/tabel";
import { LoadBoundary, PART_NOT_LOADED } from "../../src/taskpane/components/PaneParts";
import { SELECT_ONE_BLOCK } from "../../src/workbook/office/setup-names";
import { LEMBAR_SHEET } from "../../src/core/lembar";
import { memoryStore } from "../../src/workbook/office/document-store";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { FakeExcel } from "../office/fake-excel";
import { fakeFromSpecs } from "../office/from-specs";

function envOf(excel: FakeExcel, store = memoryStore()) {
  return { run: excel.run, supports: () => true, store };
}

async function renderPane(excel: FakeExcel, store = memoryStore()) {
  const env = envOf(excel, store);
  const view = render(<App env={env} />);
  await waitFor(() => expect(screen.queryByRole("status")).toBeNull());
  return { ...view, env, store };
}

describe("the task pane", () => {
  test("an empty workbook shows what to set up, not an error", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    await renderPane(excel);
    expect(screen.getByText("Buku kerja belum disiapkan")).toBeTruthy();
    expect(screen.queryByText("Galat", { exact: false })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Siapkan nama range" }));
    expect(await screen.findByRole("button", { name: "Baca tabel terpilih" })).toBeTruthy();
  });

  test("results with findings: the total, each sasaran, warnings that select their cell", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(true), anggaran());
    await renderPane(excel);
    expect(screen.getByTestId("total").textContent).toBe("101,56");
    fireEvent.click(screen.getByRole("button", { name: "Hitung Capaian" }));
    await screen.findByText("Selesai");
    expect(excel.sheet("PK 2020")!.cell(7, 7).value).toBe(100.34);
    const sasaran = screen.getByRole("list", { name: "Rata-rata per sasaran" });
    expect(within(sasaran).getAllByRole("listitem")).toHaveLength(2);
    expect(within(sasaran).getByText("100,17")).toBeTruthy();
    expect(within(sasaran).getAllByText(/Sangat Tinggi/)).toHaveLength(2);
    const warnings = screen.getByRole("region", { name: "Peringatan" });
    expect(within(warnings).getByText("Peringatan (6)")).toBeTruthy();
    const finding = within(warnings).getByRole("button", { name: /100,56/ });
    await act(async () => fireEvent.click(finding));
    await waitFor(() => expect(excel.selected).toBe("'PK 2020'!I8"));
  });

  test("errors block writing and are listed with their cells", async () => {
    const spec = perjanjianKinerja();
    spec.columns.Realisasi.values[0] = "delapan puluh";
    const excel = fakeFromSpecs(spec);
    await renderPane(excel);
    fireEvent.click(screen.getByRole("button", { name: "Hitung Capaian" }));
    await screen.findByText("Belum ditulis");
    const errors = screen.getByRole("region", { name: "Galat" });
    expect(within(errors).getByRole("button", { name: /^'PK 2020'!F7 Sel/ })).toBeTruthy();
    expect(excel.sheet("PK 2020")!.cell(6, 7).value).toBe("");
  });

  test("settings are validated, saved with the workbook, and used when the pane opens again", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    const { store, unmount } = await renderPane(excel);
    fireEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    fireEvent.change(await screen.findByLabelText("Jumlah desimal"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Batas atas Sangat Tinggi"), {
      target: { value: "100" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Simpan pengaturan" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Sangat Tinggi");
    fireEvent.change(screen.getByLabelText("Batas atas Sangat Tinggi"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Simpan pengaturan" }));
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(store.saved.settings).toMatchObject({ decimals: 3 });
    unmount();

    await renderPane(excel, store);
    expect(screen.getByTestId("total").textContent).toBe("101,560");
    fireEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    expect(((await screen.findByLabelText("Jumlah desimal")) as HTMLInputElement).value).toBe("3");
  });

  test("the sign-off form is prefilled from the named cells and its changes reach the Lembar", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    const { store } = await renderPane(excel);
    fireEvent.click(screen.getByRole("button", { name: "Penandatangan" }));
    expect(((await screen.findByLabelText("NIP")) as HTMLInputElement).value).toBe(
      "19640831 198503 2 008"
    );
    fireEvent.change(screen.getByLabelText("Tanggal penandatanganan"), {
      target: { value: "29 Januari 2021" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Simpan penandatangan" }));
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(store.saved.signOff).toMatchObject({ tanggal: "29 Januari 2021" });
    fireEvent.click(screen.getByRole("button", { name: "Hasil" }));
    fireEvent.click(screen.getByRole("button", { name: "Buat Lembar Pengukuran" }));
    await screen.findByText("Selesai");
    const lembar = excel.sheet(LEMBAR_SHEET)!;
    const texts = [...lembar.cells.values()].map((c) => c.value);
    expect(texts).toContain("Semarang, 29 Januari 2021");
  });

  test("Siapkan Nama Range proposes names from the header row and defines them", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("PK 2021");
    sheet.fill("B2", [
      ["Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
      ["Meningkatnya layanan", "Indeks kepuasan", 80, 84, null],
      [null, "Persentase layanan tepat waktu", 90, 81, null],
    ]);
    excel.selection = { sheet: "PK 2021", address: "B2:F4" };
    await renderPane(excel);
    fireEvent.click(screen.getByRole("button", { name: "Siapkan Nama" }));
    fireEvent.click(await screen.findByRole("button", { name: "Baca tabel terpilih" }));
    const target = await screen.findByLabelText("Target");
    expect((target as HTMLSelectElement).value).toBe("Target");
    expect((screen.getByLabelText("Capaian (%)") as HTMLSelectElement).value).toBe("Capaian");
    fireEvent.click(screen.getByRole("button", { name: "Tetapkan nama" }));
    await screen.findByText(/5 nama range ditetapkan/);
    expect(excel.names.map((n) => [n.name, n.scope, n.refersTo])).toContainEqual([
      "Target",
      "PK 2021",
      "='PK 2021'!D3:D4",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Hasil" }));
    fireEvent.click(screen.getByRole("button", { name: "Hitung Capaian" }));
    await screen.findByText("Selesai");
    expect(sheet.cell(2, 5).value).toBe(105);
    expect(sheet.cell(3, 5).value).toBe(90);
  });
});

describe("on an older Excel", () => {
  test("Excel 2016 (ExcelApi 1.1–1.3): the pane says what still works, and Hitung Capaian and the Lembar still run", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.apiVersion = "1.3";
    const env = { run: excel.run, supports: excel.supports, store: memoryStore() };
    render(<App env={env} />);
    await waitFor(() => expect(screen.queryByRole("status")).toBeNull());
    expect(screen.getByText("Excel versi lama")).toBeTruthy();
    expect(screen.getByText(/Hitung Capaian dan Lembar Pengukuran tetap berjalan/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Buat Lembar Pengukuran" }));
    await screen.findByText("Selesai");
    expect(excel.sheet("PK 2020")!.cell(6, 7).value).toBe(102.95);
    expect(excel.sheet(LEMBAR_SHEET)!.pageLayout).toEqual({});
    expect(excel.calls).not.toContain("NamedItem.getRangeOrNullObject()");
    fireEvent.click(screen.getByRole("button", { name: "Siapkan Nama" }));
    expect(
      (await screen.findByRole("button", { name: "Baca tabel terpilih" })).hasAttribute("disabled")
    ).toBe(true);
  });
});

describe("the pane as real Excel runs it", () => {
  test("the ribbon's outcome (shared runtime) opens the pane on its findings", async () => {
    const spec = perjanjianKinerja();
    spec.columns.Target.values = [null, null, null];
    const excel = fakeFromSpecs(spec);
    await renderPane(excel);
    const outcome = await hitungInExcel(envOf(excel));
    fireEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    await act(async () => publishOutcome(outcome));
    expect(await screen.findByText("Belum ditulis")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Galat" })).toBeTruthy();
  });

  test("settings say they travel with the workbook once it is saved; a failed save says why and gives the button back", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    const store = memoryStore();
    await renderPane(excel, store);
    fireEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    fireEvent.click(await screen.findByRole("button", { name: "Simpan pengaturan" }));
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(screen.getByText(SAVED_WITH_WORKBOOK)).toBeTruthy();

    store.save = () => Promise.reject(Object.assign(new Error("x"), { code: "AccessDenied" }));
    fireEvent.click(screen.getByRole("button", { name: "Penandatangan" }));
    fireEvent.click(await screen.findByRole("button", { name: "Simpan penandatangan" }));
    await screen.findByText(/dilindungi/);
    expect(await screen.findByRole("button", { name: "Simpan penandatangan" })).toBeTruthy();
  });

  test("Siapkan Nama on several blocks: a sentence, and the button comes back", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.selection = { sheet: "PK 2020", address: "B6:F9,H6:H9" };
    await renderPane(excel);
    fireEvent.click(screen.getByRole("button", { name: "Siapkan Nama" }));
    fireEvent.click(await screen.findByRole("button", { name: "Baca tabel terpilih" }));
    await screen.findByText(SELECT_ONE_BLOCK);
    expect(
      screen.getByRole("button", { name: "Baca tabel terpilih" }).hasAttribute("disabled")
    ).toBe(false);
  });

  test("Buat Tabel LKjIP writes the sheet; the pane says which sheet it read and where the draft is made", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    await renderPane(excel);
    expect(screen.getByText("Tabel dibaca dari lembar PK 2020.")).toBeTruthy();
    expect(screen.getByText(DRAF_ELSEWHERE)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Buat Tabel LKjIP" }));
    await screen.findByText("Selesai");
    expect(excel.sheet(TABEL_SHEET)!.charts).toHaveLength(3);
    expect(excel.active).toBe(TABEL_SHEET);
  });
});

test("a tab whose chunk cannot be fetched says so instead of blanking the pane", () => {
  const Failing = () => {
    throw new Error("ChunkLoadError: Loading chunk 123 failed.");
  };
  const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    render(
      <LoadBoundary>
        <Failing />
      </LoadBoundary>
    );
    expect(screen.getByRole("alert").textContent).toBe(PART_NOT_LOADED);
  } finally {
    quiet.mockRestore();
  }
});
