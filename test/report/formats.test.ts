import { ConnlistEntry, sortEntries } from '../../src/report/connlist-entry';
import { CsvFormatter } from '../../src/report/csv-formatter';
import { CONNLIST_FORMATS, connlistFormatter } from '../../src/report/formats';
import { JsonFormatter } from '../../src/report/json-formatter';
import { MarkdownFormatter } from '../../src/report/md-formatter';
import { externalPeerName, workloadPeerName } from '../../src/report/peer-name';
import { TxtFormatter } from '../../src/report/txt-formatter';

const ENTRIES: ConnlistEntry[] = [
  { source: 'shop/web[Deployment]', destination: 'shop/api[Deployment]', connections: 'TCP 8080' },
  { source: '0.0.0.0-255.255.255.255[External]', destination: 'monitoring/prometheus[Pod]', connections: 'All Connections' },
  { source: 'shop/web[Deployment]', destination: 'monitoring/prometheus[Pod]', connections: 'TCP 9090,UDP 53' },
];

describe('connlist formats', () => {
  describe('sortEntries', () => {
    test('orders entries as their txt lines sort as strings', () => {
      expect(sortEntries(ENTRIES).map((e) => e.source + ' ' + e.destination)).toEqual([
        '0.0.0.0-255.255.255.255[External] monitoring/prometheus[Pod]',
        'shop/web[Deployment] monitoring/prometheus[Pod]',
        'shop/web[Deployment] shop/api[Deployment]',
      ]);
    });
  });

  describe('txt', () => {
    test('prints one netpol-analyzer line per entry and nothing else', () => {
      expect(new TxtFormatter().format(sortEntries(ENTRIES))).toBe([
        '0.0.0.0-255.255.255.255[External] => monitoring/prometheus[Pod] : All Connections',
        'shop/web[Deployment] => monitoring/prometheus[Pod] : TCP 9090,UDP 53',
        'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
        '',
      ].join('\n'));
    });

    test('an empty list prints nothing', () => {
      expect(new TxtFormatter().format([])).toBe('');
    });
  });

  describe('json', () => {
    test('prints an array of src, dst and conn objects', () => {
      const parsed = JSON.parse(new JsonFormatter().format(ENTRIES.slice(0, 1)));
      expect(parsed).toEqual([{ src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 8080' }]);
    });

    test('an empty list is an empty array', () => {
      expect(new JsonFormatter().format([])).toBe('[]\n');
    });
  });

  describe('md', () => {
    test('prints a table with a header row and one row per entry', () => {
      expect(new MarkdownFormatter().format(ENTRIES.slice(2))).toBe([
        '| src | dst | conn |',
        '|-----|-----|------|',
        '| shop/web[Deployment] | monitoring/prometheus[Pod] | TCP 9090,UDP 53 |',
        '',
      ].join('\n'));
    });

    test('escapes pipes inside cells', () => {
      const out = new MarkdownFormatter().format([{ source: 'a|b', destination: 'c', connections: 'd' }]);
      expect(out.split('\n')[2]).toBe('| a\\|b | c | d |');
    });
  });

  describe('csv', () => {
    test('prints the src,dst,conn header and quotes fields with commas', () => {
      expect(new CsvFormatter().format(ENTRIES.slice(2))).toBe([
        'src,dst,conn',
        'shop/web[Deployment],monitoring/prometheus[Pod],"TCP 9090,UDP 53"',
        '',
      ].join('\n'));
    });

    test('doubles quotes inside quoted fields', () => {
      const out = new CsvFormatter().format([{ source: 'say "hi"', destination: 'b', connections: 'c' }]);
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
