import { describe, expect, it } from 'vitest';
import { Compounds } from '../../bot/knowledge/compounds.js';

const known = new Set(['도커', '이미지', '삭제', '이미지삭제', '볼륨', '마운트', '차', '컨테이너']);

describe('Korean compounds written without spaces', () => {
  it('cut a run of syllables into the fewest known words that make it up exactly', () => {
    const compounds = new Compounds((word) => known.has(word));
    expect(compounds.cutsOf('도커이미지삭제')).toEqual([0, 2, 7]);
    expect(compounds.cutsOf('볼륨마운트')).toEqual([0, 2, 5]);
    expect(compounds.cutsAt('docker 볼륨마운트 하는 법', 7, 12)).toEqual([0, 2, 5]);
  });

  it('leave a known word, a run with an unknown part, and parts of one syllable alone', () => {
    const compounds = new Compounds((word) => known.has(word));
    expect(compounds.cutsOf('컨테이너')).toBeNull();
    expect(compounds.cutsOf('컨테이너화면')).toBeNull();
    expect(compounds.cutsOf('차이미지')).toBeNull();
    expect(compounds.cutsOf('docker이미지')).toBeNull();
    expect(compounds.cutsAt('도커 이미지', 0, 2)).toBeNull();
    expect(compounds.cutsAt('docker', 0, 6)).toBeNull();
  });

  it('work each distinct run out once', () => {
    const asked: string[] = [];
    const compounds = new Compounds((word) => {
      asked.push(word);
      return known.has(word);
    });
    compounds.cutsOf('볼륨마운트');
    const first = asked.length;
    expect(compounds.cutsOf('볼륨마운트')).toEqual([0, 2, 5]);
    expect(asked).toHaveLength(first);
  });
});
