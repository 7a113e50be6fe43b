import { readFileSync } from 'node:fs';
import { buildModel } from '../server/src/engine/model';
const [file] = process.argv.slice(2);
const model = buildModel(readFileSync(file, 'utf8'));
console.log('title', model.title?.text, 'kind', model.kind);
console.log('parties', model.parties.map((p) => `${p.name} [${p.type}] {${p.aliases.join('|')}}`));
console.log('sections', model.sections.filter(s=>s.heading).map((s) => `${s.heading!.depth}${s.heading!.pseudo?'p':''} ${s.heading!.text.slice(0,50)} => ${s.cls}`).join('\n'));
for (const m of model.mentions.filter((m) => ['gemeenteraad', 'schooldirecteuren', 'schoolbesturen'].includes(m.group))) console.log(m.group, JSON.stringify(model.plain.slice(m.start - 15, m.end + 10)));
