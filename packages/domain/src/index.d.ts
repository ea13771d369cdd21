/**
 * What the server and the client share. Types only for now, so the package needs no build
 * and nothing of it reaches the phone: declaration files, which both `import type`.
 */
export type * from './import-answer.js';
