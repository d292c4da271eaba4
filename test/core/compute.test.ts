import { compute } from "../../src/core/compute";
import { toReport } from "../../src/core/report";
import type { Finding } from "../../src/core/findings";
import type { NameData, WorkbookData } from "../../src/core/workbook-data";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { SheetSpec, workbookOf } from "../../src/sample/table";

const find = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);

function table(
  target: unknown[],
  realisasi: unknown[],
  extra: SheetSpec["columns"] = {}
): SheetSpec {
  return {
    sheet: "Data",
    top: 2,
    columns: {
      Indikator: { column: 1, values: target.map((_, i) => `Indikator ${i + 1}`) },
      Target: { column: 2, values: target as never[] },
      Realisasi: { column: 3, values: realisasi as never[] },
      ...extra,
    },
  };
}

describe("names (CONTRACT.md §1)", () => {
  test("an empty workbook is flagged as empty, with the required names missing", () => {
    const result = compute({ activeSheet: "Sheet1", names: [] });
    expect(result.empty).toBe(true);
    expect(find(result.findings, "NAMA_WAJIB_TIDAK_ADA").map((f) => f.message)).toEqual([
      expect.stringContaining('"Target"'),
      expect.stringContaining('"Realisasi"'),
    ]);
    expect(result.writes).toEqual([]);
  });

  test("names match case-insensitively; a sheet-scoped name wins over a workbook-scoped one", () => {
    const book = workbookOf(table([10], [5]));
    const wrongTarget: NameData = {
      name: "TARGET",
      scope: null,
      status: "range",
      range: { sheet: "Lain", top: 1, left: 1, values: [[100]] },
    };
    const sheetTarget: NameData = {
      name: "target",
      scope: "Data",
      status: "range",
      range: { sheet: "Data", top: 2, left: 2, values: [[10]] },
    };
    const otherSheet: NameData = {
      name: "Target",
      scope: "Lain",
      status: "range",
      range: { sheet: "Lain", top: 1, left: 1, values: [[1]] },
    };
    const names = book.names.filter((n) => n.name !== "Target");
    const result = compute({ ...book, names: [wrongTarget, otherSheet, sheetTarget, ...names] });
    expect(result.indicators[0].capaian).toBe(50);
    expect(result.indicators[0].cell).toBe("Data!B2");
    const workbookOnly = compute({ ...book, names: [wrongTarget, otherSheet, ...names] });
    expect(workbookOnly.indicators[0].capaian).toBe(5);
  });

  test("a name pointing at a deleted range (#REF!) and a name that is no range are errors", () => {
    const book = workbookOf(table([10], [5]));
    const names = book.names.map((n): NameData =>
      n.name === "Target"
        ? { name: "Target", scope: null, status: "ref-error", refersTo: "=#REF!" }
        : n
    );
    names.push({ name: "NamaOPD", scope: null, status: "not-range", refersTo: '="BKPP"' });
    const result = compute({ ...book, names });
    expect(find(result.findings, "NAMA_RUSAK_REF")).toHaveLength(1);
    expect(find(result.findings, "NAMA_RUSAK_REF")[0].message).toContain("#REF!");
    expect(find(result.findings, "NAMA_BUKAN_RANGE")).toHaveLength(1);
    expect(result.writes).toEqual([]);
  });

  test("per-row ranges of different lengths, or more than one column wide, are errors", () => {
    const uneven = compute(workbookOf(table([10, 20], [5])));
    expect(find(uneven.findings, "RANGE_PANJANG_BERBEDA")[0]).toMatchObject({
      level: "error",
      cell: "Data!C2",
    });
    const book = workbookOf(table([10], [5]));
    const wide = book.names.map((n): NameData =>
      n.name === "Realisasi" && n.status === "range"
        ? { ...n, range: { ...n.range, values: [[5, 6]] } }
        : n
    );
    const result = compute({ ...book, names: wide });
    expect(find(result.findings, "RANGE_LEBIH_SATU_KOLOM")[0]).toMatchObject({
      level: "error",
      cell: "Data!C2:D2",
    });
  });

  test("an output range that overlaps an input range is an error, and nothing is written", () => {
    const result = compute(
      workbookOf(table([10], [5], { Capaian: { column: 3, values: [null] } }))
    );
    expect(find(result.findings, "RANGE_KELUARAN_TUMPANG_TINDIH")[0].message).toContain(
      '"Realisasi"'
    );
    expect(result.writes).toEqual([]);
  });

  test("renamed ranges from settings are used", () => {
    const book = workbookOf(table([10], [5]));
    const names = book.names.map((n) => (n.name === "Target" ? { ...n, name: "TargetPK" } : n));
    const result = compute({
      ...book,
      names,
      storedSettings: { rangeNames: { Target: "TargetPK" } },
    });
    expect(result.indicators[0].capaian).toBe(50);
  });
});

