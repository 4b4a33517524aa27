// The first script of a pasted page (/__paste/pages/N.html): once the widgets have rendered, reports
// to the parent window (the test, on another origin) what each one shows. After an edition a list
// says nothing is upcoming and offers the past events: the probe presses that button, as a visitor
// would, so that the cards it counts are real ones either way.
(() => {
  const errors = [];
  window.addEventListener('error', (event) => errors.push(String(event.message || event.type)));
  window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  const started = Date.now();
  const describe = (element) => {
    const root = element.shadowRoot;
    const link = element.querySelector('a');
    return {
      tag: element.localName,
      defined: Boolean(customElements.get(element.localName)),
      text: root ? root.textContent.replace(/\s+/g, ' ').trim().slice(0, 400) : '',
      cards: root ? root.querySelectorAll('[part~="card"]').length : 0,
      fallback: link
        ? { href: link.getAttribute('href'), text: link.textContent, shown: link.getClientRects().length > 0 }
        : null,
    };
  };
  const tick = () => {
    const widgets = [...document.querySelectorAll('sdi-event-list, sdi-edition-banner, sdi-countdown, sdi-region-map')];
    for (const list of document.querySelectorAll('sdi-event-list')) {
      const past = list.shadowRoot && list.shadowRoot.querySelector('[part~="past"]');
      if (past && !list.dataset.probePast) {
        list.dataset.probePast = '1';
        past.click();
      }
    }
    const report = widgets.map(describe);
    const lists = report.filter((w) => w.tag === 'sdi-event-list');
    const ready = report.length > 0 && report.every((w) => w.defined && w.text) && lists.every((w) => w.cards > 0);
    if (ready || Date.now() - started > 15000) {
      window.parent.postMessage({ sdiPasteProbe: { widgets: report, errors, timedOut: !ready } }, '*');
    } else {
      setTimeout(tick, 100);
    }
  };
  window.addEventListener('load', () => setTimeout(tick, 100));
})();
