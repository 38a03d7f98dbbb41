import { describe, expect, it } from 'vitest';
import { normalizeQuestion } from '../../../../bot/core/understanding/normalize-question.ts';

const text = (message: string): string => normalizeQuestion(message).text;

describe('asides of chat German', () => {
  it('drops why the asker needs the answer and who wants to know', () => {
    expect(text('wie viele Leitstellen gibt es im Kreis? brauch die zahl für ne präsi am montag')).toBe(
      'wie viele Leitstellen gibt es im Kreis?',
    );
    expect(text('Wann startet das neue Portal? Brauche das für den Bericht.')).toBe('Wann startet das neue Portal?');
    expect(text('meine chefin will wissen, welche software das bauamt nutzt')).toBe('welche software das bauamt nutzt');
    expect(text('Für eine Folie: wie hoch ist die Quote der E-Rechnungen?')).toBe('wie hoch ist die Quote der E-Rechnungen?');
    expect(text('wie heißt das ticketsystem? amtsleiter will das für die besprechung')).toBe('wie heißt das ticketsystem?');
    expect(text('weiß jemand, wie viele Außenstellen wir haben?')).toBe('wie viele Außenstellen wir haben?');
  });

  it('keeps questions that only look alike', () => {
    expect(text('Brauche ich für die Dienstreise eine Genehmigung?')).toBe('Brauche ich für die Dienstreise eine Genehmigung?');
    expect(text('brauch die kfz-stelle für eine ummeldung das original?')).toBe('brauch die kfz-stelle für eine ummeldung das original?');
    expect(text('Was muss die Chefin für die Freigabe prüfen?')).toBe('Was muss die Chefin für die Freigabe prüfen?');
  });
});
