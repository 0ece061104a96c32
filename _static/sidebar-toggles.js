// The sidebar buttons on every width.
//
// sphinx-book-theme 1.3 puts a second ☰ button (and a second contents button) in the article
// header; pydata-sphinx-theme 0.17 binds only the first of each (document.querySelector), which
// the book theme hides, so the visible buttons did nothing (pydata-sphinx-theme issue 2451).
// Here every button works: on a narrow screen it opens the sidebar in the theme's own dialog,
// as the theme's code does; on a wide screen ☰ collapses the table of contents and restores it.
document.addEventListener("DOMContentLoaded", () => {
  const wide = () => window.matchMedia("(min-width: 960px)").matches;
  const move = (from, to) => {
    Array.from(from.childNodes).forEach((node) => to.appendChild(node));
    Array.from(from.classList).forEach((cls) => {
      from.classList.remove(cls);
      to.classList.add(cls);
    });
  };
  [
    ["primary", "pst-primary-sidebar", "pst-primary-sidebar-modal"],
    ["secondary", "pst-secondary-sidebar", "pst-secondary-sidebar-modal"],
  ].forEach(([side, sidebarId, dialogId]) => {
    const sidebar = document.getElementById(sidebarId);
    const dialog = document.getElementById(dialogId);
    const buttons = Array.from(document.querySelectorAll(`.${side}-toggle`));
    if (!sidebar || !dialog || !buttons.length) return;
    const boundByTheme = buttons[0];
    buttons.forEach((button) => {
      button.setAttribute("aria-controls", sidebarId);
      button.addEventListener(
        "click",
        (event) => {
          if (side === "primary" && wide()) {
            event.preventDefault();
            event.stopImmediatePropagation();
            const collapsed = document.body.classList.toggle("book-sidebar-collapsed");
            buttons.forEach((b) => b.setAttribute("aria-expanded", String(!collapsed)));
            return;
          }
          if (button === boundByTheme) return; // the theme's own handler opens the dialog
          event.preventDefault();
          event.stopPropagation();
          move(sidebar, dialog);
          dialog.showModal();
        },
        true,
      );
    });
  });
});
