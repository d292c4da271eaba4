/* global document, Office */

// The pane's entry point. The full pane (Hitung Capaian, findings, settings) is built in the add-in issue.
Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) root.textContent = "Capaian Kinerja siap. Panel lengkap sedang disiapkan.";
});
