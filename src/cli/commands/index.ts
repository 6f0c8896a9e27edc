import type { Command } from '../command.js';
import { observeCommand } from './observe.js';
import { pythonsCommand } from './pythons.js';

/** Every verb, in `--help` order. To add one: a file in this folder and one line here. */
export const COMMANDS: readonly Command[] = [
  observeCommand,
  pythonsCommand,
];
