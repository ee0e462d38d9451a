// The page `#/notice`: a notice (GB/T 9704) edited as a form of its parts — issuer, number,
// signer, title, recipients, the body as an outline, attachments (forms by template, blank or
// filled on this page with the form page's own controls, or free text), signature, date, note
// and colophon — with a live preview of its pages (POST /api/notices/preview, debounced, the
// request in flight cancelled by the next edit), the server's errors beside their fields, and
// DOCX and PDF downloads (POST /api/notices). A notice starts empty or from a JSON file (an
// example under examples/notices, or one saved here) or from a draft (pasted text or a Word
// file), which POST /api/notices/import reads into a notice and the importer's warnings.
// app.js keeps its helpers to itself and hands them over here (`app`) the first time the page
// is routed to.
window.gongwenNoticePages = (app) => {
"use strict";
const { h, api, readProblem, problemText, setMain, focusHeading, FormPage, saveResponse, setStatus, newRoute } = app;

const PREVIEW_DELAY = 800;
const PREVIEW_DPI = 60;
const STORE_KEY = "gongwen.notice";
const NUMERALS = "〇一二三四五六七八九";

// ------------------------------------------------------------------ numbering

// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (a notice has fewer than 100 sections).
function chineseNumber(n) {
  if (n < 10) return NUMERALS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens > 1 ? NUMERALS[tens] : "") + "十" + (ones ? NUMERALS[ones] : "");
}

// The number a heading of this depth (0 for 一、) and ordinal (1-based) is printed with.
function headingNumber(depth, n) {
  switch (depth) {
    case 0: return chineseNumber(n) + "、";
    case 1: return "（" + chineseNumber(n) + "）";
    case 2: return n + ".";
    default: return "（" + n + "）";
  }
}

// ------------------------------------------------------------------ the body as rows

// The outline is edited as a flat list of rows, each with a depth: a heading at depth d is
// numbered at level d + 1 and holds the rows below it at depth d + 1, until a row at depth
// d or less. That is the nesting the JSON has, and what the numbers are derived from.
function rowsFromBlocks(blocks, depth = 0, rows = []) {
  for (const block of blocks || []) {
    if (block && typeof block.heading === "string") {
      rows.push({ kind: "heading", depth, text: block.heading, runIn: block.text || "" });
      rowsFromBlocks(block.body, depth + 1, rows);
    } else if (block && Array.isArray(block.contact)) {
      rows.push({ kind: "contact", depth, text: block.contact.join("\n") });
    } else if (block && typeof block.text === "string") {
      rows.push({ kind: "paragraph", depth, text: block.text });
    } else if (block) {
      // A block this page does not edit (a table): kept as it is.
      rows.push({ kind: "other", depth, raw: block });
    }
  }
  return rows;
}

// Rows back to blocks; each row's `path` is set to the JSON path the server's errors use
// ("body[1].body[0].heading" without the field), and its depth to where it really went.
function blocksFromRows(rows, prefix) {
  const top = [];
  const stack = []; // open headings: { block, path }
  for (const row of rows) {
    const depth = Math.min(row.depth, stack.length);
    stack.length = depth;
    row.effectiveDepth = depth;
    const parent = depth ? stack[depth - 1] : null;
    const list = parent ? (parent.block.body = parent.block.body || []) : top;
    const path = `${parent ? parent.path + ".body" : prefix}[${list.length}]`;
    row.path = path;
    let block;
    if (row.kind === "heading") {
      block = { heading: row.text.trim() };
      if (row.runIn.trim()) block.text = row.runIn.trim();
      stack.push({ block, path });
    } else if (row.kind === "contact") {
      block = { contact: row.text.split("\n").map((s) => s.trim()).filter(Boolean) };
    } else if (row.kind === "other") {
      block = row.raw;
    } else {
      block = { text: row.text.trim() };
    }
    list.push(block);
  }
  return top;
}

// ------------------------------------------------------------------ small helpers

const lines = (text) => text.split("\n").map((s) => s.trim()).filter(Boolean);
const splitNames = (text) => text.split(/[，,、；;\n]+/).map((s) => s.trim()).filter(Boolean);

let uid = 0;
const nextId = (stem) => `${stem}-${++uid}`;

// A labelled input or textarea bound to a field path, with its error line.
function field(path, label, opts = {}) {
  const id = nextId("n-" + path.replace(/[^A-Za-z0-9]+/g, "-"));
  const input = opts.multiline
    ? h("textarea", { id, rows: opts.rows || 3, "data-path": path, placeholder: opts.placeholder })
    : h("input", { id, type: opts.type || "text", "data-path": path, placeholder: opts.placeholder });
  if (opts.multiline) input.classList.add("short");
  const error = h("p", { id: id + "-error", class: "field-error", hidden: true });
  const hint = opts.hint ? h("p", { id: id + "-hint", class: "hint", text: opts.hint }) : null;
  if (hint) input.setAttribute("aria-describedby", hint.id);
  const wrap = h("div", { class: "field" + (opts.wide ? " wide" : "") },
    h("label", { for: id, class: "field-label" }, label,
      opts.required ? h("span", { class: "req", "aria-hidden": "true", text: " *" }) : null),
    hint, input, error);
  return { path, label, input, error, wrap, hint };
}

function setError(c, message) {
  c.error.textContent = c.error.hidden ? message : `${c.error.textContent}；${message}`;
  c.error.hidden = false;
  c.wrap.classList.add("has-error");
  c.input.setAttribute("aria-invalid", "true");
  c.input.setAttribute("aria-describedby", [c.error.id, c.hint && c.hint.id].filter(Boolean).join(" "));
}

