// The page `#/batch/<id>` (and `#/import/batch` for a form imported on this page): what
// `gongwen batch` and `gongwen collect` do, for a coordinator without the command line.
// 批量生成: a list (CSV, XLSX or JSON Lines) sent to POST /api/batch/{id}, the zip of every
// unit's form downloaded, or each bad record shown in a table with nothing downloaded.
// 回收汇总: the zip of returned forms sent to POST /api/collect/{id}, its JSON report shown
// (collected, refused and why, totals by label) and summary.xlsx from the same request with
// the spreadsheet's Accept. An imported template goes beside the file as the multipart part
// `template` (POST /api/batch, /api/collect), as the service keeps nothing. app.js hands its
// helpers over here (`app`) the first time one of these pages is routed to.
window.gongwenBatchPages = (app) => {
"use strict";
const { h, api, readProblem, problemText, setMain, focusHeading, saveResponse, setStatus, newRoute } = app;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// The list's media type by extension, as BatchRoutes.listTypes knows them.
const LIST_TYPES = { csv: "text/csv", xlsx: XLSX_TYPE, jsonl: "application/x-ndjson", ndjson: "application/x-ndjson" };
// PDF is LibreOffice's print of each form (the service answers 503 without it).
const FORMATS = [["xlsx", "XLSX"], ["docx", "DOCX"], ["pdf", "PDF"], ["both", "XLSX 和 DOCX"], ["all", "全部（XLSX、DOCX 和 PDF）"]];

function extensionOf(name) {
  const m = /\.([A-Za-z0-9]+)$/.exec(name || "");
  return m ? m[1].toLowerCase() : "";
}

function isRowField(f) { return /^[^.[\]]+\[\]\..+$/.test(f.key); }

// The list's columns as the batch reader maps them: each field by its label (the reader
// takes a variant's labels as headings), by its key where two fields share a label. For a
// list form the single fields (the reporting unit…) come first, then the row columns: one
// record per row, consecutive records with the same unit making one form.
function listHeadings(template) {
  const fields = template.fields || [];
  const ordered = [...fields.filter((f) => !isRowField(f)), ...fields.filter(isRowField)];
  const counts = new Map();
  for (const f of ordered) counts.set(f.label, (counts.get(f.label) || 0) + 1);
  return ordered.map((f) => (f.label && counts.get(f.label) === 1 ? f.label : f.key));
}

function csvLine(cells) {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, "\"\"")}"` : c)).join(",");
}

// A file input with a drop zone around it; `onfile` gets the chosen or dropped file.
function filePicker({ id, accept, label, help, onfile }) {
  const input = h("input", { id, type: "file", accept, "aria-describedby": id + "-help" });
  const chosen = h("p", { id: id + "-chosen", class: "chosen", "aria-live": "polite", text: "尚未选择文件。" });
  const choose = (file) => {
    if (!file) return;
    chosen.textContent = `已选择：${file.name}（${Math.max(1, Math.round(file.size / 1024))} KB）`;
    onfile(file);
  };
  input.addEventListener("change", () => choose(input.files[0]));
  const zone = h("div", { class: "drop-zone" },
    h("p", { id: id + "-help", text: help }),
    h("label", { for: id, class: "field-label", text: label }), input, chosen);
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    choose(e.dataTransfer && e.dataTransfer.files[0]);
  });
  return zone;
}

