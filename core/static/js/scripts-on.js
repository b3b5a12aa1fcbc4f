// Loaded in <head> without defer, before the first paint: marks the page as one where scripts run,
// so site.css can show the phone menu closed from the start (site-menu.js then opens and closes it).
// Without scripts the class is never set and the menu is simply shown.
document.documentElement.classList.add("js");
