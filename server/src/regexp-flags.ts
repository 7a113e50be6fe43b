import { setFlagsFromString } from 'node:v8';

/**
 * The engine has a few hundred large patterns, and most run only a few times per check. By default V8 compiles each
 * one twice, to bytecode first and to machine code once it runs again; compiling straight to machine code makes the
 * first check after start about 300 ms faster (bench/: cold start) and costs nothing per keystroke. Patterns compile
 * on first use, so this must run before the first check, not before the first `new RegExp`.
 */
export function compilePatternsOnce(): void {
  setFlagsFromString('--no-regexp-tier-up');
}
