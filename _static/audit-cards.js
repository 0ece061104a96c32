// The audit's tables and the explorable lists on a phone read as cards: each cell names its
// column (see phone.css).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".audit-cards table, table.explorable").forEach((table) => {
    const names = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((row) => {
      Array.from(row.children).forEach((cell, i) => cell.setAttribute("data-label", names[i] || ""));
    });
  });
});
