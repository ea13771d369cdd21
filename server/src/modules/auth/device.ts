/**
 * What a person needs to tell their signed-in devices apart, read from the User-Agent once
 * at sign-in: the browser's and the system's names, without versions or device models, so
 * that the stored text says no more about the person than they need to see.
 */
import Bowser from 'bowser';

const MAX_LENGTH = 100;

export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'Okänd enhet';
  const { browser, os, platform } = Bowser.parse(userAgent.slice(0, 500));
  const kind = platform.type === 'mobile' ? 'mobil' : platform.type === 'tablet' ? 'surfplatta' : null;
  const system = [os.name, kind && `(${kind})`].filter(Boolean).join(' ');
  const described =
    browser.name && system ? `${browser.name} på ${system}` : browser.name || system || 'Okänd enhet';
  return described.slice(0, MAX_LENGTH);
}