function clearError(c) {
  c.error.textContent = "";
  c.error.hidden = true;
  c.wrap.classList.remove("has-error");
  c.input.removeAttribute("aria-invalid");
  if (c.hint) c.input.setAttribute("aria-describedby", c.hint.id);
  else c.input.removeAttribute("aria-describedby");
}

function readFileAs(file, how) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    if (how === "dataURL") reader.readAsDataURL(file);
    else reader.readAsText(file, "utf-8");
  });
}

function emptyNotice() {
  return {
    issuer: { organs: [""] }, title: [""], body: [{ text: "" }],
    signature: { organs: [{ name: "" }] }, date: new Date().toISOString().slice(0, 10),
  };
}

// ------------------------------------------------------------------ the page

class NoticePage {
  constructor(notice) {
    this.controls = [];      // every bound field: { path, input, error, wrap }
    this.rows = [];          // the body outline
    this.attachments = [];   // { name, kind, template, filled, page (FormPage), text, raw, el }
    this.organs = [];        // signature organs: { name, seal, el }
    this.previewTimer = 0;
    this.previewAbort = null;
    this.previewSeq = 0;
    this.templates = [];
    this.load(notice);
  }

  // ---- mounting

  mount() {
    this.summary = h("div", { id: "notice-errors", class: "error-summary", role: "alert", tabindex: "-1", hidden: true });
    this.status = h("p", { id: "notice-status", class: "status", role: "status", "aria-live": "polite" });
    this.editor = h("div", { id: "notice-form", class: "fill-form notice-form" });
    this.pagesBox = h("div", { id: "notice-pages", class: "preview-pages", "aria-live": "off" });
    this.previewStatus = h("p", { id: "preview-status", class: "status", role: "status", "aria-live": "polite" });
    this.downloads = ["docx", "pdf"].map((format) => h("button", {
      type: "button", class: "button primary", "data-action": "download", "data-format": format,
      onclick: () => this.download(format),
    }, `下载 ${format.toUpperCase()}`));

    setMain(
      h("nav", { class: "crumbs", "aria-label": "位置" },
        h("a", { href: "#/", text: "表格模板" }), h("span", { "aria-hidden": "true", text: " › " }),
        h("span", { "aria-current": "page", text: "公文排版" })),
      h("h1", { id: "notice-title", tabindex: "-1", text: "公文排版（GB/T 9704）" }),
      h("p", { class: "lead", text: "逐项填写或修改通知的各个部分，右侧即时预览排版结果（停止输入约 1 秒后更新），完成后下载 DOCX 或 PDF。内容只用于生成文件，服务器不保存。" }),
      this.draftBox(),
      this.startBox(),
      h("div", { class: "notice-layout" },
        h("div", { class: "notice-editing" }, this.summary, this.editor),
        h("aside", { class: "notice-preview", "aria-labelledby": "preview-title" },
          h("h2", { id: "preview-title", text: "预览" }),
          h("div", { class: "button-row" }, this.downloads),
          this.status, this.previewStatus, this.pagesBox)));
    this.render();
    this.editor.addEventListener("input", () => this.changed());
    // Text fields are heard on input; change (also fired on leaving a text field) only for
    // the controls that have no input event of their own, so that no edit restarts the preview twice.
    this.editor.addEventListener("change", (e) => {
      if (e.target.matches("select, input[type=checkbox]")) this.changed();
    });
    this.loadTemplates();
  }

  startBox() {
    // The input inside its label, drawn as the label's button (focus shows on the label).
    const file = h("input", { id: "notice-json-file", type: "file", accept: ".json,application/json", class: "visually-hidden" });
    file.addEventListener("change", async () => {
      const chosen = file.files && file.files[0];
      if (!chosen) return;
      try {
        const notice = JSON.parse(await readFileAs(chosen, "text"));
        if (!notice || typeof notice !== "object" || Array.isArray(notice)) throw new Error("不是一个通知对象");
        this.replace(notice, `已打开 ${chosen.name}`);
      } catch (e) {
        this.setStatus(`无法打开 ${chosen.name}：${e.message || e}`, "error");
      }
      file.value = "";
    });
    return h("section", { class: "blank-box", "aria-labelledby": "start-title" },
      h("h2", { id: "start-title", text: "或者：从空白通知或 JSON 文件开始" }),
      h("p", { text: "从空白通知逐项填写，或打开一个通知 JSON 文件（如 examples/notices 下的示例，或在本页保存的文件）。" }),
      h("div", { class: "button-row" },
        h("button", { type: "button", class: "button secondary", "data-action": "new",
          onclick: () => { if (window.confirm("清空当前内容，从空白通知开始？")) this.replace(emptyNotice(), "已新建空白通知。"); } }, "新建空白通知"),
        h("label", { class: "button secondary file-button" }, "打开 JSON 文件…", file),
        h("button", { type: "button", class: "button quiet", "data-action": "save-json",
          onclick: () => this.saveJSON() }, "保存为 JSON")));
  }

