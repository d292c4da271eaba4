import { hitungInExcel } from "../../src/app/excel-actions";
import type { HitungOutcome } from "../../src/app/hitung";
import {
  RibbonHost,
  runRibbonHitung,
  TIME_LIMIT_TITLE,
} from "../../src/commands/ribbon";
import { onOutcome, publishOutcome } from "../../src/app/pane-bus";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { memoryStore } from "../../src/workbook/office/document-store";
import { fakeFromSpecs } from "../office/from-specs";

function recordingHost(hitung: () => Promise<HitungOutcome>, canShowPane: boolean) {
  const told: { title: string; lines: string[] }[] = [];
  const shown: HitungOutcome[] = [];
  const handed: HitungOutcome[] = [];
  const host: RibbonHost = {
    hitung,
    canShowPane,
    tellPane: (outcome) => void handed.push(outcome),
    showPane: async () => void shown.push(handed[handed.length - 1]),
    tell: async (title, lines) => void told.push({ title, lines }),
    timeLimitMs: 1000,
  };
  return { host, told, shown, handed };
}

function countingEvent() {
  const event = { calls: 0, completed: () => void event.calls++ };
  return event;
}

const cleanWorkbook = () => fakeFromSpecs(perjanjianKinerja(), anggaran());
function workbookWithErrors() {
  const spec = perjanjianKinerja();
  spec.columns.Target.values = [null, null, null];
  return fakeFromSpecs(spec);
}
const hitungOn = (excel: ReturnType<typeof cleanWorkbook>) => () =>
  hitungInExcel({ run: excel.run, supports: () => true, store: memoryStore() });

describe("the ribbon's Hitung Capaian", () => {
  test("a clean run writes and tells the total and predicate, without opening the pane", async () => {
    const excel = cleanWorkbook();
    const { host, told, shown, handed } = recordingHost(hitungOn(excel), true);
    const event = countingEvent();
    await runRibbonHitung(event, host);
    expect(told).toHaveLength(1);
    expect(told[0].lines[0]).toBe("Total rata-rata capaian: 101,56 (Sangat Tinggi).");
    expect(shown).toHaveLength(0);
    // An open pane is handed the new outcome all the same: it never shows an older one.
    expect(handed.map((o) => o.written)).toEqual([true]);
    expect(event.calls).toBe(1);
  });

  test("with errors and a shared runtime the pane opens on the findings; nothing is written", async () => {
    const excel = workbookWithErrors();
    const { host, told, shown } = recordingHost(hitungOn(excel), true);
    const event = countingEvent();
    await runRibbonHitung(event, host);
    expect(shown).toHaveLength(1);
    expect(shown[0].written).toBe(false);
    expect(told).toHaveLength(0);
    expect(event.calls).toBe(1);
  });

  test("with errors and no shared runtime a dialog lists the first errors", async () => {
    const { host, told } = recordingHost(hitungOn(workbookWithErrors()), false);
    const event = countingEvent();
    await runRibbonHitung(event, host);
    expect(told[0].title).toBe("Ada 3 galat; buku kerja tidak diubah");
    expect(event.calls).toBe(1);
  });

  test("an exception is told in the user's words and the button is given back", async () => {
    const failing = () => Promise.reject(Object.assign(new Error("x"), { code: "AccessDenied" }));
    const { host, told } = recordingHost(failing, true);
    const event = countingEvent();
    await runRibbonHitung(event, host);
    expect(told[0].title).toBe("Capaian belum dihitung");
    expect(told[0].lines[0]).toMatch(/dilindungi/);
    expect(event.calls).toBe(1);
  });

  test("a dialog that cannot open, or completed() throwing, still ends the command once", async () => {
    const { host } = recordingHost(hitungOn(cleanWorkbook()), true);
    host.tell = () => Promise.reject(new Error("dialog already open"));
    const event = {
      calls: 0,
      completed() {
        this.calls++;
        throw new Error("gone");
      },
    };
    await expect(runRibbonHitung(event, host)).resolves.toBeUndefined();
    expect(event.calls).toBe(1);
  });

  test("past the time limit the button is given back and the user told; a late end does not complete twice", async () => {
    jest.useFakeTimers();
    try {
      let finish: (o: HitungOutcome) => void = () => undefined;
      const hanging = () => new Promise<HitungOutcome>((resolve) => (finish = resolve));
      const { host, told } = recordingHost(hanging, true);
      const event = countingEvent();
      const running = runRibbonHitung(event, host);
      jest.advanceTimersByTime(999);
      expect(event.calls).toBe(0);
      jest.advanceTimersByTime(1);
      expect(event.calls).toBe(1);
      await Promise.resolve();
      expect(told[0].title).toBe(TIME_LIMIT_TITLE);
      jest.useRealTimers();
      finish(await hitungOn(cleanWorkbook())());
      await running;
      expect(event.calls).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the pane bus", () => {
  test("an outcome sent before the pane listens reaches it when it mounts, once", async () => {
    const outcome = await hitungOn(cleanWorkbook())();
    publishOutcome(outcome);
    const got: HitungOutcome[] = [];
    const stop = onOutcome((o) => got.push(o));
    publishOutcome(outcome);
    stop();
    publishOutcome(outcome);
    expect(got).toHaveLength(2);
    const later: HitungOutcome[] = [];
    onOutcome((o) => later.push(o))();
    expect(later).toHaveLength(1); // the one sent while nobody listened
  });
});
