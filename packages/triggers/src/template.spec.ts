import {
  compileTemplate,
  renderTemplate,
  TemplateError,
  validateTemplate,
  MAX_TEMPLATE_LENGTH,
  MAX_RENDERED_LENGTH,
} from './template';
import { sampleContainer } from './sample-event';

const data = {
  container: sampleContainer(),
  containers: [sampleContainer(), sampleContainer({ name: 'redis' })],
  count: 2,
  flag: true,
  zero: 0,
  nothing: null,
  text: '  Mixed Case  ',
  tags: ['a', 'b', 'c'],
};

describe('template rendering', () => {
  it.each([
    ['plain text', 'plain text'],
    ['', ''],
    ['${container.name}', 'nginx'],
    [
      'New ${container.updateKind.kind} found for container ${container.name}',
      'New tag found for container nginx',
    ],
    ['${container.image.tag.value} → ${container.result.tag}', '1.25.3 → 1.27.0'],
    ['${ container.name }', 'nginx'],
    ['${containers.length} updates available', '2 updates available'],
    ['${containers.1.name}', 'redis'],
    ['${containers[1].name}', 'redis'],
    ['${container.labels["com.docker.compose.project"]}', 'web'],
    ["${container.labels['com.docker.compose.service']}", 'nginx'],
    ['${container.name.length}', '5'],
    ['${count} ${flag} ${zero}', '2 true 0'],
    ['[${nothing}]', '[]'],
    ['[${unknown}] [${container.nope.deeper}] [${containers.9.name}]', '[] [] []'],
    ['${tags}', 'a, b, c'],
    ['${tags | join:"/"}', 'a/b/c'],
    ['${container.name | upper}', 'NGINX'],
    ['${text | trim | lower}', 'mixed case'],
    ['${container.result.digest | short}', 'b2c1ba6ae6e4'],
    ['${container.displayName | truncate:3}', 'ng…'],
    ['${container.name | truncate:10}', 'nginx'],
    ['${unknown | default:"n/a"}', 'n/a'],
    ['${container.name | default:"n/a"}', 'nginx'],
    [
      'x${container.result.link | prefix:"\\n"}',
      'x\nhttps://github.com/nginx/nginx/releases/tag/release-1.27.0',
    ],
    ['x${unknown | prefix:"\\n"}', 'x'],
    ['${container.name | suffix:"!"}${unknown | suffix:"!"}', 'nginx!'],
    [
      '${container.updateKind | json}',
      '{"kind":"tag","localValue":"1.25.3","remoteValue":"1.27.0","semverDiff":"minor"}',
    ],
    ['${container.error | json}', 'null'],
    ['\\${container.name}', '${container.name}'],
    ['cost: $5 and $ {x} and {y}', 'cost: $5 and $ {x} and {y}'],
    ['back\\slash \\n stays', 'back\\slash \\n stays'],
    ['multi\nline ${container.name}\n', 'multi\nline nginx\n'],
  ])('%s', (source, expected) => {
    expect(renderTemplate(source, data)).toBe(expected);
  });

  it('renders objects as JSON built from own data properties only', () => {
    const withGetter = Object.defineProperty({ a: 1 }, 'b', {
      enumerable: true,
      get: () => 'from getter',
    });
    expect(renderTemplate('${x}', { x: withGetter })).toBe('{"a":1}');
    expect(renderTemplate('${x.b}', { x: withGetter })).toBe('');
  });

  it('lists the variables a template reads', () => {
    expect(compileTemplate('${a.b} ${c[0]} ${d["x.y"]} ${a.b | upper}').variables).toEqual([
      'a.b',
      'c[0]',
      'd["x.y"]',
    ]);
  });

  it('is reusable and independent of the data passed', () => {
    const compiled = compileTemplate('${name}');
    expect(compiled.render({ name: 'a' })).toBe('a');
    expect(compiled.render({ name: 'b' })).toBe('b');
    expect(compiled.render(null)).toBe('');
    expect(compiled.render('string root')).toBe('');
  });
});

describe('template errors', () => {
  it.each([
    ['Hello ${container.name', /^Unclosed "\$\{" at line 1, column 7$/],
    ['${', /Unclosed/],
    ['${}', /Expected a variable name, found "}" at line 1, column 3/],
    ['${ }', /Expected a variable name/],
    ['${1abc}', /Expected a variable name/],
    ['${a..b}', /Expected a property name after "\."/],
    ['${a.}', /Expected a property name/],
    ['${a b}', /Unexpected "b" in expression/],
    ['${a + b}', /Unexpected "\+"/],
    ['${a()}', /Unexpected "\("/],
    ['${a[b]}', /quoted name or an index/],
    ['${a["x"}', /Unclosed "\["/],
    ['${a["x]}', /Unclosed string/],
    ['${a | nope}', /Unknown filter "nope"/],
    ['${a | upper:"x"}', /takes no argument/],
    ['${a | truncate}', /needs an argument/],
    ['${a | truncate:0}', /between 1 and/],
    ['${a | default:"\\q"}', /Unknown escape/],
    ['${a |}', /Expected a filter name/],
    ['line one\nline ${two', /at line 2, column 6/],
    ['${a\n}', /Unexpected a line break/],
  ])('%j', (source, message) => {
    expect(() => compileTemplate(source)).toThrow(TemplateError);
    expect(() => compileTemplate(source)).toThrow(message);
  });

  it('reports the position', () => {
    const error = validateTemplate('ok\n  ${bad path}');
    expect(error).toBeInstanceOf(TemplateError);
    expect(error?.position).toEqual({ offset: 11, line: 2, column: 9 });
    expect(validateTemplate('${fine}')).toBeNull();
  });
});

