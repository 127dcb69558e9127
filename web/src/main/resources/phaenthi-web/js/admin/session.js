// The admin token lives in sessionStorage only: never localStorage, never a cookie, so it is gone when the tab
// closes and is never sent by the browser on its own.
const KEY = 'phaenthi.admin.token';

export class Session {
  /** @param storage a Storage (window.sessionStorage in the page, a stub in tests) */
  constructor(storage) {
    this.storage = storage;
  }

  get token() {
    return this.storage.getItem(KEY);
  }

  set token(value) {
    if (value) this.storage.setItem(KEY, value.trim());
    else this.storage.removeItem(KEY);
  }

  headers(extra = {}) {
    return this.token ? { ...extra, Authorization: `Bearer ${this.token}` } : { ...extra };
  }
}
