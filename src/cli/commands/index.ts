import type { Command } from '../command.js';
import { observeCommand } from './observe.js';
import { pythonsCommand } from './pythons.js';
import { runVerb } from './run.js';
import { predictVerb } from './predict.js';
import { mergeVerb } from './merge.js';
import { replayVerb } from './replay.js';

/** Every verb, in `--help` order. To add one: a file in this folder and one line here. */
export const COMMANDS: readonly Command[] = [
  runVerb,
  observeCommand,
  pythonsCommand,
  predictVerb,
  replayVerb,
  mergeVerb,
];
