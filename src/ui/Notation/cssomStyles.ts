/**
 * Runs `draw` with `setAttribute('style', ...)` turned into `element.style.cssText = ...`. abcjs writes a few
 * inline style attributes while it lays out a tune; the app's Content-Security-Policy (style-src 'self')
 * refuses style attributes but allows styles set through the CSSOM, which is what this does instead.
 * renderAbc is synchronous, so the patch lasts exactly as long as one drawing.
 */
export function withCssomStyles<T>(draw: () => T): T {
  const proto = Element.prototype;
  const setAttribute = proto.setAttribute;
  const setAttributeNS = proto.setAttributeNS;
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
  try {
    return draw();
  } finally {
    proto.setAttribute = setAttribute;
    proto.setAttributeNS = setAttributeNS;
  }
}
