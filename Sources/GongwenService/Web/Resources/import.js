// The page `#/import`: an office's own form file dropped or chosen, sent to
// POST /api/templates/import, its fields shown for correction (label, key, type, required),
// then filled on the same form page as the built-in templates, with the corrected template
// sent beside the data (POST /api/render), or the template saved as JSON. Nothing is stored
// on the server. app.js keeps its helpers to itself and hands them over here (`app`) the
// first time one of these pages is routed to.
window.gongwenImportPages = (app) => {
"use strict";
const { h, api, readProblem, problemText, setMain, focusHeading, FormPage, setStatus, newRoute } = app;

const FIELD_TYPES = [
  ["text", "文字"], ["multiline", "多行文字"], ["count", "整数（个数、人数）"], ["amount", "金额、数量"],
  ["phone", "电话"], ["email", "电子邮箱"], ["postcode", "邮政编码"],
];
const FORM_FILES = ".xlsx,.docx,.xls,.doc,.et,.wps";
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

// The imported form the page works on, kept while the tab is open (a person goes from the
// fields to the form page and back).
let imported = null; // { template, summary, warnings, fileName }

// Renames field `from` to `to` everywhere a template names it: the field, the layout's
// cells or columns, the header line, the subject, the totals and the batch name pattern.
function renameKey(template, from, to) {
  const sub = (k) => (k === from ? to : k);
  for (const f of template.fields) f.key = sub(f.key);
  const layout = template.layout || {};
  for (const row of layout.rows || []) for (const cell of row.cells || []) if (cell.field) cell.field = sub(cell.field);
  // A list's columns name fields; a grid's are widths.
  if (layout.type === "list") for (const column of layout.columns || []) column.field = sub(column.field);
  if (template.header && template.header.field) template.header.field = sub(template.header.field);
  if (template.subject) template.subject = sub(template.subject);
  if (Array.isArray(template.totals)) template.totals = template.totals.map(sub);
  if (typeof template.batchName === "string") template.batchName = template.batchName.split(`{${from}}`).join(`{${to}}`);
}

// The summary the form page is built from, brought in line with the corrected template.
function summaryOf(state) {
  const s = JSON.parse(JSON.stringify(state.summary));
  s.id = state.template.id;
  s.title = state.template.title;
  s.fields = state.template.fields.map((f) => ({ ...f }));
  return s;
}

function showImport() {
  newRoute();
  document.title = "导入自己的表格 · 公文 Gongwen";
  const status = h("p", { id: "import-status", class: "status", role: "status", "aria-live": "polite" });
  const input = h("input", { id: "import-file", type: "file", accept: FORM_FILES });
  const idInput = h("input", { id: "import-id", type: "text", placeholder: "如 key-project-2023（可不填）", spellcheck: "false" });
  const drop = h("div", { class: "drop-zone", tabindex: "0", "aria-describedby": "import-help" },
    h("p", { text: "把表格文件拖到这里，或" }),
    h("label", { for: "import-file", class: "button secondary", text: "选择文件…" }), input);
  const upload = async (file) => {
    if (!file) return;
    setStatus(status, `正在识别 ${file.name}…`);
    const body = new FormData();
    body.append("file", file, file.name);
    const id = idInput.value.trim();
    try {
      const res = await api("/api/templates/import" + (id ? "?id=" + encodeURIComponent(id) : ""), { method: "POST", body });
      if (!res.ok) {
        setStatus(status, problemText(res, await readProblem(res)), "error");
        return;
      }
      const report = await res.json();
      imported = { ...report, fileName: file.name };
      location.hash = "#/import/fields";
    } catch (e) {
      setStatus(status, e.message || String(e), "error");
    }
  };
  input.addEventListener("change", () => upload(input.files[0]));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    upload(e.dataTransfer.files[0]);
  });
  setMain(
    h("nav", { class: "crumbs", "aria-label": "位置" },
      h("a", { href: "#/", text: "表格模板" }), h("span", { "aria-hidden": "true", text: " › " }),
      h("span", { "aria-current": "page", text: "导入自己的表格" })),
    h("h1", { tabindex: "-1", text: "导入自己的表格" }),
    h("p", { id: "import-help", class: "lead",
      text: "通知附带的 Excel 或 Word 表格（.xlsx、.docx，以及 .xls、.doc、.et、.wps）：识别出表格里的每个填写项，核对后即可在线填写、下载 XLSX、DOCX 或 PDF，或保存为模板文件。文件只用于识别，服务器不保存。" }),
    h("div", { class: "field-grid" },
      h("div", { class: "field" }, h("label", { for: "import-id", class: "field-label", text: "模板 id" }), idInput)),
    drop, status);
  focusHeading();
}

