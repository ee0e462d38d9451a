(() => {
"use strict";

const TOKEN_KEY = "gongwen.token";
const DRAFT_PREFIX = "gongwen.draft.";
const main = document.getElementById("main");

const FORMAT_NAMES = { xlsx: "XLSX", docx: "DOCX", pdf: "PDF" };

// ------------------------------------------------------------------ small helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let uid = 0;
function nextId(stem) {
  uid += 1;
  return `${stem}-${uid}`;
}

function safeId(key) {
  return key.replace(/[^A-Za-z0-9_-]+/g, "-");
}

// Characters as a person counts them (and as the server does): grapheme clusters.
const segmenter = (typeof Intl === "object" && typeof Intl.Segmenter === "function")
  ? new Intl.Segmenter("zh-CN", { granularity: "grapheme" }) : null;
function charCount(text) {
  const s = text.replace(/\r\n?/g, "\n");
  if (segmenter) {
    let n = 0;
    for (const _ of segmenter.segment(s)) n += 1;
    return n;
  }
  return [...s].length;
}

function setPath(obj, dotted, value) {
  const parts = dotted.split(".");
  let node = obj;
  for (let i = 0; i < parts.length - 1; i += 1) {
    if (typeof node[parts[i]] !== "object" || node[parts[i]] === null) node[parts[i]] = {};
    node = node[parts[i]];
  }
  node[parts[parts.length - 1]] = value;
}

// "rows[].name" -> { list: "rows", sub: "name" }
function listKey(key) {
  const m = /^([^.[\]]+)\[\]\.(.+)$/.exec(key);
  return m ? { list: m[1], sub: m[2] } : null;
}

// ------------------------------------------------------------------ HTTP

class HttpError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem || null;
  }
}

let tokenPrompt = null;

async function api(path, init = {}) {
  for (;;) {
    const headers = new Headers(init.headers || {});
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.set("Authorization", "Bearer " + token);
    let res;
    try {
      res = await fetch(path, { ...init, headers, cache: "no-store" });
    } catch (e) {
      throw new HttpError("无法连接服务器，请检查服务是否在运行。", 0);
    }
    if (res.status !== 401) return res;
    if (token) sessionStorage.removeItem(TOKEN_KEY);
    const entered = await askForToken(Boolean(token));
    if (!entered) throw new HttpError("此服务需要访问令牌，未输入令牌。", 401);
  }
}

function askForToken(rejected) {
  if (tokenPrompt) return tokenPrompt;
  tokenPrompt = new Promise((resolve) => {
    const input = h("input", {
      id: "token-input", type: "password", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "token-help",
    });
    const dialog = h("dialog", { class: "token-dialog", "aria-labelledby": "token-title" },
      h("form", { method: "dialog" },
        h("h2", { id: "token-title", text: "需要访问令牌" }),
        h("p", {
          id: "token-help",
          text: rejected
            ? "令牌不正确或已失效，请重新输入。"
            : "此服务设置了访问令牌。请输入管理员提供的令牌；它只保存在本标签页中，关闭标签页即清除。",
        }),
        h("label", { for: "token-input", text: "访问令牌" }),
        input,
        h("div", { class: "dialog-actions" },
          h("button", { type: "submit", value: "cancel", class: "button secondary", formnovalidate: true, text: "取消" }),
          h("button", { type: "submit", value: "ok", class: "button primary", text: "确定" }))));
    dialog.addEventListener("close", () => {
      const value = input.value.trim();
      const ok = dialog.returnValue === "ok" && value !== "";
      if (ok) sessionStorage.setItem(TOKEN_KEY, value);
      dialog.remove();
      tokenPrompt = null;
      resolve(ok);
    });
    document.body.append(dialog);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    input.focus();
  });
  return tokenPrompt;
}

async function readProblem(res) {
  const type = res.headers.get("Content-Type") || "";
  try {
    if (type.includes("json")) return await res.json();
    const text = (await res.text()).trim();
    return { title: text.slice(0, 400) };
  } catch (e) {
    return {};
  }
}

function problemText(res, problem) {
  const parts = [problem.title, problem.detail].filter((s) => typeof s === "string" && s !== "");
  return parts.length ? parts.join("：") : `服务器返回错误（HTTP ${res.status}）。`;
}

async function getJSON(path) {
  const res = await api(path, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    const problem = await readProblem(res);
    throw new HttpError(problemText(res, problem), res.status, problem);
  }
  return res.json();
}

