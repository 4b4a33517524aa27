// Debian's Chromium as every tool here launches it: no test tool can download a browser on this
// machine, root needs --no-sandbox, and the machine's closed network refuses Chromium's
// background connections (update checks, sync), so those are turned off.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
