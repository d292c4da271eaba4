/**
 * The task pane outside Excel, on the Excel test double holding the seed (with the figures its report
 * printed), for a screenshot in the README: `npm run screenshot`.
 */
/* global document */
import { createRoot } from "react-dom/client";
import { App } from "../src/taskpane/components/App";
import { memoryStore } from "../src/workbook/office/document-store";
import { anggaran, perjanjianKinerja } from "../src/sample/seed";
import { fakeFromSpecs } from "../test/office/from-specs";

const excel = fakeFromSpecs(perjanjianKinerja(true), anggaran());
const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <App env={{ run: excel.run, supports: () => true, store: memoryStore() }} />
  );
