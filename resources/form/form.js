// The respondent form's behaviour: keep answers in this browser, show progress, save an
// exchange file. No network: the page's Content-Security-Policy forbids every connection.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("form-data").textContent);
  var form = document.getElementById("respondent-form");
  var storageKey = "mlorg-respondent-form:" + JSON.stringify(
    [data.checksum, data.organization, data.unit, data.round]);
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
  var textFields = ["organization", "respondent", "role", "notes"];

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }  // blocked by the user
  }

  function checkedValue(name) {
    var picked = form.querySelector('input[type="radio"][name="' + name + '"]:checked');
    return picked ? picked.value : null;
  }

  function field(id) { return document.getElementById(id); }

  function newId() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;  // version 4
    b[8] = (b[8] & 0x3f) | 0x80;  // RFC 4122 variant
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); });
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") +
      "-" + h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }

  function load() {
    var s = storage();
    var saved = null;
    try { saved = s && JSON.parse(s.getItem(storageKey) || "null"); } catch (e) { saved = null; }
    return saved && typeof saved === "object" ? saved : {};
  }

  var state = load();
  if (!state.id) { state.id = newId(); }

  function collect() {
    state.answers = {};
    state.partly = {};
    questions.forEach(function (fs) {
      var id = fs.getAttribute("data-question");
      var main = checkedValue(id);
      if (main !== null) { state.answers[id] = main; }
      if (fs.hasAttribute("data-split")) {
        var partly = checkedValue(id + "-partly");
        if (partly) { state.partly[id] = partly; }
      }
    });
    textFields.forEach(function (name) {
      var el = field(name);
      if (el) { state[name] = el.value; }
    });
  }

  function persist() {
    var s = storage();
    if (!s) { return; }
    try { s.setItem(storageKey, JSON.stringify(state)); } catch (e) { /* full: keep going */ }
  }

  function setChecked(name, value) {
    var radios = form.querySelectorAll('input[type="radio"][name="' + name + '"]');
    Array.prototype.forEach.call(radios, function (r) { r.checked = r.value === value; });
  }

  function restore() {
    var answers = state.answers || {};
    var partly = state.partly || {};
    questions.forEach(function (fs) {
      var id = fs.getAttribute("data-question");
      if (typeof answers[id] === "string") { setChecked(id, answers[id]); }
      if (fs.hasAttribute("data-split")) { setChecked(id + "-partly", partly[id] || ""); }
    });
    textFields.forEach(function (name) {
      var el = field(name);
      if (el && typeof state[name] === "string") { el.value = state[name]; }
    });
  }

  // "Partly" is offered only next to a chosen option, and never the option chosen as "mainly".
  function updatePartly(fs) {
    if (!fs.hasAttribute("data-split")) { return; }
    var id = fs.getAttribute("data-question");
    var main = checkedValue(id);
    var isOption = main !== null && data.options[id].indexOf(main) >= 0;
    var radios = fs.querySelectorAll('input[name="' + id + '-partly"]');
    Array.prototype.forEach.call(radios, function (r) {
      r.disabled = !isOption || (r.value !== "" && r.value === main);
      if (r.checked && r.disabled) { setChecked(id + "-partly", ""); }
    });
  }

  function updateProgress() {
    var done = questions.filter(function (fs) {
      return checkedValue(fs.getAttribute("data-question")) !== null;
    }).length;
    field("progress").value = done;
    field("progress-text").textContent = done + " of " + questions.length + " questions answered";
    return done;
  }

  function text(value) {
    var t = (value || "").trim();
    return t ? t : null;
  }

  function slug(value) {
    var s = (value || "").normalize("NFKC").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
    return s.slice(0, 60).replace(/-+$/, "");
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function exchangeDocument(now) {
    var answers = {};
    questions.forEach(function (fs) {
      var id = fs.getAttribute("data-question");
      var main = state.answers[id];
      if (main === undefined) { return; }
      var partly = state.partly[id];
      answers[id] = partly && partly !== main ? { mainly: main, partly: partly } : main;
    });
    var stamp = now.toISOString();
    var record = {
      id: state.id,
      organization: data.organization || text(state.organization),
      unit: data.unit || null,
      respondent: text(state.respondent),
      role: text(state.role),
      assessed_on: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()),
      notes: text(state.notes),
      questionnaire_version: data.version,
      questionnaire_checksum: data.checksum,
      answers: answers,
      created_at: stamp,
      updated_at: stamp
    };
    if (data.round) { record.round = data.round; }
    return {
      format: "mlorg-desktop-exchange",
      format_version: 1,
      exported_at: stamp,
      assessments: [record]
    };
  }

  function save() {
    collect();
    var status = field("save-status");
    var organization = data.organization || text(state.organization);
    if (!organization) {
      status.textContent = "Please fill in the organization before saving.";
      field("organization").focus();
      return;
    }
    var now = new Date();
    var doc = exchangeDocument(now);
    var record = doc.assessments[0];
    var name = [slug(organization) || "organization", slug(record.respondent) || "anonymous",
      record.assessed_on].join("-") + ".json";
    var blob = new Blob([JSON.stringify(doc, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    state.saved = name;
    persist();
    var left = questions.length - Object.keys(record.answers).length;
    status.textContent = "Saved as " + name + ". Send this file to the person who sent you " +
      "the form." + (left ? " " + left + " question(s) are still unanswered; you can " +
      "answer them and save again." : "");
    document.body.classList.add("saved");
  }

  function onChange(event) {
    var fs = event.target.closest("fieldset.question");
    if (fs) { updatePartly(fs); }
    collect();
    persist();
    updateProgress();
  }

  restore();
  questions.forEach(updatePartly);
  collect();
  persist();
  updateProgress();
  form.addEventListener("change", onChange);
  form.addEventListener("input", onChange);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  field("save").addEventListener("click", save);
}());