  // The draft box: text pasted or a Word/text file chosen, sent to the importer. Open from the
  // start: laying out a draft (一键排版) is what most people come to this page for.
  draftBox() {
    const text = h("textarea", { id: "draft-text", rows: 5, class: "short", placeholder: "把 Word、WPS 或文本中的通知全文粘贴到这里" });
    const file = h("input", { id: "draft-file", type: "file", accept: ".docx,.txt,.doc,.wps" });
    this.draftStatus = h("p", { id: "draft-status", class: "status", role: "status", "aria-live": "polite" });
    const run = h("button", { type: "button", class: "button secondary", "data-action": "import-draft",
      onclick: () => this.importDraft(text, file, run) }, "识别草稿");
    return h("details", { class: "blank-box draft-box", open: true },
      h("summary", { text: "从草稿一键排版（粘贴全文，或选择 Word、WPS、文本文件）" }),
      h("p", { text: "识别发文机关标志、发文字号、签发人、标题、主送机关、正文层次、附件、署名、成文日期和版记，按 GB/T 9704 排版；识别后请在下面逐项核对，右侧即时预览。" }),
      h("label", { for: "draft-text", class: "field-label", text: "草稿全文" }), text,
      h("p", { class: "hint" }, h("label", { for: "draft-file", text: "或选择文件（.docx、.doc、.wps、.txt）：" }), file),
      h("div", { class: "button-row" }, run), this.draftStatus);
  }

  async importDraft(text, file, button) {
    const chosen = file.files && file.files[0];
    if (!chosen && !text.value.trim()) {
      setStatus(this.draftStatus, "请先粘贴草稿或选择文件。", "error");
      return;
    }
    let init;
    if (chosen) {
      const body = new FormData();
      body.append("file", chosen, chosen.name);
      init = { method: "POST", body };
    } else {
      init = { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text.value };
    }
    button.disabled = true;
    setStatus(this.draftStatus, "正在识别草稿…");
    try {
      const res = await api("/api/notices/import", { ...init, headers: { ...(init.headers || {}), Accept: "application/json" } });
      if (!res.ok) {
        const problem = await readProblem(res);
        setStatus(this.draftStatus, "识别失败：" + problemText(res, problem), "error");
        return;
      }
      const answer = await res.json();
      const notice = answer.notice;
      const warnings = answer.warnings || [];
      this.replace(notice, "已识别草稿，请核对各项。");
      this.draftStatus.replaceChildren(`已识别草稿${warnings.length ? `，有 ${warnings.length} 条提示：` : "。"}`,
        warnings.length ? h("ul", {}, warnings.map((w) => h("li", { text: w.message }))) : null);
      this.draftStatus.className = "status ok";
    } catch (e) {
      setStatus(this.draftStatus, e.message || String(e), "error");
    } finally {
      button.disabled = false;
    }
  }

  async loadTemplates() {
    try {
      const res = await api("/api/templates", { headers: { Accept: "application/json" } });
      if (res.ok) this.templates = await res.json();
    } catch (e) { /* the attachment selects say there are none */ }
    for (const a of this.attachments) this.fillTemplateSelect(a);
  }

  // ---- the notice in and out

  // What the form edits is taken out of the notice; the rest (layout…) is kept and sent back.
  load(n) {
    this.extra = { ...n };
    for (const key of ["copyNumber", "secrecy", "urgency", "issuer", "documentNumber", "signer", "title", "recipients",
      "body", "attachments", "signature", "date", "note", "colophon"]) delete this.extra[key];
    const title = Array.isArray(n.title) ? n.title.join("\n") : (n.title || "");
    const signer = Array.isArray(n.signer) ? n.signer.join("、") : (n.signer || "");
    this.values = {
      copyNumber: n.copyNumber || "", secrecy: n.secrecy || "", urgency: n.urgency || "",
      "issuer.organs": ((n.issuer && n.issuer.organs) || []).join("\n"),
      "issuer.suffix": n.issuer && "suffix" in n.issuer ? (n.issuer.suffix === null ? "" : n.issuer.suffix) : "文件",
      documentNumber: n.documentNumber || "", signer, title, recipients: n.recipients || "",
      date: n.date || "", note: n.note || "",
      "colophon.copyTo": ((n.colophon && n.colophon.copyTo) || []).join("、"),
      "colophon.printer": (n.colophon && n.colophon.printer) || "",
      "colophon.printDate": (n.colophon && n.colophon.printDate) || "",
      "signature.sealed": n.signature && typeof n.signature.sealed === "boolean" ? String(n.signature.sealed) : "",
    };
    this.rows = rowsFromBlocks(n.body);
    if (!this.rows.length) this.rows.push({ kind: "paragraph", depth: 0, text: "" });
    this.organs = ((n.signature && n.signature.organs) || []).map((o) => ({ name: o.name || "", seal: o.seal || null }));
    if (!this.organs.length) this.organs.push({ name: "", seal: null });
    this.attachments = (n.attachments || []).map((a) => {
      if (a.separate === true) return { name: a.name || "", kind: "separate" };
      if (a.form) return { name: a.name || "", kind: "form", template: a.form.template || "", filled: Boolean(a.form.data),
        data: a.form.data || null, notes: a.form.notes };
      if (Array.isArray(a.body)) {
        const simple = a.body.every((b) => b && typeof b.text === "string" && Object.keys(b).length === 1);
        return simple ? { name: a.name || "", kind: "text", text: a.body.map((b) => b.text).join("\n") }
          : { name: a.name || "", kind: "raw", raw: a.body };
      }
      return { name: a.name || "", kind: "text", text: "" };
    });
  }

  replace(notice, message) {
    this.load(notice);
    this.render();
    this.setStatus(message, "ok");
    this.changed();
  }

