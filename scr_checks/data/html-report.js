"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".question"));
  var status = document.getElementById("shown");
  function chosen(name) {
    var boxes = form.querySelectorAll('input[name="' + name + '"]:checked');
    var values = {};
    Array.prototype.forEach.call(boxes, function (box) { values[box.value] = true; });
    return values;
  }
  function apply() {
    var questions = chosen("question"), severities = chosen("severity"), rules = chosen("rule");
    var shown = 0;
    findings.forEach(function (item) {
      var keep = questions[item.dataset.question] && severities[item.dataset.severity] &&
        rules[item.dataset.rule];
      item.hidden = !keep;
      if (keep) { shown += 1; }
    });
    groups.forEach(function (group) {
      var items = group.querySelectorAll(".finding");
      var visible = group.querySelectorAll(".finding:not([hidden])").length;
      group.querySelector(".shown").textContent =
        visible === items.length ? "" : " (" + visible + " shown)";
    });
    status.textContent = "Showing " + shown + " of " + findings.length + " findings.";
  }
  form.addEventListener("change", apply);
  document.getElementById("show-all").addEventListener("click", function () {
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = true;
    });
    apply();
  });
  form.hidden = false;
})();
