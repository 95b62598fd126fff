/**
 * <pdf-viewer>: a meeting document rendered with PDF.js from the server's WebJar, one page at a
 * time: previous/next, a page number to jump to, zoom and fit-to-width, keys (arrows, Page Up/Down,
 * Home/End), so every page of a long document is reachable. A classified document arrives already
 * stamped by the server with the viewer's name, and offers no download.
 *
 * goToPage(n) turns to a page (a presenter's page turn calls it). With the attribute fit="page"
 * a whole page fits the element (the room display); with "bare" there is no toolbar. When the
 * server refuses a document (a classified one outside the meeting), its own message is shown.
 * Dispatches "page-change" {documentId, page, pages}.
 */
import { t, failureText } from '../i18n.js';
import { html, render, setText } from '../dom.js';
import { api, session, saveBlob, ApiFailure } from '../api.js';

const PDFJS = '/webjars/pdfjs-dist/4.10.38/';
let pdfjsReady = null;

function pdfjs() {
  if (!pdfjsReady) {
    pdfjsReady = import(`${PDFJS}build/pdf.min.mjs`).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = `${PDFJS}build/pdf.worker.min.mjs`;
      return lib;
    });
  }
  return pdfjsReady;
}

export class PdfViewer extends HTMLElement {
  constructor() {
    super();
    this.doc = null;
    this.pdf = null;
    this.page = 1;
    this.zoom = 1;
    this.renderTask = null;
    this.loading = null;
    this.failed = false;
    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.addEventListener('change', (e) => {
      if (e.target.matches('input.page-no')) this.goToPage(Number(e.target.value));
    });
    this.resize = new ResizeObserver(() => { if (this.pdf && this.clientWidth > 0) this.draw(); });
  }

  connectedCallback() {
    if (!this.querySelector('.sheet')) {
      this.skeleton();
      this.updateBar();
    }
    this.resize.observe(this);
  }

  disconnectedCallback() {
    this.resize.disconnect();
  }

  /** Built once; its words carry data-i18n so that switching the language relabels them in place. */
  skeleton() {
    render(this, html`
      <div class="bar" role="toolbar" data-i18n-label="doc.page" aria-label="${t('doc.page')}">
        <span class="doc-title"></span>
        <span class="class-tag"></span>
        <span class="spacer"></span>
        <button class="small" data-action="prev" data-i18n-label="doc.prev" aria-label="${t('doc.prev')}">◀</button>
        <label class="page-label"><span class="sr-only" data-i18n="doc.page">${t('doc.page')}</span>
          <input class="page-no tabular" type="number" min="1" value="1" inputmode="numeric"></label>
        <span class="page-count tabular"></span>
        <button class="small" data-action="next" data-i18n-label="doc.next" aria-label="${t('doc.next')}">▶</button>
        <button class="small" data-action="zoom-out" data-i18n-label="doc.zoomOut" aria-label="${t('doc.zoomOut')}">−</button>
        <button class="small" data-action="fit" data-i18n="doc.fit">${t('doc.fit')}</button>
        <button class="small" data-action="zoom-in" data-i18n-label="doc.zoomIn" aria-label="${t('doc.zoomIn')}">+</button>
        <button class="small" data-action="download" data-i18n="doc.download">${t('doc.download')}</button>
      </div>
      <p class="doc-note muted"></p>
      <div class="sheet" tabindex="0" aria-live="polite"><canvas hidden></canvas><p class="placeholder muted" data-i18n="doc.choose">${t('doc.choose')}</p></div>`);
    window.addEventListener('langchange', () => this.updateBar());
  }

  /**
   * Opens a document ({id, title, classification, pageCount, url}) at a page. The same document
   * is not fetched again (a classified one would be stamped anew) unless {reload: true}: while it
   * loads, the page asked for last wins; once refused, it stays refused until reloaded.
   */
  async open(doc, page = 1, { reload = false } = {}) {
    if (!this.querySelector('.sheet')) this.skeleton();
    if (!reload && this.doc && doc && this.doc.id === doc.id && (this.pdf || this.loading || this.failed)) {
      if (this.pdf) this.goToPage(page);
      else this.page = page;
      return;
    }
    this.doc = doc;
    this.page = page;
    this.zoom = 1;
    this.pdf = null;
    this.failed = false;
    this.loading = null;
    this.dataset.page = '';
    this.updateBar();
    if (!doc) return;
    const placeholder = this.querySelector('.placeholder');
    placeholder.hidden = false;
    placeholder.classList.remove('refused');
    placeholder.dataset.i18n = 'common.loading';
    setText(placeholder, t('common.loading'));
    this.querySelector('canvas').hidden = true;
    const loading = (async () => {
      const lib = await pdfjs();
      const task = lib.getDocument({
        url: doc.url,
        httpHeaders: { Authorization: `Bearer ${session.token()}` },
        isEvalSupported: false,
        cMapUrl: `${PDFJS}cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${PDFJS}standard_fonts/`,
      });
      return task.promise;
    })();
    this.loading = loading;
    try {
      const pdf = await loading;
      if (this.loading !== loading) return;
      this.loading = null;
      this.pdf = pdf;
      this.page = Math.min(Math.max(1, this.page), pdf.numPages);
      placeholder.hidden = true;
      this.querySelector('canvas').hidden = false;
      await this.draw();
    } catch (e) {
      if (this.loading !== loading) return;
      this.loading = null;
      this.failed = true;
      this.updateBar();
      const why = await this.refusal(doc, e);
      if (this.doc !== doc) return;
      placeholder.classList.toggle('refused', !!why);
      // the server's words stay as they came; without them, the generic message follows the language
      if (why) delete placeholder.dataset.i18n;
      else placeholder.dataset.i18n = 'doc.failed';
      setText(placeholder, why ? `${t('doc.failed')} ${why}` : t('doc.failed'));
    }
  }

