// The baseline of the CLI bench: exceljs alone reading and writing the same file, nothing else.
const ExcelJS = require("exceljs");

(async () => {
  const [input, output] = process.argv.slice(2);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
})();
