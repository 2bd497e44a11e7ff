// Citation previews: hovering, focusing or tapping a citation number shows its entry from
// the References page (same site, fetched once), without leaving the page. And a copy
// button on code blocks.
(function () {
  "use strict";

  const pages = new Map(); // address of a bibliography page -> Promise<Document>

  function bibliography(url) {
    if (url.pathname === location.pathname) return Promise.resolve(document);
    const address = url.origin + url.pathname;
    if (!pages.has(address)) {
      pages.set(address, fetch(address)
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => new DOMParser().parseFromString(html, "text/html")));
    }
    return pages.get(address);
  }

  function entry(link) {
    const url = new URL(link.href, location.href);
    return bibliography(url).then((page) => {
      const found = page.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (!found) return null;
      const copy = found.cloneNode(true);
      copy.removeAttribute("id");
      copy.removeAttribute("role");
      copy.querySelectorAll(".label, .citation-backlinks, [id]").forEach((node) => {
        if (node.matches(".label, .citation-backlinks")) node.remove();
        else node.removeAttribute("id");
      });
      // Links in the preview open the source, resolved against the bibliography's address.
      copy.querySelectorAll("a[href]").forEach((a) => { a.href = new URL(a.getAttribute("href"), url).href; });
      return copy;
    });
  }

  const links = document.querySelectorAll(".bibtex-citation a.reference.internal[href*='#source-']");
  if (links.length) {
    const tip = document.createElement("div");
    tip.className = "citation-preview";
    tip.id = "citation-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.append(tip);
    let current = null;
    let hideTimer = 0;
    let lastPointer = "mouse";

    function place(link) {
      const box = link.getBoundingClientRect();
      const width = Math.min(448, document.documentElement.clientWidth - 16);
      tip.style.width = width + "px";
      const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
      tip.style.left = left + window.scrollX + "px";
      tip.style.top = box.bottom + window.scrollY + 6 + "px";
      // Above the number when there is no room below it.
      const height = tip.offsetHeight;
      if (box.bottom + height + 12 > window.innerHeight && box.top > height + 12) {
        tip.style.top = box.top + window.scrollY - height - 6 + "px";
      }
    }

    function show(link) {
      clearTimeout(hideTimer);
      if (current === link && !tip.hidden) return;
      hide();
      current = link;
      entry(link).then((content) => {
        if (current !== link || !content) return;
        tip.replaceChildren(...content.childNodes);
        tip.hidden = false;
        link.setAttribute("aria-describedby", tip.id);
        place(link);
      }).catch(() => {});
    }

    function hide() {
      clearTimeout(hideTimer);
      tip.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    }

    links.forEach((link) => {
      // The preview replaces the browser's own tooltip, which says the same.
      link.removeAttribute("title");
      link.addEventListener("pointerdown", (event) => { lastPointer = event.pointerType; });
      link.addEventListener("mouseenter", () => { if (lastPointer !== "touch") show(link); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("focus", () => show(link));
      link.addEventListener("blur", hideSoon);
      link.addEventListener("click", (event) => {
        // On a touch screen the first tap shows the entry; a second tap follows the link.
        if (lastPointer === "touch" && (current !== link || tip.hidden)) {
          event.preventDefault();
          show(link);
        }
      });
    });
    tip.addEventListener("mouseenter", () => clearTimeout(hideTimer));
    tip.addEventListener("mouseleave", hideSoon);
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
    document.addEventListener("pointerdown", (event) => {
      if (!tip.hidden && !tip.contains(event.target) && event.target.closest("a") !== current) hide();
    });
    window.addEventListener("resize", () => { if (current && !tip.hidden) place(current); });
  }

  // Copy buttons on code blocks, labelled in the page's language.
  const strings = document.querySelector(".sitechrome-footer");
  if (strings && strings.dataset.copy) {
    document.querySelectorAll("div.highlight").forEach((block) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sitechrome-copy";
      button.textContent = strings.dataset.copy;
      button.addEventListener("click", () => {
        navigator.clipboard.writeText(block.querySelector("pre").innerText).then(() => {
          button.textContent = strings.dataset.copied;
          setTimeout(() => { button.textContent = strings.dataset.copy; }, 2000);
        });
      });
      block.prepend(button);
    });
  }
})();
