/* Draws every chart on the page: each element with data-chart names the id of a
   <script type="application/json"> (Django's json_script) holding {data, layout}.
   Clicking a point opens the letter at the words it came from (customdata[3]). */
(function () {
  "use strict";

  var CONFIG = {
    responsive: true,
    displaylogo: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"]
  };

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source || !window.Plotly) {
      return;
    }
    var figure = JSON.parse(source.textContent);
    // The server's drawing of the same figure (chart_svg.py) gives way to the interactive one.
    var still = element.querySelector(".chart__static");
    if (still) {
      still.remove();
    }
    if (element.clientWidth < 600) {
      // Framework labels crowd a phone screen; the text above the chart explains the lines.
      figure.layout.annotations = [];
      // "Requires improvement" on one line took a third of a phone's width from the plot.
      var yaxis = figure.layout.yaxis;
      if (yaxis && yaxis.ticktext) {
        yaxis.ticktext = yaxis.ticktext.map(function (text) {
          return text.replace(" ", "<br>");
        });
      }
      if (figure.layout.legend) {
        // The legend stacks one area a line on a phone: room for it below a full-height plot,
        // rather than a plot squeezed to a strip above a legend that scrolls.
        figure.layout.legend.font = { size: 12 };
        figure.layout.height = Math.max(figure.layout.height || 0, 340 + 20 * figure.data.length);
      }
    }
    window.Plotly.newPlot(element, figure.data, figure.layout, CONFIG).then(function () {
      element.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        var url = point && point.customdata && point.customdata[3];
        if (url) {
          window.location.assign(url);
        }
      });
      element.setAttribute("data-drawn", "true");
    });
  }

  function drawAll() {
    document.querySelectorAll("[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
}());
