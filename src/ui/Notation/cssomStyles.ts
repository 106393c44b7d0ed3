/**
 * Runs `draw` with `setAttribute('style', ...)` turned into `element.style.cssText = ...`, and with SVG <style>
 * elements made inert <metadata>. abcjs writes a few inline style attributes while it lays out a tune, and a
 * <style> used only while dragging notes (which this app does not offer); the app's Content-Security-Policy
 * (style-src 'self') refuses both but allows styles set through the CSSOM. renderAbc is synchronous, so the
 * patch lasts exactly as long as one drawing.
 */
export function withCssomStyles<T>(draw: () => T): T {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  const setAttributeNS = proto.setAttributeNS;
  const createElementNS = Document.prototype.createElementNS;
  const viaCssom = (el: Element, value: string): boolean => {
    const style = (el as Partial<ElementCSSInlineStyle>).style;
    if (!style) return false;
    style.cssText = value;
    return true;
  };
  proto.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && viaCssom(this, String(value))) return;
    setAttribute.call(this, name, value);
  };
  proto.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    if (!ns && name.toLowerCase() === 'style' && viaCssom(this, String(value))) return;
    setAttributeNS.call(this, ns, name, value);
  };
  (Document.prototype as { createElementNS: (ns: string | null, name: string) => Element }).createElementNS = function (
    this: Document,
    ns: string | null,
    name: string,
  ) {
    return createElementNS.call(this, ns, name === 'style' ? 'metadata' : name);
  };
  try {
    return draw();
  } finally {
    proto.setAttribute = setAttribute;
    proto.setAttributeNS = setAttributeNS;
    Document.prototype.createElementNS = createElementNS;
  }
}
