/**
 * @jest-environment jsdom
 */
import "./setup-dom";

jest.setTimeout(60_000);
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/settings";

function renderPanel(saved: Settings = DEFAULT_SETTINGS) {
  const onSave = jest.fn((_settings: Settings) => Promise.resolve(true));
  render(<SettingsPanel saved={saved} onSave={onSave} />);
  const type = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  const save = () => fireEvent.click(screen.getByRole("button", { name: "Simpan pengaturan" }));
  return { onSave, type, save };
}

const CAP = "Batas atas capaian dalam rata-rata";

/** Every alert's text: each field's validation message and the form's list of problems. */
const alerts = () =>
  screen
    .queryAllByRole("alert")
    .map((a) => a.textContent)
    .join("\n");

describe("the settings form reads numbers as the core reads cells", () => {
  test("Indonesian decimals and thousands: 90,5 and 1.234,5", async () => {
    const { onSave, type, save } = renderPanel();
    type(CAP, "1.234,5");
    type("Batas bawah Sangat Tinggi", "90,5");
    type("Batas atas Tinggi", "90,5");
    save();
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(onSave).toHaveBeenCalledTimes(1);
    const settings = onSave.mock.calls[0][0];
    expect(settings.cap).toBe(1234.5);
    expect(settings.predicateBands[0]).toMatchObject({ label: "Sangat Tinggi", min: 90.5 });
    expect(settings.predicateBands[1]).toMatchObject({ label: "Tinggi", max: 90.5 });
  });

  test("a band's text stays as typed, so a decimal comma can be typed", () => {
    const { type } = renderPanel();
    type("Batas bawah Tinggi", "75,");
    expect((screen.getByLabelText("Batas bawah Tinggi") as HTMLInputElement).value).toBe("75,");
  });

  test("blank is no value: an empty cap saves as null (no limit)", async () => {
    const { onSave, type, save } = renderPanel({ ...DEFAULT_SETTINGS, cap: 120 });
    expect((screen.getByLabelText(CAP) as HTMLInputElement).value).toBe("120");
    type(CAP, "  ");
    save();
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(onSave.mock.calls[0][0].cap).toBeNull();
  });

  test("a typed text that is no number is shown at its field and blocks saving", async () => {
    const { onSave, type, save } = renderPanel();
    type(CAP, "seratus dua puluh");
    expect(screen.getByText("Tulis angka seperti 120 atau 90,5")).toBeTruthy();
    save();
    await waitFor(() =>
      expect(alerts()).toContain(
        "Batas atas capaian dalam rata-rata: Tulis angka seperti 120 atau 90,5"
      )
    );
    expect(onSave).not.toHaveBeenCalled();

    type(CAP, "120");
    expect(screen.queryByText("Tulis angka seperti 120 atau 90,5")).toBeNull();
    save();
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(onSave.mock.calls[0][0].cap).toBe(120);
  });

  test("an unreadable band bound blocks saving, not saved as no bound", async () => {
    const { onSave, type, save } = renderPanel();
    type("Batas bawah Sedang", "1,2,3");
    save();
    expect(screen.getByText("Tulis angka seperti 120 atau 90,5")).toBeTruthy();
    await waitFor(() =>
      expect(alerts()).toContain("Batas bawah Sedang: Tulis angka seperti 120 atau 90,5")
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  test("decimals: a whole number 0 to 6, read through the reader", async () => {
    const { onSave, type, save } = renderPanel();
    for (const bad of ["tiga", "7", "1,5", ""]) {
      type("Jumlah desimal", bad);
      expect(screen.getByText("Isi bilangan bulat 0 sampai 6")).toBeTruthy();
      save();
      await waitFor(() =>
        expect(alerts()).toContain("Jumlah desimal: Isi bilangan bulat 0 sampai 6")
      );
    }
    expect(onSave).not.toHaveBeenCalled();
    type("Jumlah desimal", "3");
    expect(screen.queryByText("Isi bilangan bulat 0 sampai 6")).toBeNull();
    save();
    await screen.findByRole("button", { name: "Tersimpan" });
    expect(onSave.mock.calls[0][0].decimals).toBe(3);
  });
});