  // The notice as the form holds it: only what is filled in, in the JSON's shapes.
  collect() {
    const v = (path) => {
      const c = this.controls.find((x) => x.path === path);
      return c ? c.input.value : "";
    };
    const n = { ...this.extra };
    for (const key of ["copyNumber", "secrecy", "urgency"]) if (v(key).trim()) n[key] = v(key).trim();
    n.issuer = { organs: lines(v("issuer.organs")) };
    const suffix = v("issuer.suffix").trim();
    if (suffix !== "文件") n.issuer.suffix = suffix === "" ? null : suffix;
    if (v("documentNumber").trim()) n.documentNumber = v("documentNumber").trim();
    const signers = splitNames(v("signer"));
    if (signers.length) n.signer = signers.length === 1 ? signers[0] : signers;
    const title = lines(v("title"));
    n.title = title.length === 1 ? title[0] : title;
    if (v("recipients").trim()) n.recipients = v("recipients").trim();
    const rows = this.rows.filter((r) => r.kind === "other" || r.text.trim() || (r.kind === "heading" && r.runIn.trim()));
    for (const r of this.rows) r.path = null;
    const body = blocksFromRows(rows, "body");
    if (body.length) n.body = body;
    const attachments = this.attachments.map((a, i) => this.collectAttachment(a, i)).filter(Boolean);
    if (attachments.length) n.attachments = attachments;
    n.signature = { organs: this.organs.map((o) => (o.seal ? { name: o.name.trim(), seal: o.seal } : { name: o.name.trim() })) };
    const sealed = v("signature.sealed");
    if (sealed) n.signature.sealed = sealed === "true";
    n.date = v("date").trim();
    if (v("note").trim()) n.note = v("note").trim().replace(/^[（(]|[）)]$/g, "");
    const copyTo = splitNames(v("colophon.copyTo"));
    if (copyTo.length || v("colophon.printer").trim() || v("colophon.printDate").trim()) {
      n.colophon = { printer: v("colophon.printer").trim(), printDate: v("colophon.printDate").trim() };
      if (copyTo.length) n.colophon.copyTo = copyTo;
    }
    return n;
  }

  collectAttachment(a, i) {
    const name = a.name.trim();
    if (a.kind === "form") {
      const form = { template: a.template };
      if (a.notes !== undefined) form.notes = a.notes;
      if (a.filled && a.page) {
        const { data, sent } = a.page.collect();
        a.page.sentRows = sent;
        form.data = data;
      }
      a.path = `attachments[${i}]`;
      return { name, form };
    }
    a.path = `attachments[${i}]`;
    if (a.kind === "separate") return { name, separate: true };
    if (a.kind === "raw") return { name, body: a.raw };
    const text = lines(a.text || "");
    return { name, body: (text.length ? text : [""]).map((t) => ({ text: t })) };
  }

  // ---- drawing the form

  render() {
    this.controls = [];
    const bind = (c) => {
      this.controls.push(c);
      if (this.values[c.path] !== undefined) c.input.value = this.values[c.path];
      return c.wrap;
    };
    const section = (id, title, ...children) => h("fieldset", { class: "field-group notice-part", id },
      h("legend", { text: title }), ...children);
    const grid = (...children) => h("div", { class: "field-grid" }, ...children);

    const sealed = h("select", { id: "n-sealed", "data-path": "signature.sealed" },
      h("option", { value: "", text: "按有无印章图片自动判断" }),
      h("option", { value: "true", text: "加盖印章" }), h("option", { value: "false", text: "不加盖印章" }));
    const sealedControl = { path: "signature.sealed", input: sealed, error: h("p", { class: "field-error", hidden: true }),
      wrap: null, label: "是否加盖印章" };
    sealedControl.error.id = nextId("sealed-error");
    sealedControl.wrap = h("div", { class: "field" }, h("label", { for: sealed.id, class: "field-label", text: "印章" }), sealed, sealedControl.error);

    this.rowsBox = h("ol", { class: "outline", id: "notice-outline" });
    this.attachmentsBox = h("div", { id: "notice-attachments" });
    this.organsBox = h("div", { id: "notice-organs" });

    this.editor.replaceChildren(
      h("p", { class: "required-note" }, "带 ", h("span", { class: "req", "aria-hidden": "true", text: "*" }), " 的为必填项。"),
      section("part-head", "版头",
        grid(
          bind(field("issuer.organs", "发文机关（每行一个，联合行文时主办机关在前）", { multiline: true, rows: 2, required: true, wide: true })),
          bind(field("issuer.suffix", "机关名称后的字", { hint: "通常为“文件”；留空则只印机关名称" })),
          bind(field("documentNumber", "发文字号", { placeholder: "如 郑科普联办〔2020〕2号" })),
          bind(field("signer", "签发人（上行文）", { hint: "多人用顿号分隔" })),
          bind(field("copyNumber", "份号", { placeholder: "六位数字，可不填" })),
          bind(field("secrecy", "密级和保密期限", { placeholder: "如 秘密★1年，可不填" })),
          bind(field("urgency", "紧急程度", { placeholder: "如 特急、加急，可不填" })))),
      section("part-main", "主体",
        grid(
          bind(field("title", "标题（可分行）", { multiline: true, rows: 2, required: true, wide: true })),
          bind(field("recipients", "主送机关", { wide: true, hint: "以全角冒号“：”结尾" })))),
      section("part-body", "正文",
        h("p", { class: "hint", text: "每一项是标题、段落或联系方式。序号（一、（一）1.（1））由层级自动生成，不要手工输入；用“→ 降级”“← 升级”调整层级。" }),
        this.rowsBox,
        h("div", { class: "button-row" },
          h("button", { type: "button", class: "button secondary add-row", "data-action": "add-paragraph",
            onclick: () => this.addRow("paragraph") }, "添加段落"),
          h("button", { type: "button", class: "button secondary add-row", "data-action": "add-heading",
            onclick: () => this.addRow("heading") }, "添加标题"))),
      section("part-attachments", "附件",
        h("p", { class: "hint", text: "附件可以是表格模板（空白表，或在此填写），也可以是文字。附件说明按此顺序编号。" }),
        this.attachmentsBox,
        h("div", { class: "button-row" },
          h("button", { type: "button", class: "button secondary add-row", "data-action": "add-attachment",
            onclick: () => { this.attachments.push({ name: "", kind: "form", template: "", filled: false }); this.drawAttachments(); this.changed(); } },
          "添加附件"))),
      section("part-signature", "署名和日期",
        this.organsBox,
        h("div", { class: "button-row" },
          h("button", { type: "button", class: "button secondary add-row", "data-action": "add-organ",
            onclick: () => { this.organs.push({ name: "", seal: null }); this.drawOrgans(); this.changed(); } }, "添加署名机关")),
        grid(
          bind(field("date", "成文日期", { type: "date", required: true })),
          (this.controls.push(sealedControl), sealed.value = this.values["signature.sealed"] || "", sealedControl.wrap))),
      section("part-end", "附注和版记",
        grid(
          bind(field("note", "附注（不加括号）", { wide: true, placeholder: "如 此件公开发布" })),
          bind(field("colophon.copyTo", "抄送机关", { wide: true, hint: "用顿号分隔" })),
          bind(field("colophon.printer", "印发机关")),
          bind(field("colophon.printDate", "印发日期", { type: "date" })))));
    this.drawRows();
    this.drawAttachments();
    this.drawOrgans();
  }

