import { DEFAULT_SETTINGS, SettingsSchema } from "../../src/core/settings";

test("defaults", () => {
  expect(DEFAULT_SETTINGS.decimals).toBe(2);
  expect(SettingsSchema.safeParse({ decimals: "x" }).success).toBe(false);
});