function table(caption, headings, rows, cls) {
  return h("table", { class: "rows-table result-table" + (cls ? " " + cls : "") },
    h("caption", { text: caption }),
    h("thead", {}, h("tr", {}, headings.map((t) => h("th", { scope: "col", text: t })))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", { text: c == null ? "" : String(c) }))))));
}

// template: the summary GET /api/templates/{id} answers (or the imported one's);
// inline: the imported template itself, sent beside the file, or null.
function mountPage(template, inline) {
  const id = template.id;
  document.title = `批量生成与回收汇总 · ${template.title} · 公文 Gongwen`;
  const labels = new Map((template.fields || []).map((f) => [f.key, f.label]));
  const listForm = (template.fields || []).some(isRowField);

  // ---- 批量生成
  let listFile = null;
  let archiveFile = null;
  const batchStatus = h("p", { id: "batch-status", class: "status", role: "status", "aria-live": "polite" });
  const problems = h("div", { id: "batch-problems", class: "error-summary", tabindex: "-1", hidden: true });
  const keepGoing = h("input", { id: "batch-keep-going", type: "checkbox" });
  // Every form's PDF in the list's order, for one print job before a meeting.
  const printFile = h("input", { id: "batch-print", type: "checkbox" });
  const formatRadios = FORMATS.map(([value, name], i) => {
    const input = h("input", { id: "batch-format-" + value, type: "radio", name: "batch-format", value, checked: i === 0 });
    return h("span", { class: "choice" }, input, h("label", { for: input.id, text: name }));
  });
  const generate = h("button", { id: "batch-generate", type: "button", class: "button primary", text: "生成" });
  const downloadTemplate = h("button", { id: "download-list-template", type: "button", class: "button secondary", text: "下载名单模板（CSV）" });

  downloadTemplate.addEventListener("click", () => {
    // UTF-8 with its mark, so that Excel and WPS open the Chinese headings right.
    const text = "\uFEFF" + csvLine(listHeadings(template)) + "\r\n";
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = h("a", { href: url, download: `${id}-名单.csv`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    setStatus(batchStatus, `已下载名单模板：${id}-名单.csv`, "ok");
  });

  const showProblems = (problem, res) => {
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    const rows = errors.map((e) => [e.record || "", e.label || e.field || "", e.message || e.rule || ""]);
    problems.replaceChildren(
      h("h3", { id: "batch-problems-title", text: `名单有误，共 ${errors.length} 处，未生成任何文件` }),
      problem.detail ? h("p", { text: problem.detail }) : null,
      rows.length ? table("每处问题所在的行（名单文件的行号，标题行为第 1 行）、字段和问题", ["行", "字段", "问题"], rows, "batch-problems-table")
        : h("p", { text: problemText(res, problem) }));
    problems.hidden = false;
    problems.focus();
  };

  generate.addEventListener("click", async () => {
    problems.hidden = true;
    problems.replaceChildren();
    if (!listFile) { setStatus(batchStatus, "请先选择名单文件（.csv、.xlsx 或 .jsonl）。", "error"); return; }
    const type = LIST_TYPES[extensionOf(listFile.name)];
    if (!type) { setStatus(batchStatus, `${listFile.name}：名单应为 .csv、.xlsx 或 .jsonl 文件。`, "error"); return; }
    const format = formatRadios.map((s) => s.querySelector("input")).find((i) => i.checked).value;
    const query = `?format=${format}&print=${printFile.checked ? "true" : "false"}&keepGoing=${keepGoing.checked ? "true" : "false"}`;
    generate.disabled = true;
    const slow = format === "pdf" || format === "all" || printFile.checked;
    setStatus(batchStatus, `正在生成（${listFile.name}）${slow ? "，生成 PDF 需稍候" : ""}…`);
    try {
      let res;
      if (inline) {
        const body = new FormData();
        body.append("template", new Blob([JSON.stringify(inline)], { type: "application/json" }), "template.json");
        body.append("list", new Blob([listFile], { type }), listFile.name);
        res = await api("/api/batch" + query, { method: "POST", body });
      } else {
        res = await api(`/api/batch/${encodeURIComponent(id)}${query}`, {
          method: "POST", headers: { "Content-Type": type, Accept: "application/zip" }, body: listFile,
        });
      }
      if (res.ok) {
        // The counts the service sends beside the zip (X-Gongwen-Forms), so the zip stays unread.
        const count = res.headers.get("X-Gongwen-Forms");
        const invalid = Number(res.headers.get("X-Gongwen-Invalid-Forms") || 0);
        const name = await saveResponse(res, `${id}-batch.zip`);
        const skipped = invalid ? `，跳过有误的 ${invalid} 份（见 manifest.csv）` : "";
        setStatus(batchStatus, count !== null ? `已生成 ${count} 份表格${skipped}，已下载：${name}` : `已生成，已下载：${name}`, "ok");
      } else {
        const problem = await readProblem(res);
        if (res.status === 422 && Array.isArray(problem.errors)) {
          showProblems(problem, res);
          setStatus(batchStatus, `名单有误，共 ${problem.errors.length} 处，未下载任何文件。`, "error");
        } else {
          setStatus(batchStatus, problemText(res, problem), "error");
        }
      }
    } catch (e) {
      setStatus(batchStatus, e.message || String(e), "error");
    } finally {
      generate.disabled = false;
    }
  });

  // ---- 回收汇总
  const collectStatus = h("p", { id: "collect-status", class: "status", role: "status", "aria-live": "polite" });
  const report = h("div", { id: "collect-report", class: "collect-report", tabindex: "-1", hidden: true });
  const summarise = h("button", { id: "collect-run", type: "button", class: "button primary", text: "汇总" });
  const downloadSummary = h("button", { id: "collect-download", type: "button", class: "button secondary", hidden: true, text: "下载汇总表（summary.xlsx）" });

  const collectRequest = (accept) => {
    if (inline) {
      const body = new FormData();
      body.append("template", new Blob([JSON.stringify(inline)], { type: "application/json" }), "template.json");
      body.append("archive", new Blob([archiveFile], { type: "application/zip" }), archiveFile.name);
      return api("/api/collect", { method: "POST", headers: { Accept: accept }, body });
    }
    return api(`/api/collect/${encodeURIComponent(id)}`, {
      method: "POST", headers: { "Content-Type": "application/zip", Accept: accept }, body: archiveFile,
    });
  };

  const showReport = (r) => {
    const refused = [];
    for (const f of r.files || []) {
      if (f.status === "refused") refused.push([f.file, "未能读取", f.detail || ""]);
      else if (f.status === "invalid") {
        refused.push([f.file, "填写有误", (f.errors || []).map((e) => `${e.label || e.field}：${e.message || e.rule}`).join("；")]);
      }
    }
    for (const s of r.skipped || []) refused.push([s.file, "未读取", s.detail]);
    const totals = Object.entries(r.totals || {});
    // In the template's order, each field by its label.
    const order = [...labels.keys()];
    totals.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
    report.replaceChildren(
      h("h3", { id: "collect-report-title", text: "汇总结果" }),
      h("p", { id: "collect-counts", class: "counts" },
        `已收录 ${r.collected} 份`, `，未收录 ${r.notCollected} 份`,
        (r.skipped || []).length ? `，另有 ${(r.skipped || []).length} 个文件不是表格` : "", "。"),
      totals.length
        ? table("合计（各单位已收录表格之和）", ["字段", "合计"], totals.map(([k, v]) => [labels.get(k) || k, v]), "collect-totals")
        : h("p", { text: "此表格没有需要合计的数字项。" }),
      refused.length
        ? table("未收录的文件及原因", ["文件", "情况", "原因"], refused, "collect-refused")
        : h("p", { text: "压缩包中的表格全部收录。" }));
    report.hidden = false;
  };

  summarise.addEventListener("click", async () => {
    report.hidden = true;
    downloadSummary.hidden = true;
    if (!archiveFile) { setStatus(collectStatus, "请先选择回收表格的 zip 压缩包。", "error"); return; }
    summarise.disabled = true;
    setStatus(collectStatus, `正在汇总（${archiveFile.name}）…`);
    try {
      const res = await collectRequest("application/json");
      if (!res.ok) { setStatus(collectStatus, problemText(res, await readProblem(res)), "error"); return; }
      const r = await res.json();
      showReport(r);
      downloadSummary.hidden = false;
      setStatus(collectStatus, `汇总完成：已收录 ${r.collected} 份，未收录 ${r.notCollected} 份。`, "ok");
      report.focus();
    } catch (e) {
      setStatus(collectStatus, e.message || String(e), "error");
    } finally {
      summarise.disabled = false;
    }
  });

  downloadSummary.addEventListener("click", async () => {
    if (!archiveFile) return;
    downloadSummary.disabled = true;
    setStatus(collectStatus, "正在生成汇总表…");
    try {
      const res = await collectRequest(XLSX_TYPE);
      if (!res.ok) { setStatus(collectStatus, problemText(res, await readProblem(res)), "error"); return; }
      const name = await saveResponse(res, `${id}-summary.xlsx`);
      setStatus(collectStatus, `已下载汇总表：${name}`, "ok");
    } catch (e) {
      setStatus(collectStatus, e.message || String(e), "error");
    } finally {
      downloadSummary.disabled = false;
    }
  });

  const formHref = inline ? "#/import/form" : "#/form/" + encodeURIComponent(id);
  setMain(
    h("nav", { class: "crumbs", "aria-label": "位置" },
      h("a", { href: "#/", text: "表格模板" }), h("span", { "aria-hidden": "true", text: " › " }),
      h("a", { href: formHref, text: template.title }), h("span", { "aria-hidden": "true", text: " › " }),
      h("span", { "aria-current": "page", text: "批量生成与回收汇总" })),
    h("h1", { id: "batch-page-title", tabindex: "-1", text: `批量生成与回收汇总：${template.title}` }),
    h("p", { class: "source" }, "来源：", template.source || "", " · ", h("code", { text: id })),
    h("section", { class: "blank-box batch-box", "aria-labelledby": "batch-title" },
      h("h2", { id: "batch-title", text: "批量生成" }),
      h("p", { text: "按名单为每个单位生成一份已填好的表格，打包成一个 zip 下载，内含每份表格和清单 manifest.csv。先下载名单模板，在 Excel 或 WPS 中每行填一个单位，另存为 CSV 或 XLSX 后上传。" }),
      listForm ? h("p", { text: "这是名单表：名单中每行是表格的一行；相邻几行的单位相同，就合成同一份表格。" }) : null,
      h("div", { class: "button-row" }, downloadTemplate),
      filePicker({
        id: "batch-list", accept: ".csv,.xlsx,.jsonl,.ndjson", label: "名单文件",
        help: "把填好的名单（.csv、.xlsx 或 .jsonl）拖到这里，或选择文件。",
        onfile: (f) => { listFile = f; },
      }),
      h("fieldset", { class: "batch-options" },
        h("legend", { text: "文件格式" }), formatRadios),
      h("p", { class: "choice" }, printFile,
        h("label", { for: "batch-print", text: "另附合并打印的 print.pdf" })),
      h("p", { class: "choice" }, keepGoing,
        h("label", { for: "batch-keep-going", text: "跳过有误的记录（其余照常生成，有误的记在 manifest.csv 中）" })),
      h("div", { class: "button-row" }, generate),
      batchStatus,
      problems),
    h("section", { class: "blank-box collect-box", "aria-labelledby": "collect-title" },
      h("h2", { id: "collect-title", text: "回收汇总" }),
      h("p", { text: "把各单位交回的 XLSX 或 DOCX 表格打包成一个 zip 上传：逐份读取并核对，合计各数字项；读不了或填写有误的文件会列出原因。" }),
      filePicker({
        id: "collect-archive", accept: ".zip", label: "回收表格的 zip 压缩包",
        help: "把回收表格的 zip 压缩包拖到这里，或选择文件。",
        onfile: (f) => { archiveFile = f; },
      }),
      h("div", { class: "button-row" }, summarise, downloadSummary),
      collectStatus,
      report));
  focusHeading();
}

async function showBatch(id) {
  const seq = newRoute();
  setMain(h("p", { class: "loading", text: "正在加载表格…" }));
  try {
    const res = await api("/api/templates/" + encodeURIComponent(id), { headers: { Accept: "application/json" } });
    if (seq !== app.currentRoute()) return;
    if (!res.ok) {
      const problem = await readProblem(res);
      setMain(
        h("h1", { tabindex: "-1", text: res.status === 404 ? "没有这个表格模板" : "出错了" }),
        h("p", { class: "notice-box error", role: "alert", text: problemText(res, problem) }),
        h("p", {}, h("a", { href: "#/", text: "返回模板列表" })));
      focusHeading();
      return;
    }
    mountPage(await res.json(), null);
  } catch (e) {
    if (seq !== app.currentRoute()) return;
    setMain(
      h("h1", { tabindex: "-1", text: "出错了" }),
      h("p", { class: "notice-box error", role: "alert", text: e.message || String(e) }),
      h("p", {}, h("a", { href: "#/", text: "返回模板列表" })));
    focusHeading();
  }
}

// The imported form (import.js keeps it while the tab is open), sent beside each file.
function showImportedBatch(imported) {
  newRoute();
  if (!imported) { location.hash = "#/import"; return; }
  mountPage(imported.summary, imported.template);
}

return { showBatch, showImportedBatch };
};
