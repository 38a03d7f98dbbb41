/**
 * German stop words (folded: ä→a, ö→o, ü→u, ß→ss), removed before stemming. Question words and
 * negations ("nicht", "kein") are kept; question words are removed (they never occur in the answer text).
 */
export const germanStopWords: ReadonlySet<string> = new Set(
  `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anders
auch auf aus bei beim bin bis bist da dabei dadurch dafur dagegen daher dahin damals damit danach daneben dann daran
darauf daraus darf darfst darin daruber darum darunter das dass dasselbe davon davor dazu dein deine deinem deinen
deiner dem demselben den denen denn denselben der deren derer derselbe derselben des desselben dessen dich die dies
diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig
einige einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer fur gegen gewesen hab habe
haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist ja
jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kannst konnen konnte machen man manche manchem
manchen mancher manches mein meine meinem meinen meiner mich mir mit muss musste nach nun nur ob oder ohne sehr sein
seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte sondern
sonst uber um und uns unser unsere unserem unseren unserer unter viel vom von vor wahrend war waren warst was weg weil
weiter welche welchem welchen welcher welches werde werden wie wieder will wir wird wirst wo wollen wollte wurde wurden
zu zum zur zwar zwischen bitte gibt gilt eigentlich denn mal etwa ganz schon gerne
wer wen wem wessen wann warum wieso weshalb wofur womit woher wohin woran worauf wodurch wozu viele vielen vieler
heisst hiess hiessen nennt nennen genannt gab gaben
wegen nachste nachsten nachster wieviel wieviele aktuell aktuelle derzeit gerade genau uberhaupt ungefahr eigentlich`.split(/\s+/),
);

/**
 * Folded words that are indexed but never expanded with thesaurus synonyms: function words and very common verbs
 * and adjectives whose many senses would bring in unrelated words ("wegen" → "halber", "nein" → "negativ").
 */
export const expansionStopWords: ReadonlySet<string> = new Set(
  `wegen nein ja okay ok innen aussen drin gut neu alt gross klein lang kurz mehr weniger immer nie oft schnell
sagen sagt sag fragen fragt gehen geht machen macht tun tut brauchen braucht brauche geben lassen stehen steht
wissen weiss sehen sieht kommen kommt bekommen bekomme bekommt finden finde findet halten bleiben nehmen stellen
richtig falsch moglich erlaubt danke hallo arbeiten arbeitet
mussen musst konnen kannst sollen sollst durfen darfst mogen mochte mochten wollen willst werden
noch trotzdem dennoch schon bereits bisher bald dann jetzt sofort gleich wirklich eben halt einfach sogar auch
immer wieder nochmal dauer fall falls sache ding dinge art weise teil`.split(/\s+/),
);
