// kotrend editor page. Plain JS, no libraries. User text (articles, glossary entries) only
// ever reaches the page through textContent, never innerHTML.
"use strict";

(() => {
  const PALETTE = 12;
  const MAX_SYNONYMS = 8; // as the server's renderers
  const STORE = "kotrend:"; // localStorage prefix: edits per input, and the last input
  const $ = (id) => document.getElementById(id);
  const state = {
    maxBytes: 2000000,
    house: null, // the server's house glossary file, or null: definitions stay in the box
    labels: new Map(), // glossary name -> what the page calls it
    documents: null, // documents read from a .jsonl file, else null (use the text area)
    fileName: null,
    input: null, // the /api/box request of the shown result, reused to add terms
    key: null, // localStorage key of this input's edits
    result: null, // the /api/box answer
    original: null, // its entries, for "원래대로"
    box: null, // the box as edited: entries added, removed, moved, paged, defined
    definitions: {}, // term_id -> definition the editor wrote
    colours: new Map(), // term_id -> palette index, fixed once given
    picking: null, // term_id whose example picker is open
    editing: null, // term_id whose definition is being edited
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
  const points = (s) => Array.from(s).length;

  // Korean particles after a term: 을/를 by whether its last syllable has a final consonant.
  function eul(word) {
    const last = word.charCodeAt(word.length - 1);
    if (last < 0xac00 || last > 0xd7a3) return `${word}을(를)`;
    return (last - 0xac00) % 28 ? `${word}을` : `${word}를`;
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

  // -- keeping edits across reloads ----------------------------------------------------

  // cyrb53: a fast 53-bit string hash; a key for localStorage, not a security measure.
  function hash(text) {
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }

  function stored(key) {
    try {
      const raw = localStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (err) {
      return null; // storage off, or a value from an older page
    }
  }

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (err) {
      return false; // full or off: the page still works, edits just do not survive
    }
  }

  function saveEdits() {
    if (!state.key) return;
    store(state.key, {
      entries: state.box.entries,
      definitions: state.definitions,
      colours: [...state.colours],
    });
  }

  // -- input ---------------------------------------------------------------------------

  async function loadGlossaries() {
    try {
      const data = await api("/api/glossaries");
      state.maxBytes = data.max_bytes;
      state.house = data.house || null;
      const select = $("glossary");
      select.replaceChildren();
      for (const g of data.glossaries) {
        const name = g.label || g.name;
        state.labels.set(g.name, name);
        const label = g.terms ? `${name} (${g.terms.toLocaleString()}개)` : name;
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

  function useDocuments(docs, name) {
    state.documents = docs;
    state.fileName = name;
    $("loaded-name").textContent = `${name}: 문서 ${docs.length}건`;
    $("loaded").hidden = false;
    $("text").disabled = true;
  }

  async function openFile(file) {
    const text = await file.text();
    if (/\.jsonl$/i.test(file.name)) {
      useDocuments(parseJsonl(text, file.name), file.name);
    } else {
      unload();
      $("text").value = text;
    }
    status(`${file.name} 파일을 열었습니다. 분석을 누르세요.`);
  }

  function unload() {
    state.documents = null;
    state.fileName = null;
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

  function request() {
    const payload = {
      glossary: $("glossary").value || null,
      top: Number($("top").value) || 10,
      rank: $("rank").value,
      basic: $("basic").checked,
    };
    if (state.documents) payload.documents = state.documents;
    else payload.text = $("text").value;
    return payload;
  }

  async function analyse(event) {
    if (event) event.preventDefault();
    const payload = request();
    if (!state.documents && !payload.text.trim()) {
      status("기사를 붙여 넣거나 파일을 여세요.", true);
      return;
    }
    $("analyse").disabled = true;
    status("분석 중…");
    try {
      const result = await api("/api/box", payload);
      state.input = payload;
      state.key = STORE + "box:" + hash(JSON.stringify(payload));
      store(STORE + "last", { ...payload, fileName: state.fileName });
      state.result = result;
      state.original = result.entries.map((e) => ({ ...e }));
      state.picking = state.editing = null;
      const saved = stored(state.key);
      if (saved && Array.isArray(saved.entries)) {
        state.box = { ...result, entries: saved.entries };
        state.definitions = saved.definitions || {};
        state.colours = new Map(saved.colours || []);
      } else {
        state.box = { ...result, entries: state.original.map((e) => ({ ...e })) };
        state.definitions = {};
        state.colours = new Map(result.entries.map((e, i) => [e.term_id, i % PALETTE]));
      }
      delete state.box.documents;
      delete state.box.terms;
      delete state.box.warnings;
      showDocuments();
      showBox();
      $("search").disabled = false;
      const restored = saved ? "이 입력에서 고친 박스를 되살렸습니다 (처음 박스: 원래대로). " : "";
      status(restored + explain(result.warnings || []));
    } catch (err) {
      status(err.message, true);
    } finally {
      $("analyse").disabled = false;
    }
  }

  // The last input comes back after a reload, and with it the edits made to its box.
  function restoreLast() {
    const last = stored(STORE + "last");
    if (!last) return;
    if (last.glossary && state.labels.has(last.glossary)) $("glossary").value = last.glossary;
    if (last.top) $("top").value = last.top;
    if (last.rank) $("rank").value = last.rank;
    $("basic").checked = Boolean(last.basic);
    if (Array.isArray(last.documents)) useDocuments(last.documents, last.fileName || "파일");
    else if (typeof last.text === "string") $("text").value = last.text;
    else return;
    analyse();
  }

  // -- terms and their mentions --------------------------------------------------------

  function entryOf(termId) {
    return state.box.entries.find((e) => e.term_id === termId);
  }

  function termInfo(termId) {
    const t = state.result.terms[termId] || { term: termId, synonyms: [], definition: null };
    const definition = state.definitions[termId] ?? t.definition;
    return { ...t, definition };
  }

  function colourClass(termId) {
    return entryOf(termId) ? `kt-c${state.colours.get(termId)}` : "kt-off";
  }

  function markLabel(termId, surface) {
    const t = termInfo(termId);
    const where = entryOf(termId) ? "박스에 있음" : "누르면 박스에 넣습니다";
    return `${surface}: ${t.term}${t.definition ? `. ${t.definition}` : ""} (${where})`;
  }

  function fieldNode(name, text, mentions) {
    const cut = slicer(text);
    const node = el("div", { class: `field field-${name}`, data: { field: name } });
    let at = 0;
    for (const m of mentions) {
      if (m.start < at) continue;
      node.append(cut(at, m.start));
      const surface = cut(m.start, m.end);
      node.append(el("mark", {
        class: `kt-m ${colourClass(m.term_id)}`,
        tabIndex: 0,
        role: "button",
        "aria-label": markLabel(m.term_id, surface),
        data: { term: m.term_id },
      }, surface));
      at = m.end;
    }
    node.append(cut(at, undefined));
    return node;
  }

  function mentionCounts() {
    const counts = new Map();
    for (const doc of state.result.documents) {
      for (const m of doc.mentions) counts.set(m.term_id, (counts.get(m.term_id) || 0) + 1);
    }
    return counts;
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
      `박스 ${state.box.entries.length}개 · 밑줄 친 용어를 누르면 박스에 넣습니다`;
  }

  function recolour() {
    for (const mark of document.querySelectorAll("#docs mark.kt-m")) {
      mark.className = `kt-m ${colourClass(mark.dataset.term)}`;
      mark.setAttribute("aria-label", markLabel(mark.dataset.term, mark.textContent));
    }
    $("summary").textContent = $("summary").textContent.replace(
      /박스 \d+개/, `박스 ${state.box.entries.length}개`);
  }

  // Every sentence of the input that mentions the term, in reading order.
  function sentencesOf(termId) {
    const out = [];
    const seen = new Set();
    const meta = new Map((state.input.documents || []).map((d) => [String(d.id), d]));
    for (const doc of state.result.documents) {
      for (const m of doc.mentions) {
        if (m.term_id !== termId) continue;
        const key = `${doc.id}|${m.field}|${m.sent_start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const cut = slicer(doc.fields[m.field]);
        const before = cut(m.sent_start, m.start).replace(/^\s+/, "");
        const surface = cut(m.start, m.end);
        const after = cut(m.end, m.sent_end).replace(/\s+$/, "");
        const start = points(before);
        const d = meta.get(String(doc.id)) || {};
        out.push({
          sentence: before + surface + after,
          start,
          end: start + points(surface),
          doc_id: doc.id,
          field: m.field,
          date: typeof d.date === "string" ? d.date.slice(0, 10) : null,
          source: d.source || null,
        });
      }
    }
    return out;
  }

  // -- the definition popover (keyboard focus, tap, click) -----------------------------

  function showPopover(mark) {
    const termId = mark.dataset.term;
    const t = termInfo(termId);
    const pop = $("popover");
    const entry = entryOf(termId);
    const synonyms = (t.synonyms || []).slice(0, MAX_SYNONYMS);
    pop.replaceChildren(
      el("p", { class: "pop-term" }, t.term,
        synonyms.length ? el("span", { class: "kt-syn" }, ` (${synonyms.join(", ")})`) : null),
      el("p", { class: "pop-def" }, t.definition || "이 용어집에는 정의가 없습니다."),
      el("p", { class: "pop-where" },
        entry ? `박스 ${state.box.entries.indexOf(entry) + 1}번째 용어입니다.` : "박스에 없는 용어입니다."),
    );
    pop.dataset.term = termId;
    pop.hidden = false;
    const rect = mark.getBoundingClientRect();
    const width = Math.min(352, window.innerWidth - 16);
    pop.style.width = `${width}px`;
    pop.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)) + window.scrollX}px`;
    pop.style.top = `${rect.bottom + window.scrollY + 6}px`;
    mark.setAttribute("aria-describedby", "popover");
  }

  function hidePopover() {
    $("popover").hidden = true;
    for (const m of document.querySelectorAll("#docs mark[aria-describedby]")) {
      m.removeAttribute("aria-describedby");
    }
  }

  async function onMark(mark) {
    const termId = mark.dataset.term;
    if (entryOf(termId)) {
      showPopover(mark);
      jumpTo(termId);
    } else {
      await addTerm(termId);
      showPopover(mark);
    }
  }

  // Show the entry in the box pane, scrolling only that pane: the text the editor is
  // reading stays put. With one column (a phone) the box is below the text, so a tap
  // only flashes the entry and the popover says where it is.
  function jumpTo(termId) {
    const item = document.querySelector(`li.kt-entry[data-term-id="${CSS.escape(termId)}"]`);
    if (!item) return;
    const pane = $("box-pane");
    if (!window.matchMedia("(max-width: 900px)").matches && pane.scrollHeight > pane.clientHeight) {
      const top = item.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      const bottom = top + item.offsetHeight;
      if (top < 0 || bottom > pane.clientHeight) {
        pane.scrollTo({ top: pane.scrollTop + top - 8, behavior: "smooth" });
      }
    }
    item.classList.remove("flash");
    void item.offsetWidth; // restart the animation
    item.classList.add("flash");
  }

  // -- adding terms --------------------------------------------------------------------

  async function addTerm(termId, info) {
    if (entryOf(termId)) {
      jumpTo(termId);
      return;
    }
    let entry = null;
    try {
      const answer = await api("/api/box", { ...state.input, terms: [termId], top: null });
      entry = answer.entries.find((e) => e.term_id === termId) || null;
    } catch (err) {
      status(err.message, true);
      return;
    }
    if (!state.result.terms[termId] && info) {
      state.result.terms[termId] = {
        term: info.term, synonyms: info.synonyms, definition: info.definition, category: info.category,
      };
    }
    if (!entry) {
      // Not in the text (found by search): the box can still explain it, without an example.
      const t = termInfo(termId);
      entry = {
        term_id: termId, term: t.term, synonyms: t.synonyms || [], definition: t.definition,
        category: t.category || null, mentions: 0, documents: 0, n_examples: 0, chosen: 0,
        examples: [],
      };
    }
    // The box quotes a sentence once: skip examples other entries already show.
    const shown = new Set(state.box.entries.map((e) => (e.examples[e.chosen - 1] || {}).sentence));
    const free = entry.examples.findIndex((ex) => !shown.has(ex.sentence));
    if (free >= 0) entry.chosen = free + 1;
    if (state.definitions[termId] !== undefined) entry.definition = state.definitions[termId];
    if (!state.colours.has(termId)) {
      const used = new Set(state.box.entries.map((e) => state.colours.get(e.term_id)));
      let colour = 0;
      while (used.has(colour) && colour < PALETTE - 1) colour++;
      state.colours.set(termId, colour);
    }
    state.box.entries.push(entry);
    showBox();
    recolour();
    saveEdits();
    status(`‘${entry.term}’${eul(entry.term).slice(entry.term.length)} 박스에 넣었습니다.`);
    jumpTo(termId);
  }

  let searchTimer = null;
  let searchSeq = 0;

  function onSearch() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 200);
  }

  async function search() {
    const query = $("search").value.trim();
    const list = $("search-results");
    if (!query || !state.result) {
      list.replaceChildren();
      return;
    }
    const seq = ++searchSeq;
    let data;
    try {
      data = await api("/api/search", { glossary: state.input.glossary, query });
    } catch (err) {
      status(err.message, true);
      return;
    }
    if (seq !== searchSeq) return; // a newer query is on its way
    const counts = mentionCounts();
    list.replaceChildren(...data.terms.map((t) => {
      const n = counts.get(t.id) || 0;
      const inBox = Boolean(entryOf(t.id));
      const other = [t.en, ...t.aliases].filter(Boolean).slice(0, 3).join(", ");
      return el("li", { class: "hit", data: { termId: t.id } },
        el("button", {
          type: "button", class: "add", disabled: inBox,
          textContent: inBox ? "박스에 있음" : "넣기",
          "aria-label": inBox ? `${t.term}: 박스에 있음` : `${t.term} 박스에 넣기`,
          onclick: () => addTerm(t.id, t).then(search),
        }),
        el("span", { class: "hit-term" }, t.term),
        other ? el("span", { class: "kt-syn" }, ` (${other})`) : null,
        el("span", { class: "hit-n" }, n ? ` · 본문 ${n}회` : " · 본문에 없음"));
    }));
    if (!data.terms.length) list.append(el("li", { class: "hit none" }, "찾은 용어가 없습니다."));
  }

  // -- the box -------------------------------------------------------------------------

  function button(label, title, onClick, disabled, cls) {
    return el("button", { type: "button", class: cls || "icon", textContent: label, title,
      "aria-label": title, disabled: Boolean(disabled), onclick: onClick });
  }

  function quote(text, start, end) {
    const cut = slicer(text);
    return el("q", { class: "kt-quote" },
      cut(0, start), el("mark", {}, cut(start, end)), cut(end, undefined));
  }

  function exampleNode(entry, index) {
    const ex = entry.examples[entry.chosen - 1];
    const pickerOpen = state.picking === entry.term_id;
    const pick = button(pickerOpen ? "닫기" : "예문 고르기", `‘${entry.term}’ 예문 고르기`,
      () => togglePicker(entry.term_id), false, "small");
    pick.setAttribute("aria-expanded", String(pickerOpen));
    if (!ex) return el("p", { class: "kt-example kt-none" }, "예문 없음 ", pick);
    const cite = [ex.source, ex.date].filter(Boolean).join(", ");
    return el("p", { class: "kt-example" },
      button("◀", "이전 예문", () => page(index, -1), entry.chosen <= 1),
      el("span", { class: "kt-k" }, `${entry.chosen} / ${entry.n_examples}`),
      button("▶", "다음 예문", () => page(index, 1), entry.chosen >= entry.examples.length),
      quote(ex.snippet, ex.snippet_start, ex.snippet_end),
      cite ? el("span", { class: "kt-cite" }, ` ${cite}`) : null,
      " ", pick);
  }

  function sameSentence(ex, s) {
    return ex.doc_id === s.doc_id && ex.field === s.field &&
      (s.sentence.includes(ex.sentence) || ex.sentence.includes(s.sentence));
  }

  function pickerNode(entry, index) {
    const sentences = sentencesOf(entry.term_id);
    const current = entry.examples[entry.chosen - 1];
    const many = state.result.documents.length > 1;
    const list = el("ol", { class: "kt-picker", "aria-label": `‘${entry.term}’이 나오는 문장` },
      ...sentences.map((s) => {
        const chosen = Boolean(current && sameSentence(current, s));
        return el("li", {},
          el("button", {
            type: "button", class: "pick", "aria-pressed": String(chosen),
            onclick: () => choose(index, s),
          },
          many ? el("span", { class: "kt-cite" }, `문서 ${s.doc_id} · `) : null,
          quote(s.sentence, s.start, s.end)));
      }));
    return el("div", { class: "kt-picker-wrap" },
      el("p", { class: "kt-picker-head" },
        sentences.length ? `이 용어가 나오는 문장 ${sentences.length}개: 예문으로 쓸 문장을 고르세요.`
          : "입력에 이 용어가 나오는 문장이 없습니다."),
      list);
  }

  function definitionNode(entry, index) {
    if (state.editing === entry.term_id) {
      const area = el("textarea", { class: "kt-def-edit", value: entry.definition || "", rows: 3,
        "aria-label": `‘${entry.term}’ 정의` });
      const house = state.house
        ? el("label", { class: "kt-house" },
          el("input", { type: "checkbox", class: "kt-house-check", checked: true }),
          " 사내 용어집에도 저장")
        : null;
      const save = () => saveDefinition(index, area.value, Boolean(house && house.firstChild.checked));
      area.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save();
        if (e.key === "Escape") editDefinition(null);
      });
      return el("div", { class: "kt-def-form" }, area,
        el("div", { class: "kt-def-buttons" },
          button("저장", "정의 저장", save, false, "small primary"),
          button("취소", "고치지 않고 닫기", () => editDefinition(null), false, "small"),
          house));
    }
    return el("p", { class: "kt-defline" },
      el("span", { class: entry.definition ? "kt-def" : "kt-def kt-nodef" },
        entry.definition || "(정의 없음)"), " ",
      button(entry.definition ? "정의 고치기" : "정의 쓰기", `‘${entry.term}’ 정의 고치기`,
        () => editDefinition(entry.term_id), false, "small"));
  }

  function entryNode(entry, index, last) {
    const synonyms = entry.synonyms.slice(0, MAX_SYNONYMS);
    const counts = entry.mentions ? `언급 ${entry.mentions}회 · 문서 ${entry.documents}건` : "본문에 없는 용어";
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
      el("div", { class: "kt-counts" }, counts),
      definitionNode(entry, index),
      exampleNode(entry, index),
      state.picking === entry.term_id ? pickerNode(entry, index) : null);
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
    const g = state.labels.get(state.box.glossary) || state.box.glossary;
    const version = state.box.glossary_version ? ` ${state.box.glossary_version}판` : "";
    box.append(el("p", { class: "kt-footer" },
      `문서 ${state.box.n_documents}건 · 언급 ${state.box.n_mentions}회${g ? ` · ${g}${version}` : ""}`));
    for (const id of ["copy-html", "copy-text", "copy-md", "download", "reset"]) $(id).disabled = false;
  }

  // Re-render, then put the focus back on the same control of the same entry.
  // ``selector`` may list alternatives ("a, b"): the first that matches wins, in that order
  // (one querySelector over the list would take whichever comes first in the page).
  function refocus(termId, selector) {
    const scope = `li.kt-entry[data-term-id="${CSS.escape(termId)}"]`;
    for (const one of selector.split(",")) {
      const node = document.querySelector(`${scope} ${one.trim()}`);
      if (node && !node.disabled) { node.focus(); return; }
    }
  }

  function page(index, step) {
    const entry = state.box.entries[index];
    entry.chosen = Math.min(Math.max(1, entry.chosen + step), entry.examples.length);
    showBox();
    saveEdits();
    refocus(entry.term_id, `button[title="${step < 0 ? "이전" : "다음"} 예문"]`);
  }

  function togglePicker(termId) {
    state.picking = state.picking === termId ? null : termId;
    showBox();
    refocus(termId, state.picking ? "button.pick[aria-pressed=true], button.pick" : "button.small[aria-expanded]");
  }

  function choose(index, s) {
    const entry = state.box.entries[index];
    let at = entry.examples.findIndex((ex) => sameSentence(ex, s));
    if (at < 0) {
      // A sentence the library did not offer: the editor's choice is quoted whole.
      entry.examples.push({ ...s, snippet: s.sentence, snippet_start: s.start,
        snippet_end: s.end, score: 0 });
      at = entry.examples.length - 1;
      entry.n_examples = Math.max(entry.n_examples, entry.examples.length);
    }
    entry.chosen = at + 1;
    state.picking = null;
    showBox();
    saveEdits();
    refocus(entry.term_id, "button.small[aria-expanded]");
    status(`‘${entry.term}’의 예문을 바꿨습니다.`);
  }

  function editDefinition(termId) {
    const was = state.editing;
    state.editing = termId;
    showBox();
    if (termId) refocus(termId, "textarea.kt-def-edit");
    else if (was) refocus(was, ".kt-defline button");
  }

  async function saveDefinition(index, text, toHouse) {
    const entry = state.box.entries[index];
    const definition = text.trim() || null;
    entry.definition = definition;
    state.definitions[entry.term_id] = definition;
    state.editing = null;
    showBox();
    recolour();
    saveEdits();
    refocus(entry.term_id, ".kt-defline button");
    if (!toHouse || !definition) {
      status(`‘${entry.term}’ 정의를 고쳤습니다 (이 박스에만).`);
      return;
    }
    try {
      const answer = await api("/api/house", {
        glossary: state.input.glossary, term_id: entry.term_id, definition });
      status(`‘${entry.term}’ 정의를 고치고 사내 용어집(${answer.path})에 저장했습니다.`);
    } catch (err) {
      status(`정의는 박스에 고쳤지만 사내 용어집에 저장하지 못했습니다: ${err.message}`, true);
    }
  }

  function move(index, step) {
    const entries = state.box.entries;
    const [entry] = entries.splice(index, 1);
    entries.splice(index + step, 0, entry);
    showBox();
    saveEdits();
    refocus(entry.term_id, `button[title="${step < 0 ? "위로" : "아래로"}"]`);
  }

  function remove(index) {
    const [entry] = state.box.entries.splice(index, 1);
    if (state.picking === entry.term_id) state.picking = null;
    showBox();
    recolour();
    saveEdits();
    status(`‘${entry.term}’${eul(entry.term).slice(entry.term.length)} 박스에서 뺐습니다.`);
  }

  function reset() {
    state.box.entries = state.original.map((e) => ({ ...e }));
    state.definitions = {};
    state.picking = state.editing = null;
    state.colours = new Map(state.original.map((e, i) => [e.term_id, i % PALETTE]));
    store(state.key, null);
    showBox();
    recolour();
    status("박스를 처음대로 되돌렸습니다.");
  }

  // -- output --------------------------------------------------------------------------

  function render(format, options) {
    return api("/api/render", { box: state.box, format, ...(options || {}) }).then((data) => data.text);
  }

  // The old way, for browsers without the async clipboard (or that refuse it): a copy
  // event whose handler puts every type on the clipboard.
  function copyEvent(types) {
    const handler = (event) => {
      for (const [type, text] of Object.entries(types)) event.clipboardData.setData(type, text);
      event.preventDefault();
    };
    document.addEventListener("copy", handler);
    try {
      return document.execCommand("copy");
    } finally {
      document.removeEventListener("copy", handler);
    }
  }

  async function writePlain(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (err) {
        // fall through: some browsers refuse without a permission
      }
    }
    return copyEvent({ "text/plain": text });
  }

  async function copyPlain(format, label) {
    try {
      const text = await render(format);
      const ok = await writePlain(text);
      window.kotrendLastCopy = text; // for tests and for the curious
      $("copied").value = text;
      status(ok ? `${label} 형식으로 클립보드에 복사했습니다.` : `${label}: 복사할 수 없었습니다.`, !ok);
    } catch (err) {
      status(err.message, true);
    }
  }

  // Styled HTML for rich-text editors and plain text for everything else, in one copy.
  async function copyRich() {
    const html = render("html", { inline_styles: true });
    const text = render("text");
    let ok = false;
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      try {
        // Promises, not strings: the write starts inside the click, as Safari requires.
        await navigator.clipboard.write([new ClipboardItem({
          "text/html": html.then((t) => new Blob([t], { type: "text/html" })),
          "text/plain": text.then((t) => new Blob([t], { type: "text/plain" })),
        })]);
        ok = true;
      } catch (err) {
        // fall back below
      }
    }
    try {
      const [h, t] = await Promise.all([html, text]);
      if (!ok) ok = copyEvent({ "text/html": h, "text/plain": t });
      window.kotrendLastCopy = h;
      $("copied").value = h;
      status(ok ? "서식 있는 HTML로 클립보드에 복사했습니다. 편집기에 붙여 넣으세요."
        : "HTML: 복사할 수 없었습니다.", !ok);
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
      status("JSON 파일로 저장했습니다.");
    } catch (err) {
      status(err.message, true);
    }
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
    $("copy-html").addEventListener("click", copyRich);
    $("copy-text").addEventListener("click", () => copyPlain("text", "텍스트"));
    $("copy-md").addEventListener("click", () => copyPlain("markdown", "마크다운"));
    $("download").addEventListener("click", download);
    $("reset").addEventListener("click", reset);
    $("search").addEventListener("input", onSearch);
    $("search").addEventListener("keydown", async (e) => {
      if (e.key !== "Enter") return;
      e.preventDefault(); // Enter adds the first hit not yet in the box
      clearTimeout(searchTimer);
      await search();
      const first = document.querySelector("#search-results button.add:not(:disabled)");
      if (first) first.click();
    });
    const docs = $("docs");
    docs.addEventListener("click", (e) => {
      const mark = e.target.closest("mark.kt-m");
      if (mark) onMark(mark);
    });
    docs.addEventListener("keydown", (e) => {
      const mark = e.target.closest("mark.kt-m");
      if (!mark) return;
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onMark(mark);
      } else if (e.key === "Escape") {
        hidePopover();
      }
    });
    docs.addEventListener("focusin", (e) => {
      const mark = e.target.closest("mark.kt-m");
      if (mark) showPopover(mark);
    });
    docs.addEventListener("focusout", (e) => {
      if (!e.relatedTarget || !e.relatedTarget.closest("mark.kt-m")) hidePopover();
    });
    document.addEventListener("click", (e) => {
      if (!e.target.closest("mark.kt-m, #popover")) hidePopover();
    });
    loadGlossaries().then(restoreLast);
  });
})();
