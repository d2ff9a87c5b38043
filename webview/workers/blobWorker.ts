// How the page starts a worker of its own. A webview's scripts are served from another origin than
// the page, and `new Worker(url)` needs a same-origin script, so the script beside main.js is
// fetched (the CSP's connect-src allows only the extension's own files) and started from a blob:
// URL (worker-src blob:). Nothing from outside the extension is loaded.

/** The URL of a file beside the page's own script; only known while main.js first runs. */
export function besidePageScript(file: string): string | undefined {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL(file, src).href : undefined;
}

/** Fetches the worker's script and starts it; a failed fetch is an error naming the script. */
export async function startBlobWorker(scriptUrl: string): Promise<Worker> {
  const response = await fetch(scriptUrl);
  if (!response.ok) throw new Error(`${scriptUrl}: ${response.status} ${response.statusText}`);
  return new Worker(URL.createObjectURL(await response.blob()));
}
