import { describe, expect, it } from 'vitest';
import { haeyoForms } from '../../bot/knowledge/haeyo-form.js';

describe('the 해요-style form of a Korean word written another way', () => {
  it('reads the formal ㅂ니다 style as the 해요 style, contracting as Korean writes it', () => {
    expect(haeyoForms('됩니다')[0]).toBe('돼요');
    expect(haeyoForms('합니다')[0]).toBe('해요');
    expect(haeyoForms('나옵니다')[0]).toBe('나와요');
    expect(haeyoForms('사라집니다')[0]).toBe('사라져요');
    expect(haeyoForms('뜹니다')[0]).toBe('떠요');
    expect(haeyoForms('바쁩니다')[0]).toBe('바빠요');
    expect(haeyoForms('모릅니다')[0]).toBe('몰라요');
  });

  it('reads 습니다 and 습니까 after a stem ending in a consonant', () => {
    expect(haeyoForms('않습니다')).toEqual(['않아요']);
    expect(haeyoForms('없습니까')).toEqual(['없어요']);
    expect(haeyoForms('했습니다')).toEqual(['했어요']);
  });

  it('offers the ㄹ stem a formal ending dropped as the second reading of a longer word', () => {
    expect(haeyoForms('만듭니다')).toContain('만들어요');
    expect(haeyoForms('엽니다')).toEqual(['여요']);
  });

  it('reads 입니까 after a noun as the copula, and alone as nothing but the copula', () => {
    expect(haeyoForms('무엇입니까')[0]).toBe('무엇이에요');
    expect(haeyoForms('입니까')).toEqual(['이에요']);
  });

  it('reads 되 where 돼 belongs as 돼', () => {
    expect(haeyoForms('안되요')).toEqual(['안돼요']);
    expect(haeyoForms('되서')).toEqual(['돼서']);
    expect(haeyoForms('됬어요')).toEqual(['됐어요']);
  });

  it('leaves words in neither style alone, 니까 meaning "because" among them', () => {
    expect(haeyoForms('하니까')).toEqual([]);
    expect(haeyoForms('없으니까')).toEqual([]);
    expect(haeyoForms('컨테이너')).toEqual([]);
    expect(haeyoForms('되도록')).toEqual([]);
    expect(haeyoForms('습니다')).toEqual([]);
  });
});