describe("cells (CONTRACT.md §2 and §4)", () => {
  test("unreadable values are errors naming the cell; nothing is written", () => {
    const result = compute(
      workbookOf(
        table([10, { error: "#N/A" }, "sepuluh", 10, true], [5, 5, 5, { error: "#DIV/0!" }, 5], {
          Capaian: { column: 4, values: [null, null, null, null, null] },
        })
      )
    );
    expect(result.findings.filter((f) => f.level === "error").map((f) => [f.code, f.cell])).toEqual(
      [
        ["NILAI_GALAT", "Data!B3"],
        ["KUALITATIF_TIDAK_DIKENAL", "Data!B4"],
        ["NILAI_GALAT", "Data!C5"],
        ["NILAI_TIDAK_TERBACA", "Data!B6"],
      ]
    );
    expect(result.indicators[0].capaian).toBe(50);
    expect(result.writes).toEqual([]);
  });

  test("a missing target is an error; a missing realisasi a warning that leaves the indicator out of averages", () => {
    const result = compute(
      workbookOf(
        table([null, 10, 10], [5, null, 8], { Sasaran: { column: 5, values: ["S1", null, null] } })
      )
    );
    expect(find(result.findings, "TARGET_KOSONG")[0]).toMatchObject({
      level: "error",
      cell: "Data!B2",
    });
    const pending = compute(
      workbookOf(table([10, 10], [null, 8], { Capaian: { column: 4, values: [77, null] } }))
    );
    expect(find(pending.findings, "REALISASI_KOSONG")[0]).toMatchObject({
      level: "warning",
      cell: "Data!C2",
    });
    expect(pending.indicators[0]).toMatchObject({ capaian: null, status: "belum-ada-realisasi" });
    expect(pending.total).toBe(80);
    // the stale 77 is cleared, and the user told
    expect(pending.writes[0].values).toEqual(["", 80]);
    expect(find(pending.findings, "ANGKA_LAPORAN_BERBEDA")[0].cell).toBe("Data!D2");
  });

  test("target 0 for a positive indicator is an error; for a negative one, 100 when realisasi is 0", () => {
    const result = compute(
      workbookOf(
        table([0, 0, 0], [5, 0, 1], {
          Arah: { column: 4, values: ["positif", "negatif", "turun"] },
        })
      )
    );
    expect(find(result.findings, "TARGET_NOL").map((f) => f.cell)).toEqual(["Data!B2", "Data!B4"]);
    expect(result.indicators[1].capaian).toBe(100);
  });

  test("a capaian below 0 is written as computed, with a warning, and counts as 0 in averages", () => {
    const result = compute(
      workbookOf(
        table([2, 10], [5, 10], {
          Arah: { column: 4, values: ["min", "max"] },
          Capaian: { column: 5, values: [null, null] },
        })
      )
    );
    expect(result.indicators[0].capaian).toBe(-50);
    expect(find(result.findings, "CAPAIAN_NEGATIF")).toHaveLength(1);
    expect(result.total).toBe(50);
    expect(result.writes[0].values).toEqual([-50, 100]);
  });

  test("polarity implied by the target text; an Arah that contradicts it is a warning; unknown Arah an error", () => {
    const result = compute(
      workbookOf(
        table(["<1%", "< 2", "≥ 80", 5], [0.5, 1, 88, 5], {
          Arah: { column: 4, values: [null, "positif", null, "kurang"] },
        })
      )
    );
    expect(result.indicators.map((x) => x.arah)).toEqual([
      "negatif",
      "positif",
      "positif",
      "positif",
    ]);
    expect(result.indicators[0].capaian).toBe(150);
    expect(find(result.findings, "ARAH_BERTENTANGAN")[0].cell).toBe("Data!D3");
    expect(find(result.findings, "ARAH_TIDAK_DIKENAL")[0]).toMatchObject({
      level: "error",
      cell: "Data!D5",
    });
  });

  test("a qualitative realisation worse than its target is a warning with the rank ratio", () => {
    const result = compute(workbookOf(table(["WTP", "A"], ["WDP", "AA"])));
    expect(result.indicators.map((x) => x.capaian)).toEqual([75, 100]);
    expect(find(result.findings, "KUALITATIF_DI_BAWAH_TARGET")[0]).toMatchObject({
      level: "warning",
      cell: "Data!C2",
    });
  });

  test("a number stored as text is a warning even when its row's target is missing", () => {
    const result = compute(workbookOf(table([null, "abc"], ["80,30", "12"])));
    expect(find(result.findings, "ANGKA_SEBAGAI_TEKS").map((f) => f.cell)).toEqual([
      "Data!C2",
      "Data!C3",
    ]);
    expect(toReport(result).indikator.map((x) => x.realisasi)).toEqual([80.3, 12]);
  });
  test("a pasted text is never cut down to its first number: '80, 30' and '12/15' are errors", () => {
    const result = compute(workbookOf(table([100, "12/15"], ["80, 30", 12])));
    expect(find(result.findings, "NILAI_TIDAK_TERBACA").map((f) => [f.cell, f.level])).toEqual([
      ["Data!C2", "error"],
      ["Data!B3", "error"],
    ]);
    expect(result.writes).toEqual([]);
  });
  test("a range target and a realisasi given as a range", () => {
    const result = compute(workbookOf(table(["7-8 bulan", "7-8"], ["9 bulan", "7-8"])));
    expect(result.indicators[0].capaian).toBe(112.5);
    expect(result.findings.find((f) => f.level === "error")).toMatchObject({
      code: "REALISASI_RENTANG",
      cell: "Data!C3",
    });
  });

  test("blank rows inside the named ranges are skipped; a blank Sasaran continues the one above", () => {
    const result = compute(
      workbookOf(
        table([10, null, 20, 30], [10, null, 20, 15], {
          Sasaran: { column: 5, values: ["A", null, null, "B"] },
          Indikator: { column: 1, values: ["x", null, "y", "z"] },
        })
      )
    );
    expect(result.indicators.map((x) => [x.sasaran, x.cell])).toEqual([
      ["A", "Data!B2"],
      ["A", "Data!B4"],
      ["B", "Data!B5"],
    ]);
    expect(result.sasaran.map((s) => s.rataRata)).toEqual([100, 50]);
    expect(result.total).toBe(75);
  });

  test("averaging over all indicators and the cap are settings", () => {
    const book = workbookOf(
      table([10, 10, 10], [20, 10, 5], { Sasaran: { column: 5, values: ["A", "B", null] } })
    );
    expect(compute(book).total).toBe(137.5);
    expect(compute(book, { overrides: { averaging: "indikator" } }).total).toBe(116.67);
    expect(compute(book, { overrides: { cap: 120 } }).total).toBe(97.5);
    expect(compute(book, { overrides: { cap: 120 } }).indicators[0].capaian).toBe(200);
  });
});