describe('hostile templates', () => {
  it.each([
    '${__proto__}',
    '${constructor}',
    '${constructor.constructor}',
    '${container.constructor.constructor}',
    '${container.__proto__.polluted}',
    '${container["__proto__"]}',
    "${container['constructor']}",
    '${prototype}',
    '${a.prototype}',
  ])('%s is rejected at compile time', (source) => {
    expect(() => compileTemplate(source)).toThrow(/Forbidden property name/);
  });

  it.each([
    ['${toString}', ''],
    ['${container.hasOwnProperty}', ''],
    ['${container.valueOf}', ''],
    ['${containers.map}', ''],
    ['${container.name.toUpperCase}', ''],
    ['${container.name.0}', ''],
    ['${process.env.HOME}', ''],
    ['${globalThis}', ''],
    ['${require}', ''],
  ])('%s renders empty (no inherited or global access)', (source, expected) => {
    expect(renderTemplate(source, data)).toBe(expected);
  });

  it.each([
    '${eval("1+1")}',
    '${Function("return process")()}',
    '${`x`}',
    '${a;b}',
    '${(() => 1)()}',
    '${a || b}',
    '${a ? b : c}',
    '${x = 1}',
    '${new Date()}',
    '${container.name.replace("n", "x")}',
    '${containers.map(c => c.name)}',
  ])('%s is a syntax error, never code', (source) => {
    expect(() => compileTemplate(source)).toThrow(TemplateError);
  });

  it('never touches Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const source of ['${__proto__.x}', '${a.__proto__}', '${constructor.prototype}'])
      expect(validateTemplate(source)).toBeInstanceOf(TemplateError);
    renderTemplate('${a.b.c}', JSON.parse('{"a":{"__proto__":{"b":{"c":"owned"}}}}'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads an own "__proto__" key created by JSON.parse only through allowed names', () => {
    // JSON.parse makes "__proto__" an own data property; the path is still refused by name.
    const parsed = JSON.parse('{"__proto__":{"x":"y"},"safe":"ok"}') as unknown;
    expect(renderTemplate('${safe}', parsed)).toBe('ok');
    expect(() => compileTemplate('${__proto__.x}')).toThrow(TemplateError);
  });

  it('limits template length', () => {
    expect(() => compileTemplate('x'.repeat(MAX_TEMPLATE_LENGTH + 1))).toThrow(/too long/);
    expect(compileTemplate('x'.repeat(MAX_TEMPLATE_LENGTH)).render({})).toHaveLength(
      MAX_TEMPLATE_LENGTH,
    );
  });

  it('limits path depth', () => {
    expect(() =>
      compileTemplate(`\${${Array.from({ length: 17 }, (_, i) => `a${i}`).join('.')}}`),
    ).toThrow(/too deep/);
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 15; i += 1) cursor = cursor[`a${i}`] = {} as Record<string, unknown>;
    cursor.a15 = 'bottom';
    expect(
      renderTemplate(`\${${Array.from({ length: 16 }, (_, i) => `a${i}`).join('.')}}`, deep),
    ).toBe('bottom');
  });

  it('caps rendered output and survives cycles and deep data', () => {
    const big = { s: 'y'.repeat(100_000) };
    const out = renderTemplate('${s}${s}', big);
    expect(out.length).toBeLessThanOrEqual(MAX_RENDERED_LENGTH);
    expect(out.endsWith('…')).toBe(true);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(renderTemplate('${self.self.self.name} ${self | json}', cyclic)).toBe(
      'loop {"name":"loop","self":null}',
    );
    let nested: unknown = 'core';
    for (let i = 0; i < 10_000; i += 1) nested = { n: nested };
    expect(() => renderTemplate('${n | json}', nested)).not.toThrow();
  });

  it('does not call toJSON, toString or getters on the data', () => {
    const calls: string[] = [];
    const sneaky = {
      toJSON: () => {
        calls.push('toJSON');
        return 'x';
      },
      toString: () => {
        calls.push('toString');
        return 'x';
      },
      get trap() {
        calls.push('getter');
        return 'x';
      },
    };
    renderTemplate('${v} ${v | json} ${v.trap} ${v.toJSON}', { v: sneaky });
    expect(calls).toEqual([]);
  });

  it('handles many expressions quickly', () => {
    const source = '${a}'.repeat(1000);
    const started = Date.now();
    expect(compileTemplate(source).render({ a: 'x' })).toBe('x'.repeat(1000));
    expect(Date.now() - started).toBeLessThan(500);
  });
});
