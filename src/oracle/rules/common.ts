import type { Platform } from '../../model/facts.js';

/** Every modelled platform. */
export const ALL: readonly Platform[] = ['linux', 'darwin', 'win32'];
/** Platforms with fork and forkserver. */
export const POSIX: readonly Platform[] = ['linux', 'darwin'];
/** Every version the oracle models: 3.7.0 (the oldest supported, and the oldest whose sources were read) on. */
export const ANY = [{ from: '3.7.0', to: null }] as const;
/** Base of the multiprocessing docs, for anchors. */
export const DOCS = 'https://docs.python.org/3/library/multiprocessing.html';