describe("settings stored with the workbook", () => {
  test("invalid stored settings are an error and the defaults apply", () => {
    const result = compute({
      ...workbookOf(table([10], [5])),
      storedSettings: { decimals: "dua" },
    });
    expect(find(result.findings, "PENGATURAN_TIDAK_SAH")[0].message).toContain("decimals");
    expect(result.settings.decimals).toBe(2);
    expect(result.writes).toEqual([]);
  });
  test("a predicate scale with a gap blocks writing", () => {
    const predicateBands = [
      { label: "Baik", min: 90, max: null },
      { label: "Kurang", min: null, max: 80 },
    ];
    const result = compute({ ...workbookOf(table([10], [5])), storedSettings: { predicateBands } });
    expect(find(result.findings, "SKALA_PREDIKAT_CELAH")).toHaveLength(1);
    expect(result.writes).toEqual([]);
  });
});

describe("writes", () => {
  test("an output cell formatted as a percentage receives the fraction and keeps its format", () => {
    const result = compute(
      workbookOf(
        table([78], [80.3], { Capaian: { column: 4, values: [null], formats: ["0.00%"] } })
      )
    );
    expect(result.writes[0]).toMatchObject({
      name: "Capaian",
      values: [1.0295],
      formats: [null],
    });
  });
  test("a reported figure in a percent cell compares as displayed (102,95% is no finding)", () => {
    const result = compute(
      workbookOf(
        table([78], [80.3], { Capaian: { column: 4, values: [1.0295], formats: ["0.00%"] } })
      )
    );
    expect(find(result.findings, "ANGKA_LAPORAN_BERBEDA")).toEqual([]);
  });
  test("a formula in an output cell is replaced, and the user is told", () => {
    const result = compute(
      workbookOf(
        table([10], [5], { Capaian: { column: 4, values: [50], formulas: ["=C2/B2*100"] } })
      )
    );
    expect(find(result.findings, "ANGKA_LAPORAN_BERBEDA")[0].message).toContain("=C2/B2*100");
  });
});

