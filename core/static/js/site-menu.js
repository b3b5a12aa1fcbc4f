// The main menu on narrow screens: a "Menu" button that shows and hides the list. site.css keeps
// the list closed from the first paint on pages marked by scripts-on.js; without scripts the
// button stays hidden and the list is simply shown.
document.addEventListener("DOMContentLoaded", () => {
  const menu = document.querySelector("[data-site-menu]");
  if (!menu) return;
  const button = menu.querySelector(".site-nav__toggle");
  const list = menu.querySelector(".site-nav__list");
  button.hidden = false;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    list.classList.toggle("site-nav__list--open", open);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      button.setAttribute("aria-expanded", "false");
      list.classList.remove("site-nav__list--open");
      button.focus();
    }
  });
});