  drawRows() {
    const counters = [];
    const items = [];
    // The depths as they will be sent, for the numbers shown.
    blocksFromRows(this.rows, "body");
    this.rows.forEach((row, i) => {
      const depth = row.effectiveDepth;
      let number = "";
      if (row.kind === "heading") {
        counters.length = depth + 1;
        counters[depth] = (counters[depth] || 0) + 1;
        number = headingNumber(depth, counters[depth]);
      }
      counters.length = Math.min(counters.length, depth + 1);
      items.push(this.drawRow(row, i, number));
    });
    this.rowsBox.replaceChildren(...items);
  }

  drawRow(row, i, number) {
    const kinds = { heading: "标题", paragraph: "段落", contact: "联系方式", other: "表格等（原样保留）" };
    const id = nextId("row");
    // The depth as a class (the page's Content-Security-Policy allows no inline style).
    const li = h("li", { class: `outline-row kind-${row.kind} depth-${Math.min(row.effectiveDepth, 5)}`, "data-depth": String(row.effectiveDepth) });
    const move = (delta) => {
      const j = i + delta;
      if (j < 0 || j >= this.rows.length) return;
      [this.rows[i], this.rows[j]] = [this.rows[j], this.rows[i]];
      this.drawRows();
      this.changed();
    };
    const tool = (label, action, onclick, title) => h("button", { type: "button", class: "button quiet tool", "data-action": action,
      title, "aria-label": `${title}（第 ${i + 1} 项）`, onclick }, label);
    const kind = h("select", { "aria-label": `第 ${i + 1} 项的类型`, "data-part": "kind" },
      Object.entries(kinds).filter(([k]) => k !== "other" || row.kind === "other").map(([k, label]) => h("option", { value: k, text: label, selected: k === row.kind })));
    kind.addEventListener("change", () => {
      row.kind = kind.value;
      if (row.runIn === undefined) row.runIn = "";
      if (row.text === undefined) row.text = "";
      this.drawRows();
    });
    const head = h("div", { class: "outline-tools" },
      h("span", { class: "outline-number", "data-part": "number", text: number || "" }),
      kind,
      tool("←", "outdent", () => this.shift(i, -1), "升级"),
      tool("→", "indent", () => this.shift(i, 1), "降级"),
      tool("↑", "up", () => move(-1), "上移"),
      tool("↓", "down", () => move(1), "下移"),
      tool("＋", "insert", () => { this.rows.splice(i + 1, 0, { kind: "paragraph", depth: row.kind === "heading" ? row.effectiveDepth + 1 : row.effectiveDepth, text: "" }); this.drawRows(); this.changed(); }, "在下方插入段落"),
      tool("删除", "remove", () => { this.rows.splice(i, 1); if (!this.rows.length) this.rows.push({ kind: "paragraph", depth: 0, text: "" }); this.drawRows(); this.changed(); }, "删除"));
    li.append(head);
    row.controls = [];
    const bindRow = (part, label, value, multiline) => {
      const input = multiline
        ? h("textarea", { id: id + "-" + part, rows: part === "text" && row.kind === "paragraph" ? 3 : 2, class: "short", "data-part": part })
        : h("input", { id: id + "-" + part, type: "text", "data-part": part });
      input.value = value;
      input.addEventListener("input", () => { row[part] = input.value; });
      const error = h("p", { id: input.id + "-error", class: "field-error", hidden: true });
      const wrap = h("div", { class: "field" }, h("label", { for: input.id, class: "visually-hidden", text: `第 ${i + 1} 项 ${label}` }), input, error);
      const c = { part, input, error, wrap, label };
      row.controls.push(c);
      li.append(wrap);
    };
    if (row.kind === "heading") {
      bindRow("text", "标题文字", row.text, false);
      bindRow("runIn", "接排正文（可不填）", row.runIn, true);
      row.controls[1].input.placeholder = "接排在标题后的正文（可不填）";
      row.controls[0].input.placeholder = "标题文字（不含序号）";
    } else if (row.kind === "contact") {
      bindRow("text", "联系方式（每行一项）", row.text, true);
      row.controls[0].input.placeholder = "联系方式，每行一项";
    } else if (row.kind === "paragraph") {
      bindRow("text", "段落", row.text, true);
    } else {
      li.append(h("pre", { class: "raw-block", text: JSON.stringify(row.raw, null, 1) }));
    }
    return li;
  }

