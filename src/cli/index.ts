/* global process */
import { main } from "./main";

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  stderrIsTTY: !!process.stderr.isTTY,
}).then((code) => {
  process.exitCode = code;
});
