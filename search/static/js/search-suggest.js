/* Title suggestions while typing in the search box: the ARIA combobox pattern with a listbox.
   Without JavaScript the search form works as it is. */
(function () {
  "use strict";

  function setUp(container) {
    var input = container.querySelector("input[type=search]");
    var url = container.getAttribute("data-suggest-url");
    if (!input || !url || !window.fetch) return;

    var listbox = document.createElement("ul");
    listbox.id = input.id + "-suggestions";
    listbox.className = "search-suggest__list";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", container.getAttribute("data-suggest-label") || "Suggesties");
    listbox.hidden = true;
    container.appendChild(listbox);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");

    var options = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(suggestions) {
      listbox.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = suggestion.title;  // text only: titles never become markup
        option.dataset.url = suggestion.url;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        listbox.appendChild(option);
        return option;
      });
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
        highlight(-1);
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) { close(); return; }
      var request = ++latest;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) { if (request === latest) show(suggestions); })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (listbox.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].dataset.url;
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-suggest-url]").forEach(setUp);
})();
