// Names for icon buttons that have none a screen reader can read (the copy buttons of code cells).
window.addEventListener("load", () => {
  document.querySelectorAll("button.copybtn:not([aria-label])").forEach((button) => {
    button.setAttribute("aria-label", "Copy the code of this cell");
  });
});
