import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { report } from '../../examples/england-wales-stalking';
import { tourText } from '../../examples/main';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the set-up commands', () => {
    expect(readme).toContain('```sh\nnpm install && npm run example\n```');
    expect(readme).toContain('```sh\nnpm test\n```');
  });
  it('main estimate block is exactly what `npm run example` prints (examples/england-wales-stalking.ts)', () => {
    const block = /<!-- main:start -->\n```text\n([\s\S]*?)\n```\n<!-- main:end -->/.exec(readme);
    expect(block, 'README block between <!-- main:start --> and <!-- main:end -->').not.toBeNull();
    expect(block?.[1]).toBe(report().join('\n'));
  });
  it("tour is exactly what `npm run example:tour` prints (regenerate the block from examples/main.ts)", () => {
    const block = /<!-- tour:start -->\n```text\n([\s\S]*?)```\n<!-- tour:end -->/.exec(readme);
    expect(block, 'README tour block between <!-- tour:start --> and <!-- tour:end -->').not.toBeNull();
    expect(block?.[1]).toBe(tourText());
  });
});

describe('README InputError example', () => {
  it('shows the message proportionCI really throws', async () => {
    const { proportionCI } = await import('../../src/index');
    let message = '';
    try {
      proportionCI(27, 500, { level: 95 });
    } catch (error) {
      message = (error as Error).message;
    }
    const shown = message
      .split('\n')
      .map((line) => `  // ${line}`)
      .join('\n');
    expect(readme).toContain(shown);
  });
});
