// "Cite this page": today's date as the date of access, and buttons that copy an entry.
(function () {
  "use strict";
  const box = document.querySelector(".scholarmeta-cite");
  if (!box) return;
  const today = new Date();
  const iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n, i) => String(n).padStart(i ? 2 : 4, "0")).join("-");
  const spoken = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
    { dateStyle: "long" }).format(today);
  box.querySelectorAll(".scholarmeta-accessed").forEach((span) => { span.textContent = spoken; });
  box.querySelectorAll(".scholarmeta-code code").forEach((code) => {
    code.textContent = code.textContent.replace("YYYY-MM-DD", iso);
  });
  box.querySelectorAll("button[data-copy]").forEach((button) => {
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = document.getElementById(button.dataset.copy).textContent;
      navigator.clipboard.writeText(text).then(() => {
        button.textContent = button.dataset.copied;
        setTimeout(() => { button.textContent = label; }, 2000);
      });
    });
  });
})();
