/** Reading Kolada's KPI catalogue as Kolada exports it. */
import { describe, expect, it } from 'vitest';
import { koladaKpiTitle, parseKoladaKpis } from './kolada-kpis.js';

const HEADER =
  'id,title,description,is_divided_by_gender,municipality_type,auspice,operating_area,perspective,prel_publication_date,publication_date,publ_period,has_ou_data';

describe('Kolada’s KPI catalogue', () => {
  it('reads quoted titles with commas and doubled quotes', () => {
    const titles = parseKoladaKpis(
      `${HEADER}\nN00001,"Kostnad, ""total"" kr/inv","Beskrivning, med komma",False,K,,"Kommunen, övergripande",Resurser,,2027-02-24,2026,False\n`,
    );
    expect([...titles]).toEqual([['N00001', 'Kostnad, "total" kr/inv']]);
  });

  it('stops at a row that is not twelve values, naming its line', () => {
    expect(() => parseKoladaKpis(`${HEADER}\nN00001,Titel,kort\n`)).toThrow(
      'Kolada-filen, rad 2: inte 12 värden med id och titel.',
    );
  });

  it('knows the catalogue the repository holds', () => {
    expect(koladaKpiTitle('N03002')).toBe('Soliditet inkl pensionsåtag. kommun, (%)');
    expect(koladaKpiTitle('N99999')).toBeUndefined();
  });
});
