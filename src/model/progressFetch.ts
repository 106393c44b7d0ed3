/**
 * A fetch wrapper that counts the bytes of responses under a URL prefix, so the loading bar can follow the
 * weight download that Magenta and tfjs do with the global fetch.
 */

interface Watch {
  prefix: string;
  total: number;
  received: number;
  onFraction: (fraction: number) => void;
}

/** Wraps `baseFetch`; install the returned `fetch` as the global one, and call `track` around a download. */
export function createProgressFetch(baseFetch: typeof fetch) {
  const watches = new Set<Watch>();

  const wrapped: typeof fetch = async (input, init) => {
    const response = await baseFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const watch = [...watches].find((w) => url.startsWith(w.prefix));
    if (!watch || !response.body || !response.ok) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        watch.received += chunk.byteLength;
        if (watch.total > 0) watch.onFraction(watch.received / watch.total);
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  /** Reports `received / totalBytes` for responses under `prefix` until the returned function is called. */
  const track = (prefix: string, totalBytes: number, onFraction: (fraction: number) => void) => {
    const watch: Watch = { prefix, total: totalBytes, received: 0, onFraction };
    watches.add(watch);
    return () => void watches.delete(watch);
  };

  return { fetch: wrapped, track };
}
