import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('passwords', () => {
  it('are stored as a salted scrypt hash that carries its parameters, never as the password', async () => {
    const hash = await hashPassword('rätt häst batteri häfta');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('häst');
    expect(await hashPassword('rätt häst batteri häfta')).not.toBe(hash);
  });

  it('verify only the right password', async () => {
    const hash = await hashPassword('rätt häst batteri häfta');
    expect(await verifyPassword('rätt häst batteri häfta', hash)).toBe(true);
    expect(await verifyPassword('fel häst batteri häfta', hash)).toBe(false);
    expect(await verifyPassword('rätt häst batteri häfta', 'bcrypt$whatever')).toBe(false);
  });

  it('must be long enough, with a Swedish message', () => {
    expect(passwordProblem('kort')).toBe('Lösenordet måste ha minst 12 tecken.');
    expect(passwordProblem('tillräckligt långt')).toBeNull();
  });
});
