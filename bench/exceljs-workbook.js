// What the bench baseline's bundle gets for `require("exceljs")` (see build-baseline.js).
module.exports = { Workbook: require("exceljs/lib/doc/workbook") };
