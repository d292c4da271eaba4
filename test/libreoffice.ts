/* global NodeJS */
/**
 * LibreOffice headless for tests: what a person who opens the file in another program gets.
 * Debian's libreoffice-calc-nogui (.ci/run installs it).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

/**
 * Converts files in one LibreOffice run (to "csv", "pdf", ...) and returns, per file, the path of
 * its conversion or null where LibreOffice made none.
 */
export function convertAll(
  files: readonly string[],
  to: string,
  env: NodeJS.ProcessEnv = {}
): (string | null)[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-lo-"));
  const run = spawnSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      to,
      "--outdir",
      path.join(dir, "out"),
      ...files,
    ],
    { encoding: "utf8", timeout: 300_000, env: { ...process.env, ...env } }
  );
  if (run.error)
    throw new Error(
      "soffice is missing: install Debian's libreoffice-calc-nogui (.ci/run does): " + run.error
    );
  return files.map((file) => {
    const out = path.join(
      dir,
      "out",
      `${path.basename(file).replace(/\.\w+$/, "")}.${to.split(":")[0]}`
    );
    return fs.existsSync(out) ? out : null;
  });
}
