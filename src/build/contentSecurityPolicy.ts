import { createHash } from 'node:crypto';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The one `<style>` element the app lets in: abcjs (the notation panel) puts this fixed rule into every SVG
 * it draws (abcjs/src/write/draw/set-paper-size.js). Allowed by its hash, not by 'unsafe-inline'; if an
 * abcjs upgrade changes the text, tests/e2e/csp.e2e.ts reports the violation.
 */
export const ABCJS_DRAG_STYLE =
  '.abcjs-dragging-in-progress text, .abcjs-dragging-in-progress tspan {' +
  '-webkit-touch-callout: none; -webkit-user-select: none; -khtml-user-select: none; -moz-user-select: none; ' +
  '-ms-user-select: none; user-select: none;}';

/** A CSP hash source for an inline `<style>` or `<script>` body, e.g. "'sha256-...'". */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of the production build. Why each source is allowed:
 * - script-src 'self' 'wasm-unsafe-eval': the app's own modules only (no inline script, no eval);
 *   tfjs' wasm backend compiles its WebAssembly, which is all 'wasm-unsafe-eval' permits.
 * - worker-src 'self' blob:: the model worker is a bundled file; Tone.js runs its ticker in a blob worker.
 * - connect-src 'self' https:: samples and the shipped checkpoints come from the app's own origin; a user
 *   may point the model picker at a checkpoint hosted elsewhere over https.
 * - media-src/img-src blob: data:: audio buffers and exported files are handed over as blob URLs.
 * - style-src 'self' + one hash: the app's stylesheet and abcjs' one fixed <style> rule (below).
 * - object-src 'none', base-uri 'self', form-action 'self': nothing to embed, no base tag, no forms posted.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", 'https:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  // Style attributes stay refused (the notation panel sets abcjs' styles through the CSSOM instead).
  'style-src': ["'self'", hashSource(ABCJS_DRAG_STYLE)],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives browsers ignore (and warn about) in a meta tag; sent only as a response header. */
const HEADER_ONLY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'self'"],
};

/** Serializes directives as a policy string, e.g. "default-src 'self'; object-src 'none'". */
export function formatPolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy as the page's meta tag carries it. */
export const META_POLICY = formatPolicy(CSP_DIRECTIVES);
/** The policy as `vite preview` (and any server following README) sends it, for the page and its workers. */
export const HEADER_POLICY = formatPolicy({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });

/**
 * Adds the policy to the production build only: a `<meta http-equiv="Content-Security-Policy">` at the top
 * of index.html, and the same policy as a header from `vite preview` (the meta tag does not cover the model
 * worker, whose script is a separate response). The dev server is left alone: React refresh injects an
 * inline script there.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'phrasewright-content-security-policy',
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    transformIndexHtml: {
      order: 'post',
      handler(): HtmlTagDescriptor[] {
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', HEADER_POLICY);
        next();
      });
    },
  };
}
