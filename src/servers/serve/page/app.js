// The review page: paste or drop a draft, see each flagged phrase highlighted with its finding,
// accept or skip each rewrite (or all), fill missing facts, copy or download the honest version.
// It talks only to the pitchlint server that served it (POST /api/rewrite, /api/facts/save).
'use strict';
(() => {
  const token = document.querySelector('meta[name="pitchlint-token"]').content;
  const $ = (id) => document.getElementById(id);
  const state = { filename: 'draft.md', input: null, data: null, accepted: new Map(), facts: {}, fileBytes: null };

  async function api(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pitchlint-token': token },
      body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({ error: { message: `HTTP ${res.status}` } }));
    if (!res.ok) throw new Error(json.error ? json.error.message : `HTTP ${res.status}`);
    return json;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== undefined && c !== null) e.append(c);
    return e;
  }

  /** Text with [placeholders] marked. */
  function withPlaceholders(text) {
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const m of text.matchAll(/\[[^\]\n]{1,80}\]/g)) {
      frag.append(text.slice(pos, m.index), el('span', { class: 'placeholder' }, m[0]));
      pos = m.index + m[0].length;
    }
    frag.append(text.slice(pos));
    return frag;
  }

  async function check() {
    const text = $('draft').value;
    if (!state.fileBytes && !text.trim()) {
      $('status').textContent = 'Paste a draft or drop a file first.';
      return;
    }
    $('status').textContent = 'Checking…';
    $('check').disabled = true;
    try {
      const body = state.fileBytes
        ? { base64: state.fileBytes, filename: state.filename }
        : { text, filename: $('format').value };
      if (!state.fileBytes) state.filename = $('format').value;
      state.input = body;
      state.data = await api('/api/rewrite', { ...body, facts: state.facts });
      state.accepted = new Map();
      render();
      $('status').textContent = '';
    } catch (e) {
      $('status').innerHTML = '';
      $('status').append(el('span', { class: 'bad' }, String(e.message)));
    } finally {
      $('check').disabled = false;
    }
  }

  function render() {
    const d = state.data;
    $('review').hidden = false;
    const n = d.findings.length;
    $('summary').textContent = n
      ? `${n} finding${n === 1 ? '' : 's'} · ${d.format}`
      : `no overpromises found · ${d.format}`;
    renderHighlights();
    renderFindings();
    renderFacts();
    renderResult();
  }

  function renderHighlights() {
    const d = state.data;
    const box = $('highlighted');
    box.textContent = '';
    // Flagged phrases in order; a phrase overlapping an earlier one joins its mark.
    const spans = d.findings
      .map((f, i) => ({ f, i, r: f.range }))
      .filter((x) => x.r)
      .sort((a, b) => a.r[0] - b.r[0] || b.r[1] - a.r[1]);
    let pos = 0;
    for (const s of spans) {
      if (s.r[0] < pos) continue;
      box.append(d.original.slice(pos, s.r[0]));
      const accepted = s.f.edit !== undefined && state.accepted.get(s.f.edit) === true;
      const mark = el(
        'mark',
        {
          class: `${s.f.severity}${accepted ? ' accepted' : ''}`,
          'data-finding': String(s.i),
          title: `${s.f.ruleId}: ${s.f.message}`,
          onclick: () => focusFinding(s.i),
        },
        d.original.slice(s.r[0], s.r[1]),
      );
      box.append(mark);
      pos = s.r[1];
    }
    box.append(d.original.slice(pos));
  }

  function focusFinding(i) {
    document.querySelectorAll('mark.focus').forEach((m) => m.classList.remove('focus'));
    const card = document.querySelector(`li[data-finding="${i}"]`);
    const mark = document.querySelector(`mark[data-finding="${i}"]`);
    if (mark) mark.classList.add('focus');
    if (card) card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function renderFindings() {
    const d = state.data;
    const list = $('findings');
    list.textContent = '';
    const shownEdits = new Set();
    d.findings.forEach((f, i) => {
      const rule = d.rules[f.ruleId];
      const editIndex = f.edit;
      const edit = editIndex !== undefined ? d.edits[editIndex] : undefined;
      const decided = editIndex !== undefined ? state.accepted.get(editIndex) : undefined;
      const li = el('li', {
        class: `finding ${f.severity}${decided === true ? ' done' : ''}`,
        'data-finding': String(i),
      });
      li.append(el('div', { class: 'rule' }, `${f.severity} · ${f.ruleId} · line ${f.line}`));
      li.append(el('div', { class: 'msg' }, f.message));
      if (rule && rule.rationale) li.append(el('div', { class: 'why' }, rule.rationale));
      if (edit && !shownEdits.has(editIndex)) {
        shownEdits.add(editIndex);
        li.append(
          el(
            'div',
            { class: 'rewrite' },
            withPlaceholders(edit.rewrite === '' ? '(remove the sentence)' : edit.rewrite),
          ),
        );
        // The soft and strict wordings of the same rewrite, for the rep to copy instead.
        for (const alt of f.alternatives ?? [])
          li.append(
            el(
              'div',
              { class: `alternative ${alt.label}` },
              `${alt.label === 'soft' ? 'Softer' : 'Stricter'}: `,
              withPlaceholders(alt.text),
            ),
          );
        if (edit.missingFacts.length) li.append(el('div', { class: 'why' }, `Needs: ${edit.missingFacts.join(', ')}`));
        const row = el('div', { class: 'row' });
        row.append(
          el(
            'button',
            { type: 'button', class: 'accept', 'data-action': 'accept', onclick: () => decide(editIndex, true) },
            decided === true ? 'Accepted' : 'Accept',
          ),
          el(
            'button',
            { type: 'button', class: 'skip', 'data-action': 'skip', onclick: () => decide(editIndex, false) },
            decided === false ? 'Skipped' : 'Skip',
          ),
        );
        li.append(row);
        if (decided !== undefined)
          li.append(el('div', { class: 'state' }, decided ? 'Rewrite accepted' : 'Kept as written'));
      } else if (edit) {
        li.append(el('div', { class: 'why' }, 'Rewritten with the finding above (same sentence).'));
      } else if (f.suggestion) {
        li.append(el('div', { class: 'why' }, `Instead: ${f.suggestion}`));
      }
      list.append(li);
    });
    $('accept-all').disabled = d.edits.length === 0;
  }

  function decide(i, yes) {
    state.accepted.set(i, yes);
    renderHighlights();
    renderFindings();
    renderResult();
  }

  /** The original with the accepted rewrites applied (non-overlapping, in order). */
  function honest() {
    const d = state.data;
    const chosen = d.edits
      .map((e, i) => ({ e, i }))
      .filter((x) => state.accepted.get(x.i) === true)
      .sort((a, b) => a.e.start - b.e.start || b.e.end - a.e.end);
    let out = '';
    let pos = 0;
    for (const { e } of chosen) {
      if (e.start < pos) continue;
      out += d.original.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    return out + d.original.slice(pos);
  }

  function renderResult() {
    const box = $('result');
    box.textContent = '';
    box.append(withPlaceholders(honest()));
  }

  function renderFacts() {
    const d = state.data;
    const form = $('facts-form');
    form.textContent = '';
    const keys = [...d.missingFacts];
    for (const k of Object.keys(state.facts)) if (!keys.some((m) => m.key === k)) keys.push({ key: k, label: k });
    $('facts-panel').hidden = keys.length === 0;
    for (const m of keys) {
      const id = `fact-${m.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      form.append(el('label', { for: id }, `${m.label} (${m.key})`));
      const input = el('input', { id, name: m.key, placeholder: m.example ? `e.g. ${m.example}` : '' });
      input.value = state.facts[m.key] || '';
      form.append(input);
    }
  }

  function factsFromForm() {
    const facts = {};
    for (const input of $('facts-form').querySelectorAll('input'))
      if (input.value.trim()) facts[input.name] = input.value.trim();
    return facts;
  }

  $('check').addEventListener('click', () => {
    state.fileBytes = null;
    check();
  });
  $('draft').addEventListener('input', () => {
    state.fileBytes = null;
  });
  $('accept-all').addEventListener('click', () => {
    state.data.edits.forEach((_, i) => state.accepted.set(i, true));
    renderHighlights();
    renderFindings();
    renderResult();
  });
  $('facts-apply').addEventListener('click', async () => {
    state.facts = factsFromForm();
    await check();
  });
  $('facts-save').addEventListener('click', async () => {
    const facts = factsFromForm();
    try {
      const r = await api('/api/facts/save', { facts, filename: state.filename });
      $('facts-status').textContent = `Saved ${r.saved.length} fact${r.saved.length === 1 ? '' : 's'} to ${r.file}`;
      state.facts = facts;
      await check();
    } catch (e) {
      $('facts-status').textContent = e.message;
    }
  });
  $('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(honest());
      $('copy-status').textContent = 'Copied.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents($('result'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('copy-status').textContent = 'Selected: press Ctrl-C to copy.';
    }
  });
  $('download').addEventListener('click', () => {
    const d = state.data;
    const base = state.filename.replace(/\.[^.]+$/, '');
    const name = d.writable ? state.filename.replace(/(\.[^.]+)$/, '.honest$1') : `${base}.honest.txt`;
    const a = el('a', {
      href: URL.createObjectURL(new Blob([honest()], { type: 'text/plain;charset=utf-8' })),
      download: name,
    });
    document.body.append(a);
    a.click();
    a.remove();
  });

  // Files: picked or dropped. Text formats go as text, .docx as base64 bytes.
  async function takeFile(file) {
    if (!file) return;
    const ext = (file.name.match(/\.[^.]+$/) || [''])[0].toLowerCase();
    if (!['.txt', '.md', '.markdown', '.eml', '.html', '.htm', '.docx'].includes(ext)) {
      $('status').textContent = `Cannot review ${ext || 'this file'}: use .txt, .md, .eml, .html or .docx.`;
      return;
    }
    state.filename = file.name.replace(/[\\/]/g, '_').replace(/^\.+/, '') || `draft${ext}`;
    if (ext === '.docx') {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      state.fileBytes = btoa(bin);
      $('draft').value = '';
      $('draft').placeholder = `${file.name} (Word document)`;
    } else {
      state.fileBytes = null;
      $('draft').value = await file.text();
      const opt = [...$('format').options].find((o) =>
        o.value.endsWith(ext === '.markdown' ? '.md' : ext === '.htm' ? '.html' : ext),
      );
      if (opt) $('format').value = opt.value;
      state.filename = $('format').value;
    }
    await check();
  }
  $('file').addEventListener('change', (e) => takeFile(e.target.files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    takeFile(e.dataTransfer.files[0]);
  });
})();
