/* Tables wider than their box scroll sideways inside it (.table-container); this says so.
   While a table is wider than its box, a hint above it reads "Scroll sideways to see all of
   the table", the box is described by that hint (aria-describedby) and carries a shadow on the
   side with more to see (CSS: .is-scrollable, data-more), and it stays a tab stop, so a
   keyboard can scroll it with the arrow keys. A table that fits loses the hint and the tab
   stop. Without JavaScript the boxes keep their tab stops and the CSS scroll shadows. */
(function () {
  "use strict";

  var HINT = "Scroll sideways to see all of the table.";

  function setUp(box, index) {
    var hint = document.createElement("p");
    hint.className = "table-hint";
    hint.id = "table-hint-" + index;
    hint.textContent = HINT;
    hint.hidden = true;
    box.parentNode.insertBefore(hint, box);
    var update = function () {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      hint.hidden = !overflows;
      box.classList.toggle("is-scrollable", overflows);
      if (overflows) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("aria-describedby", hint.id);
        var left = box.scrollLeft > 1;
        var right = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
        box.setAttribute("data-more", left && right ? "both" : left ? "left" : "right");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("aria-describedby");
        box.removeAttribute("data-more");
      }
    };
    box.addEventListener("scroll", update, { passive: true });
    return update;
  }

  function start() {
    var updates = Array.prototype.map.call(
      document.querySelectorAll(".table-container"), setUp
    );
    var updateAll = function () {
      updates.forEach(function (update) { update(); });
    };
    updateAll();
    if (window.ResizeObserver) {
      new window.ResizeObserver(updateAll).observe(document.documentElement);
    } else {
      window.addEventListener("resize", updateAll);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
