// Long source lists (tables with the class "explorable") sorted, filtered and paged on the page,
// with DataTables as the itables package bundles it, copied into the book's _static/vendor/
// (no CDN). Without JavaScript the list is a whole table.
(() => {
  const bundle = new URL("vendor/dt_bundle.js", document.currentScript.src).href;
  document.addEventListener("DOMContentLoaded", () => {
    const tables = document.querySelectorAll("table.book-table.explorable");
    if (!tables.length) return;
    import(bundle).then(({ ITable }) => {
      tables.forEach((table) => {
        new ITable(table, { pageLength: 10, order: [], autoWidth: false, language: { search: "Filter:" } });
      });
    });
  });
})();
