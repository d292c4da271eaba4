/* global NodeJS */
/**
 * LibreOffice headless and poppler for tests: what a person who opens the file in another program,
 * or prints it, gets. Debian's libreoffice-calc-nogui, libreoffice-writer-nogui and poppler-utils
 * (.ci/run installs them).
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

/** Runs a command-line tool (pdfinfo, pdftotext, pdftoppm, ...); its standard output, or throws. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const out = spawnSync(command, args, {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  if (out.error)
    throw new Error(
      `${command} is missing: install Debian's libreoffice-calc-nogui and poppler-utils (.ci/run does): ${out.error}`
    );
  if (out.status !== 0) throw new Error(`${command} failed: ${out.stderr}`);
  return out.stdout;
}

/** One file converted to PDF by LibreOffice (in the given locale); the PDF's path, or throws. */
export function pdfOf(file: string, env: NodeJS.ProcessEnv = {}): string {
  const [pdf] = convertAll([file], "pdf", env);
  if (!pdf) throw new Error(`LibreOffice made no PDF of ${file}`);
  return pdf;
}

/**
 * One page of a PDF as an image (poppler's pdftoppm) at `dpi`: `out` plus ".png", or ".ppm" for
 * pixels a test reads itself. Returns the image's path.
 */
export function pageImage(
  pdf: string,
  out: string,
  dpi: number,
  { page = 1, png = true }: { page?: number; png?: boolean } = {}
): string {
  if (!(page >= 1)) throw new Error(`no page ${page} to render of ${pdf}`);
  const format = png ? ["-png"] : [];
  const pages = ["-f", `${page}`, "-l", `${page}`];
  run("pdftoppm", [...format, "-r", `${dpi}`, ...pages, "-singlefile", pdf, out]);
  return `${out}.${png ? "png" : "ppm"}`;
}