// The file name from Content-Disposition: filename*=UTF-8''… first, then filename="…".
function fileNameFromDisposition(cd) {
  if (!cd) return null;
  const clean = (s) => s.replace(/[\/\\:*?"<>|\u0000-\u001f]+/g, "_").trim() || null;
  let m = /filename\*\s*=\s*([^;]+)/i.exec(cd);
  if (m) {
    const v = m[1].trim().replace(/^"(.*)"$/, "$1");
    const parts = /^([^']*)'[^']*'(.*)$/.exec(v);
    if (parts) {
      try {
        return clean(decodeURIComponent(parts[2]));
      } catch (e) { /* fall through to filename= */ }
    }
  }
  m = /(?:^|;)\s*filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;]*))/i.exec(cd);
  if (m) return clean(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2].trim());
  return null;
}

async function saveResponse(res, fallback) {
  const blob = await res.blob();
  const name = fileNameFromDisposition(res.headers.get("Content-Disposition")) || fallback;
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return name;
}

// ------------------------------------------------------------------ routing

let routeSeq = 0;
let templateList = null;
let importPages = null;
let noticePages = null;
let batchPages = null;

// What the other page scripts are handed, once this script's helpers all exist: the same
// set for each, so a page's script takes what it uses.
function pageHelpers() {
  return {
    h, api, readProblem, problemText, setMain, focusHeading, FormPage, saveResponse, setStatus,
    newRoute: () => ++routeSeq, currentRoute: () => routeSeq,
  };
}

// batch.js's pages.
function batch() {
  batchPages = batchPages || window.gongwenBatchPages(pageHelpers());
  return batchPages;
}

// A status line's text and its kind (ok, error, or none).
function setStatus(el, text, kind) {
  el.textContent = text || "";
  el.className = "status" + (kind ? " " + kind : "");
}

function setMain(...children) {
  main.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
}

function focusHeading() {
  const heading = main.querySelector("h1");
  if (heading) heading.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function route() {
  const hash = location.hash || "#/";
  if (hash === "#/" || hash === "#") return showList();
  if (hash.startsWith("#/import")) {
    // import.js's pages.
    importPages = importPages || window.gongwenImportPages(pageHelpers());
    if (hash === "#/import") return importPages.showImport();
    if (hash === "#/import/fields") return importPages.showImportedFields();
    if (hash === "#/import/form") return importPages.showImportedForm();
    if (hash === "#/import/batch") return batch().showImportedBatch(importPages.currentImport());
  }
  if (hash === "#/notice") {
    // notice.js's page (it builds attached forms with the form page's FormPage).
    noticePages = noticePages || window.gongwenNoticePages(pageHelpers());
    return noticePages.showNotice();
  }
  // #/batch/<id> beside #/form/<id>: the same template, the many-units side of it.
  const b = /^#\/batch\/([^/?#]+)$/.exec(hash);
  if (b) {
    let id;
    try { id = decodeURIComponent(b[1]); } catch (e) { id = b[1]; }
    return batch().showBatch(id);
  }
  const m = /^#\/form\/([^/?#]+)$/.exec(hash);
  if (m) {
    let id;
    try { id = decodeURIComponent(m[1]); } catch (e) { id = m[1]; }
    return showForm(id);
  }
  return showNotFound();
}

function showFailure(error, retry) {
  setMain(
    h("h1", { tabindex: "-1", text: "出错了" }),
    h("p", { class: "notice-box error", role: "alert", text: error.message || String(error) }),
    h("p", {},
      h("button", { type: "button", class: "button secondary", onclick: retry, text: "重试" }),
      " ",
      h("a", { href: "#/", text: "返回模板列表" })));
  focusHeading();
}

function showNotFound() {
  routeSeq += 1;
  document.title = "找不到页面 · 公文 Gongwen";
  setMain(
    h("h1", { tabindex: "-1", text: "找不到这个页面" }),
    h("p", {}, h("a", { href: "#/", text: "返回模板列表" })));
  focusHeading();
}

async function showList() {
  const seq = ++routeSeq;
  document.title = "表格模板 · 公文 Gongwen";
  if (!templateList) setMain(h("p", { class: "loading", text: "正在加载模板…" }));
  let templates;
  try {
    templates = templateList || await getJSON("/api/templates");
    templateList = templates;
  } catch (e) {
    if (seq === routeSeq) showFailure(e, showList);
    return;
  }
  if (seq !== routeSeq) return;

  const groups = new Map();
  for (const t of templates) {
    if (!groups.has(t.form)) groups.set(t.form, []);
    groups.get(t.form).push(t);
  }
  const sections = [...groups].map(([form, list]) => {
    const headingId = "group-" + safeId(form);
    return h("section", { class: "template-group", "aria-labelledby": headingId },
      h("h2", { id: headingId, text: list[0].formName }),
      h("ul", { class: "cards" }, list.map((t) => {
        const rows = (t.fields || []).some((f) => listKey(f.key));
        return h("li", { class: "card" },
          h("a", { class: "card-link", href: "#/form/" + encodeURIComponent(t.id) }, t.title),
          h("p", { class: "card-source", text: t.source }),
          h("p", { class: "card-meta" },
            h("code", { text: t.id }), " · ",
            rows ? "名单表，可增删行" : `${(t.fields || []).length} 个填写项`),
          h("p", { class: "card-batch" },
            h("a", { href: "#/batch/" + encodeURIComponent(t.id), "data-link": "batch",
              "aria-label": `${t.title}：批量生成与回收汇总`, text: "批量生成 · 回收汇总" })));
      })));
  });
  setMain(
    h("h1", { tabindex: "-1", text: "表格模板" }),
    h("p", { class: "lead", text: "选择一个表格：在线填写后生成已填表，或下载空白表打印、手工填写。每个表格都可下载 XLSX（Excel、WPS 表格）、DOCX（Word、WPS 文字）和 PDF。" }),
    h("p", { class: "import-link" }, h("a", { class: "button secondary", href: "#/import", text: "导入自己的表格…" }),
      " 通知附带的表格不在下面？用它的 Excel 或 Word 文件在线填写。"),
    h("p", { class: "import-link" }, h("a", { class: "button secondary", href: "#/notice", "data-link": "notice", text: "公文排版…" }),
      " 按 GB/T 9704 排版一份通知：粘贴草稿或选择 Word 文件一键排版，或逐项填写；即时预览，下载 DOCX 或 PDF。"),
    templates.length ? sections : h("p", { class: "notice-box", text: "还没有表格模板。" }));
  focusHeading();
}

async function showForm(id) {
  const seq = ++routeSeq;
  setMain(h("p", { class: "loading", text: "正在加载表格…" }));
  let template;
  try {
    template = await getJSON("/api/templates/" + encodeURIComponent(id));
  } catch (e) {
    if (seq !== routeSeq) return;
    if (e.status === 404) {
      document.title = "没有这个表格 · 公文 Gongwen";
      setMain(
        h("h1", { tabindex: "-1", text: "没有这个表格模板" }),
        h("p", {}, "模板 ", h("code", { text: id }), " 不存在。"),
        h("p", {}, h("a", { href: "#/", text: "返回模板列表" })));
      focusHeading();
    } else {
      showFailure(e, () => showForm(id));
    }
    return;
  }
  if (seq !== routeSeq) return;
  document.title = `${template.title} · 公文 Gongwen`;
  new FormPage(template).mount();
  focusHeading();
}

// ------------------------------------------------------------------ the form page

class FormPage {
  // `inline`: the whole template, for a form the server does not carry (imported on this
  // page); it is sent beside the data, and there is no blank form to fetch.
  constructor(template, inline = null) {
    this.t = template;
    this.inline = inline;
    this.fields = template.fields || [];
    this.controls = new Map(); // key -> control, for fields outside the list
    this.list = null;          // { key, columns: [field], tbody, caption }
    this.sentRows = [];        // the <tr> of each row sent in the last request
    this.busy = false;
    this.draftTimer = 0;
  }

  mount() {
    const t = this.t;
    this.summary = h("div", {
      id: "error-summary", class: "error-summary", role: "alert", tabindex: "-1", hidden: true,
    });
    this.status = h("p", { id: "status", class: "status", role: "status", "aria-live": "polite" });
    this.announcer = h("p", { class: "visually-hidden", "aria-live": "polite" });
    this.form = h("form", {
      id: "fill-form", class: "fill-form", novalidate: true, "aria-labelledby": "form-title",
      onsubmit: (e) => e.preventDefault(),
    });

    this.form.append(h("p", { class: "required-note" },
      "带 ", h("span", { class: "req", "aria-hidden": "true", text: "*" }), " 的为必填项（required）。"));
    const rowFields = this.fields.filter((f) => listKey(f.key));
    const others = this.fields.filter((f) => !listKey(f.key));
    if (rowFields.length) this.buildListForm(others, rowFields);
    else this.buildGridForm();

    this.actionButtons = [];
    const renderButtons = ["xlsx", "docx", "pdf"].map((fmt) => {
      const b = h("button", {
        type: "button", class: "button primary", "data-action": "render", "data-format": fmt,
        onclick: () => this.generate(fmt),
      }, `生成已填表（${FORMAT_NAMES[fmt]}）`);
      this.actionButtons.push(b);
      return b;
    });
    const blankButtons = ["xlsx", "docx"].map((fmt) => {
      const b = h("button", {
        type: "button", class: "button secondary", "data-action": "blank", "data-format": fmt,
        onclick: () => this.downloadBlank(fmt),
      }, `下载空白表（${FORMAT_NAMES[fmt]}）`);
      this.actionButtons.push(b);
      return b;
    });
    const clearButton = h("button", {
      type: "button", class: "button quiet", onclick: () => this.clearAll(), text: "清空填写内容",
    });

    setMain(
      h("nav", { class: "crumbs", "aria-label": "位置" },
        h("a", { href: "#/", text: "表格模板" }), h("span", { "aria-hidden": "true", text: " › " }),
        this.inline ? [h("a", { href: "#/import/fields", text: "核对填写项" }), h("span", { "aria-hidden": "true", text: " › " })] : null,
        h("span", { "aria-current": "page", text: t.title })),
      h("h1", { id: "form-title", tabindex: "-1", text: t.title }),
      h("p", { class: "source" }, "来源：", t.source, " · ", h("code", { text: t.id })),
      h("p", { class: "batch-link" },
        h("a", { class: "button secondary", "data-link": "batch",
          href: this.inline ? "#/import/batch" : "#/batch/" + encodeURIComponent(t.id), text: "批量生成 · 回收汇总…" }),
        " 要给许多单位各发一份，或汇总各单位交回的表格？"),
      this.inline ? null : h("section", { class: "blank-box", "aria-labelledby": "blank-title" },
        h("h2", { id: "blank-title", text: "空白表" }),
        h("p", { text: "下载未填写的表格，打印后手工填写，或在 Excel、WPS、Word 中填写。" }),
        h("div", { class: "button-row" }, blankButtons)),
      this.summary,
      this.form,
      h("section", { class: "action-bar", "aria-labelledby": "render-title" },
        h("h2", { id: "render-title", class: "visually-hidden", text: "生成已填表" }),
        h("div", { class: "button-row" }, renderButtons, clearButton),
        this.status),
      this.announcer);

    this.restoreDraft();
    this.form.addEventListener("input", () => this.scheduleDraft());
  }

  // ---- building

  // The sections the server computes from the template's layout (t.groups): the header
  // line's field, then a fieldset for each label that spans several rows of the table (the
  // statistics form), its unit beside each number.
  buildGridForm() {
    const byKey = new Map(this.fields.map((f) => [f.key, f]));
    for (const group of this.t.groups) {
      const grid = h("div", { class: "field-grid" });
      for (const member of group.fields) {
        const c = this.makeControl(byKey.get(member.key), { unit: group.unit, wide: member.wide });
        this.controls.set(member.key, c);
        grid.append(c.wrap);
      }
      if (group.label) {
        this.form.append(h("fieldset", { class: "field-group" },
          h("legend", { text: group.label }), grid));
      } else {
        this.form.append(h("div", { class: "field-group plain" }, grid));
      }
    }
  }

  buildListForm(others, rowFields) {
    // The header line's field ("填报单位（盖章）：…") first, across the whole width.
    const headerKey = this.t.header ? this.t.header.field : null;
    const top = [...others].sort((a, b) => (b.key === headerKey) - (a.key === headerKey));
    if (top.length) {
      const grid = h("div", { class: "field-grid" });
      for (const f of top) {
        const c = this.makeControl(f, { wide: f.key === headerKey });
        this.controls.set(f.key, c);
        grid.append(c.wrap);
      }
      this.form.append(h("div", { class: "field-group plain" }, grid));
    }

    let columns = rowFields;
    const layout = this.t.layout;
    if (layout && layout.type === "list" && Array.isArray(layout.columns)) {
      const byKey = new Map(rowFields.map((f) => [f.key, f]));
      const ordered = layout.columns.map((c) => byKey.get(c.field)).filter(Boolean);
      columns = [...ordered, ...rowFields.filter((f) => !ordered.includes(f))];
    }
    const key = listKey(columns[0].key).list;
    const widths = new Map(((layout && layout.columns) || []).map((c) => [c.field, c.width]));
    const captionId = nextId("list-caption");
    const tbody = h("tbody");
    const table = h("table", { class: "rows-table" },
      h("caption", { id: captionId, text: "名单（每行填写一个单位；空行不会写入表格）" }),
      h("colgroup", {}, h("col", { class: "col-index" }),
        columns.map((f) => {
          const col = h("col");
          if (widths.get(f.key)) col.style.width = `${widths.get(f.key)}ch`;
          return col;
        }),
        h("col", { class: "col-action" })),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", class: "index", text: "序号" }),
        columns.map((f) => h("th", { scope: "col" }, f.label,
          f.required ? h("span", { class: "req", "aria-hidden": "true", text: " *" }) : null)),
        h("th", { scope: "col", class: "action" }, h("span", { class: "visually-hidden", text: "操作" })))),
      tbody);
    this.list = { key, columns, tbody };
    const addButton = h("button", {
      type: "button", class: "button secondary add-row", "data-action": "add-row",
      onclick: () => {
        const tr = this.addRow();
        this.renumber();
        tr.querySelector("input, textarea").focus();
        this.announce(`已添加第 ${tbody.rows.length} 行`);
        this.scheduleDraft();
      },
    }, "添加一行");
    this.form.append(
      h("div", { class: "table-wrap", role: "region", "aria-labelledby": captionId, tabindex: "0" }, table),
      h("div", { class: "button-row" }, addButton));
    this.addButton = addButton;
  }

  addRow(values) {
    const tr = h("tr", { class: "data-row" });
    tr.controls = new Map();
    tr.append(h("th", { scope: "row", class: "index" }));
    for (const f of this.list.columns) {
      const sub = listKey(f.key).sub;
      const c = this.makeControl(f, { inRow: true });
      c.sub = sub;
      tr.controls.set(sub, c);
      if (values && typeof values[sub] === "string") c.input.value = values[sub];
      tr.append(h("td", {}, c.wrap));
    }
    const remove = h("button", {
      type: "button", class: "button quiet remove-row", "data-action": "remove-row",
      onclick: () => this.removeRow(tr),
    }, "删除");
    tr.removeButton = remove;
    tr.append(h("td", { class: "action" }, remove));
    this.list.tbody.append(tr);
    return tr;
  }

  removeRow(tr) {
    const rows = [...this.list.tbody.rows];
    const i = rows.indexOf(tr);
    for (const c of tr.controls.values()) if (c.hasError) this.clearError(c);
    tr.remove();
    this.renumber();
    const next = this.list.tbody.rows[i] || this.list.tbody.rows[i - 1];
    (next ? next.removeButton : this.addButton).focus();
    this.announce(`已删除第 ${i + 1} 行，还有 ${this.list.tbody.rows.length} 行`);
    this.scheduleDraft();
  }

  renumber() {
    [...this.list.tbody.rows].forEach((tr, i) => {
      tr.cells[0].textContent = String(i + 1);
      for (const c of tr.controls.values()) c.labelText.textContent = `第 ${i + 1} 行 ${c.field.label}`;
      tr.removeButton.setAttribute("aria-label", `删除第 ${i + 1} 行`);
    });
  }

  makeControl(field, opts = {}) {
    const id = nextId("f-" + safeId(field.key));
    const c = { field, id, describers: [], errorId: id + "-error" };
    let input;
    if (field.type === "multiline" && !opts.inRow) {
      input = h("textarea", { id, name: field.key, rows: 10 });
    } else {
      input = h("input", { id, name: field.key, type: "text" });
      switch (field.type) {
        case "count":
          Object.assign(input, { type: "number", step: "1", min: "0", inputMode: "numeric" });
          break;
        case "amount":
          Object.assign(input, { type: "number", step: "any", min: "0", inputMode: "decimal" });
          break;
        case "email":
          input.type = "email";
          input.autocomplete = opts.inRow ? "off" : "email";
          break;
        case "postcode":
          input.pattern = "\\d{6}";
          input.inputMode = "numeric";
          input.autocomplete = opts.inRow ? "off" : "postal-code";
          break;
        case "phone":
          input.type = "tel";
          input.autocomplete = opts.inRow ? "off" : "tel";
          break;
        default:
          break;
      }
    }
    input.dataset.key = field.key;
    input.dataset.type = field.type;
    if (field.required) {
      input.required = true;
      input.setAttribute("aria-required", "true");
    }
    c.input = input;
    c.error = h("p", { id: c.errorId, class: "field-error", hidden: true });
    c.labelText = h("span", { class: "label-text", text: field.label });
    const label = h("label", { for: id, class: opts.inRow ? "visually-hidden" : "field-label" }, c.labelText,
      field.required && !opts.inRow ? h("span", { class: "req", "aria-hidden": "true", text: " *" }) : null);

    const after = [];
    let hint = null;
    if (field.hint && !opts.inRow) {
      hint = h("p", { id: id + "-hint", class: "hint", text: field.hint });
      c.describers.push(hint.id);
    }
    let control = input;
    if (opts.unit && (field.type === "amount" || field.type === "count")) {
      const unit = h("span", { id: id + "-unit", class: "unit", text: opts.unit });
      c.describers.push(unit.id);
      control = h("div", { class: "with-unit" }, input, unit);
    }
    if (field.type === "multiline" && !opts.inRow && field.maxLength) {
      c.counter = h("p", { id: id + "-count", class: "counter", "data-max": field.maxLength });
      c.describers.push(c.counter.id);
      after.push(c.counter);
      this.updateCounter(c);
    }
    input.addEventListener("input", () => {
      if (c.counter) this.updateCounter(c, true);
      if (c.hasError) this.clearError(c);
    });
    this.describe(c);
    c.wrap = h("div", { class: ["field", `type-${field.type}`, opts.wide ? "wide" : ""].join(" ").trim() },
      label, hint, control, after, c.error);
    return c;
  }

  describe(c) {
    const ids = c.hasError ? [c.errorId, ...c.describers] : c.describers;
    if (ids.length) c.input.setAttribute("aria-describedby", ids.join(" "));
    else c.input.removeAttribute("aria-describedby");
  }

  updateCounter(c, live) {
    const max = c.field.maxLength;
    const n = charCount(c.input.value);
    const over = n > max;
    c.counter.textContent = over ? `${n} / ${max}（超出 ${n - max} 字）` : `${n} / ${max}`;
    c.counter.classList.toggle("over", over);
    if (live && over !== Boolean(c.wasOver)) {
      this.announce(over ? `${c.field.label}已超过 ${max} 字` : `${c.field.label}已在 ${max} 字以内`);
    }
    c.wasOver = over;
  }

  announce(text) {
    this.announcer.textContent = "";
    setTimeout(() => { this.announcer.textContent = text; }, 50);
  }

  // ---- errors

  showError(c, message) {
    if (c.hasError && c.error.textContent && !c.error.textContent.includes(message)) {
      c.error.textContent = `${c.error.textContent}；${message}`;
    } else {
      c.error.textContent = message;
    }
    c.error.hidden = false;
    c.hasError = true;
    c.input.setAttribute("aria-invalid", "true");
    c.wrap.classList.add("has-error");
    this.describe(c);
  }

  clearError(c) {
    if (c.summaryItem) {
      c.summaryItem.remove();
      c.summaryItem = null;
      this.updateSummaryCount();
    }
    c.error.textContent = "";
    c.error.hidden = true;
    c.hasError = false;
    c.input.removeAttribute("aria-invalid");
    c.wrap.classList.remove("has-error");
    this.describe(c);
  }

  allControls() {
    const all = [...this.controls.values()];
    if (this.list) for (const tr of this.list.tbody.rows) all.push(...tr.controls.values());
    return all;
  }

  clearErrors() {
    for (const c of this.allControls()) {
      c.summaryItem = null;
      if (c.hasError) this.clearError(c);
    }
    this.summary.hidden = true;
    this.summary.replaceChildren();
  }

  // The control an error's field key names: "postcode", "funds.central", "rows[2].name".
  controlFor(field) {
    if (typeof field !== "string") return null;
    if (this.controls.has(field)) return this.controls.get(field);
    const m = /^([^.[\]]+)\[(\d+)\]\.(.+)$/.exec(field);
    if (m && this.list && m[1] === this.list.key) {
      const tr = this.sentRows[Number(m[2])];
      if (tr && tr.isConnected) return tr.controls.get(m[3]) || null;
    }
    return null;
  }

  rowNumberOf(field) {
    const m = /^([^.[\]]+)\[(\d+)\]/.exec(field || "");
    if (!m) return null;
    const tr = this.sentRows[Number(m[2])];
    return tr && tr.isConnected ? tr.sectionRowIndex + 1 : Number(m[2]) + 1;
  }

  // errors: [{ field, label, rule, message, control? }]
  showErrors(errors, headline) {
    this.clearErrors();
    const matched = [];
    const unmatched = [];
    for (const e of errors) {
      const c = e.control || this.controlFor(e.field);
      const message = e.message || e.rule || "填写有误";
      if (c) {
        this.showError(c, message);
        if (!matched.some((x) => x.c === c)) matched.push({ c, e, message });
      } else {
        unmatched.push({ e, message });
      }
    }
    matched.sort((a, b) =>
      a.c.input.compareDocumentPosition(b.c.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

    const describe = (e, c) => {
      const row = this.rowNumberOf(e.field);
      const label = e.label || (c && c.field.label) || e.field || "";
      return row ? `第 ${row} 行 ${label}` : label;
    };
    const items = [
      ...matched.map(({ c, e }) => {
        c.summaryItem = h("li", {},
          h("button", { type: "button", class: "linklike", onclick: () => c.input.focus() },
            `${describe(e, c)}：${c.error.textContent}`));
        return c.summaryItem;
      }),
      ...unmatched.map(({ e, message }) => h("li", { class: "unmatched" },
        describe(e, null) ? `${describe(e, null)}：${message}` : message)),
    ];
    this.summary.replaceChildren(h("h2", { text: headline || "" }), items.length ? h("ul", {}, items) : null);
    this.summaryHeadline = headline || null;
    this.updateSummaryCount();
    this.summary.hidden = false;
    if (matched.length) matched[0].c.input.focus();
    else this.summary.focus();
  }

  // The summary's heading counts what is left to fix; fixing every field hides it.
  updateSummaryCount() {
    const list = this.summary.querySelector("ul");
    const heading = this.summary.querySelector("h2");
    if (!list || !heading) return;
    const n = list.children.length;
    if (n === 0) {
      this.summary.hidden = true;
      return;
    }
    heading.textContent = this.summaryHeadline || `数据有误，共 ${n} 处，请修改后重新生成。`;
  }

  showSummaryMessage(text) {
    this.clearErrors();
    this.summary.replaceChildren(h("h2", { text: "未能完成" }), h("p", { text }));
    this.summary.hidden = false;
    this.summary.focus();
  }

  setStatus(text, kind) {
    setStatus(this.status, text, kind);
  }

  setBusy(busy) {
    this.busy = busy;
    this.form.setAttribute("aria-busy", busy ? "true" : "false");
    for (const b of this.actionButtons) b.disabled = busy;
  }

  // ---- data

  readControl(c) {
    const input = c.input;
    const raw = input.value;
    if (c.field.type === "count" || c.field.type === "amount") {
      if (input.validity && input.validity.badInput) return { bad: "应填写数字" };
      if (raw.trim() === "") return { empty: true };
      const n = Number(raw);
      return { value: Number.isFinite(n) ? n : raw };
    }
    if (raw.trim() === "") return { empty: true };
    return { value: raw };
  }

  collect() {
    const data = {};
    const local = [];
    for (const [key, c] of this.controls) {
      const r = this.readControl(c);
      if (r.bad) local.push({ field: key, label: c.field.label, rule: "number", message: r.bad, control: c });
      else if (!r.empty) setPath(data, key, r.value);
    }
    const sent = [];
    if (this.list) {
      const rows = [];
      for (const tr of this.list.tbody.rows) {
        const row = {};
        let filled = false;
        for (const [sub, c] of tr.controls) {
          const r = this.readControl(c);
          if (r.bad) {
            // a row with a bad value is sent, so it will be rows[rows.length]
            local.push({ field: `${this.list.key}[${rows.length}].${sub}`, label: c.field.label,
              rule: "number", message: r.bad, control: c });
            filled = true;
          } else if (!r.empty) {
            row[sub] = r.value;
            filled = true;
          }
        }
        if (filled) {
          rows.push(row);
          sent.push(tr);
        }
      }
      data[this.list.key] = rows;
    }
    return { data, local, sent };
  }

  // ---- actions

  async generate(format) {
    if (this.busy) return;
    const { data, local, sent } = this.collect();
    this.sentRows = sent;
    if (local.length) {
      this.showErrors(local);
      this.setStatus("有填写项需要修改。", "error");
      return;
    }
    this.clearErrors();
    this.setBusy(true);
    this.setStatus(`正在生成 ${FORMAT_NAMES[format]}…`);
    try {
      const res = this.inline
        ? await api(`/api/render?format=${format}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "*/*" },
          body: JSON.stringify({ template: this.inline, data }),
        })
        : await api(`/api/render/${encodeURIComponent(this.t.id)}?format=${format}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "*/*" },
          body: JSON.stringify(data),
        });
      if (res.ok) {
        const name = await saveResponse(res, `${this.t.id}.${format}`);
        this.setStatus(`已生成并下载：${name}`, "ok");
      } else {
        const problem = await readProblem(res);
        if (res.status === 422 || res.status === 400) {
          const errors = Array.isArray(problem.errors) ? problem.errors : [];
          if (errors.length) this.showErrors(errors);
          else this.showSummaryMessage(problemText(res, problem));
          this.setStatus("数据有误，请按提示修改后重新生成。", "error");
        } else {
          this.showSummaryMessage(problemText(res, problem));
          this.setStatus("生成失败。", "error");
        }
      }
    } catch (e) {
      this.showSummaryMessage(e.message || String(e));
      this.setStatus("生成失败。", "error");
    } finally {
      this.setBusy(false);
    }
  }

  async downloadBlank(format) {
    if (this.busy) return;
    this.setBusy(true);
    this.setStatus(`正在准备空白表（${FORMAT_NAMES[format]}）…`);
    try {
      const res = await api(`/api/templates/${encodeURIComponent(this.t.id)}/blank?format=${format}`);
      if (!res.ok) {
        const problem = await readProblem(res);
        throw new HttpError(problemText(res, problem), res.status, problem);
      }
      const name = await saveResponse(res, `${this.t.id}-blank.${format}`);
      this.setStatus(`已下载空白表：${name}`, "ok");
    } catch (e) {
      this.showSummaryMessage(e.message || String(e));
      this.setStatus("下载失败。", "error");
    } finally {
      this.setBusy(false);
    }
  }

  clearAll() {
    if (!window.confirm("清空本表已填写的全部内容？")) return;
    for (const c of this.controls.values()) c.input.value = "";
    if (this.list) {
      this.list.tbody.replaceChildren();
      this.addRow();
      this.renumber();
    }
    for (const c of this.allControls()) if (c.counter) this.updateCounter(c);
    this.clearErrors();
    this.setStatus("已清空。");
    try { sessionStorage.removeItem(DRAFT_PREFIX + this.t.id); } catch (e) { /* storage off */ }
  }

  // ---- the draft, kept in this tab so that leaving the page loses nothing

  scheduleDraft() {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveDraft(), 300);
  }

  saveDraft() {
    const draft = { fields: {}, rows: [] };
    for (const [key, c] of this.controls) if (c.input.value !== "") draft.fields[key] = c.input.value;
    if (this.list) {
      for (const tr of this.list.tbody.rows) {
        const row = {};
        for (const [sub, c] of tr.controls) if (c.input.value !== "") row[sub] = c.input.value;
        draft.rows.push(row);
      }
    }
    try { sessionStorage.setItem(DRAFT_PREFIX + this.t.id, JSON.stringify(draft)); } catch (e) { /* full or off */ }
  }

  restoreDraft() {
    let draft = null;
    try { draft = JSON.parse(sessionStorage.getItem(DRAFT_PREFIX + this.t.id) || "null"); } catch (e) { draft = null; }
    if (draft && draft.fields) {
      for (const [key, value] of Object.entries(draft.fields)) {
        const c = this.controls.get(key);
        if (c && typeof value === "string") c.input.value = value;
      }
    }
    if (this.list) {
      const rows = draft && Array.isArray(draft.rows) && draft.rows.length ? draft.rows : [{}];
      for (const r of rows) this.addRow(r);
      this.renumber();
    }
    for (const c of this.allControls()) if (c.counter) this.updateCounter(c);
  }
}

window.addEventListener("hashchange", route);
route();
})();