/**
 * A cookie's value, or undefined when it is missing or cannot be read: a browser, a proxy
 * or a person may send anything, and a cookie that is not ours means "not signed in".
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // bad percent-encoding
    }
  }
  return undefined;
}
