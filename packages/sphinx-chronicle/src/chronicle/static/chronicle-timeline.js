/* Narrowing the timeline by topic, place or actor.
 *
 * The page carries the whole timeline and a hidden form; this script shows the form and
 * hides the entries (and the emptied year, month and week groups) that do not match.
 * Without it, every event stays on the page.
 */
(function () {
  "use strict";

  function values(entry, name) {
    try {
      const parsed = JSON.parse(entry.getAttribute("data-" + name) || "[]");
      return Array.isArray(parsed) ? parsed : [];
    } catch (error) {
      return [];
    }
  }

  function enhance(timeline) {
    const form = timeline.querySelector("form.chron-filter");
    const status = timeline.querySelector(".chron-filter-status");
    if (!form) {
      return;
    }
    const entries = Array.from(timeline.querySelectorAll("li.chron-entry"), function (item) {
      return {
        item: item,
        tags: values(item, "tags"),
        places: values(item, "places"),
        actors: values(item, "actors"),
      };
    });
    const groups = timeline.querySelectorAll(".chron-group");

    function chosen(name) {
      const field = form.elements.namedItem(name);
      return field ? field.value : "";
    }

    function apply() {
      const tags = Array.from(form.querySelectorAll("input[name='tag']:checked"), function (box) {
        return box.value;
      });
      const place = chosen("place");
      const actor = chosen("actor");
      let shown = 0;
      entries.forEach(function (entry) {
        const match =
          (tags.length === 0 || tags.some(function (tag) { return entry.tags.includes(tag); })) &&
          (!place || entry.places.includes(place)) &&
          (!actor || entry.actors.includes(actor));
        entry.item.hidden = !match;
        shown += match ? 1 : 0;
      });
      // Inner groups first: a month is empty once all its weeks are.
      Array.from(groups).reverse().forEach(function (group) {
        group.hidden = !group.querySelector("li.chron-entry:not([hidden])");
      });
      if (status) {
        status.textContent = (status.getAttribute("data-template") || "{shown} / {total}")
          .replace("{shown}", String(shown))
          .replace("{total}", String(entries.length));
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    // "reset" fires before the fields are cleared.
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    form.hidden = false;
    if (status) {
      status.hidden = false;
    }
    apply();
  }

  function start() {
    document.querySelectorAll(".chron-timeline").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
