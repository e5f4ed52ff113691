// kotrend editor page. Plain JS, no libraries. User text (articles, glossary entries) only
// ever reaches the page through textContent / title, never innerHTML.
"use strict";

(() => {
  const PALETTE = 12;
  const MAX_SYNONYMS = 8; // as the server's renderers
  const $ = (id) => document.getElementById(id);
  const state = {
    maxBytes: 2000000,
    documents: null, // documents read from a .jsonl file, else null (use the text area)
    result: null, // the /api/box answer
    original: null, // its entries, for "원래대로"
    box: null, // the box as edited: entries removed, moved, paged
    colours: new Map(), // term_id -> palette index, fixed by the original rank
  };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key === "data") Object.assign(node.dataset, value);
      else if (key.includes("-")) node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function status(message, isError) {
    const node = $("status");
    node.textContent = message || "";
    node.classList.toggle("error", Boolean(isError));
  }

  // Python counts offsets in code points, JS strings in UTF-16 units.
  function slicer(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (a, b) => text.slice(a, b);
    const points = Array.from(text);
    return (a, b) => points.slice(a, b).join("");
  }

  async function api(path, payload) {
    const init = payload === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
    };
    if (init.body && new Blob([init.body]).size > state.maxBytes) {
      throw new Error(`입력이 너무 큽니다: 이 서버는 ${state.maxBytes.toLocaleString()}바이트까지 받습니다 (--max-bytes).`);
    }
    const response = await fetch(path, init);
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      throw new Error(`${path}: 서버 응답을 읽지 못했습니다 (HTTP ${response.status})`);
    }
    if (!response.ok) throw new Error(data && data.error ? data.error : `HTTP ${response.status}`);
    return data;
  }

  // -- input ---------------------------------------------------------------------------

  async function loadGlossaries() {
    try {
      const data = await api("/api/glossaries");
      state.maxBytes = data.max_bytes;
      const select = $("glossary");
      select.replaceChildren();
      for (const g of data.glossaries) {
        const label = g.terms ? `${g.name} (${g.terms.toLocaleString()}개)` : g.name;
        select.append(el("option", { value: g.name, textContent: label }));
      }
      select.value = data.selected;
    } catch (err) {
      status(`용어집 목록을 받지 못했습니다: ${err.message}`, true);
    }
  }

  function parseJsonl(text, name) {
    const docs = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      let record;
      try {
        record = JSON.parse(line);
      } catch (err) {
        throw new Error(`${name} ${i + 1}번째 줄: JSON이 아닙니다 (${err.message})`);
      }
      if (record === null || typeof record !== "object" || Array.isArray(record)) {
        throw new Error(`${name} ${i + 1}번째 줄: 객체가 아닙니다`);
      }
      const doc = { id: record.id ?? `${i + 1}` };
      for (const key of ["title", "body", "text", "date", "source"]) {
        if (record[key] !== undefined) doc[key] = record[key];
      }
      docs.push(doc);
    });
    if (!docs.length) throw new Error(`${name}: 문서가 없습니다`);
    return docs;
  }

  async function openFile(file) {
    const text = await file.text();
    if (/\.jsonl$/i.test(file.name)) {
      state.documents = parseJsonl(text, file.name);
      $("loaded-name").textContent = `${file.name}: 문서 ${state.documents.length}건`;
      $("loaded").hidden = false;
      $("text").disabled = true;
    } else {
      unload();
      $("text").value = text;
    }
    status(`${file.name}을(를) 열었습니다. 분석을 누르세요.`);
  }

  function unload() {
    state.documents = null;
    $("loaded").hidden = true;
    $("text").disabled = false;
    $("file").value = "";
  }

  // Warnings come from the library in English; the one editors meet is said in Korean.
  function explain(warnings) {
    return warnings
      .map((w) =>
        w.includes("at least two dates")
          ? "최근 상승 순은 날짜가 둘 이상인 기사들이 있어야 합니다: 많이 나온 순으로 보여 줍니다."
          : "참고: " + w,
      )
      .join(" ");
  }

  async function analyse(event) {
    if (event) event.preventDefault();
    const payload = {
      glossary: $("glossary").value || null,
      top: Number($("top").value) || 10,
      rank: $("rank").value,
      basic: $("basic").checked,
    };
    if (state.documents) payload.documents = state.documents;
    else payload.text = $("text").value;
    if (!state.documents && !payload.text.trim()) {
      status("기사를 붙여 넣거나 파일을 여세요.", true);
      return;
    }
    $("analyse").disabled = true;
    status("분석 중…");
    try {
      const result = await api("/api/box", payload);
      state.result = result;
      state.original = result.entries.map((e) => ({ ...e }));
      state.colours = new Map(result.entries.map((e, i) => [e.term_id, i % PALETTE]));
      state.box = { ...result, entries: state.original.map((e) => ({ ...e })) };
      delete state.box.documents;
      delete state.box.terms;
      delete state.box.warnings;
      showDocuments();
      showBox();
      status(explain(result.warnings || []));
    } catch (err) {
      status(err.message, true);
    } finally {
      $("analyse").disabled = false;
    }
  }

  // -- the highlighted text ------------------------------------------------------------

  function inBox(termId) {
    return state.box.entries.some((e) => e.term_id === termId);
  }

  function colourClass(termId) {
    return inBox(termId) ? `kt-c${state.colours.get(termId)}` : "kt-off";
  }

  function termTitle(termId) {
    const t = state.result.terms[termId];
    if (!t) return termId;
    return t.definition ? `${t.term}: ${t.definition}` : t.term;
  }

  function fieldNode(name, text, mentions) {
    const cut = slicer(text);
    const node = el("div", { class: `field field-${name}`, data: { field: name } });
    let at = 0;
    for (const m of mentions) {
      if (m.start < at) continue;
      node.append(cut(at, m.start));
      node.append(el("mark", {
        class: `kt-m ${colourClass(m.term_id)}`,
        title: termTitle(m.term_id),
        data: { term: m.term_id },
      }, cut(m.start, m.end)));
      at = m.end;
    }
    node.append(cut(at, undefined));
    return node;
  }

  function showDocuments() {
    const docs = $("docs");
    docs.replaceChildren();
    const many = state.result.documents.length > 1;
    let count = 0;
    for (const doc of state.result.documents) {
      const card = el("article", { class: "doc", data: { doc: doc.id } });
      if (many) card.append(el("h3", { class: "doc-id" }, `문서 ${doc.id}`));
      for (const [name, text] of Object.entries(doc.fields)) {
        const mentions = doc.mentions.filter((m) => m.field === name).sort((a, b) => a.start - b.start);
        count += mentions.length;
        card.append(fieldNode(name, text, mentions));
      }
      docs.append(card);
    }
    const nTerms = Object.keys(state.result.terms).length;
    $("summary").textContent =
      `문서 ${state.result.documents.length}건 · 언급 ${count}회 · 용어 ${nTerms}개 · ` +
      `박스 ${state.box.entries.length}개`;
  }

  function recolour() {
    for (const mark of document.querySelectorAll("#docs mark.kt-m")) {
      mark.className = `kt-m ${colourClass(mark.dataset.term)}`;
    }
  }

  // -- the box -------------------------------------------------------------------------

  function button(label, title, onClick, disabled) {
    return el("button", { type: "button", class: "icon", textContent: label, title,
      "aria-label": title, disabled: Boolean(disabled), onclick: onClick });
  }

  function exampleNode(entry, index) {
    const ex = entry.examples[entry.chosen - 1];
    if (!ex) return null;
    const cut = slicer(ex.snippet);
    const cite = [ex.source, ex.date].filter(Boolean).join(", ");
    return el("p", { class: "kt-example" },
      button("◀", "이전 예문", () => page(index, -1), entry.chosen <= 1),
      el("span", { class: "kt-k" }, `${entry.chosen} / ${entry.n_examples}`),
      button("▶", "다음 예문", () => page(index, 1), entry.chosen >= entry.examples.length),
      el("q", { class: "kt-quote" },
        cut(0, ex.snippet_start),
        el("mark", {}, cut(ex.snippet_start, ex.snippet_end)),
        cut(ex.snippet_end, undefined)),
      cite ? el("span", { class: "kt-cite" }, ` ${cite}`) : null);
  }

  function entryNode(entry, index, last) {
    const synonyms = entry.synonyms.slice(0, MAX_SYNONYMS);
    return el("li", { class: "kt-entry", data: { termId: entry.term_id } },
      el("div", { class: "kt-head" },
        el("span", { class: `kt-swatch kt-c${state.colours.get(entry.term_id)}` }),
        el("span", { class: "kt-name" },
          el("span", { class: "kt-term" }, entry.term),
          synonyms.length ? el("span", { class: "kt-syn" }, ` (${synonyms.join(", ")})`) : null),
        el("span", { class: "kt-actions" },
          button("↑", "위로", () => move(index, -1), index === 0),
          button("↓", "아래로", () => move(index, 1), last),
          button("✕", "박스에서 빼기", () => remove(index)))),
      el("div", { class: "kt-counts" }, `언급 ${entry.mentions}회 · 문서 ${entry.documents}건`),
      entry.definition ? el("p", { class: "kt-def" }, entry.definition) : null,
      exampleNode(entry, index));
  }

  function showBox() {
    const box = $("box");
    const entries = state.box.entries;
    box.replaceChildren(el("h2", { id: "box-title" }, state.box.title));
    if (!entries.length) {
      box.append(el("p", { class: "kt-empty" }, "(박스에 남은 용어가 없습니다.)"));
    } else {
      box.append(el("ol", {}, ...entries.map((e, i) => entryNode(e, i, i === entries.length - 1))));
    }
    const g = [state.box.glossary, state.box.glossary_version].filter(Boolean).join(" ");
    box.append(el("p", { class: "kt-footer" },
      `문서 ${state.box.n_documents}건 · 언급 ${state.box.n_mentions}회${g ? ` · ${g}` : ""}`));
    for (const id of ["copy-md", "copy-html", "download", "reset"]) $(id).disabled = false;
  }

  function page(index, step) {
    const entry = state.box.entries[index];
    entry.chosen = Math.min(Math.max(1, entry.chosen + step), entry.examples.length);
    showBox();
    const selector = `li.kt-entry[data-term-id="${CSS.escape(entry.term_id)}"] button[title="${step < 0 ? "이전" : "다음"} 예문"]`;
    const again = document.querySelector(selector);
    if (again && !again.disabled) again.focus();
  }

  function move(index, step) {
    const entries = state.box.entries;
    const [entry] = entries.splice(index, 1);
    entries.splice(index + step, 0, entry);
    showBox();
  }

  function remove(index) {
    const [entry] = state.box.entries.splice(index, 1);
    showBox();
    recolour();
    status(`‘${entry.term}’을(를) 박스에서 뺐습니다.`);
  }

  function reset() {
    state.box.entries = state.original.map((e) => ({ ...e }));
    showBox();
    recolour();
    status("박스를 처음대로 되돌렸습니다.");
  }

  // -- output --------------------------------------------------------------------------

  function render(format) {
    return api("/api/render", { box: state.box, format }).then((data) => data.text);
  }

  async function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (err) {
        // fall through: some browsers refuse without a permission
      }
    }
    const area = el("textarea", { value: text, readOnly: true, class: "offscreen" });
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }

  async function copy(format, label) {
    try {
      const text = await render(format);
      const ok = await writeClipboard(text);
      window.kotrendLastCopy = text; // for tests and for the curious
      $("copied").value = text;
      status(ok ? `${label}을(를) 클립보드에 복사했습니다.` : `${label}: 복사할 수 없었습니다.`, !ok);
    } catch (err) {
      status(err.message, true);
    }
  }

  async function download() {
    try {
      const text = await render("json");
      const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      const link = el("a", { href: url, download: "kotrend_box.json" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      status(err.message, true);
    }
  }

  function jumpToEntry(event) {
    const mark = event.target.closest("mark.kt-m");
    if (!mark) return;
    const item = document.querySelector(`li.kt-entry[data-term-id="${CSS.escape(mark.dataset.term)}"]`);
    if (!item) return;
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    item.classList.remove("flash");
    void item.offsetWidth; // restart the animation
    item.classList.add("flash");
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("form").addEventListener("submit", analyse);
    $("text").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) analyse(e);
    });
    $("file").addEventListener("change", (e) => {
      const file = e.target.files[0];
      if (file) openFile(file).catch((err) => { unload(); status(err.message, true); });
    });
    $("unload").addEventListener("click", unload);
    $("copy-md").addEventListener("click", () => copy("markdown", "Markdown"));
    $("copy-html").addEventListener("click", () => copy("html", "HTML"));
    $("download").addEventListener("click", download);
    $("reset").addEventListener("click", reset);
    $("docs").addEventListener("click", jumpToEntry);
    loadGlossaries();
  });
})();
