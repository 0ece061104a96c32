// "The cell that drew it": a link to a chart's code cell opens the cell's fold, so the code shows.
(() => {
  const openTarget = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const cell = id && document.getElementById(id);
    if (!cell) return;
    cell.querySelectorAll("details").forEach((fold) => { fold.open = true; });
    cell.scrollIntoView();
  };
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);
})();
