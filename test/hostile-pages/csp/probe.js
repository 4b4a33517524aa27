// The first script of the strict-CSP pages (classic and synchronous, so it listens before any
// widget code runs): reports every Content-Security-Policy / Trusted Types violation, uncaught
// error and unhandled rejection of the page to the parent window (the test), which cannot hear
// them itself: violation events fire in the page's own document.
(() => {
  const reports = [];
  window.__sdiCspReports = reports;
  const send = (entry) => {
    reports.push(entry);
    window.parent.postMessage({ sdiCspProbe: entry }, window.location.origin);
  };
  // Capture on the document: violations caused inside shadow roots are composed and reach it, and
  // those without a connected element (a detached node's innerHTML) fire at the document itself.
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      send({
        kind: 'violation',
        directive: event.effectiveDirective || event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        disposition: event.disposition,
      }),
    true,
  );
  window.addEventListener(
    'error',
    (event) => {
      // Resource errors (an image or script refused or missing) are Events, not ErrorEvents.
      if (event instanceof ErrorEvent) {
        send({ kind: 'error', message: String((event.error && event.error.stack) || event.message) });
      } else {
        const target = event.target;
        send({ kind: 'resource-error', url: (target && (target.src || target.href)) || String(target) });
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) =>
    send({ kind: 'rejection', message: String((event.reason && event.reason.stack) || event.reason) }),
  );
  send({ kind: 'ready', trustedTypes: typeof window.trustedTypes === 'object' && window.trustedTypes !== null });
})();
