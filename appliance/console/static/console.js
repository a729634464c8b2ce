// DentalCall staff console: live fragments over Server-Sent Events, idle logout, confirmations.
// No framework and no inline scripts (the Content-Security-Policy forbids them).
(function () {
  "use strict";

  function connect(section) {
    var url = section.getAttribute("data-live") + "?v=" + encodeURIComponent(section.getAttribute("data-live-version") || "0");
    var source = new EventSource(url);
    source.addEventListener("update", function (event) {
      var open = {};
      section.querySelectorAll("details[open]").forEach(function (d) { if (d.parentElement.id) open[d.parentElement.id] = true; });
      var active = document.activeElement;
      var typing = active && section.contains(active) && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(active.tagName);
      if (typing) { pending = event.data; return; }  // never wipe a note being typed or a button being pressed: apply after blur
      section.innerHTML = event.data;
      Object.keys(open).forEach(function (id) { var el = document.getElementById(id); if (el) { var d = el.querySelector("details"); if (d) d.open = true; } });
      var match = /data-version="(\d+)"/.exec(event.data);
      if (match) { section.setAttribute("data-live-version", match[1]); }
      bindConfirms(section);
    });
    var pending = null;
    section.addEventListener("focusout", function () {
      setTimeout(function () {
        if (pending !== null && !(document.activeElement && section.contains(document.activeElement))) {
          section.innerHTML = pending; pending = null; bindConfirms(section);
        }
      }, 200);
    });
    source.addEventListener("logout", function () { source.close(); window.location.href = "/login?expired=1"; });
    source.onerror = function () {
      // the server may have restarted or the session ended: the browser retries; a 401 ends up here repeatedly
      if (source.readyState === EventSource.CLOSED) { setTimeout(function () { window.location.reload(); }, 3000); }
    };
  }

  function bindConfirms(root) {
    root.querySelectorAll("form[data-confirm]").forEach(function (form) {
      if (form.dataset.bound) return;
      form.dataset.bound = "1";
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  }

  function idleLogout() {
    var minutes = parseInt(document.body.getAttribute("data-idle-minutes") || "0", 10);
    if (!minutes) return;
    var timer = null;
    function reset() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () { window.location.href = "/login?expired=1"; }, (minutes * 60 + 5) * 1000);
    }
    ["click", "keydown", "submit"].forEach(function (name) { document.addEventListener(name, reset, true); });
    reset();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live]").forEach(connect);
    bindConfirms(document);
    idleLogout();
  });
})();
