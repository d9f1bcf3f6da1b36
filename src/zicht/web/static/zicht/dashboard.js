// The dashboard's charts, drawn in the browser from each chart's Vega-Lite spec (the report's own), with
// tooltips. Without this script (or when a chart cannot be drawn) the server's SVG drawing stays, and the
// table under each chart holds the same figures.
//
// The Content-Security-Policy has no 'unsafe-eval': with `ast: true` vega-embed hands Vega an expression
// interpreter (vega-interpreter, bundled in vega-embed) instead of compiling expressions with
// `new Function`. Styles: vega-embed's and vega-tooltip's own would be inline <style> elements, which the
// policy refuses; dashboard.css holds them instead (`defaultStyle: false`, `disableDefaultStyle: true`).
"use strict";

(() => {
  const LOCALES = {
    nl: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
    en: { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""] },
  };

  async function draw(view) {
    if (view.dataset.drawn) return;
    view.dataset.drawn = "1";
    try {
      let spec;
      if (view.dataset.specInline) {
        spec = JSON.parse(view.dataset.specInline);
      } else {
        const response = await fetch(view.dataset.spec, { credentials: "same-origin" });
        if (!response.ok) return;
        spec = await response.json();
      }
      const target = document.createElement("div");
      target.className = "zicht-chart__vega";
      view.append(target);
      await window.vegaEmbed(target, spec, {
        ast: true,
        actions: false,
        defaultStyle: false,
        renderer: "svg",
        // Vega-Lite warns that a chart of bars with a fixed step cannot also fit its height: meant so.
        logLevel: window.vega.Error,
        formatLocale: LOCALES[view.dataset.lang] || LOCALES.nl,
        tooltip: { theme: "zicht", disableDefaultStyle: true },
      });
      const image = view.querySelector(".zicht-chart__image");
      if (image) image.remove();
      view.classList.add("zicht-chart__view--interactive");
      if (view.scrollWidth > view.clientWidth + 1) {
        // Wider than the screen (a phone): the keyboard must be able to scroll it too.
        view.tabIndex = 0;
        view.setAttribute("role", "region");
        view.setAttribute("aria-labelledby", view.closest("figure").getAttribute("aria-labelledby"));
      }
    } catch (error) {
      // Keep the server's drawing; the figure and its table still say everything.
      for (const made of view.querySelectorAll(".zicht-chart__vega")) made.remove();
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (typeof window.vegaEmbed !== "function" || typeof window.fetch !== "function") return;
    const views = document.querySelectorAll(".zicht-chart__view[data-spec], .zicht-chart__view[data-spec-inline]");
    if (!("IntersectionObserver" in window)) {
      views.forEach(draw);
      return;
    }
    // Draw a chart when it comes near the screen: a page of twenty charts opens at once.
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      },
      { rootMargin: "400px 0px" },
    );
    views.forEach((view) => observer.observe(view));
  });
})();
