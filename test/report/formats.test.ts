import { ChunkedOutput, writeJsonRows } from '../../src/report/chunked-output';
import { ConnlistEntry } from '../../src/report/connlist-entry';
import { CsvFormatter } from '../../src/report/csv-formatter';
import { CONNLIST_FORMATS, connlistFormatter } from '../../src/report/formats';
import { ConnlistFormatter } from '../../src/report/formatter';
import { JsonFormatter } from '../../src/report/json-formatter';
import { MarkdownFormatter } from '../../src/report/md-formatter';
import { externalPeerName, workloadPeerName } from '../../src/report/peer-name';
import { TxtFormatter } from '../../src/report/txt-formatter';

/** What a formatter writes, and the pieces it wrote it in. */
function written(formatter: ConnlistFormatter, entries: readonly ConnlistEntry[]): string {
  const pieces: string[] = [];
  formatter.write(entries, { write: (text: string) => pieces.push(text) });
  return pieces.join('');
}

const ENTRIES: ConnlistEntry[] = [
  { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 8080' },
  { source: '0.0.0.0-255.255.255.255[External]', destination: 'monitoring/prometheus[Pod]', connections: 'All Connections' },
  { source: 'shop/web[Deployment]', destination: 'monitoring/prometheus[Pod]', connections: 'TCP 9090,UDP 53' },
];

describe('connlist formats', () => {
  describe('ChunkedOutput', () => {
    test('passes text on in chunks of about the given size, the rest on flush, nothing lost', () => {
      const chunks: string[] = [];
      const out = new ChunkedOutput({ write: (text: string) => chunks.push(text) }, 10);
      for (let i = 0; i < 7; i++) out.write('abcd');
      expect(chunks).toEqual(['abcdabcdabcd', 'abcdabcdabcd']);
      out.flush();
      out.flush();
      expect(chunks.join('')).toBe('abcd'.repeat(7));
      expect(chunks).toHaveLength(3);
    });
  });

  describe('writeJsonRows', () => {
    test('writes row by row exactly what JSON.stringify(rows, undefined, 2) writes whole', () => {
      const rows = [{ a: 'x', b: { c: [1, 2], d: 'q"\\' } }, { e: 'é\u2028', f: [] }, {}];
      for (const list of [rows, rows.slice(0, 1), []]) {
        const pieces: string[] = [];
        writeJsonRows(list, { write: (text: string) => pieces.push(text) });
        expect(pieces.join('')).toBe(JSON.stringify(list, undefined, 2) + '\n');
        expect(pieces.length).toBe(list.length + 1);
      }
    });
  });

  describe('txt', () => {
    test('prints one netpol-analyzer line per entry, in the order given, and nothing else', () => {
      expect(written(new TxtFormatter(), ENTRIES)).toBe([
        'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
        '0.0.0.0-255.255.255.255[External] => monitoring/prometheus[Pod] : All Connections',
        'shop/web[Deployment] => monitoring/prometheus[Pod] : TCP 9090,UDP 53',
        '',
      ].join('\n'));
    });

    test('an empty list prints nothing', () => {
      expect(written(new TxtFormatter(), [])).toBe('');
    });
  });

  describe('json', () => {
    test('prints an array of src, dst and conn objects', () => {
      const parsed = JSON.parse(written(new JsonFormatter(), ENTRIES.slice(0, 1)));
      expect(parsed).toEqual([{ src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 8080' }]);
    });

    test('is written row by row exactly as JSON.stringify with two spaces writes the whole array', () => {
      const rows = ENTRIES.map((e) => ({ src: e.source, dst: e.destination, conn: e.connections }));
      expect(written(new JsonFormatter(), ENTRIES)).toBe(JSON.stringify(rows, undefined, 2) + '\n');
      const odd = [{ source: 'a"b\\c', destination: 'é\u2028', connections: 'x' }];
      expect(written(new JsonFormatter(), odd)).toBe(JSON.stringify([{ src: odd[0].source, dst: odd[0].destination, conn: 'x' }], undefined, 2) + '\n');
    });

    test('an empty list is an empty array', () => {
      expect(written(new JsonFormatter(), [])).toBe('[]\n');
    });
  });

  describe('md', () => {
    test('prints a table with a header row and one row per entry', () => {
      expect(written(new MarkdownFormatter(), ENTRIES.slice(2))).toBe([
        '| src | dst | conn |',
        '|-----|-----|------|',
        '| shop/web[Deployment] | monitoring/prometheus[Pod] | TCP 9090,UDP 53 |',
        '',
      ].join('\n'));
    });

    test('escapes pipes inside cells', () => {
      const out = written(new MarkdownFormatter(), [{ source: 'a|b', destination: 'c', connections: 'd' }]);
      expect(out.split('\n')[2]).toBe('| a\\|b | c | d |');
    });
  });

  describe('csv', () => {
    test('prints the src,dst,conn header and quotes fields with commas', () => {
      expect(written(new CsvFormatter(), ENTRIES.slice(2))).toBe([
        'src,dst,conn',
        'shop/web[Deployment],monitoring/prometheus[Pod],"TCP 9090,UDP 53"',
        '',
      ].join('\n'));
    });

    test('doubles quotes inside quoted fields', () => {
      const out = written(new CsvFormatter(), [{ source: 'say "hi"', destination: 'b', connections: 'c' }]);
      expect(out.split('\n')[1]).toBe('"say ""hi""",b,c');
    });
  });

  describe('connlistFormatter', () => {
    test('knows txt, json, md and csv, txt first', () => {
      expect(CONNLIST_FORMATS).toEqual(['txt', 'json', 'md', 'csv']);
      for (const name of CONNLIST_FORMATS) expect(connlistFormatter(name).name).toBe(name);
    });

    test('accepts any letter case', () => {
      expect(connlistFormatter('JSON')).toBeInstanceOf(JsonFormatter);
    });

    test('rejects an unknown name and lists the valid ones', () => {
      expect(() => connlistFormatter('dot')).toThrow('unknown output format "dot"; use one of: txt, json, md, csv');
    });
  });

  describe('peer names', () => {
    test('workloads print as ns/name[Kind]', () => {
      expect(workloadPeerName({ namespace: 'shop', name: 'web', kind: 'Deployment' })).toBe('shop/web[Deployment]');
    });

    test('external ranges always print as a range, even for one address', () => {
      expect(externalPeerName('49.50.0.1', '49.50.0.1')).toBe('49.50.0.1-49.50.0.1[External]');
    });
  });
});