  // Moves row i one level up or down, and the rows below a heading with it: a section
  // indented takes its subsections along.
  shift(i, delta) {
    const row = this.rows[i];
    if (row.effectiveDepth + delta < 0) return;
    let end = i + 1;
    if (row.kind === "heading") {
      while (end < this.rows.length && this.rows[end].effectiveDepth > row.effectiveDepth) end += 1;
    }
    for (let j = i; j < end; j += 1) this.rows[j].depth = this.rows[j].effectiveDepth + delta;
    this.drawRows();
    this.changed();
  }

  addRow(kind) {
    const last = this.rows[this.rows.length - 1];
    const depth = last ? (last.kind === "heading" ? last.effectiveDepth + 1 : last.effectiveDepth) : 0;
    this.rows.push(kind === "heading" ? { kind, depth: kind === "heading" && last && last.kind !== "heading" ? Math.max(0, depth - 1) : depth, text: "", runIn: "" } : { kind, depth, text: "" });
    this.drawRows();
    const inputs = this.rowsBox.lastElementChild.querySelectorAll("input, textarea");
    if (inputs.length) inputs[0].focus();
  }

  drawAttachments() {
    this.attachmentsBox.replaceChildren(...this.attachments.map((a, i) => this.drawAttachment(a, i)));
  }

  drawAttachment(a, i) {
    const id = nextId("att");
    const name = h("input", { id: id + "-name", type: "text", "data-part": "name", value: a.name });
    name.value = a.name;
    name.addEventListener("input", () => { a.name = name.value; });
    const kind = h("select", { id: id + "-kind", "data-part": "kind" },
      h("option", { value: "form", text: "表格模板", selected: a.kind === "form" }),
      h("option", { value: "text", text: "文字", selected: a.kind === "text" }),
      h("option", { value: "separate", text: "另行发送（只列在附件说明）", selected: a.kind === "separate" }),
      a.kind === "raw" ? h("option", { value: "raw", text: "文字（原样保留）", selected: true }) : null);
    kind.addEventListener("change", () => { a.kind = kind.value; if (a.kind === "text" && a.text === undefined) a.text = ""; this.drawAttachments(); this.changed(); });
    a.nameControl = { input: name, error: h("p", { id: id + "-name-error", class: "field-error", hidden: true }), wrap: null, label: "附件名称" };
    a.nameControl.wrap = h("div", { class: "field wide" }, h("label", { for: name.id, class: "field-label", text: `附件 ${i + 1} 名称` }), name, a.nameControl.error);
    const box = h("fieldset", { class: "field-group attachment", "data-index": String(i) },
      h("legend", { text: `附件 ${i + 1}` }),
      h("div", { class: "field-grid" }, a.nameControl.wrap,
        h("div", { class: "field" }, h("label", { for: kind.id, class: "field-label", text: "类型" }), kind)));
    a.el = box;
    a.formBox = null;
    if (a.kind === "form") {
      a.select = h("select", { id: id + "-template", "data-part": "template" });
      a.select.addEventListener("change", () => { a.template = a.select.value; a.page = null; a.data = null; this.drawAttachments(); this.changed(); });
      this.fillTemplateSelect(a);
      const filled = h("input", { id: id + "-filled", type: "checkbox", "data-part": "filled", checked: a.filled });
      filled.addEventListener("change", () => { a.filled = filled.checked; this.drawAttachments(); this.changed(); });
      a.formBox = h("div", { class: "attached-form" });
      box.append(h("div", { class: "field-grid" },
        h("div", { class: "field" }, h("label", { for: a.select.id, class: "field-label", text: "表格模板" }), a.select),
        h("div", { class: "field checkbox" }, filled, h("label", { for: filled.id, text: " 在此填写（不勾选则附空白表）" }))),
      a.formBox);
      if (a.filled && a.template) this.mountForm(a);
    } else if (a.kind === "text") {
      const text = h("textarea", { id: id + "-text", rows: 4, class: "short", "data-part": "text" });
      text.value = a.text || "";
      text.addEventListener("input", () => { a.text = text.value; });
      box.append(h("div", { class: "field" }, h("label", { for: text.id, class: "field-label", text: "附件正文（每行一段）" }), text));
    } else if (a.kind === "separate") {
      box.append(h("p", { class: "hint", text: "此附件另行发送：附件说明中列出其名称，文件中没有附件页。" }));
    } else {
      box.append(h("p", { class: "hint", text: "此附件含表格等本页不能编辑的内容，将原样保留。" }));
    }
    box.append(h("div", { class: "button-row" },
      h("button", { type: "button", class: "button quiet", "data-action": "remove-attachment",
        onclick: () => { this.attachments.splice(i, 1); this.drawAttachments(); this.changed(); } }, `删除附件 ${i + 1}`)));
    return box;
  }

  fillTemplateSelect(a) {
    if (!a.select) return;
    const known = this.templates.map((t) => t.id);
    const options = [h("option", { value: "", text: this.templates.length ? "请选择表格模板" : "（正在加载模板…）" })];
    for (const t of this.templates) options.push(h("option", { value: t.id, text: `${t.title}（${t.id}）` }));
    if (a.template && !known.includes(a.template)) options.push(h("option", { value: a.template, text: a.template }));
    a.select.replaceChildren(...options);
    a.select.value = a.template || "";
  }

