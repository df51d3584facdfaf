import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { report } from '../../examples/england-wales-stalking';
import { tourText } from '../../examples/main';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the set-up commands', () => {
    expect(readme).toContain('```sh\nnpm install && npm run example\n```');
    expect(readme).toContain('```sh\nnpm test\n```');
    // the first two code blocks are the clone commands; the install section follows them
    const blocks = [...readme.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2]?.trim());
    expect(blocks.slice(0, 3)).toEqual(['npm install && npm run example', 'npm test', 'npm install darkfigure']);
    expect(readme.indexOf('## Using darkfigure in your project')).toBeLessThan(readme.indexOf('## The main example'));
  });
  it('the install section prints what it says', async () => {
    const { formatInterval, proportionCI } = await import('../../src/index');
    const printed = formatInterval(proportionCI(27, 500), { percent: true });
    expect(printed).toBe('5.4% (95% CI 3.7% to 7.7%; wilson)');
    expect(readme).toContain(`console.log(formatInterval(share, { percent: true }));\n// ${printed}\n`);
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

describe('links in the installed package', () => {
  const root = new URL('../../', import.meta.url);
  /** Files the package ships that hold Markdown: README.md and docs/*.md (package.json "files"). */
  const shipped = ['README.md', ...readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  it.each(shipped)('every relative link in %s points at a file the package ships', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target === undefined || /^(https?:|mailto:|#)/.test(target)) continue;
      const path = new URL(dir + target.split('#')[0], root);
      const relative = path.href.slice(root.href.length);
      expect(existsSync(path), `${file}: ${target}`).toBe(true);
      expect(relative === 'README.md' || relative === 'LICENSE' || /^docs\/[^/]+\.md$/.test(relative), `${file}: ${target} is not shipped`).toBe(true);
    }
  });
});
