// zicht's few enhancements; every page works without them (no inline script: the CSP forbids it).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A form with data-confirm asks before it is sent (restoring a version, disabling an account).
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }

  // A form with data-busy: while it is sent, its submit button says what is happening and cannot be
  // pressed twice (publishing or importing takes some seconds).
  for (const form of document.querySelectorAll("form[data-busy]")) {
    form.addEventListener("submit", (event) => {
      if (event.defaultPrevented) return; // a confirmation was declined
      const button = form.querySelector("button[type=submit]");
      if (!button || button.getAttribute("aria-busy") === "true") return;
      button.setAttribute("aria-busy", "true");
      button.dataset.label = button.textContent;
      button.textContent = form.dataset.busy;
      window.setTimeout(() => { button.disabled = true; }, 0);
    });
  }

  // Back to a page from the browser's cache: its buttons are free again.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    for (const button of document.querySelectorAll("button[aria-busy=true]")) {
      button.removeAttribute("aria-busy");
      button.disabled = false;
      if (button.dataset.label) button.textContent = button.dataset.label;
    }
  });

  // A button with data-copy copies the text of the element it names (a new API token).
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      if (!source || !navigator.clipboard) return;
      await navigator.clipboard.writeText(source.textContent.trim());
      button.textContent = button.dataset.copied || button.textContent;
    });
  }
});
