/* global document, Excel, Office */
import { createRoot } from "react-dom/client";
import { registerRibbonCommands } from "../commands/ribbon";
import { officeApiSupport } from "../workbook/office/api-support";
import { officeDocumentStore } from "../workbook/office/document-store";
import { App } from "./components/App";

// The pane's page is also the ribbon's function file (shared runtime): its functions are
// registered as the bundle loads, before Office asks for them.
registerRibbonCommands();

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
