/**
 * Colours for canvas drawings (piano rolls, heat maps), read from the design tokens so canvases follow the
 * theme. Read once per theme: getComputedStyle is too slow to call for every roll of every candidate.
 */
const cache = new Map<string, Map<string, string>>();

/** The value of the custom property `name` (e.g. "--accent") in the theme now in effect, or `fallback`. */
export function tokenColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  const theme = document.documentElement.dataset.theme ?? 'dark';
  let colours = cache.get(theme);
  if (!colours) cache.set(theme, (colours = new Map<string, string>()));
  let value = colours.get(name);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
    colours.set(name, value);
  }
  return value;
}

/** The heat map's colours in the theme now in effect (see paintHeat). */
export function heatColours(): { cellRgb: string; outline: string } {
  return { cellRgb: tokenColor('--heat-rgb', '227, 168, 87'), outline: tokenColor('--heat-outline', '#e7e3da') };
}
