/** Every Swedish label of the app in one place, by the GraphQL enum values they name. */
import type { ImportRowStatus } from '@uppfoljning/domain';
import type { Role } from '../gql/graphql';

export const roleLabel: Record<Role, string> = {
  LASARE: 'läsare',
  REDAKTOR: 'redaktör',
  ADMINISTRATOR: 'administratör',
};

export const assessmentLabel: Record<string, string> = {
  UPPFYLLT: 'Uppfyllt',
  DELVIS_UPPFYLLT: 'Delvis uppfyllt',
  EJ_UPPFYLLT: 'Ej uppfyllt',
  EJ_BEDOMD: 'Ej bedömd',
};

export const trendLabel: Record<string, string> = {
  POSITIV: 'Positiv',
  NEGATIV: 'Negativ',
  OFORANDRAD: 'Oförändrad',
  EJ_UTVARDERAD: 'Ej utvärderad',
};

export const kindLabel: Record<string, string> = { UPPDRAG: 'Uppdrag', NAMNDINITIATIV: 'Nämndinitiativ' };

export const statusLabel: Record<string, string> = {
  EJ_PABORJAD: 'Ej påbörjad',
  PABORJAD: 'Påbörjad',
  SLUTFORD: 'Slutförd',
  PAUSAD: 'Pausad',
  KVARSTAENDE: 'Kvarstående',
  STRUKEN: 'Struken',
  STANGS_OCH_OVERGAR: 'Stängs och övergår i nytt uppdrag',
};

export const originLabel: Record<string, string> = {
  THIS_YEAR: 'Från årets Mål och budget',
  EARLIER_YEAR: 'Kvarvarande från tidigare år',
  UNKNOWN: 'Ursprung okänt',
};

export const forecastLabel: Record<string, string> = {
  ENLIGT_PLAN: 'Enligt plan',
  AVVIKELSE_FRAN_PLAN: 'Avvikelse från plan',
};

export const unitKindLabel: Record<string, string> = {
  KOMMUN: 'Kommun',
  NAMND: 'Nämnd',
  KONTOR: 'Kontor',
  AVDELNING: 'Avdelning',
  ENHET: 'Enhet',
  VERKSAMHET: 'Verksamhet',
};

export const severityLabel: Record<string, string> = {
  HIGH: 'Allvarligt',
  MEDIUM: 'Avvikelse',
  LOW: 'Notering',
};

/** What each severity word means, shown beside the list that uses them. */
export const severityExplanation: Record<string, string> = {
  HIGH: 'mål som inte uppfylls, eller en ogynnsam avvikelse på minst 5 % av budgeten',
  MEDIUM:
    'mål som delvis uppfylls, uppdrag som pågår med avvikelse från plan, eller en mindre ogynnsam avvikelse',
  LOW: 'periodens underskott som helårsprognosen väntas vända',
};

/** The note beside an assessment that says the opposite of the figures shown with it. */
export const assessmentContradictionNote =
  'Bedömningen stämmer inte med siffrorna: senaste utfallet jämfört med målet pekar åt andra hållet.';

export const reportTypeLabel: Record<string, string> = {
  MANADSUPPFOLJNING: 'Månadsuppföljning',
  TERTIALRAPPORT: 'Tertialrapport',
  DELARSRAPPORT: 'Delårsrapport',
  VERKSAMHETSBERATTELSE: 'Verksamhetsberättelse',
  TJANSTESKRIVELSE: 'Tjänsteskrivelse',
};

/** The column headings of an economy table, by the field they show. */
export const economyColumnLabel: Record<string, string> = {
  budgetMonth: 'Budget',
  outcomeMonth: 'Utfall',
  deviationMonth: 'Avvikelse',
  percentOfBudgetMonth: '% av budget',
  budgetPeriod: 'Budget perioden',
  outcomePeriod: 'Utfall perioden',
  deviationPeriod: 'Avvikelse',
  percentOfBudgetPeriod: '% av budget',
  outcomePreviousYearPeriod: 'Utfall samma period föregående år',
  changeFromPreviousYear: 'Förändring mot föregående år',
  budgetFullYear: 'Budget helår',
  forecastFullYear: 'Prognos',
  deviationForecast: 'Avvikelse prognos',
};

/** The column headings of an investments table. */
export const investmentColumnLabel: Record<string, string> = {
  budgetTotal: 'Total budget',
  forecastTotal: 'Total prognos',
  deviationTotal: 'Avvikelse',
  deviationTotalPercent: 'Avvikelse %',
  outcomeAccumulated: 'Ackumulerat utfall',
  budgetYear: 'Budget året',
  forecastYear: 'Prognos året',
  deviationYear: 'Avvikelse året',
  outcomeYear: 'Utfall året',
  outcomePreviousYear: 'Utfall föregående år',
  changeFromPreviousYear: 'Förändring mot föregående år',
};

/** A deviation in words, by its sign as printed (see `deviationSign`). */
export const deviationWord: Record<'-1' | '0' | '1', string> = {
  '1': 'gynnsam',
  '0': 'ingen avvikelse',
  '-1': 'ogynnsam',
};

/** What the spreadsheet import will do with a row, by the status the server answers. */
export const importStatusLabel: Record<ImportRowStatus, string> = {
  new: 'Ny',
  changed: 'Ändras',
  unchanged: 'Oförändrad',
  wrong: 'Fel',
};

/** What the ledger import will do with an economy line, by the status the server answers. */
export const ledgerLineStatusLabel: Record<'new' | 'changed' | 'unchanged' | 'cleared', string> = {
  new: importStatusLabel.new,
  changed: importStatusLabel.changed,
  unchanged: importStatusLabel.unchanged,
  cleared: 'Töms',
};
/** Period kinds as the sources name them; the whole year is "Helår". */
export const periodKindLabel: Record<string, string> = {
  MANAD: 'Månad',
  TERTIAL: 'Tertial',
  DELAR: 'Delår',
  AR: 'Helår',
};

export const directionLabel: Record<string, string> = {
  HIGHER: 'Högre är bättre',
  LOWER: 'Lägre är bättre',
  NONE: 'Ingen',
};

export const indicatorOriginLabel: Record<string, string> = { KF: 'KF', NAMND: 'Nämnd' };
