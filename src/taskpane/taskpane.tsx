/* global document, Excel, Office */
import { createRoot } from "react-dom/client";
import { officeApiSupport } from "../workbook/office/api-support";
import { officeDocumentStore } from "../workbook/office/document-store";
import { App } from "./components/App";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <App
      env={{
        run: (batch) => Excel.run(batch),
        supports: officeApiSupport,
        store: officeDocumentStore,
      }}
    />
  );
});
