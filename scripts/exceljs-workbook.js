// What the command line's bundle gets for `import ExcelJS from "exceljs"` (see build-cli.js).
module.exports = { Workbook: require("exceljs/lib/doc/workbook") };