describe("budget findings", () => {
  const book = (rows: [unknown, unknown][]): WorkbookData =>
    workbookOf(
      {
        ...anggaran(),
        columns: {
          Anggaran: { column: 3, values: rows.map((r) => r[0]) as never[] },
          RealisasiAnggaran: { column: 4, values: rows.map((r) => r[1]) as never[] },
        },
        singles: {},
      },
      perjanjianKinerja()
    );

  test("rupiah sums are exact: 11.890.595.447 + 7.692.992.000 = 19.583.587.447", () => {
    const result = compute(
      book([
        [11890595447, 0],
        [7692992000, 0],
        [0.1, 0.1],
        [0.2, 0.2],
      ])
    );
    expect(result.budget!.total.anggaran).toBe(19583587447.3);
    expect(result.budget!.total.realisasi).toBe(0.3);
  });
  test("realisation above the budget, and spending against a budget of 0, are errors (no 999 %)", () => {
    const result = compute(
      book([
        [100, 150],
        [0, 10],
        [0, 0],
      ])
    );
    expect(find(result.findings, "REALISASI_MELEBIHI_ANGGARAN")[0]).toMatchObject({
      level: "error",
      cell: "Anggaran!D4",
    });
    expect(find(result.findings, "ANGGARAN_NOL_ADA_BELANJA")[0]).toMatchObject({
      level: "error",
      cell: "Anggaran!D5",
    });
    expect(result.budget!.lines[2]).toMatchObject({ serapan: null, sisa: 0, ok: true });
  });
  test("a missing budget or realisation is an error naming the cell", () => {
    const result = compute(
      book([
        [null, 5],
        [10, null],
        ["Rp 1.000", "-"],
      ])
    );
    expect(result.findings.filter((f) => f.level === "error").map((f) => [f.code, f.cell])).toEqual(
      [
        ["ANGGARAN_KOSONG", "Anggaran!C4"],
        ["REALISASI_ANGGARAN_KOSONG", "Anggaran!D5"],
        ["REALISASI_ANGGARAN_KOSONG", "Anggaran!D6"],
      ]
    );
  });
  test("figures read stay in the report when a finding stops their line (CONTRACT.md §6)", () => {
    const report = toReport(
      compute(
        book([
          [100, 150],
          [0, 10],
          [null, "Rp 5.000"],
        ])
      )
    );
    expect(report.anggaran!.baris.map((b) => [b.anggaran, b.realisasi, b.serapan, b.sisa])).toEqual(
      [
        [100, 150, null, null],
        [0, 10, null, null],
        [null, 5000, null, null],
      ]
    );
  });
  test("money cells read magnitudes: 'Rp 1,5 M' and '3,2 jt'; a first number is never taken alone", () => {
    const result = compute(
      book([
        [5000000, "1,5 juta"],
        ["Rp 1,5 M", "3,2 jt"],
        [5000000, "1 234 567,89 12"],
      ])
    );
    expect(result.budget!.lines.map((l) => [l.anggaran, l.realisasi, l.serapan])).toEqual([
      [5000000, 1500000, 30],
      [1500000000, 3200000, 0.21],
      [5000000, undefined, undefined],
    ]);
    expect(find(result.findings, "NILAI_TIDAK_TERBACA")).toEqual([
      expect.objectContaining({
        cell: "Anggaran!D6",
        message: expect.stringContaining('"1 234 567,89 12"'),
      }),
    ]);
  });
  test("a NIP that breaks the rule is a warning; a NIP stored as a number lost digits", () => {
    const spec = perjanjianKinerja();
    spec.singles!.NIPKepala = [23, 3, "19640831 198503 3 008"];
    expect(find(compute(workbookOf(spec)).findings, "NIP_TIDAK_SAH")[0]).toMatchObject({
      level: "warning",
      cell: "'PK 2020'!C23",
    });
    spec.singles!.NIPKepala = [23, 3, 196408311985032000];
    expect(find(compute(workbookOf(spec)).findings, "NIP_TIDAK_SAH")[0].message).toContain(
      "sebagai angka"
    );
  });
});

