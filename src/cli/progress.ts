/* global process */
/** A one-line progress bar on stderr, redrawn in place (only used on a terminal). */
export function progressBar(total: number, write: (text: string) => void) {
  let done = 0;
  const width = 24;
  const draw = (label: string) => {
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`
    );
  };
  draw("");
  return {
    tick(label: string) {
      done++;
      draw(label);
    },
    done() {
      process.stderr.write("\r" + " ".repeat(width + 60) + "\r");
      write(`${total} berkas diproses.`);
    },
  };
}
