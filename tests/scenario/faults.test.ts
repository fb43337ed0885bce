/** Faults in scenario files: what validation accepts, what it refuses (located, in words), and how a fault reads. */
import { describe, expect, it } from 'vitest';
import { describeFault } from '../../src/scenario/faults.js';
import { formatProblem, parseScenario } from '../../src/scenario/load.js';

const withFaults = (faults: string) => `name: A\nsteps:\n  - name: Pay\n    goto: /pay\n    faults:\n${faults}`;
const problems = (source: string) => parseScenario('a.yaml', source, {}).problems.map(formatProblem);

describe('faults in a scenario', () => {
  it('accepts a status, a drop, a delay, offline, and a scenario-wide list; keeps them on the resolved step', () => {
    const source = `name: A\nfaults:\n  - { match: /analytics/, drop: true }\nsteps:\n  - name: Pay\n    goto: /pay\n    faults:\n      - { match: /api/payment, status: 503, times: 2 }\n      - { match: "/\\\\/api\\\\/stock/", delay: 3000, method: GET }\n      - offline: true\n`;
    const { scenario, problems: found } = parseScenario('a.yaml', source, {});
    expect(found).toEqual([]);
    expect(scenario?.faults).toEqual([{ match: '/analytics/', drop: true }]);
    expect(scenario?.steps[0]?.faults?.map(describeFault)).toEqual([
      '/api/payment answered 503 (first 2)',
      'GET /\\/api\\/stock/ held 3000 ms',
      'network offline',
    ]);
  });

  it('says what a fault lacks, where', () => {
    expect(problems(withFaults('      - { match: /api/payment }\n'))).toEqual([
      'a.yaml:6:9 steps[0].faults[0]: a fault needs what happens to the requests it matches: status, delay or drop',
    ]);
    expect(problems(withFaults('      - { status: 500 }\n'))).toEqual(['a.yaml:6:9 steps[0].faults[0]: a fault needs match (which requests) or offline: true']);
  });

  it('refuses contradictions: offline with a match, a drop with a status, a body without a status', () => {
    expect(problems(withFaults('      - { offline: true, match: /api }\n'))[0]).toContain('offline takes the whole network off: it goes without match');
    expect(problems(withFaults('      - { match: /api, drop: true, status: 500 }\n'))[0]).toContain('use drop or status, not both');
    expect(problems(withFaults('      - { match: /api, delay: 10, body: oops }\n'))[0]).toContain('body is what an error answer says: it needs status');
  });

  it('refuses a status that is not an error, a bad regular expression, and an unknown key, each located', () => {
    expect(problems(withFaults('      - { match: /api, status: 200 }\n'))[0]).toMatch(/^a\.yaml:6:\d+ steps\[0\]\.faults\[0\]\.status: /);
    expect(problems(withFaults('      - { match: "/(a+)+$/", status: 500 }\n'))[0]).toContain('repeats a group that itself repeats');
    expect(problems(withFaults('      - { match: /api, status: 500, retries: 2 }\n'))[0]).toContain('unknown key "retries"');
  });

  it('reads an address path as a substring, not as /pattern/flags', () => {
    expect(problems(withFaults('      - { match: /api/payment, status: 503 }\n'))).toEqual([]);
    expect(problems(withFaults('      - { match: "/api/gg", status: 503 }\n'))[0]).toContain('is not a valid regular expression');
  });
});