describe("sign-off details from the form", () => {
  test("what the user typed wins over the named cells; an empty field keeps the cell", () => {
    const result = compute(workbookOf(perjanjianKinerja()), {
      signOff: {
        namaKepala: "Dr. BUDI",
        kota: "",
        tanggal: "31 Desember 2020",
        nip: "19700101 199503 1 001",
      },
    });
    expect(result.signOff).toMatchObject({
      namaKepala: "Dr. BUDI",
      kota: "Semarang",
      tanggal: "31 Desember 2020",
      nip: "19700101 199503 1 001",
      pangkat: "Pembina Utama Muda",
    });
  });
  test("a NIP typed in the form is checked too", () => {
    const result = compute(workbookOf(perjanjianKinerja()), { signOff: { nip: "123" } });
    expect(find(result.findings, "NIP_TIDAK_SAH")[0]).toMatchObject({
      cell: null,
      level: "warning",
    });
    expect(find(result.findings, "NIP_TIDAK_SAH")[0].message).toContain("formulir");
  });
  test("the jabatan defaults to KEPALA + the OPD name", () => {
    const spec = perjanjianKinerja();
    delete spec.singles!.JabatanKepala;
    expect(compute(workbookOf(spec)).signOff.jabatan).toBe(
      "KEPALA BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN"
    );
  });
});

describe("one table, one sheet", () => {
  test("a sheet-scoped Target does not mix with workbook-scoped names of another sheet's table", () => {
    const lastYear: SheetSpec = {
      sheet: "PK 2019",
      top: 2,
      columns: {
        Target: { column: 2, values: [1, 2, 3, 4] },
        Realisasi: { column: 3, values: [1, 2, 3, 4] },
        Capaian: { column: 4, values: [null, null, null, null] },
      },
    };
    const thisYear: SheetSpec = {
      ...table([10, 20], [5, 20]),
      sheet: "PK 2020",
      sheetScoped: true,
    };
    const book = workbookOf(thisYear, lastYear);
    const result = compute({ ...book, activeSheet: "PK 2020" });
    expect(result.findings.filter((f) => f.level === "error")).toEqual([]);
    expect(result.indicators.map((x) => x.capaian)).toEqual([50, 100]);
    expect(result.writes.map((w) => w.name)).toEqual([]);
  });
});

describe("names that are not one block of cells", () => {
  test.each([
    ["=Data!$B:$B", "seluruh kolom atau baris"],
    ["=Data!$2:$9", "seluruh kolom atau baris"],
    ["=Data!$B$2,Data!$B$4", "beberapa area sekaligus"],
    ["=0,5", "tidak menunjuk ke satu range sel"],
  ])("%s says what to do", (refersTo, words) => {
    const book = workbookOf(table([10], [5]));
    const names = book.names.map((n): NameData =>
      n.name === "Target" ? { name: "Target", scope: null, status: "not-range", refersTo } : n
    );
    const finding = find(compute({ ...book, names }).findings, "NAMA_BUKAN_RANGE")[0];
    expect(finding.level).toBe("error");
    expect(finding.message).toContain(words);
  });
});