  /** The server's reason for refusing a document, asked again in words (PDF.js keeps only the status). */
  async refusal(doc, error) {
    if (!error?.status || error.status < 400) return null;
    try {
      const res = await fetch(doc.url, { headers: { Authorization: `Bearer ${session.token()}`, Range: 'bytes=0-0' }, cache: 'no-store' });
      if (res.ok) return null;
      return failureText(new ApiFailure(res.status, await res.json().catch(() => null)));
    } catch (e) {
      return failureText(new ApiFailure(0, null));
    }
  }

  /** Shows page n (clamped to the document). */
  goToPage(n) {
    if (!this.pdf || !Number.isFinite(n)) return;
    const next = Math.min(Math.max(1, Math.round(n)), this.pdf.numPages);
    if (next === this.page && this.renderTask) return;
    this.page = next;
    this.draw();
  }

  onClick(e) {
    const b = e.target.closest('button[data-action]');
    if (!b) return;
    const a = b.dataset.action;
    if (a === 'prev') this.goToPage(this.page - 1);
    if (a === 'next') this.goToPage(this.page + 1);
    if (a === 'zoom-in') { this.zoom = Math.min(4, this.zoom * 1.25); this.draw(); }
    if (a === 'zoom-out') { this.zoom = Math.max(0.4, this.zoom / 1.25); this.draw(); }
    if (a === 'fit') { this.zoom = 1; this.draw(); }
    if (a === 'download') this.download();
  }

  onKey(e) {
    if (e.target.matches('input')) return;
    const keys = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };
    if (keys[e.key]) { this.goToPage(this.page + keys[e.key]); e.preventDefault(); }
    if (e.key === 'Home') { this.goToPage(1); e.preventDefault(); }
    if (e.key === 'End' && this.pdf) { this.goToPage(this.pdf.numPages); e.preventDefault(); }
  }

  async download() {
    if (!this.doc || this.doc.classification !== 'UNCLASSIFIED') return;
    const blob = await api(this.doc.url, { as: 'blob' });
    saveBlob(blob, `${this.doc.title}.pdf`);
  }

  updateBar() {
    const d = this.doc;
    const classified = d && d.classification !== 'UNCLASSIFIED';
    this.querySelector('.bar').hidden = !d;
    setText(this.querySelector('.doc-title'), d ? d.title : '');
    const tag = this.querySelector('.class-tag');
    render(tag, classified ? html`<span class="tag secret">${t(`class.${d.classification}`)}</span>` : '');
    setText(this.querySelector('.doc-note'), classified ? t('doc.noDownload') : '');
    this.querySelector('[data-action="download"]').hidden = !d || classified;
    const pages = this.pdf ? this.pdf.numPages : d?.pageCount || 0;
    const input = this.querySelector('input.page-no');
    input.max = String(pages || 1);
    if (document.activeElement !== input) input.value = String(this.page);
    setText(this.querySelector('.page-count'), pages ? t('doc.of', { n: pages }) : '');
    for (const b of this.querySelectorAll('.bar button, .bar input')) {
      if (b.dataset.action !== 'download') b.disabled = !this.pdf;
    }
    if (this.pdf) {
      this.querySelector('[data-action="prev"]').disabled = this.page <= 1;
      this.querySelector('[data-action="next"]').disabled = this.page >= this.pdf.numPages;
    }
    this.classList.toggle('classified', !!classified);
  }

  async draw() {
    if (!this.pdf) return;
    this.updateBar();
    const pdf = this.pdf;
    const pageNo = this.page;
    const page = await pdf.getPage(pageNo);
    if (pdf !== this.pdf || pageNo !== this.page) return;
    const sheet = this.querySelector('.sheet');
    const width = Math.max(200, sheet.clientWidth - 16);
    const unit = page.getViewport({ scale: 1 });
    let scale = (width / unit.width) * this.zoom;
    if (this.getAttribute('fit') === 'page') scale = Math.min(scale, (Math.max(200, sheet.clientHeight - 16) / unit.height) * this.zoom);
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.querySelector('canvas');
    if (this.renderTask) this.renderTask.cancel();
    const target = document.createElement('canvas');
    target.width = Math.floor(viewport.width * ratio);
    target.height = Math.floor(viewport.height * ratio);
    const task = page.render({
      canvasContext: target.getContext('2d'),
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
    });
    this.renderTask = task;
    try {
      await task.promise;
    } catch (e) {
      return;
    }
    if (this.renderTask !== task) return;
    this.renderTask = null;
    // the finished page replaces the old one in one step: no blank flash between pages
    canvas.width = target.width;
    canvas.height = target.height;
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.getContext('2d').drawImage(target, 0, 0);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${this.doc.title} — ${t('doc.page')} ${pageNo}/${pdf.numPages}`);
    this.dataset.page = String(pageNo);
    this.dataset.pages = String(pdf.numPages);
    this.dispatchEvent(new CustomEvent('page-change', { bubbles: true, detail: { documentId: this.doc.id, page: pageNo, pages: pdf.numPages } }));
  }
}

customElements.define('pdf-viewer', PdfViewer);