  // The form page's own controls (FormPage), built into the attachment instead of a page of
  // their own: the same fields, rows, checks and error placement as on #/form/<id>.
  async mountForm(a) {
    const box = a.formBox;
    if (a.page && a.page.t.id === a.template) {
      box.replaceChildren(a.page.form);
      return;
    }
    box.replaceChildren(h("p", { class: "loading", text: "正在加载表格…" }));
    let summary;
    try {
      const res = await api("/api/templates/" + encodeURIComponent(a.template), { headers: { Accept: "application/json" } });
      if (!res.ok) throw new Error(problemText(res, await readProblem(res)));
      summary = await res.json();
    } catch (e) {
      box.replaceChildren(h("p", { class: "field-error", text: e.message || String(e) }));
      return;
    }
    if (box !== a.formBox) return; // redrawn meanwhile
    const page = new FormPage(summary);
    page.summary = h("div", { hidden: true });
    page.status = h("p", { hidden: true });
    page.announcer = h("p", { class: "visually-hidden", "aria-live": "polite" });
    page.form = h("div", { class: "embedded-form" });
    page.scheduleDraft = () => this.changed();
    const isRow = (f) => /^[^.[\]]+\[\]\./.test(f.key);
    const rowFields = page.fields.filter(isRow);
    if (rowFields.length) page.buildListForm(page.fields.filter((f) => !isRow(f)), rowFields);
    else page.buildGridForm();
    const data = a.data || {};
    for (const [key, c] of page.controls) {
      const value = key.split(".").reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), data);
      if (value !== undefined && value !== null) c.input.value = String(value);
    }
    if (page.list) {
      const rows = Array.isArray(data[page.list.key]) && data[page.list.key].length ? data[page.list.key] : [{}];
      for (const r of rows) page.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
      page.renumber();
    }
    for (const c of page.allControls()) if (c.counter) page.updateCounter(c);
    a.page = page;
    box.replaceChildren(page.form);
  }

  drawOrgans() {
    this.organsBox.replaceChildren(...this.organs.map((o, i) => {
      const id = nextId("organ");
      const name = h("input", { id: id + "-name", type: "text", "data-part": "organ" });
      name.value = o.name;
      name.addEventListener("input", () => { o.name = name.value; });
      const seal = h("input", { id: id + "-seal", type: "file", accept: "image/png" });
      seal.addEventListener("change", async () => {
        const file = seal.files && seal.files[0];
        if (!file) return;
        o.seal = await readFileAs(file, "dataURL");
        this.drawOrgans();
        this.changed();
      });
      o.control = { input: name, error: h("p", { id: id + "-error", class: "field-error", hidden: true }), wrap: null, label: "署名机关" };
      o.sealError = h("p", { class: "field-error", hidden: true });
      o.control.wrap = h("div", { class: "field" },
        h("label", { for: name.id, class: "field-label", text: `署名机关 ${i + 1}` }), name, o.control.error);
      return h("div", { class: "field-grid organ" }, o.control.wrap,
        h("div", { class: "field" },
          h("label", { for: seal.id, class: "field-label", text: o.seal ? "印章（已选择，可更换）" : "印章图片（PNG，可不加）" }), seal,
          o.seal ? h("button", { type: "button", class: "button quiet", onclick: () => { o.seal = null; this.drawOrgans(); this.changed(); } }, "去掉印章") : null,
          this.organs.length > 1 ? h("button", { type: "button", class: "button quiet", onclick: () => { this.organs.splice(i, 1); this.drawOrgans(); this.changed(); } }, "删除此机关") : null,
          o.sealError));
    }));
  }

  // ---- errors

  // The control a server error's field names: "date", "body[1].body[0].heading",
  // "attachments[0].form.data.postcode", "signature.organs[0].name"…
  controlFor(path) {
    if (typeof path !== "string") return null;
    const direct = this.controls.find((c) => c.path === path);
    if (direct) return direct;
    const base = this.controls.find((c) => path.startsWith(c.path + "[") || path.startsWith(c.path + "."));
    if (base) return base;
    for (const row of this.rows) {
      if (!row.path || !row.controls || !row.controls.length) continue;
      if (path === row.path + ".heading" || path === row.path + ".contact" || path.startsWith(row.path + ".contact[")) return row.controls[0];
      if (path === row.path + ".text") return row.controls.find((c) => c.part === (row.kind === "heading" ? "runIn" : "text"));
      if (path === row.path) return row.controls[0];
    }
    const organ = /^signature\.organs\[(\d+)\]/.exec(path);
    if (organ && this.organs[Number(organ[1])]) return this.organs[Number(organ[1])].control;
    if (path.startsWith("signature")) return this.organs[0] && this.organs[0].control;
    const att = /^attachments\[(\d+)\](.*)$/.exec(path);
    if (att && this.attachments[Number(att[1])]) {
      const a = this.attachments[Number(att[1])];
      const rest = att[2];
      const data = /^\.form\.data\.(.+)$/.exec(rest);
      if (data && a.page) {
        const inner = a.page.controlFor(data[1]);
        if (inner) return { formControl: inner, page: a.page };
      }
      return a.nameControl;
    }
    return null;
  }

  clearErrors() {
    for (const c of this.allErrorControls()) clearError(c);
    for (const a of this.attachments) if (a.page) a.page.clearErrors();
    this.summary.hidden = true;
    this.summary.replaceChildren();
  }

  allErrorControls() {
    const all = [...this.controls];
    for (const r of this.rows) if (r.controls) all.push(...r.controls);
    for (const a of this.attachments) if (a.nameControl) all.push(a.nameControl);
    for (const o of this.organs) if (o.control) all.push(o.control);
    return all.filter((c) => c.input.isConnected);
  }

  showErrors(errors, headline) {
    this.clearErrors();
    const items = [];
    for (const e of errors) {
      const message = e.message || e.rule || "有误";
      const c = this.controlFor(e.field);
      const label = e.label || (c && c.label) || e.field || "";
      if (c && c.formControl) {
        c.page.showError(c.formControl, message);
        items.push(h("li", {}, h("button", { type: "button", class: "linklike", onclick: () => c.formControl.input.focus() }, `附件表格 ${label}：${message}`)));
      } else if (c) {
        setError(c, message);
        items.push(h("li", {}, h("button", { type: "button", class: "linklike", onclick: () => c.input.focus() }, `${label}：${message}`)));
      } else {
        items.push(h("li", { class: "unmatched", text: label ? `${label}：${message}` : message }));
      }
    }
    this.summary.replaceChildren(h("h2", { text: headline || `有 ${errors.length} 处需要修改，预览暂停更新` }), h("ul", {}, items));
    this.summary.hidden = false;
  }

  setStatus(text, kind) {
    setStatus(this.status, text, kind);
  }

  // ---- the live preview

  changed() {
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(this.collect())); } catch (e) { /* storage off */ }
    clearTimeout(this.previewTimer);
    if (this.previewAbort) this.previewAbort.abort();
    this.previewAbort = null;
    this.pagesBox.classList.add("stale");
    setStatus(this.previewStatus, "修改后约 1 秒更新预览…");
    this.previewTimer = setTimeout(() => this.preview(), PREVIEW_DELAY);
  }

  async preview() {
    const seq = ++this.previewSeq;
    const controller = new AbortController();
    this.previewAbort = controller;
    const notice = this.collect();
    setStatus(this.previewStatus, "正在生成预览…");
    this.pagesBox.setAttribute("aria-busy", "true");
    let res;
    try {
      res = await api(`/api/notices/preview?dpi=${PREVIEW_DPI}`, {
        method: "POST", signal: controller.signal,
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(notice),
      });
    } catch (e) {
      if (controller.signal.aborted || seq !== this.previewSeq) return;
      this.previewFailed(e.message || String(e));
      return;
    }
    try {
      if (res.ok) {
        const answer = await res.json();
        if (seq !== this.previewSeq) return;
        this.clearErrors();
        this.showPages(answer);
      } else {
        const problem = await readProblem(res);
        if (seq !== this.previewSeq) return;
        if (res.status === 422 && Array.isArray(problem.errors) && problem.errors.length) {
          this.showErrors(problem.errors);
          this.previewFailed("内容有误，请按左侧提示修改；预览保留上一次的结果。");
        } else {
          this.previewFailed(problemText(res, problem));
        }
      }
    } catch (e) {
      if (controller.signal.aborted || seq !== this.previewSeq) return;
      this.previewFailed(e.message || String(e));
    } finally {
      if (seq === this.previewSeq) {
        this.pagesBox.removeAttribute("aria-busy");
        this.previewAbort = null;
      }
    }
  }

  previewFailed(message) {
    setStatus(this.previewStatus, message, "error");
  }

  showPages(answer) {
    const pages = answer.pages || [];
    this.pagesBox.replaceChildren(...pages.map((p) => h("figure", { class: "preview-page" },
      h("img", { src: p.image, width: p.width || null, height: p.height || null, alt: `第 ${p.number} 页`, "data-page": String(p.number) }),
      h("figcaption", { text: `第 ${p.number} 页` }))));
    this.pagesBox.classList.remove("stale");
    this.pagesBox.dataset.pageCount = String(answer.pageCount);
    this.previewStatus.textContent = answer.truncated
      ? `共 ${answer.pageCount} 页，预览前 ${pages.length} 页。` : `共 ${answer.pageCount} 页。`;
    this.previewStatus.className = "status ok";
  }

  // ---- downloads

  async download(format) {
    const notice = this.collect();
    for (const b of this.downloads) b.disabled = true;
    this.setStatus(`正在生成 ${format.toUpperCase()}…`);
    try {
      const res = await api(`/api/notices?format=${format}`, {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "*/*" }, body: JSON.stringify(notice),
      });
      if (res.ok) {
        const name = await saveResponse(res, `notice.${format}`);
        this.setStatus(`已生成并下载：${name}`, "ok");
      } else {
        const problem = await readProblem(res);
        if (res.status === 422 && Array.isArray(problem.errors) && problem.errors.length) {
          this.showErrors(problem.errors, "内容有误，未能生成，请按提示修改");
          this.setStatus("内容有误，请按提示修改后重新下载。", "error");
        } else {
          this.setStatus(problemText(res, problem), "error");
        }
      }
    } catch (e) {
      this.setStatus(e.message || String(e), "error");
    } finally {
      for (const b of this.downloads) b.disabled = false;
    }
  }

  saveJSON() {
    const blob = new Blob([JSON.stringify(this.collect(), null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: "notice.json", hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
}

function showNotice() {
  newRoute();
  document.title = "公文排版 · 公文 Gongwen";
  let notice = null;
  try { notice = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null"); } catch (e) { notice = null; }
  const page = new NoticePage(notice && typeof notice === "object" ? notice : emptyNotice());
  page.mount();
  focusHeading();
  if (notice) page.changed();
}

return { showNotice };
};