function showImportedFields() {
  newRoute();
  if (!imported) { location.hash = "#/import"; return; }
  const state = imported;
  const t = state.template;
  document.title = `核对填写项：${t.title} · 公文 Gongwen`;
  const errors = h("div", { id: "fields-errors", class: "error-summary", role: "alert", hidden: true });
  const rows = t.fields.map((f, i) => {
    const label = h("input", { type: "text", value: f.label, "data-index": i, "data-part": "label", "aria-label": `第 ${i + 1} 项的名称` });
    const key = h("input", { type: "text", value: f.key, "data-index": i, "data-part": "key", spellcheck: "false", "aria-label": `第 ${i + 1} 项的键` });
    const type = h("select", { "data-index": i, "data-part": "type", "aria-label": `第 ${i + 1} 项的类型` },
      FIELD_TYPES.map(([value, name]) => h("option", { value, text: name, selected: value === f.type })));
    const required = h("input", { type: "checkbox", checked: !!f.required, "data-index": i, "data-part": "required", "aria-label": `第 ${i + 1} 项必填` });
    label.addEventListener("change", () => { f.label = label.value.trim() || f.label; label.value = f.label; });
    type.addEventListener("change", () => { f.type = type.value; });
    required.addEventListener("change", () => { f.required = required.checked; });
    key.addEventListener("change", () => {
      const next = key.value.trim();
      const row = key.closest("tr");
      const clash = t.fields.some((other) => other !== f && other.key === next);
      const prefix = f.key.startsWith("rows[].") ? "rows[]." : "";
      const bare = next.startsWith(prefix) ? next.slice(prefix.length) : next;
      if (!KEY_PATTERN.test(bare) || clash) {
        row.classList.add("invalid");
        key.setAttribute("aria-invalid", "true");
        errors.hidden = false;
        errors.textContent = clash ? `键“${next}”已被另一项使用。` : `键“${next}”应以字母开头，由字母、数字和点组成。`;
        key.value = f.key;
        return;
      }
      row.classList.remove("invalid");
      key.removeAttribute("aria-invalid");
      errors.hidden = true;
      const full = prefix + bare;
      if (full !== f.key) {
        const from = f.key;
        renameKey(t, from, full);
        for (const group of state.summary.groups || []) for (const m of group.fields || []) if (m.key === from) m.key = full;
      }
      key.value = f.key;
    });
    return h("tr", {},
      h("th", { scope: "row", text: String(i + 1) }),
      h("td", {}, label), h("td", {}, key), h("td", {}, type), h("td", { class: "center" }, required));
  });
  const saveButton = h("button", { type: "button", class: "button secondary", onclick: () => saveTemplate(t) }, "保存模板 JSON");
  const fillButton = h("button", {
    type: "button", class: "button primary",
    onclick: () => { location.hash = "#/import/form"; },
  }, "填写此表");
  setMain(
    h("nav", { class: "crumbs", "aria-label": "位置" },
      h("a", { href: "#/", text: "表格模板" }), h("span", { "aria-hidden": "true", text: " › " }),
      h("a", { href: "#/import", text: "导入自己的表格" }), h("span", { "aria-hidden": "true", text: " › " }),
      h("span", { "aria-current": "page", text: "核对填写项" })),
    h("h1", { tabindex: "-1", text: t.title }),
    h("p", { class: "source" }, "来自 ", state.fileName, " · ", h("code", { text: t.id })),
    errors,
    h("div", { class: "table-wrap", role: "region", "aria-labelledby": "fields-caption", tabindex: "0" },
      h("table", { class: "rows-table import-fields" },
        h("caption", { id: "fields-caption", text: "识别出的填写项：名称、键、类型和是否必填都可修改" }),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col", text: "序号" }), h("th", { scope: "col", text: "名称" }), h("th", { scope: "col", text: "键" }),
          h("th", { scope: "col", text: "类型" }), h("th", { scope: "col", text: "必填" }))),
        h("tbody", {}, rows))),
    h("div", { class: "button-row" }, fillButton, saveButton),
    state.warnings.length ? h("details", { class: "import-notes" },
      h("summary", { text: `识别说明（${state.warnings.length} 条）` }),
      h("ul", {}, state.warnings.map((w) => h("li", { class: w.inference ? "" : "dropped", text: w.message })))) : null);
  focusHeading();
}

function saveTemplate(template) {
  const blob = new Blob([JSON.stringify(template, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: `${template.id}.json`, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function showImportedForm() {
  newRoute();
  if (!imported) { location.hash = "#/import"; return; }
  document.title = `${imported.template.title} · 公文 Gongwen`;
  new FormPage(summaryOf(imported), imported.template).mount();
  focusHeading();
}

// The imported form for batch.js's page (#/import/batch): its summary and the template to send.
function currentImport() {
  return imported ? { summary: summaryOf(imported), template: imported.template } : null;
}

return { showImport, showImportedFields, showImportedForm, currentImport };
};
