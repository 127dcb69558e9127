// The admin API client (docs/ADMIN-API.md). Relative URLs, like the map app; the token from the Session goes in
// the Authorization header of every request. Errors carry the server's status and message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function failure(r) {
  let message = r.statusText || `HTTP ${r.status}`;
  try {
    const body = await r.json();
    message = body.message || message;
  } catch (ignored) {
    // not JSON: keep the status text
  }
  return new ApiError(r.status, message);
}

export class AdminClient {
  /**
   * @param session the Session holding the token
   * @param fetchFn fetch (injected for tests)
   * @param Xhr XMLHttpRequest (uploads report their progress only through it)
   */
  constructor(session, fetchFn, Xhr) {
    this.session = session;
    this.fetch = fetchFn;
    this.Xhr = Xhr;
  }

  async request(method, url, body) {
    const headers = this.session.headers(body === undefined ? {} : { 'Content-Type': 'application/json' });
    const r = await this.fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    if (!r.ok) throw await failure(r);
    return r.status === 204 ? null : r.json();
  }

  whoami() { return this.request('GET', 'admin/api/whoami'); }
  job(id) { return this.request('GET', `admin/api/imports/${encodeURIComponent(id)}`); }
  remap(id, change) { return this.request('PUT', `admin/api/imports/${encodeURIComponent(id)}`, change); }
  publish(id, note) { return this.request('POST', `admin/api/imports/${encodeURIComponent(id)}/publish`, { note }); }
  cancel(id) { return this.request('DELETE', `admin/api/imports/${encodeURIComponent(id)}`); }
  publications() { return this.request('GET', 'api/publications'); }
  republish(id, note) {
    return this.request('POST', `admin/api/publications/${encodeURIComponent(id)}/publish?${new URLSearchParams({ note })}`);
  }
  audit(limit = 100) { return this.request('GET', `admin/api/audit?limit=${limit}`); }

  /** The report file (csv or xlsx) as a Blob, fetched with the token (a plain link could not carry it). */
  async report(id, kind) {
    const r = await this.fetch(`admin/api/imports/${encodeURIComponent(id)}/report.${kind}`, { headers: this.session.headers(), cache: 'no-store' });
    if (!r.ok) throw await failure(r);
    return r.blob();
  }

  /**
   * Uploads a file as the request body (`?filename=`), reporting progress; returns { promise, abort }.
   * The promise resolves to the job of the 202 answer.
   */
  upload(file, onProgress, options = {}) {
    const xhr = new this.Xhr();
    const promise = new Promise((resolve, reject) => {
      xhr.open('POST', `admin/api/imports?${new URLSearchParams({ filename: file.name, ...options })}`);
      for (const [k, v] of Object.entries(this.session.headers())) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress && onProgress(e.loaded, e.total);
      xhr.onload = () => {
        let body = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch (ignored) {
          // not JSON
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else reject(new ApiError(xhr.status, (body && body.message) || `HTTP ${xhr.status}`));
      };
      xhr.onerror = () => reject(new ApiError(0, 'network error'));
      xhr.onabort = () => reject(new ApiError(0, 'aborted'));
      xhr.send(file);
    });
    return { promise, abort: () => xhr.abort() };
  }
}
