/** The viewport meta tag's content as a map: `width=device-width, initial-scale=1` → { width: 'device-width', ... }. */
export function parseViewportMeta(content: string): Map<string, string> {
  const entries = content
    .split(/[,;]/)
    .map((part) => part.split('=').map((s) => s.trim().toLowerCase()))
    .filter(([key]) => key);
  return new Map(entries.map(([key, value]) => [key!, value ?? '']));
}
