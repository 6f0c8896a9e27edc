import { describe, expect, test } from 'vitest';
import { COMMANDS } from './index.js';

describe('verb index', () => {
  test('each lazily loaded verb has the name and summary its index entry shows', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
      expect(command.usage).toMatch(new RegExp(`^usage: mpconform ${entry.name}\\b`));
    }
  });
});
