// Copies non-TypeScript assets (the Python probe) next to the compiled JavaScript.
import { cpSync, existsSync } from 'node:fs';
for (const dir of ['src/probe/python']) {
  if (existsSync(dir)) cpSync(dir, `dist/${dir}`, { recursive: true });
}
